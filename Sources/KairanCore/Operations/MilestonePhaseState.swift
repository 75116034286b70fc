/// Where a phase stands at a report date.
public enum MilestonePhaseState: String, Hashable, Sendable, CaseIterable {
    /// Every checklist entry is done.
    case complete
    /// Under way: started, not past due, not complete.
    case active
    /// Not started yet (before `start`).
    case upcoming
    /// Past `due` and not complete.
    case overdue

    /// `完了`, `進行中`, `未着手`, `期限超過`.
    public var label: String {
        switch self {
        case .complete: return "完了"
        case .active: return "進行中"
        case .upcoming: return "未着手"
        case .overdue: return "期限超過"
        }
    }

    /// `✓`, `▶`, `○`, `!` — so the state is never told by colour alone.
    public var icon: String {
        switch self {
        case .complete: return "✓"
        case .active: return "▶"
        case .upcoming: return "○"
        case .overdue: return "!"
        }
    }
}
