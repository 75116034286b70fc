/// Japanese public holidays (国民の祝日, 振替休日, 国民の休日 and one-off special holidays)
/// for 1955–2099, the span the Cabinet Office publishes plus the equinox formulas' range.
///
/// Years outside ``supportedYears`` have no holidays here: `holidays(in:)` returns `[]` and
/// `holiday(on:)` returns `nil`. Equinox days after next year are the astronomical prediction;
/// the Cabinet Office fixes them officially only a year ahead, and future law changes are unknown.
public enum JapaneseHolidays {
    /// The years this table covers.
    public static let supportedYears: ClosedRange<Int> = 1955...2099

    /// The first through the last day of ``supportedYears``: the dates content may name and
    /// Kairan computes with (outside them every business-day rule would be silently wrong).
    public static let supportedDates: ClosedRange<CivilDate> =
        CivilDate(clampingYear: supportedYears.lowerBound, month: 1, day: 1)...CivilDate(clampingYear: supportedYears.upperBound, month: 12, day: 31)

    /// `1955-01-01 to 2099-12-31`, for messages.
    public static var supportedDatesText: String { "\(supportedDates.lowerBound.iso) to \(supportedDates.upperBound.iso)" }

    /// The holiday on `date`, or `nil` for an ordinary day or an unsupported year.
    public static func holiday(on date: CivilDate) -> Holiday? { byDate[date] }

    /// Whether `date` is a public holiday.
    public static func isHoliday(_ date: CivilDate) -> Bool { byDate[date] != nil }

    /// All holidays of `year`, sorted by date, each date once; `[]` outside ``supportedYears``.
    public static func holidays(in year: Int) -> [Holiday] { byYear[year] ?? [] }

    /// The holidays from `start` through `end` (both inclusive), sorted; `[]` when `end < start`.
    public static func holidays(from start: CivilDate, to end: CivilDate) -> [Holiday] {
        let first = max(start.year, supportedYears.lowerBound)
        let last = min(end.year, supportedYears.upperBound)
        guard start <= end, first <= last else { return [] }
        return (first...last).flatMap { holidays(in: $0) }.filter { $0.date >= start && $0.date <= end }
    }

    private static let byYear: [Int: [Holiday]] = {
        var table: [Int: [Holiday]] = [:]
        for year in supportedYears {
            table[year] = HolidayObservance.complete(NationalHolidayRules.statutory(in: year))
        }
        return table
    }()

    private static let byDate: [CivilDate: Holiday] = {
        var table: [CivilDate: Holiday] = [:]
        for holiday in byYear.values.joined() { table[holiday.date] = holiday }
        return table
    }()
}
