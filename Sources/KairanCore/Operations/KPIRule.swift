/// A target or alert rule of a KPI, parsed from `kpis.yaml`:
///
/// - absolute: `">= 95"`, `"< 500"`, `"> 1000"`, `"== 0"`, `"<= 4"` — the latest value in the KPI's unit;
/// - relative: `"wow <= -10%"`, `"dod <= -20%"`, `"mom <= -5%"`, `"qoq >= 10%"` — the percentage
///   change of the latest value against the value one period earlier (see `KPIPeriod`).
public enum KPIRule: Hashable, Sendable, CustomStringConvertible {
    /// The latest value compared with a threshold in the KPI's unit.
    case absolute(KPIComparison, Double)
    /// The percentage change over `KPIPeriod` compared with a threshold in percent.
    case change(KPIPeriod, KPIComparison, Double)

    /// Parses rule text; throws a `KPIRuleError` naming the column of the problem.
    public init(parsing text: String) throws(KPIRuleError) {
        var parser = KPIRuleParser(text)
        self = try parser.parse()
    }

    /// The comparison operator.
    public var comparison: KPIComparison {
        switch self {
        case .absolute(let comparison, _), .change(_, let comparison, _): return comparison
        }
    }

    /// The threshold: in the KPI's unit for absolute rules, in percent for relative ones.
    public var threshold: Double {
        switch self {
        case .absolute(_, let threshold), .change(_, _, let threshold): return threshold
        }
    }

    /// The period of a relative rule; nil for an absolute one.
    public var period: KPIPeriod? {
        if case .change(let period, _, _) = self { return period }
        return nil
    }

    /// The rule in its canonical written form: `>= 95`, `wow <= -10%`.
    public var description: String {
        switch self {
        case .absolute(let comparison, let threshold):
            return "\(comparison.rawValue) \(FixedDecimal.trimmed(threshold, maxDecimals: 6))"
        case .change(let period, let comparison, let threshold):
            return "\(period.rawValue) \(comparison.rawValue) \(FixedDecimal.trimmed(threshold, maxDecimals: 6))%"
        }
    }

    /// The rule in Japanese with `unit`: `95%以上`, `500ms未満`, `0件`, `前週比 -10%以下`.
    public func japanese(unit: String) -> String {
        switch self {
        case .absolute(let comparison, let threshold):
            return FixedDecimal.trimmed(threshold, maxDecimals: 6) + unit + comparison.japaneseSuffix
        case .change(let period, let comparison, let threshold):
            let sign = threshold > 0 ? "+" : ""
            return "\(period.label) \(sign)\(FixedDecimal.trimmed(threshold, maxDecimals: 6))%\(comparison.japaneseSuffix)"
        }
    }
}
