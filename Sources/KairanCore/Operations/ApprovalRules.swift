/// The approval criteria for `immediate` backlog items (ローンチ後フォローアップ計画 1章): requested by
/// at least 3 clinics, business value at least 7, and approved by the Tech Lead.
///
/// Violations are warnings — the plan is a policy, not a build blocker — each naming the item id at
/// the item's `file:line`. Dropped items are not checked. `findings` says what was found as data;
/// the terminal shows each as an English `Diagnostic`, the roadmap page as a Japanese sentence.
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

    /// `items` checked against the plan's criteria, as diagnostics.
    public static func check(_ items: [BacklogItem]) -> [Diagnostic] { standard.check(items) }

    /// One warning per criterion an immediate, not dropped item misses.
    public func check(_ items: [BacklogItem]) -> [Diagnostic] { findings(items).map(\.diagnostic) }

    /// One finding per criterion an immediate, not dropped item misses, in item order.
    public func findings(_ items: [BacklogItem]) -> [ApprovalFinding] {
        var found: [ApprovalFinding] = []
        for (index, item) in items.enumerated() where item.horizon == .immediate && item.status != .dropped {
            var clinics: [String] = []
            for clinic in item.requestedBy where !clinics.contains(clinic) { clinics.append(clinic) }
            func add(_ kind: ApprovalFinding.Kind) {
                found.append(ApprovalFinding(item: index, id: item.id, location: item.location, kind: kind))
            }
            if clinics.count < minimumClinics { add(.tooFewClinics(required: minimumClinics, found: clinics.count)) }
            if item.value < minimumValue { add(.lowValue(required: minimumValue, found: item.value)) }
            if item.approvedBy != approver { add(.notApproved(required: approver, approvedBy: item.approvedBy)) }
        }
        return found
    }
}

/// One approval criterion a backlog item misses.
public struct ApprovalFinding: Hashable, Sendable {
    /// Which criterion, with what was required and what was found.
    public enum Kind: Hashable, Sendable {
        /// Fewer distinct requesting clinics than required.
        case tooFewClinics(required: Int, found: Int)
        /// A business value below the minimum.
        case lowValue(required: Int, found: Int)
        /// Not approved by the required approver (`approvedBy` nil: not approved at all).
        case notApproved(required: String, approvedBy: String?)
    }

    /// The item's index in the backlog.
    public var item: Int
    /// The item's id.
    public var id: String
    /// Where the item is in `backlog.yaml`.
    public var location: SourceLocation
    public var kind: Kind

    /// The terminal's English warning: `BL-006: an Immediate item needs requests from at least 3 clinics, found 2`.
    public var diagnostic: Diagnostic {
        switch kind {
        case .tooFewClinics(let required, let found):
            return .warning(location, "\(id): an Immediate item needs requests from at least \(required) clinics, found \(found)",
                            hint: "list the requesting clinics under `requested_by`, or move the item to `horizon: short-term`")
        case .lowValue(let required, let found):
            return .warning(location, "\(id): an Immediate item needs business value \(required) or more, found \(found)",
                            hint: "re-assess `value`, or move the item to `horizon: short-term`")
        case .notApproved(let required, let approvedBy):
            let found = approvedBy.map { "approved by \($0)" } ?? "not approved"
            return .warning(location, "\(id): an Immediate item must be approved by \(required), \(found)",
                            hint: "record the approval as `approved_by: \(required)`")
        }
    }

    /// The roadmap's Japanese sentence, for readers (the item's id is shown and linked beside it):
    /// `要望元が2院しかありません（3院以上が必要です）。`
    public var japanese: String {
        switch kind {
        case .tooFewClinics(let required, let found):
            return found == 0 ? "要望元の院が登録されていません（\(required)院以上が必要です）。"
                : "要望元が\(found)院しかありません（\(required)院以上が必要です）。"
        case .lowValue(let required, let found):
            return "ビジネス価値が\(found)です（\(required)以上が必要です）。"
        case .notApproved(let required, let approvedBy):
            return approvedBy.map { "\($0)の承認になっています（\(required)の承認が必要です）。" } ?? "\(required)の承認がまだありません。"
        }
    }

    /// What to do about it, in Japanese: `要望元の院を追加するか、対応時期を「短期」に移してください。`
    public var japaneseAdvice: String {
        switch kind {
        case .tooFewClinics:
            return "要望元の院を追加するか、対応時期を「\(BacklogHorizon.shortTerm.label)」に移してください。"
        case .lowValue:
            return "ビジネス価値を見直すか、対応時期を「\(BacklogHorizon.shortTerm.label)」に移してください。"
        case .notApproved(let required, _):
            return "\(required)の承認を得て、承認者として記録してください。"
        }
    }
}
