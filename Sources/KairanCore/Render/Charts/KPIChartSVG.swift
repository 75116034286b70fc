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
    /// Wide (screens from 40rem) or compact (phones); the root's class says which (`kpi-chart-wide`, `kpi-chart-compact`).
    public var form: KPIChartForm

    public init(kpi: KPI, evaluation: KPIEvaluation, from start: CivilDate? = nil, id: String = "", form: KPIChartForm = .wide) {
        self.kpi = kpi
        self.evaluation = evaluation
        self.start = start
        self.id = id
        self.form = form
    }

    /// viewBox size.
    public var width: Int { form.width }
    public var height: Int { form.height }

    /// The measurements drawn: from `start` through the evaluation's date.
    public var points: [KPIMeasurement] { kpi.measurements(from: start, through: evaluation.date) }

    private typealias Threshold = (value: Double, cls: String, label: String, dash: String)

    /// The SVG document (no XML declaration), ending with a newline.
    public func render() -> String {
        let definition = kpi.definition
        let points = self.points
        let thresholds = [(definition.target, "kpi-chart-target", "目標", "6 4"), (definition.alert, "kpi-chart-alert", "アラート", "2 3")]
            .compactMap { rule, cls, label, dash -> Threshold? in
                guard let rule, case .absolute(let comparison, let value) = rule else { return nil }
                return (value, cls, "\(label) \(KPIRule.absolute(comparison, value).japanese(unit: definition.unit))", dash)
            }
        let layout = KPIChartLayout(form: form, start: start ?? points.first?.date ?? evaluation.date,
                                    end: evaluation.date, values: range(points, thresholds.map(\.value)), decimals: kpi.decimals)
        let n = SVGFormat.number
        let font = form.fontSize
        var out = SVGFormat.open(width: width, height: height, classes: "kpi-chart kpi-chart-\(form.rawValue)", status: evaluation.status, id: id,
                                 title: definition.name, desc: description)
        // Grid and value ticks.
        out += "<g class=\"kpi-chart-grid\" stroke=\"currentColor\" stroke-opacity=\"0.2\" stroke-width=\"1\">\n"
        for tick in layout.ticks.values {
            out += "<line x1=\"\(n(layout.left))\" y1=\"\(n(layout.y(tick)))\" x2=\"\(n(layout.right))\" y2=\"\(n(layout.y(tick)))\"/>\n"
        }
        let lineHeight = Double(font) + 2
        out += "</g>\n<g class=\"kpi-chart-axis\" fill=\"currentColor\" font-size=\"\(font)\">\n"
        if !definition.unit.isEmpty {
            out += "<text x=\"4.0\" y=\"\(n(Double(font) + 3))\">\(SVGFormat.text("単位: " + definition.unit))</text>\n"
        }
        for tick in layout.ticks.values {
            out += "<text x=\"\(n(layout.left - 6))\" y=\"\(n(layout.y(tick) + Double(font) / 3))\" text-anchor=\"end\">\(FixedDecimal.format(tick, decimals: layout.ticks.decimals))</text>\n"
        }
        let labels = layout.monthLabels()
        for label in labels {
            out += "<text x=\"\(n(label.x))\" y=\"\(n(layout.bottom + 6 + Double(font)))\" text-anchor=\"middle\">\(SVGFormat.text(label.text))</text>\n"
            if let year = label.year {
                out += "<text x=\"\(n(label.x))\" y=\"\(n(layout.bottom + 6 + Double(font) + lineHeight))\" text-anchor=\"middle\">\(year)年</text>\n"
            }
        }
        out += "</g>\n<g class=\"kpi-chart-axis-line\" stroke=\"currentColor\" stroke-width=\"1\">\n"
        out += "<line x1=\"\(n(layout.left))\" y1=\"\(n(layout.bottom))\" x2=\"\(n(layout.right))\" y2=\"\(n(layout.bottom))\"/>\n"
        for label in labels {
            out += "<line x1=\"\(n(label.x))\" y1=\"\(n(layout.bottom))\" x2=\"\(n(label.x))\" y2=\"\(n(layout.bottom + 4))\"/>\n"
        }
        out += "</g>\n"
        out += form.hasLegend ? legend(thresholds, layout: layout) : thresholdLines(thresholds, layout: layout)
        out += series(points, layout: layout)
        let status = "\(evaluation.status.icon) \(evaluation.status.label)" + (evaluation.latest == nil ? "" : "　最新値 \(evaluation.latestLabel)")
        out += "<text class=\"kpi-chart-status \(evaluation.status.cssClass)\" x=\"\(n(layout.width - 4))\" y=\"\(n(Double(font) + 3))\" text-anchor=\"end\""
        out += " fill=\"currentColor\" font-size=\"\(font)\">\(SVGFormat.text(status))</text>\n"
        return out + "</svg>\n"
    }

    /// The values the y axis must cover: the data and the thresholds, at least `KPIValueRange.minimumShare` apart.
    private func range(_ points: [KPIMeasurement], _ thresholds: [Double]) -> [Double] {
        guard let bounds = KPIValueRange.bounds(values: points.map(\.value), thresholds: thresholds) else { return [] }
        return [bounds.low, bounds.high]
    }

    /// A dashed horizontal line per threshold.
    private func line(_ line: Threshold, layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        let y = layout.y(line.value)
        return "<line x1=\"\(n(layout.left))\" y1=\"\(n(y))\" x2=\"\(n(layout.right))\" y2=\"\(n(y))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"\(line.dash)\"/>\n"
    }

    /// Dashed horizontal lines with labels right of the plot, nudged apart when they would overlap.
    private func thresholdLines(_ lines: [Threshold], layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        let font = Double(form.fontSize)
        var labelY = lines.map { layout.y($0.value) + font / 3 }
        if labelY.count == 2, abs(labelY[0] - labelY[1]) < font + 2 {
            let middle = (labelY[0] + labelY[1]) / 2
            let firstAbove = labelY[0] <= labelY[1]
            let half = (font + 2) / 2
            labelY[0] = middle + (firstAbove ? -half : half)
            labelY[1] = middle + (firstAbove ? half : -half)
        }
        var out = ""
        for (index, threshold) in lines.enumerated() {
            out += "<g class=\"kpi-chart-threshold \(threshold.cls)\">\n" + line(threshold, layout: layout)
            out += "<text x=\"\(n(layout.right + 6))\" y=\"\(n(labelY[index]))\" fill=\"currentColor\" font-size=\"\(form.fontSize)\">\(SVGFormat.text(threshold.label))</text>\n"
            out += "</g>\n"
        }
        return out
    }

    /// Dashed lines across the plot, named in a legend under it: a sample of each line's dash and its label, one per row.
    private func legend(_ lines: [Threshold], layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        let font = Double(form.fontSize)
        var out = ""
        for (index, threshold) in lines.enumerated() {
            let baseline = layout.height - 6 - Double(lines.count - 1 - index) * (font + 8)
            let middle = baseline - font / 3
            out += "<g class=\"kpi-chart-threshold \(threshold.cls)\">\n" + line(threshold, layout: layout)
            out += "<line x1=\"4.0\" y1=\"\(n(middle))\" x2=\"32.0\" y2=\"\(n(middle))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"\(threshold.dash)\"/>\n"
            out += "<text x=\"38.0\" y=\"\(n(baseline))\" fill=\"currentColor\" font-size=\"\(form.fontSize)\">\(SVGFormat.text(threshold.label))</text>\n"
            out += "</g>\n"
        }
        return out
    }

    /// The measurement line and the latest point, or `データなし` in the middle of the plot.
    private func series(_ points: [KPIMeasurement], layout: KPIChartLayout) -> String {
        let n = SVGFormat.number
        guard let last = points.last else {
            return "<text class=\"kpi-chart-empty\" x=\"\(n((layout.left + layout.right) / 2))\" y=\"\(n((layout.top + layout.bottom) / 2))\" text-anchor=\"middle\" fill=\"currentColor\" font-size=\"\(form.fontSize + 2)\">データなし</text>\n"
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
