/// Deterministic number formatting without Foundation or locales: a fixed number of decimals,
/// rounded half away from zero, `-` for negatives, never `-0`.
public enum FixedDecimal {
    /// `value` with exactly `decimals` (0…9) digits after the point: `format(3.14159, decimals: 2)` → `3.14`.
    /// - Parameter rounding: of the magnitude; `.down` truncates (an uptime of 99.996% is 99.99%, never 100.00%).
    public static func format(_ value: Double, decimals: Int, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        let places = min(max(decimals, 0), 9)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        // The nudge keeps a value written with `places` decimals (99.97 × 100 = 9996.999…) from truncating below itself.
        let scaled = rounding == .down ? (abs(value) * scale + 1e-7).rounded(.down) : (abs(value) * scale).rounded(rounding)
        // Beyond 2^53 doubles are whole numbers anyway; fall back to the standard library's text.
        guard scaled < 9_007_199_254_740_992 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        let whole = String(units / divisor)
        var text = value < 0 && units != 0 ? "-" + whole : whole
        if places > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: places - fraction.count) + fraction
        }
        return text
    }

    /// `value` with up to `maxDecimals` decimals and trailing zeros removed: `4.50` → `4.5`, `95.0` → `95`.
    public static func trimmed(_ value: Double, maxDecimals: Int = 4) -> String {
        var text = format(value, decimals: maxDecimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `value` with an explicit sign: `+1.5`, `-0.3`, `±0` when it rounds to zero.
    public static func signed(_ value: Double, decimals: Int) -> String {
        let text = format(value, decimals: decimals)
        if !text.contains(where: { $0 != "0" && $0 != "." }) { return "±" + text }
        return text.hasPrefix("-") ? text : "+" + text
    }
}
