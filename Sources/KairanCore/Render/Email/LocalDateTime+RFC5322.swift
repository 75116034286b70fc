extension LocalDateTime {
    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The RFC 5322 §3.3 form of the `Date` header: `Fri, 20 Nov 2026 17:00:00 +0900`.
    public var rfc5322: String {
        "\(Self.weekdays[date.weekday]), \(date.day) \(Self.months[date.month - 1]) \(date.year) \(clockText):00 +0900"
    }
}
