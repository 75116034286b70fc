/// The modern Japanese eras (元号) from 昭和 on, with their first days.
public enum JapaneseEra: String, Hashable, Sendable, CaseIterable {
    /// 昭和, from 1926-12-25.
    case showa = "昭和"
    /// 平成, from 1989-01-08.
    case heisei = "平成"
    /// 令和, from 2019-05-01.
    case reiwa = "令和"

    /// The era's name, e.g. `令和`.
    public var name: String { rawValue }

    /// The era's first day.
    public var startDate: CivilDate {
        switch self {
        case .showa: CivilDate(clampingYear: 1926, month: 12, day: 25)
        case .heisei: CivilDate(clampingYear: 1989, month: 1, day: 8)
        case .reiwa: CivilDate(clampingYear: 2019, month: 5, day: 1)
        }
    }

    /// The era and era year of `date`; `nil` before 1926-12-25 (昭和元年).
    public static func year(for date: CivilDate) -> JapaneseEraYear? {
        guard let era = allCases.last(where: { $0.startDate <= date }) else { return nil }
        return JapaneseEraYear(era: era, year: date.year - era.startDate.year + 1)
    }
}

/// A year counted in a Japanese era: 令和8年.
public struct JapaneseEraYear: Hashable, Sendable, CustomStringConvertible {
    /// The era.
    public let era: JapaneseEra
    /// The year within the era, from 1.
    public let year: Int

    /// Creates an era year.
    public init(era: JapaneseEra, year: Int) {
        self.era = era
        self.year = year
    }

    /// With a plain number: `令和1年`, `令和8年`.
    public var numeric: String { "\(era.name)\(year)年" }

    /// As written in prose: the first year as `元年` (`令和元年`), others as ``numeric``.
    public var display: String { year == 1 ? "\(era.name)元年" : numeric }

    /// ``numeric``.
    public var description: String { numeric }
}
