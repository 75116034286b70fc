/// When a ``ScheduledItem`` recurs, on the Japanese business calendar.
///
/// Weekdays are ``CivilDate/weekday`` indices (0 = Sunday … 6 = Saturday). A rule names
/// *nominal* dates; the item's ``HolidayPolicy`` then decides what happens to those that are
/// not business days (see ``ScheduledItem/occurrences(from:through:calendar:)``).
public enum ScheduleRule: Hashable, Sendable, CustomStringConvertible {
    /// Every week on `weekday`.
    case weekly(weekday: Int)
    /// The `n`-th `weekday` of every month (1…5), `n = -1` for the last one. Months without
    /// a fifth such weekday have no date.
    case monthlyNthWeekday(n: Int, weekday: Int)
    /// The `n`-th business day of every month (第n営業日), negative counting from the end.
    /// Always a business day, so the holiday policy does not apply.
    case monthlyNthBusinessDay(n: Int)
    /// Every business day. Nominal dates are the calendar's non-weekend days; holidays and
    /// company closures among them are always skipped, whatever the policy.
    case daily

    /// Whether the item's ``HolidayPolicy`` can move a date of this rule. `false` for rules
    /// that only ever name business days (`monthlyNthBusinessDay`) or that would double up
    /// when moved (`daily`, which skips).
    public var followsHolidayPolicy: Bool {
        switch self {
        case .weekly, .monthlyNthWeekday: true
        case .monthlyNthBusinessDay, .daily: false
        }
    }

    /// The rule's nominal dates from `start` through `end` (both inclusive), ascending;
    /// `[]` when `end < start` or the rule's weekday or `n` is out of range.
    public func nominalDates(from start: CivilDate, through end: CivilDate, calendar: BusinessCalendar) -> [CivilDate] {
        guard start <= end else { return [] }
        switch self {
        case .weekly(let weekday):
            guard ScheduleWeekday.isValid(weekday) else { return [] }
            let first = start.adding(days: (weekday - start.weekday + 7) % 7)
            return stride(from: first.daysSinceEpoch, through: end.daysSinceEpoch, by: 7)
                .map(CivilDate.init(daysSinceEpoch:))
        case .monthlyNthWeekday(let n, let weekday):
            return Self.months(from: start, through: end)
                .compactMap { CivilDate.nthWeekday(n, weekday: weekday, month: $0.month, year: $0.year) }
                .filter { $0 >= start && $0 <= end }
        case .monthlyNthBusinessDay(let n):
            return Self.months(from: start, through: end)
                .compactMap { calendar.businessDay(n, ofMonth: $0.month, year: $0.year) }
                .filter { $0 >= start && $0 <= end }
        case .daily:
            return (start.daysSinceEpoch...end.daysSinceEpoch)
                .map(CivilDate.init(daysSinceEpoch:))
                .filter { !calendar.weekendDays.contains($0.weekday) }
        }
    }

    /// The rule as written in `schedule.yaml`: `weekly fri`, `monthly 2nd tue`,
    /// `monthly last fri`, `monthly business-day 1`, `daily`.
    public var description: String {
        func day(_ weekday: Int) -> String {
            ScheduleWeekday.isValid(weekday) ? ScheduleWeekday.abbreviations[weekday] : "weekday(\(weekday))"
        }
        switch self {
        case .weekly(let weekday): return "weekly \(day(weekday))"
        case .monthlyNthWeekday(let n, let weekday): return "monthly \(ScheduleRule.ordinal(n)) \(day(weekday))"
        case .monthlyNthBusinessDay(let n): return "monthly business-day \(n)"
        case .daily: return "daily"
        }
    }

    /// `1st`, `2nd`, `3rd`, `4th`, `5th`, `last`.
    static func ordinal(_ n: Int) -> String {
        switch n {
        case -1: "last"
        case 1: "1st"
        case 2: "2nd"
        case 3: "3rd"
        default: "\(n)th"
        }
    }

    /// Every (year, month) touched by `start...end`.
    private static func months(from start: CivilDate, through end: CivilDate) -> [(year: Int, month: Int)] {
        let first = start.year * 12 + start.month - 1
        let last = end.year * 12 + end.month - 1
        guard first <= last else { return [] }
        return (first...last).map { (year: $0 / 12, month: $0 % 12 + 1) }
    }
}
