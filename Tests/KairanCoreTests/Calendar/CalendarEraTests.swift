import Testing
@testable import KairanCore

/// Japanese era years (和暦).
@Suite struct CalendarEraTests {
    @Test(arguments: [
        ("1926-12-25", "昭和1年", "昭和元年"), ("1988-12-31", "昭和63年", "昭和63年"),
        ("1989-01-07", "昭和64年", "昭和64年"), ("1989-01-08", "平成1年", "平成元年"),
        ("1990-01-01", "平成2年", "平成2年"), ("2019-04-30", "平成31年", "平成31年"),
        ("2019-05-01", "令和1年", "令和元年"), ("2019-12-31", "令和1年", "令和元年"),
        ("2020-01-01", "令和2年", "令和2年"), ("2026-11-25", "令和8年", "令和8年"),
    ])
    func eraYear(iso: String, numeric: String, display: String) {
        let eraYear = JapaneseEra.year(for: calendarDay(iso))
        #expect(eraYear?.numeric == numeric)
        #expect(eraYear?.display == display)
        #expect(eraYear?.description == numeric)
    }

    @Test func eraComponentsAndBoundaries() {
        #expect(JapaneseEra.year(for: calendarDay("2026-01-01")) == JapaneseEraYear(era: .reiwa, year: 8))
        #expect(JapaneseEra.year(for: calendarDay("1926-12-24")) == nil)
        #expect(JapaneseEra.heisei.startDate == calendarDay("1989-01-08"))
        #expect(JapaneseEra.reiwa.startDate == calendarDay("2019-05-01"))
        #expect(JapaneseEra.showa.name == "昭和")
    }

    @Test func formattedEraDates() {
        #expect(JapaneseDateFormat.era(calendarDay("2026-11-25")) == "令和8年11月25日")
        #expect(JapaneseDateFormat.eraLong(calendarDay("2026-11-25")) == "令和8年11月25日（水）")
        #expect(JapaneseDateFormat.era(calendarDay("2019-05-01")) == "令和元年5月1日")
        #expect(JapaneseDateFormat.era(calendarDay("1989-01-07")) == "昭和64年1月7日")
        #expect(JapaneseDateFormat.era(calendarDay("1900-01-01")) == nil)
    }
}
