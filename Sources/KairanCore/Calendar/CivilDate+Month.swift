extension CivilDate {
    /// A date built from components that are clamped into range (month to 1…12, day to the
    /// month's length), so it never fails; for rule tables whose components are known good.
    init(clampingYear year: Int, month: Int, day: Int) {
        let month = min(max(month, 1), 12)
        let day = min(max(day, 1), CivilDate.daysIn(month: month, year: year))
        // Every clamped component set forms a real day.
        self = CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }

    /// The `n`-th `weekday` (0 = Sunday … 6 = Saturday) of `month` in `year`; `n = -1` is the
    /// last, `-2` the one before it. `nil` when the month, weekday or `n` (±1…5) is out of range
    /// or the month has no such day (e.g. a fifth Monday that does not exist).
    public static func nthWeekday(_ n: Int, weekday: Int, month: Int, year: Int) -> CivilDate? {
        guard n != 0, (-5...5).contains(n), (0...6).contains(weekday),
              let first = CivilDate(year: year, month: month, day: 1)
        else { return nil }
        let length = CivilDate.daysIn(month: month, year: year)
        if n > 0 {
            let day = 1 + (weekday - first.weekday + 7) % 7 + (n - 1) * 7
            return CivilDate(year: year, month: month, day: day)
        }
        let lastWeekday = (first.weekday + length - 1) % 7
        let day = length - (lastWeekday - weekday + 7) % 7 - (-n - 1) * 7
        return CivilDate(year: year, month: month, day: day)
    }
}
