/// Reads one entry of `closures:` into a ``CompanyClosure``.
enum ScheduleClosureDecoder {
    /// The keys of one closure entry.
    static let keys = ["name", "preset", "date", "from", "to"]
    /// The `preset:` spellings.
    static let presets = ["year-end", "obon"]

    private static let forms = "give exactly one of `preset: year-end|obon`, `date: YYYY-MM-DD`, or `from:` and `to:`"

    /// The closure, or `nil` after logging.
    static func decode(_ fields: YAMLFields, log: DiagnosticLog) -> CompanyClosure? {
        let hasRange = fields.has("from") || fields.has("to")
        let formCount = [fields.has("preset"), fields.has("date"), hasRange].filter { $0 }.count
        guard formCount == 1 else {
            log.error(fields.location, formCount == 0 ? "closure has no dates" : "closure mixes several kinds of dates",
                      hint: forms)
            return nil
        }
        if fields.has("preset") {
            let name = fields.string("name")
            switch fields.scheduleChoice("preset", presets, log: log) {
            case "year-end": return name.map { .yearEnd(name: $0) } ?? .yearEnd()
            case "obon": return name.map { .obon(name: $0) } ?? .obon()
            default: return nil
            }
        }
        let name = fields.string("name", required: true, example: "創立記念日")
        if fields.has("date") {
            guard let name, let date = fields.date("date") else { return nil }
            return .date(date, name: name)
        }
        let start = fields.date("from", required: true)
        let end = fields.date("to", required: true)
        guard let name, let start, let end else { return nil }
        guard start <= end else {
            log.error(fields.location(of: "to"), "closure `to` (\(end)) is before `from` (\(start))",
                      hint: "swap the two dates")
            return nil
        }
        return .range(from: start, through: end, name: name)
    }
}
