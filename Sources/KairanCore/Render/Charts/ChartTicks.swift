/// "Nice" axis ticks for a value range: steps of 1, 2, 2.5 or 5 times a power of ten, about
/// `count` of them, covering the range. Pure arithmetic, so the same input gives the same ticks.
struct ChartTicks: Hashable, Sendable {
    /// The tick values, lowest first; the first and last are the axis bounds.
    let values: [Double]
    /// Decimals needed to print every tick exactly.
    let decimals: Int

    var lower: Double { values.first ?? 0 }
    var upper: Double { values.last ?? 1 }

    /// Ticks covering `low…high`, never closer than `minimumStep` (use the data's precision so
    /// whole counts get whole ticks). An empty range is widened around its value (by 1 for 0,
    /// else 10%); a range that starts at or above 0 never gets a negative axis.
    init(low: Double, high: Double, count: Int = 4, minimumStep: Double = 0) {
        var low = min(low, high)
        var high = max(low, high)
        if high - low < 1e-9 {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            let nonNegative = low >= 0
            low -= pad
            high += pad
            if nonNegative && low < 0 { low = 0 }
        }
        let raw = max((high - low) / Double(max(count, 1)), minimumStep)
        var exponent = 0
        while ChartTicks.power(exponent) > raw { exponent -= 1 }
        while ChartTicks.power(exponent + 1) <= raw { exponent += 1 }
        let normalized = raw / ChartTicks.power(exponent)
        var multiplier = [1.0, 2.0, 2.5, 5.0, 10.0].first { $0 >= normalized - 1e-9 } ?? 10
        if multiplier == 10 {
            multiplier = 1
            exponent += 1
        }
        let step = multiplier * ChartTicks.power(exponent)
        let first = (low / step + 1e-9).rounded(.down)
        let last = (high / step - 1e-9).rounded(.up)
        let decimals = max(0, -exponent + (multiplier == 2.5 ? 1 : 0))
        var values: [Double] = []
        var index = first
        while index <= last + 0.5 {
            values.append(ChartTicks.snap(index * step, decimals: decimals))
            index += 1
        }
        if values.count < 2 { values.append(ChartTicks.snap((first + 1) * step, decimals: decimals)) }
        self.values = values
        self.decimals = decimals
    }

    /// 10 to the `exponent`, by exact integer powers so 0.1 is 1/10, not 10^-1 approximated.
    static func power(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }

    /// `value` rounded to `decimals` places (removes 0.30000000000000004-style noise).
    static func snap(_ value: Double, decimals: Int) -> Double {
        let scale = power(decimals)
        return (value * scale).rounded() / scale
    }
}
