/// A date and a wall-clock time in the site's time zone (Asia/Tokyo, +09:00), to the minute:
/// when an incident started, when an email is sent.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var date: CivilDate
    /// Minutes after midnight, 0…1439.
    public var minutes: Int

    public init(date: CivilDate, minutes: Int) {
        self.date = date
        self.minutes = minutes
    }

    public init(date: CivilDate, time: LocalTime) {
        self.init(date: date, minutes: time.minutesSinceMidnight)
    }

    /// Parses `2026-11-10T09:12`, `2026-11-10T09:12:00` or either with `+09:00` (the only zone a
    /// Japanese site's times are written in); nil for anything else.
    public init?(parsing text: String) {
        var rest = Substring(text)
        if rest.hasSuffix("+09:00") { rest = rest.dropLast(6) }
        let parts = rest.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CivilDate(iso: parts[0]) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || (clock.count == 3 && clock[2] == "00"), clock[0].count == 2, clock[1].count == 2,
              clock.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(clock[0]), let minute = Int(clock[1]), let time = LocalTime(hour: hour, minute: minute) else { return nil }
        self.init(date: date, time: time)
    }

    /// Minutes since 1970-01-01 00:00 of the same zone (for durations).
    public var minutesSinceEpoch: Int { date.daysSinceEpoch * 1440 + minutes }

    /// `2026-11-20T17:00:00+09:00` (RFC 3339).
    public var rfc3339: String {
        "\(date.iso)T\(LocalDateTime.two(minutes / 60)):\(LocalDateTime.two(minutes % 60)):00+09:00"
    }

    /// `17:00`.
    public var clockText: String { "\(LocalDateTime.two(minutes / 60)):\(LocalDateTime.two(minutes % 60))" }

    public var description: String { "\(date.iso)T\(clockText)" }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool { lhs.minutesSinceEpoch < rhs.minutesSinceEpoch }
}

/// An ISO 8601 week (Monday to Sunday), named `2026-W47`.
public struct ISOWeek: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init?(year: Int, week: Int) {
        guard week >= 1, week <= ISOWeek.weeks(in: year) else { return nil }
        self.year = year
        self.week = week
    }

    /// The week `date` falls in.
    public init(containing date: CivilDate) {
        // The week's Thursday decides its year.
        let monday = ISOWeek.monday(of: date)
        let thursday = monday.adding(days: 3)
        year = thursday.year
        week = (thursday.daysSinceEpoch - CivilDate(year: thursday.year, month: 1, day: 1)!.daysSinceEpoch) / 7 + 1
    }

    /// Parses `2026-W47`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 3, parts[1].first == "W",
              let year = Int(parts[0]), let week = Int(parts[1].dropFirst()), parts[1].dropFirst().allSatisfy(\.isNumber) else { return nil }
        self.init(year: year, week: week)
    }

    /// The Monday on or before `date`.
    public static func monday(of date: CivilDate) -> CivilDate { date.adding(days: -((date.weekday + 6) % 7)) }

    /// 52 or 53.
    static func weeks(in year: Int) -> Int {
        guard let december28 = CivilDate(year: year, month: 12, day: 28) else { return 52 }
        return ISOWeek(containing: december28).week
    }

    /// The week's Monday.
    public var monday: CivilDate {
        let january4 = CivilDate(year: year, month: 1, day: 4)!
        return ISOWeek.monday(of: january4).adding(days: (week - 1) * 7)
    }

    /// Monday … Sunday.
    public var days: ClosedRange<CivilDate> { monday...monday.adding(days: 6) }

    public var next: ISOWeek { ISOWeek(containing: monday.adding(days: 7)) }
    public var previous: ISOWeek { ISOWeek(containing: monday.adding(days: -7)) }

    /// `2026-W47`.
    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}
