import Yams

/// Decodes `milestones.yaml` strictly: a top-level `phases:` list, each with a `checklist:` of
/// entries that have a `title:` and either `done:` (ticked by hand) or `rule:` (computed).
public enum MilestoneLoader {
    /// The keys a `phases:` entry may hold.
    public static let keys = ["id", "name", "goal", "start", "due", "checklist"]
    /// The keys a `checklist:` entry may hold.
    public static let checkKeys = ["title", "done", "rule"]

    /// The phases of `file` in file order; invalid entries are left out after logging why.
    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> [Milestone] {
        guard let root = YAMLDocument.parse(file.text, file: file.path, lineOffset: 0, log: log) else {
            if !log.items.hasErrors {
                log.error(SourceLocation(file: file.path, line: 1), "milestones.yaml is empty", hint: "start it with `phases:` and a list of `- id: …` entries")
            }
            return []
        }
        guard let top = YAMLFields(root, what: "milestones.yaml", expected: ["phases"], file: file.path, lineOffset: 0, log: log) else { return [] }
        if !top.has("phases") {
            log.error(top.location, "milestones.yaml has no `phases:` list", hint: "start it with `phases:` and a list of `- id: …` entries")
        }
        var seen: Set<String> = []
        var milestones: [Milestone] = []
        for entry in top.list("phases", expected: keys) {
            let id = entry.string("id", required: true, example: "stabilization")
            let name = entry.string("name", required: true, example: "安定化期")
            let start = entry.date("start")
            let due = entry.date("due")
            if let start, let due, due < start {
                log.error(entry.location(of: "due"), "`due` \(due.iso) is before `start` \(start.iso)", hint: "swap or correct the dates")
            }
            let checklist = entry.list("checklist", expected: checkKeys).compactMap { check($0, log: log) }
            guard let id, let name else { continue }
            guard seen.insert(id).inserted else {
                log.error(entry.location(of: "id"), "duplicate phase id `\(id)`", hint: "give each phase its own id")
                continue
            }
            milestones.append(Milestone(id: id, name: name, goal: entry.string("goal") ?? "", start: start, due: due,
                                        checklist: checklist, location: entry.location))
        }
        return milestones
    }

    private static func check(_ entry: YAMLFields, log: DiagnosticLog) -> MilestoneCheck? {
        let title = entry.string("title", required: true, example: "サポート体制の確立")
        let done = entry.bool("done")
        let ruleText = entry.string("rule", example: "\"backlog immediate done >= 80%\"")
        if entry.has("done") && entry.has("rule") {
            log.error(entry.location(of: "rule"), "a checklist entry has both `done:` and `rule:`",
                      hint: "keep `rule:` to compute it, or `done:` to tick it by hand")
        }
        guard let title else { return nil }
        guard let ruleText else { return MilestoneCheck(title: title, kind: .manual(done: done ?? false), location: entry.location) }
        do {
            return MilestoneCheck(title: title, kind: .rule(try MilestoneRule(parsing: ruleText)), location: entry.location(of: "rule"))
        } catch {
            log.error(entry.location(of: "rule"), "checklist \(error.description)",
                      hint: error.hint.isEmpty ? "write `backlog immediate done >= 80%` or `kpi csat >= 4.5`" : error.hint)
            // Keep the entry (not done) so the phase's count of entries stays right.
            return MilestoneCheck(title: title, kind: .manual(done: false), location: entry.location(of: "rule"))
        }
    }
}
