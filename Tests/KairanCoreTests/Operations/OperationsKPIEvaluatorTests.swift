import Testing
@testable import KairanCore

/// Judging KPIs at a report date: statuses, staleness, changes, relative rules, boundaries.
@Suite struct OperationsKPIEvaluatorTests {
    @Test func statusLabelsAndIcons() {
        #expect(KPIStatus.allCases.map(\.label) == ["目標達成", "目標未達", "アラート", "データなし", "更新停止"])
        #expect(KPIStatus.allCases.map(\.icon) == ["✓", "!", "✕", "–", "‖"])
        #expect(KPIStatus.allCases.map(\.cssClass) == ["kpi-status-on-target", "kpi-status-off-target", "kpi-status-alert",
                                                      "kpi-status-no-data", "kpi-status-stale"])
        #expect(KPIStatus.allCases.sorted { $0.urgency < $1.urgency } == [.alert, .offTarget, .stale, .noData, .onTarget])
    }

    @Test func statusTransitionsAlongASeries() {
        // Higher is better: on target at 95, off target below, alert below 90.
        let kpi = opsKPI(unit: "%", target: ">= 95", alert: "< 90", start: "2026-11-01", values: [96, 95, 94.9, 90, 89.9])
        let expected: [(String, KPIStatus)] = [
            ("2026-10-31", .noData), ("2026-11-01", .onTarget), ("2026-11-02", .onTarget), ("2026-11-03", .offTarget),
            ("2026-11-04", .offTarget), ("2026-11-05", .alert), ("2026-11-07", .alert), ("2026-11-08", .stale),
        ]
        for (day, status) in expected {
            let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay(day))
            #expect(evaluation.status == status, "\(day)")
        }
        let back = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-02"))
        #expect(back.latest == KPIMeasurement(date: opsDay("2026-11-02"), value: 95))
        #expect(back.previous == KPIMeasurement(date: opsDay("2026-11-01"), value: 96))
        #expect(back.targetMet == true)
        #expect(back.alertTriggered == false)
        #expect(back.ageDays == 0)
        #expect(back.statusText == "✓ 目標達成")
        let none = KPIEvaluator.evaluate(kpi, at: opsDay("2026-10-31"))
        #expect(none.latest == nil && none.previous == nil && none.change == nil && none.ageDays == nil)
        #expect(none.latestLabel == "–")
        #expect(none.changeLabel == "")
    }

    @Test func lowerIsBetterBoundaries() {
        let cases: [(Double, KPIStatus)] = [(499, .onTarget), (500, .offTarget), (1000, .offTarget), (1000.1, .alert)]
        for (value, status) in cases {
            let kpi = opsKPI(unit: "ms", target: "< 500", alert: "> 1000", frequency: .realtime, values: [value])
            #expect(KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-01")).status == status, "\(value)")
        }
        let hours = opsKPI(unit: "時間", target: "<= 4", alert: "> 8", frequency: .weekly, values: [4])
        #expect(KPIEvaluator.evaluate(hours, at: opsDay("2026-11-01")).status == .onTarget)
    }

    @Test func exactCountTargets() {
        let zero = opsKPI(unit: "件", target: "== 0", alert: "> 0", values: [0])
        #expect(KPIEvaluator.evaluate(zero, at: opsDay("2026-11-01")).status == .onTarget)
        let one = opsKPI(unit: "件", target: "== 0", alert: "> 0", values: [0, 1], decimals: 0)
        let evaluation = KPIEvaluator.evaluate(one, at: opsDay("2026-11-02"))
        #expect(evaluation.status == .alert)
        #expect(evaluation.targetMet == false)
        #expect(evaluation.change?.percent == nil)
        #expect(evaluation.changeLabel == "+1件")
        let noAlert = opsKPI(unit: "件", target: "== 0", values: [2])
        #expect(KPIEvaluator.evaluate(noAlert, at: opsDay("2026-11-01")).status == .offTarget)
    }

    @Test(arguments: [
        (KPIFrequency.realtime, 2), (.daily, 2), (.weekly, 14), (.monthly, 62), (.quarterly, 184),
    ])
    func staleAfterTwicePeriod(frequency: KPIFrequency, days: Int) {
        #expect(frequency.staleAfterDays == days)
        let kpi = opsKPI(target: ">= 1", frequency: frequency, values: [5])
        let fresh = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-01").adding(days: days))
        #expect(fresh.status == .onTarget)
        #expect(fresh.ageDays == days)
        let stale = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-01").adding(days: days + 1))
        #expect(stale.status == .stale)
        #expect(stale.targetMet == true)
    }

    @Test func staleWinsOverAlert() {
        let kpi = opsKPI(target: ">= 95", alert: "< 90", frequency: .weekly, values: [80])
        let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-16"))
        #expect(evaluation.status == .stale)
        #expect(evaluation.alertTriggered)
    }

    @Test func futureMeasurementsAreIgnored() {
        let kpi = opsKPI(target: ">= 95", alert: "< 90", values: [96, 80])
        let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-01"))
        #expect(evaluation.status == .onTarget)
        #expect(evaluation.latest?.value == 96)
        #expect(evaluation.previous == nil)
    }

    @Test func percentagePointChanges() {
        let kpi = opsKPI(unit: "%", target: ">= 95", values: [96, 94.5])
        let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-02"))
        #expect(evaluation.change?.absolute == -1.5)
        #expect(evaluation.change?.points == -1.5)
        #expect(evaluation.change?.percent == -1.5625)
        #expect(evaluation.changeLabel == "-1.5pt")
        #expect(evaluation.latestLabel == "94.5%")
        let flat = KPIEvaluator.evaluate(opsKPI(unit: "%", target: ">= 95", values: [100, 100], decimals: 2), at: opsDay("2026-11-02"))
        #expect(flat.changeLabel == "±0.00pt")
        #expect(flat.latestLabel == "100.00%")
        let people = KPIEvaluator.evaluate(opsKPI(unit: "人", target: "> 0", values: [100, 120], decimals: 0), at: opsDay("2026-11-02"))
        #expect(people.change?.points == nil)
        #expect(people.change?.percent == 20)
        #expect(people.changeLabel == "+20人（+20.0%）")
    }

    @Test func previousIsTheMeasurementBeforeTheLatest() {
        let kpi = opsKPI(unit: "点", target: ">= 4.5", frequency: .monthly,
                         series: [("2026-09-01", 4.6), ("2026-10-01", 4.5), ("2026-11-01", 4.3)])
        let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-24"))
        #expect(evaluation.previous?.date == opsDay("2026-10-01"))
        #expect(evaluation.changeLabel == "-0.2点（-4.4%）")
        #expect(evaluation.status == .offTarget)
    }

    @Test func weekOverWeekUsesNearestMeasurementOnOrBefore() {
        // Target: growth week over week; alert: a drop of 10% or more.
        let series: [(String, Double)] = [("2026-11-10", 120), ("2026-11-16", 100), ("2026-11-18", 105), ("2026-11-24", 90)]
        let kpi = opsKPI(unit: "人", target: "wow > 0%", alert: "wow <= -10%", series: series, decimals: 0)
        // 11-24 vs 11-17: no value on 11-17, so 11-16 (100) is the baseline: -10% exactly alerts.
        let evaluation = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-24"))
        #expect(evaluation.alertValue == -10)
        #expect(evaluation.targetValue == -10)
        #expect(evaluation.status == .alert)
        // The change is told against the same baseline, week over week.
        #expect(evaluation.previous?.date == opsDay("2026-11-16"))
        #expect(evaluation.changeLabel == "-10人（-10.0%）")
        // 11-18 vs 11-11 → 11-10 (120): -12.5%.
        #expect(KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-18")).alertValue == -12.5)
        // 11-16 has no baseline on or before 11-09: neither rule can be judged.
        let early = KPIEvaluator.evaluate(kpi, at: opsDay("2026-11-16"))
        #expect(early.status == .noData)
        #expect(early.targetMet == nil)
        #expect(early.alertTriggered == false)
        #expect(early.latest?.value == 100)
    }

    @Test func relativeTargetBoundaries() {
        let flat = opsKPI(target: "wow > 0%", alert: "wow <= -10%", start: "2026-11-01", step: 7, values: [100, 100])
        #expect(KPIEvaluator.evaluate(flat, at: opsDay("2026-11-08")).status == .offTarget)
        let up = opsKPI(target: "wow > 0%", alert: "wow <= -10%", start: "2026-11-01", step: 7, values: [100, 100.5])
        #expect(KPIEvaluator.evaluate(up, at: opsDay("2026-11-08")).status == .onTarget)
        let down = opsKPI(target: "wow > 0%", alert: "wow <= -10%", start: "2026-11-01", step: 7, values: [100, 90.01])
        #expect(KPIEvaluator.evaluate(down, at: opsDay("2026-11-08")).status == .offTarget)
        let fromZero = opsKPI(target: "wow > 0%", start: "2026-11-01", step: 7, values: [0, 5])
        #expect(KPIEvaluator.evaluate(fromZero, at: opsDay("2026-11-08")).targetValue == .infinity)
        #expect(KPIEvaluator.evaluate(fromZero, at: opsDay("2026-11-08")).status == .onTarget)
    }

    @Test func dayMonthAndQuarterRules() {
        let daily = opsKPI(target: "wow > 0%", alert: "dod <= -20%", values: [100, 80])
        let dod = KPIEvaluator.evaluate(daily, at: opsDay("2026-11-02"))
        #expect(dod.alertValue == -20)
        #expect(dod.status == .alert)
        let monthly = opsKPI(target: ">= 0", alert: "mom <= -5%", frequency: .monthly,
                             series: [("2026-09-30", 100), ("2026-10-31", 96), ("2026-11-30", 91.2)])
        // 11-30 → 10-30 → nearest on or before is 09-30 (100): -8.8%.
        let mom = KPIEvaluator.evaluate(monthly, at: opsDay("2026-11-30"))
        #expect(mom.alertValue == -8.8)
        #expect(mom.status == .alert)
        // 10-31 → 09-30 (100): -4%: no alert.
        #expect(KPIEvaluator.evaluate(monthly, at: opsDay("2026-10-31")).status == .onTarget)
        let quarterly = opsKPI(unit: "人", target: "qoq >= 10%", alert: "qoq < 0%", frequency: .quarterly,
                               series: [("2026-04-01", 98), ("2026-07-01", 125), ("2026-10-01", 163), ("2027-01-01", 160)])
        let growth = KPIEvaluator.evaluate(quarterly, at: opsDay("2026-11-24"))
        #expect(growth.status == .onTarget)
        #expect(growth.targetValue.map { FixedDecimal.format($0, decimals: 1) } == "30.4")
        #expect(KPIEvaluator.evaluate(quarterly, at: opsDay("2027-01-01")).status == .alert)
        let justTen = opsKPI(target: "qoq >= 10%", frequency: .quarterly, series: [("2026-07-01", 90), ("2026-10-01", 99)])
        #expect(KPIEvaluator.evaluate(justTen, at: opsDay("2026-10-01")).status == .onTarget)
    }

    @Test func percentChangeRoundsBinaryNoise() {
        #expect(KPIEvaluator.percentChange(from: 90, to: 81) == -10)
        #expect(KPIEvaluator.percentChange(from: 0.3, to: 0.33) == 10)
        #expect(KPIEvaluator.percentChange(from: 0, to: 0) == 0)
        #expect(KPIEvaluator.percentChange(from: 0, to: -1) == -.infinity)
        #expect(KPIEvaluator.percentChange(from: -50, to: -25) == 50)
    }

    @Test func evaluatesManyInOrder() {
        let a = opsKPI(id: "a", target: ">= 1", values: [2])
        let b = opsKPI(id: "b", target: ">= 1", values: [0])
        #expect(KPIEvaluator.evaluate([a, b], at: opsDay("2026-11-01")).map(\.status) == [.onTarget, .offTarget])
        #expect(KPIEvaluator.evaluate([a, b], at: opsDay("2026-11-01")).map(\.id) == ["a", "b"])
    }

    /// A `wow` target's change is week over week, as the target judges it, not against the day before
    /// (MAU "-1人" next to ✓ 目標達成 told two different things).
    @Test func changeIsInTheTargetsTerms() {
        // Daily values: 100 a week before the latest, 109 the day before, 108 on the latest day.
        let mau = opsKPI(id: "mau", unit: "人", target: "wow > 0%", values: [100, 101, 102, 103, 104, 105, 109, 108], decimals: 0)
        let weekly = KPIEvaluator.evaluate(mau, at: opsDay("2026-11-08"))
        #expect(weekly.status == .onTarget)
        #expect(weekly.previous == KPIMeasurement(date: opsDay("2026-11-01"), value: 100))
        #expect(weekly.changePeriod == .weekOverWeek)
        #expect(weekly.changeTitle == "前週比")
        #expect(weekly.changeLabel == "+8人（+8.0%）")
        // An absolute target keeps the change against the previous measurement.
        let absolute = KPIEvaluator.evaluate(opsKPI(target: ">= 100", values: [100, 109, 108], decimals: 0), at: opsDay("2026-11-03"))
        #expect(absolute.changeTitle == "前回比" && absolute.changePeriod == nil)
        #expect(absolute.changeLabel == "-1（-0.9%）")
    }
}
