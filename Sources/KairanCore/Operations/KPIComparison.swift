/// A comparison operator of the KPI rule language: `>=`, `>`, `<=`, `<`, `==`.
public enum KPIComparison: String, Hashable, Sendable, CaseIterable {
    case greaterOrEqual = ">="
    case greater = ">"
    case lessOrEqual = "<="
    case less = "<"
    case equal = "=="

    /// Whether `value` compares to `threshold` this way. `==` is exact: use it for counts.
    public func holds(_ value: Double, _ threshold: Double) -> Bool {
        switch self {
        case .greaterOrEqual: return value >= threshold
        case .greater: return value > threshold
        case .lessOrEqual: return value <= threshold
        case .less: return value < threshold
        case .equal: return value == threshold
        }
    }

    /// The Japanese word put after the threshold: `95%以上`, `500ms未満`; empty for `==` (`0件`).
    public var japaneseSuffix: String {
        switch self {
        case .greaterOrEqual: return "以上"
        case .greater: return "超"
        case .lessOrEqual: return "以下"
        case .less: return "未満"
        case .equal: return ""
        }
    }
}
