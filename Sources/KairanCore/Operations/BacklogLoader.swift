import Yams

/// Decodes `backlog.yaml` strictly: a top-level `items:` list of backlog entries.
public enum BacklogLoader {
    /// The keys an `items:` entry may hold.
    public static let keys = ["id", "title", "category", "priority", "estimate", "value", "owner", "horizon", "due",
                              "milestone", "status", "done_on", "requested_by", "approved_by", "notes"]
    /// The allowed estimates, smallest first.
    public static let estimates = ["XS", "S", "M", "L", "XL"]

    /// The items of `file` in file order; invalid entries are left out after logging why.
    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> [BacklogItem] {
        guard let root = YAMLDocument.parse(file.text, file: file.path, lineOffset: 0, log: log) else {
            if !log.items.hasErrors {
                log.error(SourceLocation(file: file.path, line: 1), "backlog.yaml is empty", hint: "start it with `items:` and a list of `- id: …` entries")
            }
            return []
        }
        guard let top = YAMLFields(root, what: "backlog.yaml", expected: ["items"], file: file.path, lineOffset: 0, log: log) else { return [] }
        if !top.has("items") {
            log.error(top.location, "backlog.yaml has no `items:` list", hint: "start it with `items:` and a list of `- id: …` entries")
        }
        var seen: [String: SourceLocation] = [:]
        var items: [BacklogItem] = []
        for entry in top.list("items", expected: keys) {
            guard let item = decodeEntry(entry, log: log) else { continue }
            if let first = seen[item.id] {
                log.error(entry.location(of: "id"), "duplicate backlog id `\(item.id)` (first at \(first))", hint: "give each item its own id")
                continue
            }
            seen[item.id] = entry.location(of: "id")
            items.append(item)
        }
        return items
    }

    private static func decodeEntry(_ entry: YAMLFields, log: DiagnosticLog) -> BacklogItem? {
        let id = entry.string("id", required: true, example: "BL-001")
        let title = entry.string("title", required: true, example: "モバイル最適化")
        let priority = entry.choice("priority", BacklogPriority.allCases.map(\.rawValue), required: true).flatMap(BacklogPriority.init(rawValue:))
        let estimate = entry.choice("estimate", estimates, required: true)
        let value = entry.int("value", required: true, example: "7", range: 1...10)
        let horizon = entry.choice("horizon", BacklogHorizon.allCases.map(\.rawValue), required: true).flatMap(BacklogHorizon.init(rawValue:))
        let status = entry.choice("status", BacklogStatus.allCases.map(\.rawValue), required: true).flatMap(BacklogStatus.init(rawValue:))
        let due = entry.date("due")
        let milestone = entry.string("milestone", example: "v2.0")
        let doneOn = entry.date("done_on")
        if !entry.has("due") && !entry.has("milestone") {
            log.error(entry.location, "backlog item \(id.map { "`\($0)` " } ?? "")needs `due:` or `milestone:`",
                      hint: "add `due: 2026-12-08` or `milestone: \"v2.0\"`")
        } else if entry.has("due") && entry.has("milestone") {
            log.error(entry.location(of: "milestone"), "backlog item \(id.map { "`\($0)` " } ?? "")has both `due:` and `milestone:`",
                      hint: "keep one: a date for dated work, a milestone for release-bound work")
        }
        if let status, let id {
            if status == .done && doneOn == nil {
                log.warning(entry.location(of: "status"), "backlog item `\(id)` is done but has no `done_on:` date",
                            hint: "add `done_on: YYYY-MM-DD` so progress can be dated")
            } else if status != .done && doneOn != nil {
                log.warning(entry.location(of: "done_on"), "backlog item `\(id)` has `done_on:` but status `\(status.rawValue)`",
                            hint: "set `status: done` or remove `done_on:`")
            }
        }
        guard let id, let title, let priority, let estimate, let value, let horizon, let status else { return nil }
        return BacklogItem(id: id, title: title, category: entry.string("category") ?? "", priority: priority, estimate: estimate,
                           value: value, owner: entry.string("owner") ?? "", horizon: horizon, due: due, milestone: milestone,
                           status: status, doneOn: doneOn, requestedBy: entry.strings("requested_by"),
                           approvedBy: entry.string("approved_by"), notes: entry.string("notes") ?? "", location: entry.location)
    }
}
