import Yams

/// Reads the schedule (`schedule.yaml`): company closures and the recurring items.
///
/// ```yaml
/// closures:
///   - { preset: year-end }                 # 12/29–1/3, name 年末年始休業
///   - { name: 夏季休業, preset: obon }      # 8/13–8/16
///   - { name: 創立記念日, date: 2027-06-01 }
///   - { name: 棚卸し, from: 2027-03-30, to: 2027-03-31 }
/// items:
///   - id: office-hours
///     title: オフィスアワー
///     kind: office-hours
///     rule: weekly thu
///     time: "14:00"
///     duration: 60
///     policy: skip
///     audience: customers
///     url: https://example.com/booking
/// ```
///
/// Required per item: `id` (kebab-case, unique), `title`, `kind`, `rule`, `time` and
/// `audience`; `duration` (minutes, 0…1440) is required for events and defaults to 0 for
/// publications (`weekly-report`, `newsletter`, `release`). `policy` defaults to
/// ``ScheduledItem/Kind/defaultPolicy``: `skip` for events, `previous` for publications.
/// Every problem is logged at its place with a hint; a faulty item or closure is left out.
public enum ScheduleLoader {
    /// The top-level keys.
    public static let keys = ["closures", "items"]
    /// The keys of one item.
    public static let itemKeys = ["id", "title", "kind", "rule", "time", "duration", "policy", "audience",
                                  "description", "location", "url"]
    /// The `policy:` spellings and what they mean.
    public static let policies: [(name: String, policy: HolidayPolicy)] = [
        ("skip", .skip), ("previous", .previousBusinessDay), ("next", .nextBusinessDay),
    ]

    /// Parses schedule YAML text held in `file` and decodes it; `([], BusinessCalendar())` after
    /// logging when the text is not a mapping with the expected keys.
    public static func decode(yaml text: String, file: String, log: DiagnosticLog) -> ([ScheduledItem], BusinessCalendar) {
        var rejected = Set<String>()
        return decode(yaml: text, file: file, log: log, rejected: &rejected)
    }

    static func decode(yaml text: String, file: String, log: DiagnosticLog, rejected: inout Set<String>) -> ([ScheduledItem], BusinessCalendar) {
        let node = YAMLDocument.parse(text, file: file, lineOffset: 0, log: log)
        guard let node, let fields = YAMLFields(node, what: file, expected: keys, file: file, lineOffset: 0, log: log)
        else { return ([], BusinessCalendar()) }
        return decode(fields, log: log, rejected: &rejected)
    }

    /// Decodes the mapping `fields` (read with ``keys``): the items in file order and a
    /// calendar closed on weekends, national holidays and the listed closures.
    public static func decode(_ fields: YAMLFields, log: DiagnosticLog) -> ([ScheduledItem], BusinessCalendar) {
        var rejected = Set<String>()
        return decode(fields, log: log, rejected: &rejected)
    }

    /// `decode(_:log:)`, also giving the ids of items left out for their errors: what refers to
    /// them (an event page) reports nothing more.
    static func decode(_ fields: YAMLFields, log: DiagnosticLog, rejected: inout Set<String>) -> ([ScheduledItem], BusinessCalendar) {
        let closures = fields.list("closures", expected: ScheduleClosureDecoder.keys)
            .compactMap { ScheduleClosureDecoder.decode($0, log: log) }
        var seen: [String: SourceLocation] = [:]
        var items: [ScheduledItem] = []
        for entry in fields.list("items", expected: itemKeys) {
            guard let item = decodeItem(entry, log: log) else {
                if let id = entry.string("id") { rejected.insert(id) }
                continue
            }
            if let first = seen[item.id] {
                log.error(entry.location(of: "id"), "duplicate item id `\(item.id)`",
                          hint: "ids must be unique; the first is at \(first)")
                continue
            }
            seen[item.id] = entry.location(of: "id")
            items.append(item)
        }
        return (items, BusinessCalendar(closures: closures))
    }

    /// One item; `nil` after logging when a required value is missing or wrong.
    static func decodeItem(_ fields: YAMLFields, log: DiagnosticLog) -> ScheduledItem? {
        let id = fields.string("id", required: true, example: "office-hours")
        if let id, !ScheduledItem.isValidID(id) {
            log.error(fields.location(of: "id"), "item id \"\(id)\" is not kebab-case",
                      hint: "use lowercase letters, digits and single hyphens, e.g. `office-hours`")
        }
        let title = fields.string("title", required: true, example: "オフィスアワー")
        let kind = fields.scheduleChoice("kind", ScheduledItem.Kind.allCases.map(\.rawValue), required: true, log: log)
            .flatMap(ScheduledItem.Kind.init(rawValue:))
        let rule = decodeRule(fields, log: log)
        let time = decodeTime(fields, log: log)
        let duration = fields.scheduleInt("duration", required: kind.map { !$0.isPublication } ?? false, example: "60",
                                          range: 0...1440, unit: "minutes (0 to 1440)", log: log)
        let audiences = ScheduledItem.Audience.allCases.map(\.rawValue)
        let audience = fields.scheduleChoice("audience", audiences, required: true, log: log)
            .flatMap(ScheduledItem.Audience.init(rawValue:))
        let policy = decodePolicy(fields, rule: rule, log: log)
        let url = fields.url("url", example: "https://example.com/booking", kinds: [.web], rule: "start with https:// or http://")
        guard let id, ScheduledItem.isValidID(id), let title, let kind, let rule, let time, let audience,
              !(fields.has("duration") && duration == nil), !(fields.has("policy") && policy == nil),
              url != nil || !fields.isText("url") || fields.string("url") == nil,  // a rejected url is logged
              kind.isPublication || duration != nil
        else { return nil }
        return ScheduledItem(
            id: id, title: title, kind: kind, rule: rule, time: time, durationMinutes: duration ?? 0,
            policy: policy ?? kind.defaultPolicy, audience: audience, description: fields.string("description"),
            location: fields.string("location"), url: url)
    }

    private static func decodeRule(_ fields: YAMLFields, log: DiagnosticLog) -> ScheduleRule? {
        guard let text = fields.string("rule", required: true, example: "weekly thu") else { return nil }
        do {
            return try ScheduleRule(parsing: text)
        } catch {
            log.error(fields.location(of: "rule"), error.message, hint: error.hint)
            return nil
        }
    }

    private static func decodeTime(_ fields: YAMLFields, log: DiagnosticLog) -> LocalTime? {
        guard let text = fields.string("time", required: true, example: "\"14:00\"") else { return nil }
        guard let time = LocalTime(parsing: text) else {
            log.error(fields.location(of: "time"), "`time` must be a time of day written HH:MM, found \"\(text)\"",
                      hint: "e.g. `time: \"14:00\"` (24-hour clock, Japan time)")
            return nil
        }
        return time
    }

    private static func decodePolicy(_ fields: YAMLFields, rule: ScheduleRule?, log: DiagnosticLog) -> HolidayPolicy? {
        guard let name = fields.scheduleChoice("policy", policies.map(\.name), log: log) else { return nil }
        if let rule, !rule.followsHolidayPolicy {
            let why = rule == .daily ? "daily items always skip non-business days"
                                     : "the rule already gives a business day"
            log.warning(fields.location(of: "policy"), "`policy` has no effect on `\(rule)`",
                        hint: "\(why); remove the `policy:` line")
        }
        return policies.first { $0.name == name }?.policy
    }
}
