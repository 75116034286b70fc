/// A small trend line of a KPI without axes, for tables and cards: the measurements as a line,
/// the latest one as a dot carrying the status class, and the target as a faint dashed line. The
/// value scale is `KPIValueRange`'s: the data, the target and alert thresholds and a sensible
/// baseline, so a small change looks small. `role="img"` with `<title>` and
/// `<desc>`; colours come from CSS classes (`kpi-sparkline`, `kpi-sparkline-line`,
/// `kpi-sparkline-latest`, `kpi-status-…` on the dot), with `currentColor` as the fallback; the
/// root carries `data-status="…"` for theme selectors.
public struct SparklineSVG: Hashable, Sendable {
    /// Prefix for the `<title>`/`<desc>` ids (`kpi-cpu` → `kpi-cpu-title`); empty for no ids.
    public var id: String
    /// The accessible name, e.g. the KPI's name.
    public var title: String
    public var unit: String
    /// Decimals for values in the description.
    public var decimals: Int
    /// The measurements to draw, oldest first.
    public var points: [KPIMeasurement]
    /// The KPI's status: a class on the latest dot and `data-status` on the root.
    public var status: KPIStatus?
    /// An absolute target, drawn as a line (`kpi-sparkline-target`) and always inside the scale.
    public var target: Double?
    /// An absolute alert threshold, kept inside the scale (not drawn).
    public var alert: Double?
    /// viewBox size.
    public var width: Int
    public var height: Int

    public init(id: String = "", title: String, unit: String = "", decimals: Int = 0, points: [KPIMeasurement],
                status: KPIStatus? = nil, target: Double? = nil, alert: Double? = nil, width: Int = 120, height: Int = 32) {
        self.id = id
        self.title = title
        self.unit = unit
        self.decimals = decimals
        self.points = points.sorted { $0.date < $1.date }
        self.status = status
        self.target = target
        self.alert = alert
        self.width = width
        self.height = height
    }

    /// The last `count` measurements of `kpi` up to the evaluation's date.
    public init(kpi: KPI, evaluation: KPIEvaluation, count: Int = 30, id: String = "") {
        let history = kpi.measurements(through: evaluation.date)
        func absolute(_ rule: KPIRule?) -> Double? {
            guard let rule, case .absolute(_, let value) = rule else { return nil }
            return value
        }
        self.init(id: id, title: kpi.definition.name, unit: kpi.definition.unit, decimals: kpi.decimals,
                  points: Array(history.suffix(max(count, 1))), status: evaluation.status,
                  target: absolute(kpi.definition.target), alert: absolute(kpi.definition.alert))
    }

    /// The SVG document (no XML declaration), ending with a newline.
    public func render() -> String {
        var out = SVGFormat.open(width: width, height: height, classes: "kpi-sparkline", status: status, id: id, title: title,
                                 desc: description)
        if let scale = valueScale, let first = points.first, let last = points.last {
            let pad = 3.0
            let spanDays = Double(max(last.date.daysSinceEpoch - first.date.daysSinceEpoch, 1))
            let plotWidth = Double(width) - 2 * pad
            let coordinates = points.map { point -> (x: Double, y: Double) in
                let x = points.count == 1 ? Double(width) / 2
                    : pad + Double(point.date.daysSinceEpoch - first.date.daysSinceEpoch) / spanDays * plotWidth
                return (x, y(point.value, scale))
            }
            if let target {
                let n = SVGFormat.number
                out += "<line class=\"kpi-sparkline-target\" x1=\"\(n(pad))\" y1=\"\(n(y(target, scale)))\" x2=\"\(n(Double(width) - pad))\""
                out += " y2=\"\(n(y(target, scale)))\" stroke=\"currentColor\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>\n"
            }
            if coordinates.count > 1 {
                out += "<polyline class=\"kpi-sparkline-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
                out += " stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"\(SVGFormat.points(coordinates))\"/>\n"
            }
            if let end = coordinates.last {
                var dotClasses = "kpi-sparkline-latest"
                if let status { dotClasses += " " + status.cssClass }
                out += "<circle class=\"\(dotClasses)\" cx=\"\(SVGFormat.number(end.x))\" cy=\"\(SVGFormat.number(end.y))\" r=\"2.5\" fill=\"currentColor\"/>\n"
            }
        }
        return out + "</svg>\n"
    }

    /// The value scale, lowest and highest value: `KPIValueRange` of the points and thresholds, on
    /// nice tick bounds (as the full chart's axis); nil without points.
    var valueScale: (low: Double, high: Double)? {
        guard !points.isEmpty,
              let bounds = KPIValueRange.bounds(values: points.map(\.value), thresholds: [target, alert].compactMap { $0 }) else { return nil }
        let ticks = ChartTicks(low: bounds.low, high: bounds.high, minimumStep: ChartTicks.power(-max(decimals, 0)))
        return (ticks.lower, ticks.upper)
    }

    /// The y coordinate of `value` on `scale` (the middle when the scale is empty).
    private func y(_ value: Double, _ scale: (low: Double, high: Double)) -> Double {
        let pad = 3.0
        let span = scale.high - scale.low
        guard span > 0 else { return Double(height) / 2 }
        return pad + (scale.high - value) / span * (Double(height) - 2 * pad)
    }

    /// `直近30件（2026-10-26〜2026-11-24）、最小 55.1%、最大 74.2%、最新値 74.2%、目標未達`.
    public var description: String {
        let values = points.map(\.value)
        guard let first = points.first, let last = points.last, let low = values.min(), let high = values.max() else {
            return "データなし"
        }
        func show(_ value: Double) -> String { FixedDecimal.format(value, decimals: decimals) + unit }
        var text = "直近\(points.count)件（\(first.date.iso)〜\(last.date.iso)）、最小 \(show(low))、最大 \(show(high))、最新値 \(show(last.value))"
        if let status { text += "、\(status.label)" }
        return text
    }
}
