import Testing
@testable import KairanCore

/// Whole-year holiday lists checked against the Cabinet Office (内閣府) list.
@Suite struct CalendarHolidayListTests {
    @Test func year2019AbdicationAndEnthronement() {
        #expect(calendarHolidayLines(2019) == [
            "2019-01-01 元日", "2019-01-14 成人の日", "2019-02-11 建国記念の日", "2019-03-21 春分の日",
            "2019-04-29 昭和の日", "2019-04-30 国民の休日", "2019-05-01 天皇の即位の日", "2019-05-02 国民の休日",
            "2019-05-03 憲法記念日", "2019-05-04 みどりの日", "2019-05-05 こどもの日", "2019-05-06 振替休日",
            "2019-07-15 海の日", "2019-08-11 山の日", "2019-08-12 振替休日", "2019-09-16 敬老の日",
            "2019-09-23 秋分の日", "2019-10-14 体育の日", "2019-10-22 即位礼正殿の儀", "2019-11-03 文化の日",
            "2019-11-04 振替休日", "2019-11-23 勤労感謝の日",
        ])
    }

    @Test func year2020OlympicMoves() {
        #expect(calendarHolidayLines(2020) == [
            "2020-01-01 元日", "2020-01-13 成人の日", "2020-02-11 建国記念の日", "2020-02-23 天皇誕生日",
            "2020-02-24 振替休日", "2020-03-20 春分の日", "2020-04-29 昭和の日", "2020-05-03 憲法記念日",
            "2020-05-04 みどりの日", "2020-05-05 こどもの日", "2020-05-06 振替休日", "2020-07-23 海の日",
            "2020-07-24 スポーツの日", "2020-08-10 山の日", "2020-09-21 敬老の日", "2020-09-22 秋分の日",
            "2020-11-03 文化の日", "2020-11-23 勤労感謝の日",
        ])
    }

    @Test func year2021OlympicMoves() {
        #expect(calendarHolidayLines(2021) == [
            "2021-01-01 元日", "2021-01-11 成人の日", "2021-02-11 建国記念の日", "2021-02-23 天皇誕生日",
            "2021-03-20 春分の日", "2021-04-29 昭和の日", "2021-05-03 憲法記念日", "2021-05-04 みどりの日",
            "2021-05-05 こどもの日", "2021-07-22 海の日", "2021-07-23 スポーツの日", "2021-08-08 山の日",
            "2021-08-09 振替休日", "2021-09-20 敬老の日", "2021-09-23 秋分の日", "2021-11-03 文化の日",
            "2021-11-23 勤労感謝の日",
        ])
    }

    @Test func year2026() {
        #expect(calendarHolidayLines(2026) == [
            "2026-01-01 元日", "2026-01-12 成人の日", "2026-02-11 建国記念の日", "2026-02-23 天皇誕生日",
            "2026-03-20 春分の日", "2026-04-29 昭和の日", "2026-05-03 憲法記念日", "2026-05-04 みどりの日",
            "2026-05-05 こどもの日", "2026-05-06 振替休日", "2026-07-20 海の日", "2026-08-11 山の日",
            "2026-09-21 敬老の日", "2026-09-22 国民の休日", "2026-09-23 秋分の日", "2026-10-12 スポーツの日",
            "2026-11-03 文化の日", "2026-11-23 勤労感謝の日",
        ])
    }

    @Test func year1973FirstSubstituteHolidays() {
        #expect(calendarHolidayLines(1973) == [
            "1973-01-01 元日", "1973-01-15 成人の日", "1973-02-11 建国記念の日", "1973-03-21 春分の日",
            "1973-04-29 天皇誕生日", "1973-04-30 振替休日", "1973-05-03 憲法記念日", "1973-05-05 こどもの日",
            "1973-09-15 敬老の日", "1973-09-23 秋分の日", "1973-09-24 振替休日", "1973-10-10 体育の日",
            "1973-11-03 文化の日", "1973-11-23 勤労感謝の日",
        ])
    }

    @Test func year1989ShowaToHeisei() {
        #expect(calendarHolidayLines(1989) == [
            "1989-01-01 元日", "1989-01-02 振替休日", "1989-01-15 成人の日", "1989-01-16 振替休日",
            "1989-02-11 建国記念の日", "1989-02-24 昭和天皇の大喪の礼", "1989-03-21 春分の日",
            "1989-04-29 みどりの日", "1989-05-03 憲法記念日", "1989-05-04 国民の休日", "1989-05-05 こどもの日",
            "1989-09-15 敬老の日", "1989-09-23 秋分の日", "1989-10-10 体育の日", "1989-11-03 文化の日",
            "1989-11-23 勤労感謝の日", "1989-12-23 天皇誕生日",
        ])
    }

    @Test func year1955FirstSupportedYear() {
        #expect(calendarHolidayLines(1955) == [
            "1955-01-01 元日", "1955-01-15 成人の日", "1955-03-21 春分の日", "1955-04-29 天皇誕生日",
            "1955-05-03 憲法記念日", "1955-05-05 こどもの日", "1955-09-24 秋分の日", "1955-11-03 文化の日",
            "1955-11-23 勤労感謝の日",
        ])
    }

    @Test(arguments: [
        (1955, 9), (1965, 9), (1966, 11), (1967, 12), (1973, 14), (1974, 15), (1988, 14), (1989, 17),
        (1990, 19), (1996, 19), (2000, 15), (2003, 15), (2007, 19), (2016, 17), (2018, 20), (2019, 22),
        (2020, 18), (2021, 17), (2024, 21), (2025, 19), (2026, 18), (2027, 17),
    ])
    func countPerYear(year: Int, count: Int) {
        #expect(JapaneseHolidays.holidays(in: year).count == count, "\(year)")
    }

    @Test func everySupportedYearIsSortedAndUnique() {
        for year in JapaneseHolidays.supportedYears {
            let dates = JapaneseHolidays.holidays(in: year).map(\.date)
            #expect(dates == dates.sorted(), "\(year) not sorted")
            #expect(Set(dates).count == dates.count, "\(year) has duplicates")
            #expect(dates.allSatisfy { $0.year == year }, "\(year) leaks into another year")
            #expect((9...24).contains(dates.count), "\(year) has \(dates.count) holidays")
        }
    }

    @Test func everySupportedYearHasItsCoreHolidaysAndAgreesWithLookup() {
        for year in JapaneseHolidays.supportedYears {
            let holidays = JapaneseHolidays.holidays(in: year)
            let names = Set(holidays.map(\.name))
            for name in ["元日", "成人の日", "春分の日", "憲法記念日", "こどもの日", "秋分の日", "文化の日", "勤労感謝の日"] {
                #expect(names.contains(name), "\(year) lacks \(name)")
            }
            for holiday in holidays {
                #expect(JapaneseHolidays.holiday(on: holiday.date) == holiday)
            }
        }
    }

    @Test func outOfRangeYearsHaveNoHolidays() {
        #expect(JapaneseHolidays.holidays(in: 1954).isEmpty)
        #expect(JapaneseHolidays.holidays(in: 2100).isEmpty)
        #expect(JapaneseHolidays.holiday(on: calendarDay("2100-01-01")) == nil)
        #expect(JapaneseHolidays.holiday(on: calendarDay("1954-01-01")) == nil)
        #expect(JapaneseHolidays.holidays(from: calendarDay("2150-01-01"), to: calendarDay("2160-12-31")).isEmpty)
        #expect(JapaneseHolidays.holidays(from: calendarDay("1900-01-01"), to: calendarDay("1950-12-31")).isEmpty)
    }

    @Test func rangeQueryIsInclusiveSortedAndCrossesYears() {
        let range = JapaneseHolidays.holidays(from: calendarDay("2025-12-23"), to: calendarDay("2026-01-12"))
        #expect(range.map(\.description) == ["2026-01-01 元日", "2026-01-12 成人の日"])
        let goldenWeek = JapaneseHolidays.holidays(from: calendarDay("2026-04-29"), to: calendarDay("2026-05-06"))
        #expect(goldenWeek.map(\.date.iso) == ["2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06"])
        #expect(JapaneseHolidays.holidays(from: calendarDay("2026-05-06"), to: calendarDay("2026-04-29")).isEmpty)
        let all = JapaneseHolidays.holidays(from: calendarDay("1955-01-01"), to: calendarDay("2099-12-31"))
        #expect(all.count == JapaneseHolidays.supportedYears.reduce(0) { $0 + JapaneseHolidays.holidays(in: $1).count })
        #expect(all.map(\.date) == all.map(\.date).sorted())
    }
}
