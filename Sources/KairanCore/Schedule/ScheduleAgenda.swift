/// The upcoming publications and events of a schedule, with the date each really lands on after
/// its holiday policy, and whether the content it publishes exists yet.
public struct ScheduleAgenda: Sendable {
    /// One occurrence.
    public struct Entry: Sendable, Equatable {
        public var item: ScheduledItem
        public var occurrence: ScheduledItem.Occurrence
        /// The source file this occurrence publishes, when its kind publishes one.
        public var expectedContent: String?
        /// Whether that content exists; nil when nothing is expected.
        public var contentExists: Bool?
    }

    public var entries: [Entry]

    /// Where content for a publication is expected: weekly reports `content/reports/weekly/<YYYY>-W<ww>.md`
    /// (the ISO week of the day it is sent),
    /// newsletters `content/newsletters/<YYYY-MM>.md`, releases any `content/releases/*.md` dated that day.
    public static func expectedContent(kind: ScheduledItem.Kind, date: CivilDate) -> String? {
        switch kind {
        case .weeklyReport: return "\(PublicationNoteLoader.weeklyFolder)/\(ISOWeek(containing: date)).md"
        case .newsletter: return "content/newsletters/\(date.iso.prefix(7)).md"
        case .release: return "content/releases/ (a release dated \(date.iso))"
        default: return nil
        }
    }

    /// Builds the agenda of `schedule` between two dates; `exists` answers whether content for an
    /// occurrence exists (given the kind and the actual date).
    public init(schedule: SiteSchedule, from start: CivilDate, through end: CivilDate,
                exists: (ScheduledItem.Kind, CivilDate) -> Bool) {
        var entries: [Entry] = []
        for item in schedule.items {
            for occurrence in item.occurrences(from: start, through: end, calendar: schedule.calendar) {
                var entry = Entry(item: item, occurrence: occurrence, expectedContent: nil, contentExists: nil)
                if let date = occurrence.date, let expected = ScheduleAgenda.expectedContent(kind: item.kind, date: date) {
                    entry.expectedContent = expected
                    entry.contentExists = exists(item.kind, date)
                }
                entries.append(entry)
            }
        }
        self.entries = entries.sorted {
            let (l, r) = ($0.occurrence.date ?? $0.occurrence.nominal, $1.occurrence.date ?? $1.occurrence.nominal)
            if l != r { return l < r }
            if $0.item.time.minutesSinceMidnight != $1.item.time.minutesSinceMidnight {
                return $0.item.time.minutesSinceMidnight < $1.item.time.minutesSinceMidnight
            }
            return $0.item.id < $1.item.id
        }
    }

    /// One line per occurrence, for the terminal.
    public var text: String {
        entries.map { entry in
            let item = entry.item
            let time = "\(item.time.hour):\(item.time.minute < 10 ? "0" : "")\(item.time.minute)"
            guard let date = entry.occurrence.date else {
                return "\(entry.occurrence.nominal.iso) \(JapaneseDateFormat.weekdaySymbols[entry.occurrence.nominal.weekday]) —     \(item.title) [\(item.id)] skipped: \(entry.occurrence.reason ?? "non-business day")\n"
            }
            var line = "\(date.iso) \(JapaneseDateFormat.weekdaySymbols[date.weekday]) \(time.count == 4 ? " " + time : time) \(item.title) [\(item.id), \(item.audience.rawValue)]"
            if entry.occurrence.isMoved { line += " moved from \(entry.occurrence.nominal.iso) (\(entry.occurrence.reason ?? "non-business day"))" }
            if let expected = entry.expectedContent, let exists = entry.contentExists {
                line += exists ? " content: ok" : " content: MISSING \(expected)"
            }
            return line + "\n"
        }.joined()
    }

    /// The agenda as JSON.
    public var json: String {
        JSONValue.array(entries.map { entry in
            var members: [(String, JSONValue)] = [
                ("id", .string(entry.item.id)), ("title", .string(entry.item.title)), ("kind", .string(entry.item.kind.rawValue)),
                ("audience", .string(entry.item.audience.rawValue)), ("nominal", .string(entry.occurrence.nominal.iso)),
                ("date", entry.occurrence.date.map { .string($0.iso) } ?? .null),
                ("time", .string("\(entry.item.time.hour < 10 ? "0" : "")\(entry.item.time.hour):\(entry.item.time.minute < 10 ? "0" : "")\(entry.item.time.minute)")),
                ("moved", .bool(entry.occurrence.isMoved)), ("skipped", .bool(entry.occurrence.isSkipped)),
                ("reason", entry.occurrence.reason.map { .string($0) } ?? .null),
            ]
            if let expected = entry.expectedContent {
                members.append(("content", .object([("expected", .string(expected)), ("exists", .bool(entry.contentExists ?? false))])))
            }
            return .object(members)
        }).serialized()
    }
}
