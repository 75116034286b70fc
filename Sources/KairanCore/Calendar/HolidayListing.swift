/// The days `kairan holidays` lists: national holidays, and with `business` the company's
/// closure days that fall on weekdays and are not already holidays. Sorted by date.
public enum HolidayListing {
    /// One listed day.
    public struct Day: Sendable, Equatable {
        public var date: CivilDate
        public var name: String
        /// `national`, `substitute`, `citizens`, `special`, or `company`.
        public var kind: String
    }

    public static func days(from start: CivilDate, through end: CivilDate, calendar: BusinessCalendar?) -> [Day] {
        var days = JapaneseHolidays.holidays(from: start, to: end).map { Day(date: $0.date, name: $0.name, kind: $0.kind.rawValue) }
        if let calendar, start <= end {
            var date = start
            while date <= end {
                if !(date.weekday == 0 || date.weekday == 6), JapaneseHolidays.holiday(on: date) == nil,
                   let closure = calendar.closures.first(where: { $0.contains(date) }) {
                    days.append(Day(date: date, name: closure.name, kind: "company"))
                }
                date = date.adding(days: 1)
            }
        }
        return days.sorted { $0.date < $1.date }
    }

    /// The contract text: `YYYY-MM-DD<TAB>name`, one day a line.
    public static func text(_ days: [Day]) -> String {
        days.map { "\($0.date.iso)\t\($0.name)\n" }.joined()
    }

    /// A JSON array of `{date, name, kind}`.
    public static func json(_ days: [Day]) -> String {
        JSONValue.array(days.map { .object([("date", .string($0.date.iso)), ("name", .string($0.name)), ("kind", .string($0.kind))]) }).serialized()
    }
}
