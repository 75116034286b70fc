import Testing
@testable import KairanCore

/// The KPI rule language: absolute and relative comparisons, canonical text, parse errors.
@Suite struct OperationsKPIRuleTests {
    @Test(arguments: [
        (">= 95", KPIRule.absolute(.greaterOrEqual, 95)),
        ("< 500", .absolute(.less, 500)),
        ("> 1000", .absolute(.greater, 1000)),
        ("== 0", .absolute(.equal, 0)),
        ("<= 4", .absolute(.lessOrEqual, 4)),
        (">= 4.5", .absolute(.greaterOrEqual, 4.5)),
        ("<0.1", .absolute(.less, 0.1)),
        ("  >=  99.9  ", .absolute(.greaterOrEqual, 99.9)),
        ("> -3", .absolute(.greater, -3)),
        ("wow <= -10%", .change(.weekOverWeek, .lessOrEqual, -10)),
        ("dod <= -20%", .change(.dayOverDay, .lessOrEqual, -20)),
        ("mom <= -5%", .change(.monthOverMonth, .lessOrEqual, -5)),
        ("qoq >= 10%", .change(.quarterOverQuarter, .greaterOrEqual, 10)),
        ("wow > 0%", .change(.weekOverWeek, .greater, 0)),
        ("qoq < 0 %", .change(.quarterOverQuarter, .less, 0)),
        ("WOW == +5%", .change(.weekOverWeek, .equal, 5)),
    ])
    func parses(text: String, rule: KPIRule) throws {
        #expect(try KPIRule(parsing: text) == rule)
    }

    @Test func canonicalText() {
        #expect(opsRule(">=95").description == ">= 95")
        #expect(opsRule(" wow<=-10.50% ").description == "wow <= -10.5%")
        #expect(opsRule(">= 99.9").description == ">= 99.9")
        #expect(opsRule("> 1000").japanese(unit: "ms") == "1000ms超")
        #expect(opsRule(">= 95").japanese(unit: "%") == "95%以上")
        #expect(opsRule("<= 4").japanese(unit: "時間") == "4時間以下")
        #expect(opsRule("< 500").japanese(unit: "ms") == "500ms未満")
        #expect(opsRule("== 0").japanese(unit: "件") == "0件")
        #expect(opsRule("wow <= -10%").japanese(unit: "人") == "前週比 -10%以下")
        #expect(opsRule("qoq >= 10%").japanese(unit: "人") == "前四半期比 +10%以上")
        #expect(opsRule("dod > 0%").japanese(unit: "") == "前日比 0%超")
        #expect(opsRule("mom < 0%").period == .monthOverMonth)
        #expect(opsRule("< 3").period == nil)
    }

    @Test(arguments: [
        // (text, column, message fragment)
        ("", 1, "empty"),
        ("   ", 4, "empty"),
        ("95", 1, "expected a comparison"),
        ("= 95", 1, "single `=`"),
        ("=> 95", 1, "`=>`"),
        ("=< 95", 1, "`=<`"),
        ("!= 0", 1, "`!=`"),
        ("≥ 95", 1, "`≥`"),
        (">= ", 4, "expected a number, found the end"),
        (">= abc", 4, "expected a number, found `a`"),
        (">= .", 4, "expected a number"),
        (">= 95%", 6, "`%` is only for changes"),
        (">= 95 points", 7, "unexpected `p`"),
        (">= 9 5", 6, "unexpected `5`"),
        ("wow <= -10", 11, "expected `%`"),
        ("wow -10%", 5, "expected a comparison"),
        ("week <= -10%", 1, "unknown period `week`"),
        ("前週比 <= -10%", 1, "unknown period `前週比`"),
        ("wow <= -10% extra", 13, "unexpected `e`"),
        ("wow", 4, "expected a comparison after the text"),
    ])
    func rejects(text: String, column: Int, fragment: String) {
        do {
            let rule = try KPIRule(parsing: text)
            Issue.record("\"\(text)\" parsed as \(rule)")
        } catch {
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
            #expect(error.description.hasPrefix("rule \"\(text)\" column \(column): "))
        }
    }

    @Test func hintsSuggestTheFix() {
        #expect(throws: KPIRuleError.self) { try KPIRule(parsing: "=> 5") }
        do { _ = try KPIRule(parsing: "=> 5") } catch { #expect(error.hint == "did you mean `>=`?") }
        do { _ = try KPIRule(parsing: "= 0") } catch { #expect(error.hint == "write `==` for equal") }
        do { _ = try KPIRule(parsing: "wow <= -10") } catch { #expect(error.hint.contains("`wow <= -10%`")) }
        do { _ = try KPIRule(parsing: ">= 95%") } catch { #expect(error.hint.contains("`>= 95`")) }
    }

    @Test func comparisonsAtTheThreshold() {
        #expect(KPIComparison.greaterOrEqual.holds(95, 95))
        #expect(!KPIComparison.greater.holds(95, 95))
        #expect(KPIComparison.lessOrEqual.holds(4, 4))
        #expect(!KPIComparison.less.holds(500, 500))
        #expect(KPIComparison.equal.holds(0, 0))
        #expect(!KPIComparison.equal.holds(1, 0))
        #expect(KPIComparison.greater.holds(1000.5, 1000))
        #expect(KPIComparison.less.holds(499.9, 500))
    }

    @Test func directionImpliedByTarget() {
        #expect(KPIDirection.implied(by: opsRule(">= 95")) == .higher)
        #expect(KPIDirection.implied(by: opsRule("> 0")) == .higher)
        #expect(KPIDirection.implied(by: opsRule("< 500")) == .lower)
        #expect(KPIDirection.implied(by: opsRule("<= 4")) == .lower)
        #expect(KPIDirection.implied(by: opsRule("== 0")) == .lower)
        #expect(KPIDirection.implied(by: opsRule("wow > 0%")) == .higher)
        #expect(KPIDirection.implied(by: opsRule("qoq <= -5%")) == .lower)
    }

    @Test func periodBaselines() {
        #expect(KPIPeriod.dayOverDay.baselineDate(before: opsDay("2026-03-01")) == opsDay("2026-02-28"))
        #expect(KPIPeriod.weekOverWeek.baselineDate(before: opsDay("2026-11-24")) == opsDay("2026-11-17"))
        #expect(KPIPeriod.monthOverMonth.baselineDate(before: opsDay("2026-05-31")) == opsDay("2026-04-30"))
        #expect(KPIPeriod.monthOverMonth.baselineDate(before: opsDay("2026-01-15")) == opsDay("2025-12-15"))
        #expect(KPIPeriod.quarterOverQuarter.baselineDate(before: opsDay("2026-05-31")) == opsDay("2026-02-28"))
        #expect(KPIPeriod.quarterOverQuarter.baselineDate(before: opsDay("2028-05-31")) == opsDay("2028-02-29"))
        #expect(KPIPeriod.quarterOverQuarter.baselineDate(before: opsDay("2026-02-10")) == opsDay("2025-11-10"))
        #expect(KPIPeriod.allCases.map(\.label) == ["前日比", "前週比", "前月比", "前四半期比"])
    }
}
