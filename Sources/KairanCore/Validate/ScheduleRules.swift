/// Checks publications against the schedule: a major release should land on the date the
/// schedule's `release` item gives for its month (after the holiday policy). A mismatch is a
/// warning, not an error: releases do slip, and `--strict` makes it fail.
public enum ScheduleRules {
    public static func check(_ releases: [Release], schedule: SiteSchedule) -> [Diagnostic] {
        guard let item = schedule.item(kind: .release) else { return [] }
        var diagnostics: [Diagnostic] = []
        for release in releases where release.type == .major {
            let date = release.date
            let monthStart = CivilDate(year: date.year, month: date.month, day: 1)!
            let monthEnd = CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
            let planned = item.occurrences(from: monthStart.adding(days: -7), through: monthEnd, calendar: schedule.calendar)
                .compactMap(\.date).filter { $0.month == date.month && $0.year == date.year }
            if planned.contains(date) { continue }
            let expected = planned.map { JapaneseDateFormat.long($0) }.joined(separator: ", ")
            diagnostics.append(.warning(release.location,
                "v\(release.version) is dated \(JapaneseDateFormat.long(date)), but the schedule `\(item.id)` (\(item.rule.japanese)) plans \(expected.isEmpty ? "no release that month" : expected)",
                hint: "fix the date, or change the `\(item.id)` rule in \(schedule.source)"))
        }
        return diagnostics
    }
}
