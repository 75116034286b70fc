/// Weekday names as schedule rules and iCalendar write them; indices follow
/// ``CivilDate/weekday`` (0 = Sunday … 6 = Saturday).
enum ScheduleWeekday {
    /// `sun` … `sat`, the spelling in `rule:` strings.
    static let abbreviations = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    /// `sunday` … `saturday`, accepted as well.
    static let fullNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    /// `SU` … `SA`, the RFC 5545 `BYDAY` codes.
    static let iCalendarCodes = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]

    /// The weekday index of an English name or abbreviation (any case), else `nil`.
    static func index(of name: Substring) -> Int? {
        let lowered = name.lowercased()
        return abbreviations.firstIndex(of: lowered) ?? fullNames.firstIndex(of: lowered)
    }

    /// Whether `weekday` is a valid index.
    static func isValid(_ weekday: Int) -> Bool { (0...6).contains(weekday) }
}
