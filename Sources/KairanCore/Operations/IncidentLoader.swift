/// Decodes `incidents.yaml` strictly: a top-level `incidents:` list.
public enum IncidentLoader {
    /// The keys an entry may hold.
    public static let keys = ["id", "kind", "priority", "start", "end", "status", "impact", "clinics_affected", "summary",
                              "internal_notes", "postmortem"]

    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> [Incident] {
        OperationsList.entries(of: file, key: "incidents", expected: keys, example: "- id: INC-2026-001", log: log).compactMap { entry in
            decode(entry, file: file, log: log)
        }
    }

    private static func decode(_ entry: YAMLFields, file: OperationsSourceFile, log: DiagnosticLog) -> Incident? {
        let id = OperationsList.id(entry, example: "INC-2026-001")
        let kind = entry.choice("kind", Incident.Kind.allCases.map(\.rawValue)).flatMap(Incident.Kind.init) ?? .incident
        let priority = entry.choice("priority", Incident.Priority.allCases.map(\.rawValue), required: kind == .incident)
            .flatMap(Incident.Priority.init)
        if kind == .maintenance, entry.has("priority") {
            log.error(entry.location(of: "priority"), "maintenance `\(id ?? "")` has a `priority:`", hint: "priorities are for incidents; remove the line")
        }
        let start = entry.dateTime("start", required: true)
        let end = entry.dateTime("end", required: kind == .maintenance)
        let allowed: [Incident.Status] = kind == .incident ? [.investigating, .identified, .monitoring, .resolved] : [.scheduled, .completed]
        let status = entry.choice("status", allowed.map(\.rawValue), required: true).flatMap(Incident.Status.init)
        if let start, let end, end < start {
            log.error(entry.location(of: "end"), "`end` \(end) is before `start` \(start)", hint: "check the two times")
        }
        if kind == .incident, status == .resolved, !entry.has("end") {
            log.error(entry.location(of: "status"), "incident `\(id ?? "")` is resolved but has no `end:`", hint: "add `end: YYYY-MM-DDTHH:MM`")
        }
        let impact = entry.string("impact", required: true, example: "予約画面の表示が遅延しました")
        let clinics = entry.int("clinics_affected", example: "12", range: 0...1_000_000) ?? 0
        let summaryText = entry.string("summary", required: true, example: "原因を特定し、復旧しました。")
        let postmortem = entry.url("postmortem", example: "https://wiki.example.com/pm/INC-2026-001", kinds: [.web], rule: "start with https://")
        guard let id, let start, let status, let impact, let summaryText, (kind == .maintenance || priority != nil) else { return nil }
        if let end, end < start { return nil }
        let line = entry.location(of: "summary").line
        return Incident(id: id, kind: kind, priority: priority, start: start, end: end, status: status, impact: impact,
                        clinicsAffected: clinics, summary: MarkdownSource(text: summaryText, lineOffset: max(0, line - 1)),
                        internalNotes: entry.string("internal_notes") ?? "", postmortem: postmortem, location: entry.location)
    }
}

/// The shared shape of the operations lists: one top-level key holding `- id: …` entries with unique ids.
enum OperationsList {
    /// The entries of `key`, each read with `expected` keys; entries whose id repeats are left out after an error.
    static func entries(of file: OperationsSourceFile, key: String, expected: [String], example: String, log: DiagnosticLog) -> [YAMLFields] {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        guard let root = YAMLDocument.parse(file.text, file: file.path, lineOffset: 0, log: log) else {
            if !log.items.contains(where: { $0.severity == .error && $0.location.file == file.path }) {
                log.error(SourceLocation(file: file.path, line: 1), "\(name) is empty", hint: "start it with `\(key):` and a list of `\(example)` entries")
            }
            return []
        }
        guard let top = YAMLFields(root, what: name, expected: [key], file: file.path, lineOffset: 0, log: log) else { return [] }
        if !top.has(key) {
            log.error(top.location, "\(name) has no `\(key):` list", hint: "start it with `\(key):` and a list of `\(example)` entries")
        }
        var seen: [String: SourceLocation] = [:]
        var result: [YAMLFields] = []
        for entry in top.list(key, expected: expected) {
            if let id = entry.string("id") {
                if let first = seen[id] {
                    log.error(entry.location(of: "id"), "duplicate id `\(id)` (first at \(first))", hint: "give each entry its own id")
                    continue
                }
                seen[id] = entry.location(of: "id")
            }
            result.append(entry)
        }
        return result
    }

    /// The entry's required `id`, checked to be letters, digits and `-`.
    static func id(_ entry: YAMLFields, example: String) -> String? {
        guard let id = entry.string("id", required: true, example: example) else { return nil }
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }) else {
            entry.log.error(entry.location(of: "id"), "`id` must be ASCII letters, digits, `-`, `_` or `.`, found \"\(id)\"", hint: "e.g. `id: \(example)`")
            return nil
        }
        return id
    }
}
