/// Who a KPI is shown to: `internal` (the team's operations pages) or `customers` (public status).
public enum KPIAudience: String, Hashable, Sendable, CaseIterable {
    case `internal`
    case customers
}
