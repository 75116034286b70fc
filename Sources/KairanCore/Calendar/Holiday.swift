/// One Japanese public holiday: a date on which offices and banks close by law.
public struct Holiday: Hashable, Sendable, CustomStringConvertible {
    /// Why the day is a holiday.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A 国民の祝日 named in 国民の祝日に関する法律 (fixed date, Happy Monday or equinox),
        /// including the Olympic moves of 2020 and 2021.
        case national
        /// 振替休日: the substitute for a 国民の祝日 that falls on a Sunday (law art. 3-2).
        case substitute
        /// 国民の休日: a day sandwiched between two 国民の祝日 (law art. 3-3, from 1985-12-27).
        case citizens
        /// A one-off holiday set by its own law (imperial ceremonies).
        case special
    }

    /// The day.
    public let date: CivilDate
    /// The Japanese name, e.g. `元日`, `振替休日`, `国民の休日`.
    public let name: String
    /// Which rule made the day a holiday.
    public let kind: Kind

    /// Creates a holiday record.
    public init(date: CivilDate, name: String, kind: Kind) {
        self.date = date
        self.name = name
        self.kind = kind
    }

    /// `2026-01-01 元日`.
    public var description: String { "\(date.iso) \(name)" }
}
