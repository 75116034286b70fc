/// The change of a KPI's latest value against the previous measurement.
public struct KPIChange: Hashable, Sendable {
    /// Latest minus previous, in the KPI's unit (for `%` units these are percentage points).
    public var absolute: Double
    /// The relative change in percent of the previous value; nil when the previous value is 0.
    public var percent: Double?
    /// Whether the KPI's unit is `%`, so `absolute` is shown in percentage points (`pt`).
    public var inPoints: Bool

    public init(absolute: Double, percent: Double?, inPoints: Bool) {
        self.absolute = absolute
        self.percent = percent
        self.inPoints = inPoints
    }

    /// The change from `previous` to `latest`.
    public init(from previous: Double, to latest: Double, inPoints: Bool) {
        self.absolute = latest - previous
        self.percent = previous == 0 ? nil : (latest - previous) / abs(previous) * 100
        self.inPoints = inPoints
    }

    /// The change in percentage points for `%` units; nil otherwise.
    public var points: Double? { inPoints ? absolute : nil }

    /// The change as shown next to a value: `+1.2pt` for `%` units, otherwise the change in the
    /// unit with the relative change, `+30人（+20.0%）`, or just `+1件` when the previous value was 0.
    public func label(unit: String, decimals: Int) -> String {
        if inPoints { return FixedDecimal.signed(absolute, decimals: max(decimals, 1)) + "pt" }
        let main = FixedDecimal.signed(absolute, decimals: decimals) + unit
        guard let percent else { return main }
        return "\(main)（\(FixedDecimal.signed(percent, decimals: 1))%）"
    }
}
