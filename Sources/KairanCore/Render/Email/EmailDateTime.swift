/// A moment in Asia/Tokyo (+09:00, no daylight saving) to the minute: when an email is sent.
public struct EmailDateTime: Hashable, Sendable, Comparable {
    public let date: CivilDate
    /// Minutes after midnight, 0..<1440.
    public let minuteOfDay: Int

    /// The moment, or nil when `minuteOfDay` is not within the day.
    public init?(date: CivilDate, minuteOfDay: Int) {
        guard (0..<1440).contains(minuteOfDay) else { return nil }
        self.date = date
        self.minuteOfDay = minuteOfDay
    }

    public static func < (lhs: EmailDateTime, rhs: EmailDateTime) -> Bool {
        (lhs.date, lhs.minuteOfDay) < (rhs.date, rhs.minuteOfDay)
    }

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The RFC 5322 §3.3 form of the `Date` header: `Fri, 20 Nov 2026 17:00:00 +0900`.
    public var rfc5322: String {
        "\(Self.weekdays[date.weekday]), \(date.day) \(Self.months[date.month - 1]) \(date.year) "
            + "\(Self.two(minuteOfDay / 60)):\(Self.two(minuteOfDay % 60)):00 +0900"
    }

    /// ISO 8601 with the zone, as `outbox.json` writes it: `2026-11-20T17:00:00+09:00`.
    public var iso: String { "\(date.iso)T\(Self.two(minuteOfDay / 60)):\(Self.two(minuteOfDay % 60)):00+09:00" }
}
