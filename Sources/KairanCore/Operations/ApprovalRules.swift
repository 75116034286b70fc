/// The approval criteria for `immediate` backlog items (ローンチ後フォローアップ計画 1章): requested by
/// at least 3 clinics, business value at least 7, and approved by the Tech Lead.
///
/// Violations are warnings — the plan is a policy, not a build blocker — each naming the item id at
/// the item's `file:line`. Dropped items are not checked.
public struct ApprovalRules: Hashable, Sendable {
    /// The fewest distinct requesting clinics.
    public var minimumClinics: Int
    /// The lowest business value.
    public var minimumValue: Int
    /// Who must approve.
    public var approver: String

    public init(minimumClinics: Int = 3, minimumValue: Int = 7, approver: String = "Tech Lead") {
        self.minimumClinics = minimumClinics
        self.minimumValue = minimumValue
        self.approver = approver
    }

    /// The plan's criteria: 3 clinics, value 7, `Tech Lead`.
    public static let standard = ApprovalRules()

    /// `items` checked against the plan's criteria.
    public static func check(_ items: [BacklogItem]) -> [Diagnostic] { standard.check(items) }

    /// One warning per criterion an immediate, not dropped item misses.
    public func check(_ items: [BacklogItem]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for item in items where item.horizon == .immediate && item.status != .dropped {
            var clinics: [String] = []
            for clinic in item.requestedBy where !clinics.contains(clinic) { clinics.append(clinic) }
            if clinics.count < minimumClinics {
                diagnostics.append(.warning(
                    item.location, "\(item.id): an Immediate item needs requests from at least \(minimumClinics) clinics, found \(clinics.count)",
                    hint: "list the requesting clinics under `requested_by`, or move the item to `horizon: short-term`"))
            }
            if item.value < minimumValue {
                diagnostics.append(.warning(
                    item.location, "\(item.id): an Immediate item needs business value \(minimumValue) or more, found \(item.value)",
                    hint: "re-assess `value`, or move the item to `horizon: short-term`"))
            }
            if item.approvedBy != approver {
                let found = item.approvedBy.map { "approved by \($0)" } ?? "not approved"
                diagnostics.append(.warning(
                    item.location, "\(item.id): an Immediate item must be approved by \(approver), \(found)",
                    hint: "record the approval as `approved_by: \(approver)`"))
            }
        }
        return diagnostics
    }
}
