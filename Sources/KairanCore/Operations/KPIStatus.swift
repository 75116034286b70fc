/// The state of a KPI at a report date. Each state has a Japanese label and an icon character so
/// it is never told by colour alone.
public enum KPIStatus: String, Hashable, Sendable, CaseIterable {
    /// The latest value meets the target.
    case onTarget = "on-target"
    /// The target is missed but the alert rule does not match (a warning).
    case offTarget = "off-target"
    /// The alert rule matches.
    case alert
    /// No measurement on or before the date, or too few to judge a relative target.
    case noData = "no-data"
    /// The latest value is older than twice the measurement period.
    case stale

    /// `目標達成`, `目標未達`, `アラート`, `データなし`, `更新停止`.
    public var label: String {
        switch self {
        case .onTarget: return "目標達成"
        case .offTarget: return "目標未達"
        case .alert: return "アラート"
        case .noData: return "データなし"
        case .stale: return "更新停止"
        }
    }

    /// `✓`, `!`, `✕`, `–`, `‖`.
    public var icon: String {
        switch self {
        case .onTarget: return "✓"
        case .offTarget: return "!"
        case .alert: return "✕"
        case .noData: return "–"
        case .stale: return "‖"
        }
    }

    /// The CSS class themes colour: `kpi-status-on-target`, `kpi-status-alert`, ….
    public var cssClass: String { "kpi-status-\(rawValue)" }

    /// Sort rank, most urgent first: alert, off target, stale, no data, on target.
    public var urgency: Int {
        switch self {
        case .alert: return 0
        case .offTarget: return 1
        case .stale: return 2
        case .noData: return 3
        case .onTarget: return 4
        }
    }
}
