import Yams

/// Decodes `kpis.yaml` strictly: a top-level `kpis:` list whose entries may only hold the known
/// keys, with rules parsed and checked where they are written.
public enum KPIDefinitionDecoder {
    /// The keys a `kpis:` entry may hold.
    public static let keys = ["id", "name", "group", "unit", "target", "alert", "direction", "frequency", "method",
                              "review", "audience"]

    /// The definitions of `file`, in file order; invalid entries are left out after logging why.
    public static func decode(_ file: OperationsSourceFile, log: DiagnosticLog) -> [KPIDefinition] {
        var rejected = Set<String>()
        return decode(file, log: log, rejected: &rejected)
    }

    /// `decode(_:log:)`, also giving the ids of entries left out for their errors: their
    /// measurements files report nothing more.
    static func decode(_ file: OperationsSourceFile, log: DiagnosticLog, rejected: inout Set<String>) -> [KPIDefinition] {
        guard let root = YAMLDocument.parse(file.text, file: file.path, lineOffset: 0, log: log) else {
            if !log.items.hasErrors {
                log.error(SourceLocation(file: file.path, line: 1), "kpis.yaml is empty", hint: "start it with `kpis:` and a list of `- id: …` entries")
            }
            return []
        }
        guard let top = YAMLFields(root, what: "kpis.yaml", expected: ["kpis"], file: file.path, lineOffset: 0, log: log) else { return [] }
        if !top.has("kpis") {
            log.error(top.location, "kpis.yaml has no `kpis:` list", hint: "start it with `kpis:` and a list of `- id: …` entries")
        }
        var seen: [String: SourceLocation] = [:]
        var definitions: [KPIDefinition] = []
        for entry in top.list("kpis", expected: keys) {
            guard let definition = decodeEntry(entry, log: log) else {
                if let id = entry.string("id") { rejected.insert(id) }
                continue
            }
            if let first = seen[definition.id] {
                log.error(entry.location(of: "id"), "duplicate KPI id `\(definition.id)` (first defined at \(first))",
                          hint: "give each KPI its own id")
                continue
            }
            seen[definition.id] = entry.location(of: "id")
            definitions.append(definition)
        }
        return definitions
    }

    private static func decodeEntry(_ entry: YAMLFields, log: DiagnosticLog) -> KPIDefinition? {
        let id = entry.string("id", required: true, example: "csat")
        let name = entry.string("name", required: true, example: "顧客満足度 (CSAT)")
        let target = rule(entry, "target", required: true, log: log)
        let alert = rule(entry, "alert", required: false, log: log)
        let frequencies = KPIFrequency.allCases.map(\.rawValue)
        let frequency = entry.choice("frequency", frequencies, required: true).flatMap(KPIFrequency.init(rawValue:))
        let review = entry.choice("review", frequencies).flatMap(KPIFrequency.init(rawValue:))
        let direction = entry.choice("direction", KPIDirection.allCases.map(\.rawValue)).flatMap(KPIDirection.init(rawValue:))
        let audience = entry.choice("audience", KPIAudience.allCases.map(\.rawValue)).flatMap(KPIAudience.init(rawValue:))
        if let id, !isSlug(id) {
            log.error(entry.location(of: "id"), "KPI id \"\(id)\" must be lowercase letters, digits and hyphens",
                      hint: "the id names the measurements file metrics/<id>.csv, e.g. `id: api-p95`")
            return nil
        }
        guard let id, let name, let target, let frequency else { return nil }
        if let direction, target.comparison != .equal, direction != KPIDirection.implied(by: target) {
            log.warning(entry.location(of: "direction"),
                        "KPI `\(id)` has `direction: \(direction.rawValue)` but its target `\(target)` means \(KPIDirection.implied(by: target).rawValue) is better",
                        hint: "check the target's comparison or remove `direction:` to derive it from the target")
        }
        return KPIDefinition(id: id, name: name, group: entry.string("group") ?? "", unit: entry.string("unit") ?? "",
                             target: target, alert: alert, direction: direction, frequency: frequency,
                             method: entry.string("method") ?? "", review: review, audience: audience ?? .internal,
                             location: entry.location)
    }

    private static func rule(_ entry: YAMLFields, _ key: String, required: Bool, log: DiagnosticLog) -> KPIRule? {
        guard let text = entry.string(key, required: required, example: "\">= 95\"") else { return nil }
        do {
            return try KPIRule(parsing: text)
        } catch {
            log.error(entry.location(of: key), "`\(key)` \(error.description)",
                      hint: error.hint.isEmpty ? "write e.g. `\(key): \">= 95\"` or `\(key): \"wow <= -10%\"`" : error.hint)
            return nil
        }
    }

    /// Lowercase ASCII letters, digits and inner hyphens.
    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
