/// Business days (営業日) of a Japanese company: every day except national holidays
/// (``JapaneseHolidays``), weekend days and the site's ``CompanyClosure``s.
///
/// Outside ``JapaneseHolidays/supportedYears`` no national holidays apply. Searches for the next
/// or previous business day give up after ``searchLimit`` days and return `nil`.
public struct BusinessCalendar: Hashable, Sendable {
    /// How far `nextBusinessDay(after:)` and `previousBusinessDay(before:)` look, in days.
    public static let searchLimit = 3660

    /// Company closures, checked in order; the first match names the reason.
    public var closures: [CompanyClosure]
    /// Weekdays that are never business days (0 = Sunday … 6 = Saturday).
    public var weekendDays: Set<Int>
    /// Whether national holidays are non-business days.
    public var observesNationalHolidays: Bool

    /// A calendar closed on Saturdays, Sundays, national holidays and `closures`.
    public init(
        closures: [CompanyClosure] = [], weekendDays: Set<Int> = [0, 6], observesNationalHolidays: Bool = true
    ) {
        self.closures = closures
        self.weekendDays = weekendDays
        self.observesNationalHolidays = observesNationalHolidays
    }

    /// Whether `date` is a business day.
    public func isBusinessDay(_ date: CivilDate) -> Bool { nonBusinessReason(date) == nil }

    /// Why `date` is not a business day, or `nil` when it is: the national holiday's name
    /// (`元日`), else the company closure's name (`年末年始休業`), else the weekday (`土曜日`).
    public func nonBusinessReason(_ date: CivilDate) -> String? {
        if observesNationalHolidays, let holiday = JapaneseHolidays.holiday(on: date) { return holiday.name }
        if let closure = closures.first(where: { $0.contains(date) }) { return closure.name }
        if weekendDays.contains(date.weekday) { return JapaneseDateFormat.weekdaySymbols[date.weekday] + "曜日" }
        return nil
    }

    /// The first business day after `date` (翌営業日).
    public func nextBusinessDay(after date: CivilDate) -> CivilDate? { search(from: date, step: 1) }

    /// The last business day before `date` (前営業日).
    public func previousBusinessDay(before date: CivilDate) -> CivilDate? { search(from: date, step: -1) }

    /// The `n`-th business day of the month (第n営業日), `n` from 1; negative counts from the
    /// end (`-1` = the last business day). `nil` when the month has fewer or the month is invalid.
    public func businessDay(_ n: Int, ofMonth month: Int, year: Int) -> CivilDate? {
        guard n != 0, (1...12).contains(month) else { return nil }
        let days = (1...CivilDate.daysIn(month: month, year: year))
            .map { CivilDate(clampingYear: year, month: month, day: $0) }
            .filter(isBusinessDay)
        let index = n > 0 ? n - 1 : days.count + n
        return days.indices.contains(index) ? days[index] : nil
    }

    /// The `n`-th `weekday` (0 = Sunday … 6 = Saturday) of the month, `n = -1` for the last;
    /// see ``CivilDate/nthWeekday(_:weekday:month:year:)``. Ignores business days.
    public func nthWeekday(_ n: Int, weekday: Int, month: Int, year: Int) -> CivilDate? {
        CivilDate.nthWeekday(n, weekday: weekday, month: month, year: year)
    }

    /// `date` itself when it is a business day; otherwise `nil` for ``HolidayPolicy/skip`` or
    /// the previous or next business day.
    public func apply(_ policy: HolidayPolicy, to date: CivilDate) -> CivilDate? {
        if isBusinessDay(date) { return date }
        switch policy {
        case .skip: return nil
        case .previousBusinessDay: return previousBusinessDay(before: date)
        case .nextBusinessDay: return nextBusinessDay(after: date)
        }
    }

    private func search(from date: CivilDate, step: Int) -> CivilDate? {
        var day = date
        for _ in 0..<Self.searchLimit {
            day = day.adding(days: step)
            if isBusinessDay(day) { return day }
        }
        return nil
    }
}
