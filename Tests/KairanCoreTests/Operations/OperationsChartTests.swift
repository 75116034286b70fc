import Foundation
import Testing
@testable import KairanCore

/// SVG charts compared byte for byte with reviewed golden files in `Fixtures/charts`.
/// Run with `KAIRAN_UPDATE_GOLDEN=1` to rewrite the goldens (then review them by eye).
@Suite struct OperationsChartTests {
    private let fixtures = opsRepositoryRoot() + "/Tests/KairanCoreTests/Fixtures/charts"
    private let reportDate = opsDay("2026-11-24")

    /// A weekly CPU-like series with a name that needs escaping.
    private var cpu: KPI {
        let definition = KPIDefinition(id: "cpu", name: "CPU使用率 <app & \"db\">", unit: "%", target: opsRule("< 70"),
                                       alert: opsRule("> 85"), frequency: .weekly)
        let values = [52.5, 55.1, 58.0, 61.2, 66.8, 64.3, 71.9, 74.2]
        let first = opsDay("2026-09-29")
        return KPI(definition: definition,
                   measurements: values.enumerated().map { KPIMeasurement(date: first.adding(days: $0.offset * 8), value: $0.element) },
                   decimals: 1)
    }

    private func compare(_ svg: String, golden name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = fixtures + "/" + name
        if ProcessInfo.processInfo.environment["KAIRAN_UPDATE_GOLDEN"] == "1" {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg == golden, "\(name) differs from its golden; rerun with KAIRAN_UPDATE_GOLDEN=1 and review", sourceLocation: sourceLocation)
    }

    @Test func sparklineGolden() throws {
        let kpi = cpu
        let evaluation = KPIEvaluator.evaluate(kpi, at: reportDate)
        #expect(evaluation.status == .offTarget)
        let svg = SparklineSVG(kpi: kpi, evaluation: evaluation, id: "spark-cpu").render()
        try compare(svg, golden: "sparkline.svg")
    }

    /// The sparkline's scale holds the target (and alert) line and a baseline: a 100% → 99.9%
    /// uptime dip is a small step, not a fall from the top of the box to its bottom.
    @Test func sparklineScaleHoldsTheTargetAndABaseline() throws {
        let uptime = opsKPI(id: "uptime", unit: "%", target: ">= 99.9", values: [100, 100, 99.9, 100, 100], decimals: 2)
        let spark = SparklineSVG(kpi: uptime, evaluation: KPIEvaluator.evaluate(uptime, at: opsDay("2026-11-05")))
        let scale = try #require(spark.valueScale)
        #expect(scale.low <= 99.9 && scale.high >= 100)
        // At least 2% of the magnitude, toward zero: the dip is at most a tenth of the height.
        #expect(scale.high - scale.low >= 2)
        #expect(0.1 / (scale.high - scale.low) <= 0.1)
        let svg = spark.render()
        #expect(svg.contains("<line class=\"kpi-sparkline-target\""))
        // With an alert threshold further off, the scale reaches it too.
        let alerting = opsKPI(id: "uptime", unit: "%", target: ">= 99.9", alert: "< 95", values: [100, 99.9], decimals: 2)
        let wide = try #require(SparklineSVG(kpi: alerting, evaluation: KPIEvaluator.evaluate(alerting, at: opsDay("2026-11-02"))).valueScale)
        #expect(wide.low <= 95 && wide.high >= 100)
        // A target far below the data is still inside: the line never leaves the box.
        let cpu = opsKPI(id: "cpu", unit: "%", target: "< 40", values: [70, 72, 74], decimals: 1)
        let high = try #require(SparklineSVG(kpi: cpu, evaluation: KPIEvaluator.evaluate(cpu, at: opsDay("2026-11-03"))).valueScale)
        #expect(high.low <= 40 && high.high >= 74)
        #expect(KPIValueRange.bounds(values: [0, 0], thresholds: []).map { [$0.low, $0.high] } == [0, 0])
        #expect(KPIValueRange.bounds(values: [-50, -50.5], thresholds: []).map { $0.high - $0.low }.map { $0 >= 1 } == true)
    }

    @Test func kpiChartGolden() throws {
        let kpi = cpu
        let chart = KPIChartSVG(kpi: kpi, evaluation: KPIEvaluator.evaluate(kpi, at: reportDate), id: "kpi-cpu")
        #expect(chart.description == "期間 2026-09-29〜2026-11-24。最新値 74.2%（2026-11-24）、前回比 +2.3pt。目標 70%未満。アラート 85%超。状態: 目標未達。")
        try compare(chart.render(), golden: "kpi-chart.svg")
        // The phones' form: 360 units across, text at 13, thresholds in a legend under the plot.
        let compact = KPIChartSVG(kpi: kpi, evaluation: KPIEvaluator.evaluate(kpi, at: reportDate), id: "kpi-cpu-compact", form: .compact)
        try compare(compact.render(), golden: "kpi-chart-compact.svg")
    }

    @Test func relativeRuleChartGolden() throws {
        let kpi = opsKPI(id: "mau", unit: "人", target: "wow > 0%", alert: "wow <= -10%", frequency: .daily,
                         series: [("2026-10-20", 150), ("2026-10-27", 158), ("2026-11-03", 161), ("2026-11-10", 170),
                                  ("2026-11-17", 182), ("2026-11-24", 160)], decimals: 0)
        let evaluation = KPIEvaluator.evaluate(kpi, at: reportDate)
        #expect(evaluation.status == .alert)
        try compare(KPIChartSVG(kpi: kpi, evaluation: evaluation).render(), golden: "kpi-chart-relative.svg")
    }

    @Test func noDataChartGolden() throws {
        let kpi = opsKPI(id: "p0", unit: "件", target: "== 0", alert: "> 0", frequency: .monthly, series: [], decimals: 0)
        let evaluation = KPIEvaluator.evaluate(kpi, at: reportDate)
        let chart = KPIChartSVG(kpi: kpi, evaluation: evaluation, from: opsDay("2026-06-01"))
        #expect(chart.description == "データなし。目標 0件。アラート 0件超。状態: データなし。")
        try compare(chart.render(), golden: "kpi-chart-empty.svg")
        let spark = SparklineSVG(kpi: kpi, evaluation: evaluation)
        #expect(spark.description == "データなし")
        #expect(spark.render().contains("<desc>データなし</desc>"))
    }

    @Test func structureAndAccessibility() {
        let kpi = cpu
        let svg = KPIChartSVG(kpi: kpi, evaluation: KPIEvaluator.evaluate(kpi, at: reportDate), id: "kpi-cpu").render()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 240\" class=\"kpi-chart kpi-chart-wide\" data-status=\"off-target\" role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"kpi-cpu-title\" aria-describedby=\"kpi-cpu-desc\""))
        #expect(svg.contains("<title id=\"kpi-cpu-title\">CPU使用率 &lt;app &amp; &quot;db&quot;&gt;</title>"))
        #expect(svg.contains("目標 70%未満"))
        #expect(svg.contains("アラート 85%超"))
        #expect(svg.contains(">10月<") && svg.contains(">11月<"))
        #expect(svg.contains("! 目標未達"))
        #expect(!svg.contains("<script") && !svg.contains("on"+"load") && !svg.contains("width=\"640\""))
        #expect(svg.hasSuffix("</svg>\n"))
        // Unsafe ids are dropped rather than escaped into attributes.
        let unsafe = KPIChartSVG(kpi: kpi, evaluation: KPIEvaluator.evaluate(kpi, at: reportDate), id: "a\" onclick=\"x").render()
        #expect(!unsafe.contains("aria-labelledby") && !unsafe.contains("onclick"))
    }

    @Test func renderingIsDeterministic() {
        let kpi = cpu
        let evaluation = KPIEvaluator.evaluate(kpi, at: reportDate)
        #expect(KPIChartSVG(kpi: kpi, evaluation: evaluation).render() == KPIChartSVG(kpi: kpi, evaluation: evaluation).render())
        #expect(SparklineSVG(kpi: kpi, evaluation: evaluation).render() == SparklineSVG(kpi: kpi, evaluation: evaluation).render())
    }

    @Test func monthLabelsThinOutOverLongRanges() {
        let layout = KPIChartLayout(width: 640, height: 240, start: opsDay("2024-11-24"), end: opsDay("2026-11-24"), values: [0, 1])
        let labels = layout.monthLabels().map(\.text)
        // 474 units for 731 days: about 20 per month, so every 2nd month, aligned to January.
        #expect(labels == ["1月", "3月", "5月", "7月", "9月", "11月", "1月", "3月", "5月", "7月", "9月", "11月"])
        let years = layout.monthLabels().compactMap { $0.year }
        #expect(years == [2025, 2026])
        let sameYear = KPIChartLayout(width: 640, height: 240, start: opsDay("2026-04-14"), end: opsDay("2026-11-24"), values: [0, 1])
        #expect(sameYear.monthLabels().allSatisfy { $0.year == nil })
        let crossing = KPIChartLayout(width: 640, height: 240, start: opsDay("2025-10-01"), end: opsDay("2026-02-24"), values: [0, 1])
        #expect(crossing.monthLabels().map { "\($0.year.map(String.init) ?? "")\($0.text)" } == ["202510月", "11月", "12月", "20261月", "2月"])
        let short = KPIChartLayout(width: 640, height: 240, start: opsDay("2026-11-03"), end: opsDay("2026-11-24"), values: [0, 1])
        #expect(short.monthLabels().map(\.text) == ["11/3", "11/24"])
    }
}
