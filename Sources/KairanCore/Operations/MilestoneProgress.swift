/// One checklist entry decided at a report date.
public struct MilestoneCheckResult: Hashable, Sendable {
    public var check: MilestoneCheck
    public var done: Bool
    /// What was measured, in Japanese: `7/8件完了（87.5%）`, `最新値 4.6点（2026-11-01）`, `手動チェック`.
    public var detail: String

    public init(check: MilestoneCheck, done: Bool, detail: String) {
        self.check = check
        self.done = done
        self.detail = detail
    }
}

/// A phase with its checklist decided at a report date.
public struct MilestoneProgress: Hashable, Sendable {
    public var milestone: Milestone
    public var checks: [MilestoneCheckResult]
    public var state: MilestonePhaseState
    /// The date the checklist was decided at: the report date, or the due date once that has passed.
    public var judgedAt: CivilDate?

    public init(milestone: Milestone, checks: [MilestoneCheckResult], state: MilestonePhaseState, judgedAt: CivilDate? = nil) {
        self.milestone = milestone
        self.checks = checks
        self.state = state
        self.judgedAt = judgedAt
    }

    /// Whether the checklist was decided at the due date, before the report date.
    public func judgedAtDue(reportDate: CivilDate) -> Bool { judgedAt.map { $0 < reportDate } ?? false }

    /// How many entries are done.
    public var doneCount: Int { checks.filter(\.done).count }
    /// How many entries there are.
    public var total: Int { checks.count }
    /// Done entries in percent, 0…100 (100 for an empty checklist).
    public var percent: Double { total == 0 ? 100 : Double(doneCount) / Double(total) * 100 }
}
