/// The value range a KPI's chart and sparkline show: the measurements, the target and alert
/// thresholds (so the target line is always inside), and at least `minimumShare` of the values'
/// magnitude, widened toward zero (never below it for values that are all non-negative). A dip
/// from 100% to 99.9% uptime is then a small step against a 98–100 scale, not a fall from the
/// top of the box to the bottom.
enum KPIValueRange {
    /// The smallest span shown, as a share of the largest absolute value.
    static let minimumShare = 0.02

    /// `(low, high)` covering `values` and `thresholds`; nil when both are empty.
    static func bounds(values: [Double], thresholds: [Double]) -> (low: Double, high: Double)? {
        let all = values + thresholds
        guard var low = all.min(), var high = all.max() else { return nil }
        let span = max(abs(low), abs(high)) * minimumShare
        if high - low < span {
            if high > 0 || low >= 0 {
                low = high - span
                if low < 0 && all.allSatisfy({ $0 >= 0 }) { low = 0 }
            } else {
                high = low + span
            }
        }
        return (low, high)
    }

    /// The absolute target and alert thresholds of a KPI (relative rules have no line).
    static func thresholds(of definition: KPIDefinition) -> [Double] {
        [definition.target, definition.alert].compactMap { rule in
            guard let rule, case .absolute(_, let value) = rule else { return nil }
            return value
        }
    }
}
