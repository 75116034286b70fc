/// Date and date-time values as iCalendar writes them (RFC 5545 §3.3.4, §3.3.5), for the fixed
/// Asia/Tokyo zone (UTC+9, no daylight saving time since 1951).
enum ICalendarDateTime {
    /// The zone's offset from UTC in seconds.
    static let tokyoOffsetSeconds = 9 * 3600

    /// `20261216`.
    static func date(_ date: CivilDate) -> String {
        pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2)
    }

    /// Local time `minutes` after midnight of `date`, e.g. `20261216T150000`; minutes past the
    /// day's end roll over into the next day.
    static func local(_ date: CivilDate, minutes: Int) -> String {
        let day = date.adding(days: floorDiv(minutes, 1440))
        let minute = minutes - floorDiv(minutes, 1440) * 1440
        return self.date(day) + "T" + pad(minute / 60, 2) + pad(minute % 60, 2) + "00"
    }

    /// The UTC form of Tokyo local time `minutes` after midnight of `date`: `20261216T060000Z`.
    static func utc(_ date: CivilDate, minutes: Int) -> String {
        utc(secondsSinceEpoch: Int64(date.daysSinceEpoch) * 86_400 + Int64(minutes) * 60 - Int64(tokyoOffsetSeconds))
    }

    /// `20261216T060000Z` for an instant in seconds since 1970-01-01T00:00:00Z.
    static func utc(secondsSinceEpoch seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let rest = Int(seconds - days * 86_400)
        let day = CivilDate(daysSinceEpoch: Int(days))
        return date(day) + "T" + pad(rest / 3600, 2) + pad(rest / 60 % 60, 2) + pad(rest % 60, 2) + "Z"
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
