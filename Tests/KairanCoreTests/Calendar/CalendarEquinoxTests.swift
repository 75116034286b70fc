import Testing
@testable import KairanCore

/// 春分の日 and 秋分の日 from the astronomical approximation.
@Suite struct CalendarEquinoxTests {
    @Test(arguments: [
        ("1955-03-21", "1955-09-24"), ("1960-03-20", "1960-09-23"), ("1979-03-21", "1979-09-24"),
        ("1980-03-20", "1980-09-23"), ("2012-03-20", "2012-09-22"), ("2019-03-21", "2019-09-23"),
        ("2020-03-20", "2020-09-22"), ("2023-03-21", "2023-09-23"), ("2024-03-20", "2024-09-22"),
        ("2025-03-20", "2025-09-23"), ("2026-03-20", "2026-09-23"), ("2027-03-21", "2027-09-23"),
        ("2092-03-19", "2092-09-22"), ("2099-03-20", "2099-09-23"),
    ])
    func equinoxDays(vernal: String, autumnal: String) {
        let year = calendarDay(vernal).year
        let spring = JapaneseHolidays.holidays(in: year).filter { $0.name == "春分の日" }.map(\.date.iso)
        let autumn = JapaneseHolidays.holidays(in: year).filter { $0.name == "秋分の日" }.map(\.date.iso)
        #expect(spring == [vernal])
        #expect(autumn == [autumnal])
    }

    @Test func equinoxesStayInTheirWindows() {
        for year in JapaneseHolidays.supportedYears {
            #expect((19...21).contains(Equinox.vernalDay(year)), "\(year)")
            #expect((22...24).contains(Equinox.autumnalDay(year)), "\(year)")
        }
    }
}
