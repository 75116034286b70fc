/// The full chart of one KPI: its measurements as a line over dates, the target and alert
/// thresholds as labelled dashed lines (`目標`, `アラート`; relative rules have no line), value
/// ticks on the y axis, month labels (`4月`) on the x axis, and the status as icon and text.
///
/// `role="img"` with `<title>` (the KPI's name) and `<desc>` (latest value, target, alert,
/// status in Japanese); every text escaped; coordinates with one fixed decimal so output is
/// byte-for-byte stable; size via `viewBox` only; no script. Colours come from CSS classes
/// (`kpi-chart`, `kpi-chart-grid`, `kpi-chart-axis`, `kpi-chart-axis-line`, `kpi-chart-line`,
/// `kpi-chart-target`, `kpi-chart-alert`, `kpi-chart-latest`, `kpi-chart-status`, `kpi-chart-empty`;
/// `kpi-status-…` on the latest point and the status text only) with `currentColor` as the
/// fallback, so light and dark themes style it; the root carries `data-status="alert"` etc. for
/// theme selectors. Target and alert differ by dash pattern and label, never by colour alone.
public struct KPIChartSVG: Hashable, Sendable {
    public var kpi: KPI
    public var evaluation: KPIEvaluation
    /// First date shown; nil for the first measurement.
    public var start: CivilDate?
    /// Prefix for the `<title>`/`<desc>` ids (`kpi-cpu` → `kpi-cpu-title`); empty for no ids.
    public var id: String
    /// viewBox size.
    public var width: Int
    public var height: Int

    public init(kpi: KPI, evaluation: KPIEvaluation, from start: CivilDate? = nil, id: String = "",
                width: Int = 640, height: Int = 240) {
        self.kpi = kpi
        self.evaluation = evaluation
        self.start = start
        self.id = id
        self.width = width
        self.height = height
    }

    /// The measurements drawn: from `start` through the evaluation's date.
    public var points: [KPIMeasurement] { kpi.measurements(from: start, through: evaluation.date) }

    /// The SVG document (no XML declaration), ending with a newline.
    public func render() -> String {
        let definition = kpi.definition
        let points = self.points
        let thresholds = [(definition.target, "kpi-chart-target", "目標", "6 4"), (definition.alert, "kpi-chart-alert", "アラート", "2 3")]
            .compactMap { rule, cls, label, dash -> (value: Double, cls: String, label: String, dash: String)? in
                guard let rule, case .absolute(let comparison, let value) = rule else { return nil }
                return (value, cls, "\(label) \(KPIRule.absolute(comparison, value).japanese(unit: definition.unit))", dash)
            }
        let layout = KPIChartLayout(width: width, height: height, start: start ?? points.first?.date ?? evaluation.date,
                                    end: evaluation.date, values: range(points, thresholds.map(\.value)), decimals: kpi.decimals)
        let n = SVGFormat.number
        var out = SVGFormat.open(width: width, height: height, classes: "kpi-chart", status: evaluation.status, id: id,
                                 title: definition.name, desc: description)
        // Grid and value ticks.
        out += "<g class=\"kpi-chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\" stroke-width=\"1\">\n"
        for tick in layout.ticks.values {
            out += "<line x1=\"\(n(layout.left))\" y1=\"\(n(layout.y(tick)))\" x2=\"\(n(layout.right))\" y2=\"\(n(layout.y(tick)))\"/>\n"
        }
        out += "</g>\n<g class=\"kpi-chart-axis\" fill=\"currentColor\" font-size=\"11\">\n"
        if !definition.unit.isEmpty {
            out += "<text x=\"4.0\" y=\"14.0\">\(SVGFormat.text("単位: " + definition.unit))</text>\n"
        }
        for tick in layout.ticks.values {
            out += "<text x=\"\(n(layout.left - 6))\" y=\"\(n(layout.y(tick) + 4))\" text-anchor=\"end\">\(FixedDecimal.format(tick, decimals: layout.ticks.decimals))</text>\n"
        }
        let labels = layout.monthLabels()
        for label in labels {
            out += "<text x=\"\(n(label.x))\" y=\"\(n(layout.bottom + 18))\" text-anchor=\"middle\">\(SVGFormat.text(label.text))</text>\n"
            if let year = label.year {
                out += "<text x=\"\(n(label.x))\" y=\"\(n(layout.bottom + 31))\" text-anchor=\"middle\">\(year)年</text>\n"
            }
        }
        out += "</g>\n<g class=\"kpi-chart-axis-line\" stroke=\"currentColor\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(n(layout.left))\" y1=\"\(n(layout.bottom))\" x2=\"\(n(layout.right))\" y2=\"\(n(layout.bottom))\"/>\n"
        for label in labels {
            out += "<line x1=\"\(n(label.x))\" y1=\"\(n(layout.bottom))\" x2=\"\(n(label.x))\" y2=\"\(n(layout.bottom + 4))\"/>\n"
        }
        out += "</g>\n"
        out += thresholdLines(thresholds, layout: layout)
        out += series(points, layout: layout)
        let status = "\(evaluation.status.icon) \(evaluation.status.label)" + (evaluation.latest == nil ? "" : "　最新値 \(evaluation.latestLabel)")
        out += "<text class=\"kpi-chart-status \(evaluation.status.cssClass)\" x=\"\(n(layout.width - 4))\" y=\"14.0\" text-anchor=\"end\""
        out += " fill=\"currentColor\" font-size=\"11\">\(SVGFormat.text(status))</text>\n"
        return out + "</svg>\n"
    }

    /// The values the y axis must cover: the data and the thresholds, at least `KPIValueRange.minimumShare` apart.
    private func range(_ points: [KPIMeasurement], _ thresholds: [Double]) -> [Double] {
        guard let bounds = KPIValueRange.bounds(values: points.map(\.value), thresholds: thresholds) else { return [] }
        return [bounds.low, bounds.high]
    }

    /// Dashed horizontal lines with labels right of the plot, nudged apart when they would overlap.
    private func thresholdLines(_ lines: [(value: Double, cls: String, label: String, dash: String)], layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        var labelY = lines.map { layout.y($0.value) + 4 }
        if labelY.count == 2, abs(labelY[0] - labelY[1]) < 13 {
            let middle = (labelY[0] + labelY[1]) / 2
            let firstAbove = labelY[0] <= labelY[1]
            labelY[0] = middle + (firstAbove ? -6.5 : 6.5)
            labelY[1] = middle + (firstAbove ? 6.5 : -6.5)
        }
        var out = ""
        for (index, line) in lines.enumerated() {
            let y = layout.y(line.value)
            out += "<g class=\"kpi-chart-threshold \(line.cls)\">\n"
            out += "<line x1=\"\(n(layout.left))\" y1=\"\(n(y))\" x2=\"\(n(layout.right))\" y2=\"\(n(y))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"\(line.dash)\"/>\n"
            out += "<text x=\"\(n(layout.right + 6))\" y=\"\(n(labelY[index]))\" fill=\"currentColor\" font-size=\"11\">\(SVGFormat.text(line.label))</text>\n"
            out += "</g>\n"
        }
        return out
    }

    /// The measurement line and the latest point, or `データなし` in the middle of the plot.
    private func series(_ points: [KPIMeasurement], layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        guard let last = points.last else {
            return "<text class=\"kpi-chart-empty\" x=\"\(n((layout.left + layout.right) / 2))\" y=\"\(n((layout.top + layout.bottom) / 2))\" text-anchor=\"middle\" fill=\"currentColor\" font-size=\"13\">データなし</text>\n"
        }
        var out = ""
        if points.count > 1 {
            let coordinates = points.map { (x: layout.x($0.date), y: layout.y($0.value)) }
            out += "<polyline class=\"kpi-chart-line\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\""
            out += " stroke-linecap=\"round\" points=\"\(SVGFormat.points(coordinates))\"/>\n"
        }
        out += "<circle class=\"kpi-chart-latest \(evaluation.status.cssClass)\" cx=\"\(n(layout.x(last.date)))\" cy=\"\(n(layout.y(last.value)))\" r=\"4\" fill=\"currentColor\"/>\n"
        return out
    }

    /// `期間 2026-04-14〜2026-11-24。最新値 74.2%（2026-11-24）、前回比 +4.0pt。目標 70%未満。アラート 85%超。状態: 目標未達。`
    public var description: String {
        let definition = kpi.definition
        var parts: [String] = []
        let points = self.points
        if let first = points.first, let last = points.last { parts.append("期間 \(first.date.iso)〜\(last.date.iso)") }
        if let latest = evaluation.latest {
            var text = "最新値 \(evaluation.latestLabel)（\(latest.date.iso)）"
            if evaluation.change != nil { text += "、\(evaluation.changeTitle) \(evaluation.changeLabel)" }
            parts.append(text)
        } else {
            parts.append("データなし")
        }
        parts.append("目標 \(definition.target.japanese(unit: definition.unit))")
        if let alert = definition.alert { parts.append("アラート \(alert.japanese(unit: definition.unit))") }
        parts.append("状態: \(evaluation.status.label)")
        return parts.joined(separator: "。") + "。"
    }
}
