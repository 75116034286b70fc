import Testing
@testable import KairanCore

/// Parses a `YYYY-MM-DD` literal for calendar tests; records an issue for a bad literal.
func calendarDay(_ iso: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CivilDate {
    guard let date = CivilDate(iso: iso) else {
        Issue.record("bad date literal \(iso)", sourceLocation: sourceLocation)
        return CivilDate(daysSinceEpoch: 0)
    }
    return date
}

/// A year's holidays as `YYYY-MM-DD name` lines, for whole-list comparisons.
func calendarHolidayLines(_ year: Int) -> [String] {
    JapaneseHolidays.holidays(in: year).map(\.description)
}
