/// A company non-business day or span configured by the site (e.g. 年末年始休業), named for
/// display: a recurring month/day span every year, or fixed calendar dates.
///
/// Month/day bounds are compared as written, so an out-of-range bound such as `(13, 1)` simply
/// matches nothing beyond it; the site's configuration loader should reject such values.
public struct CompanyClosure: Hashable, Sendable {
    /// The name shown as the reason, e.g. `年末年始休業`.
    public let name: String
    private let span: Span

    private enum Span: Hashable, Sendable {
        /// Every year from (month, day) through (month, day); wraps over the year end when the
        /// start comes after the end.
        case annual(startMonth: Int, startDay: Int, endMonth: Int, endDay: Int)
        /// From one date through another, both inclusive.
        case dates(CivilDate, CivilDate)
    }

    private init(name: String, span: Span) {
        self.name = name
        self.span = span
    }

    /// Whether the closure covers `date`.
    public func contains(_ date: CivilDate) -> Bool {
        switch span {
        case let .annual(startMonth, startDay, endMonth, endDay):
            let day = (date.month, date.day)
            let start = (startMonth, startDay)
            let end = (endMonth, endDay)
            return start <= end ? (day >= start && day <= end) : (day >= start || day <= end)
        case let .dates(start, end):
            return date >= start && date <= end
        }
    }

    /// The same month/day span every year, both ends inclusive; `from` after `through` wraps
    /// over the new year (`(12, 29)` through `(1, 3)`).
    public static func annual(
        from start: (month: Int, day: Int), through end: (month: Int, day: Int), name: String
    ) -> CompanyClosure {
        let span = Span.annual(startMonth: start.month, startDay: start.day, endMonth: end.month, endDay: end.day)
        return CompanyClosure(name: name, span: span)
    }

    /// Preset: year-end and new-year closure, 12/29–1/3 unless given.
    public static func yearEnd(
        from start: (month: Int, day: Int) = (12, 29), to end: (month: Int, day: Int) = (1, 3),
        name: String = "年末年始休業"
    ) -> CompanyClosure {
        annual(from: start, through: end, name: name)
    }

    /// Preset: summer (お盆) closure, 8/13–8/16 unless given.
    public static func obon(
        from start: (month: Int, day: Int) = (8, 13), to end: (month: Int, day: Int) = (8, 16),
        name: String = "夏季休業"
    ) -> CompanyClosure {
        annual(from: start, through: end, name: name)
    }

    /// One named day, e.g. a founding anniversary or an inventory day.
    public static func date(_ date: CivilDate, name: String) -> CompanyClosure {
        CompanyClosure(name: name, span: .dates(date, date))
    }

    /// A named span of dates, both ends inclusive; empty when `end` precedes `start`.
    public static func range(from start: CivilDate, through end: CivilDate, name: String) -> CompanyClosure {
        CompanyClosure(name: name, span: .dates(start, end))
    }
}
