/// The period of a relative-change rule: `dod` (前日比), `wow` (前週比), `mom` (前月比), `qoq` (前四半期比).
public enum KPIPeriod: String, Hashable, Sendable, CaseIterable {
    case dayOverDay = "dod"
    case weekOverWeek = "wow"
    case monthOverMonth = "mom"
    case quarterOverQuarter = "qoq"

    /// `前日比`, `前週比`, `前月比`, `前四半期比`.
    public var label: String {
        switch self {
        case .dayOverDay: return "前日比"
        case .weekOverWeek: return "前週比"
        case .monthOverMonth: return "前月比"
        case .quarterOverQuarter: return "前四半期比"
        }
    }

    /// The date one period before `date`, the baseline a change is measured against: 1 or 7 days
    /// earlier, or 1 or 3 calendar months earlier with the day clamped to the month's length
    /// (`2026-05-31` mom → `2026-04-30`).
    public func baselineDate(before date: CivilDate) -> CivilDate {
        switch self {
        case .dayOverDay: return date.adding(days: -1)
        case .weekOverWeek: return date.adding(days: -7)
        case .monthOverMonth: return KPIPeriod.monthsBefore(date, 1)
        case .quarterOverQuarter: return KPIPeriod.monthsBefore(date, 3)
        }
    }

    private static func monthsBefore(_ date: CivilDate, _ count: Int) -> CivilDate {
        let index = date.year * 12 + (date.month - 1) - count
        let year = index >= 0 ? index / 12 : (index - 11) / 12
        let month = index - year * 12 + 1
        let day = min(date.day, CivilDate.daysIn(month: month, year: year))
        return CivilDate(year: year, month: month, day: day) ?? date.adding(days: -30 * count)
    }
}
