/// Checks publications against the schedule: a major release should land on the date the
/// schedule's `release` item gives for its month, and a newsletter (`content/newsletters/*.md`
/// with a `date:`) on the date of the `newsletter` item (第1営業日), both after the holiday
/// policy. A mismatch is a warning, not an error: publications do slip, and `--strict` fails it.
public enum ScheduleRules {
    /// A dated publication to check.
    public struct Publication: Sendable {
        public var label: String
        public var date: CivilDate
        public var location: SourceLocation

        public init(label: String, date: CivilDate, location: SourceLocation) {
            self.label = label
            self.date = date
            self.location = location
        }
    }

    public static func check(_ releases: [Release], newsletters: [Publication] = [], schedule: SiteSchedule) -> [Diagnostic] {
        let majors = releases.filter { $0.type == .major }.map { Publication(label: "v\($0.version)", date: $0.date, location: $0.location) }
        return check(majors, against: schedule.item(kind: .release), schedule: schedule)
            + check(newsletters, against: schedule.item(kind: .newsletter), schedule: schedule)
    }

    static func check(_ publications: [Publication], against item: ScheduledItem?, schedule: SiteSchedule) -> [Diagnostic] {
        guard let item else { return [] }
        var diagnostics: [Diagnostic] = []
        for publication in publications {
            let date = publication.date
            let monthStart = CivilDate(year: date.year, month: date.month, day: 1)!
            let monthEnd = CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
            let planned = item.occurrences(from: monthStart.adding(days: -7), through: monthEnd, calendar: schedule.calendar)
                .compactMap(\.date).filter { $0.month == date.month && $0.year == date.year }
            if planned.contains(date) { continue }
            let expected = planned.map { JapaneseDateFormat.long($0) }.joined(separator: ", ")
            diagnostics.append(.warning(publication.location,
                "\(publication.label) is dated \(JapaneseDateFormat.long(date)), but the schedule `\(item.id)` (\(item.rule.japanese)) plans \(expected.isEmpty ? "nothing that month" : expected)",
                hint: "fix the date, or change the `\(item.id)` rule in \(schedule.source)"))
        }
        return diagnostics
    }
}
