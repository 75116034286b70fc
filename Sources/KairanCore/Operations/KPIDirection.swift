/// Which way a KPI improves: `higher` (uptime, CSAT) or `lower` (latency, error counts).
public enum KPIDirection: String, Hashable, Sendable, CaseIterable {
    case higher
    case lower

    /// The direction a target rule implies, used when `direction:` is left out of `kpis.yaml`:
    /// `>=` and `>` mean higher is better; `<`, `<=` mean lower is better; `==` is read as lower
    /// is better because exact targets are counts that should stay at zero (`== 0` incidents),
    /// where any rise is a deterioration. Relative rules follow their operator the same way.
    public static func implied(by target: KPIRule) -> KPIDirection {
        switch target.comparison {
        case .greaterOrEqual, .greater: return .higher
        case .lessOrEqual, .less, .equal: return .lower
        }
    }

    /// `高いほど良い` / `低いほど良い`.
    public var label: String { self == .higher ? "高いほど良い" : "低いほど良い" }
}
