/// How often a KPI is measured (and how often it is reviewed): `realtime`, `daily`, `weekly`,
/// `monthly`, `quarterly`.
public enum KPIFrequency: String, Hashable, Sendable, CaseIterable {
    case realtime
    case daily
    case weekly
    case monthly
    case quarterly

    /// The length of one period in days (realtime data is collected as daily aggregates, so 1);
    /// months and quarters are approximate (31 and 92 days).
    public var periodDays: Int {
        switch self {
        case .realtime, .daily: return 1
        case .weekly: return 7
        case .monthly: return 31
        case .quarterly: return 92
        }
    }

    /// A KPI is stale when its latest value is more than this many days older than the report
    /// date: twice the period (daily 2, weekly 14, monthly 62, quarterly 184).
    public var staleAfterDays: Int { periodDays * 2 }

    /// `リアルタイム`, `日次`, `週次`, `月次`, `四半期`.
    public var label: String {
        switch self {
        case .realtime: return "リアルタイム"
        case .daily: return "日次"
        case .weekly: return "週次"
        case .monthly: return "月次"
        case .quarterly: return "四半期"
        }
    }
}
