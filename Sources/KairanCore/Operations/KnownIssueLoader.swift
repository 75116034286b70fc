/// Decodes `known_issues.yaml` strictly: a top-level `known_issues:` list.
public enum KnownIssueLoader {
    public static let keys = ["id", "title", "since", "status", "workaround", "article", "fixed_in"]

    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> [KnownIssue] {
        OperationsList.entries(of: file, key: "known_issues", expected: keys, example: "- id: KI-001", log: log).compactMap { entry in
            let id = OperationsList.id(entry, example: "KI-001")
            let title = entry.string("title", required: true, example: "一部の端末で週表示が崩れる")
            let since = entry.date("since", required: true)
            let status = entry.choice("status", KnownIssue.Status.allCases.map(\.rawValue), required: true).flatMap(KnownIssue.Status.init)
            var fixedIn: SemanticVersion?
            if let text = entry.string("fixed_in", example: "\"1.7.1\"") {
                fixedIn = SemanticVersion(text)
                if fixedIn == nil { log.error(entry.location(of: "fixed_in"), "`fixed_in` must be a version like \"1.7.1\", found \"\(text)\"") }
            }
            if status == .fixed, !entry.has("fixed_in") {
                log.error(entry.location(of: "status"), "known issue `\(id ?? "")` is fixed but has no `fixed_in:`", hint: "add `fixed_in: \"1.7.1\"`, the release that fixed it")
            }
            guard let id, let title, let since, let status else { return nil }
            return KnownIssue(id: id, title: title, since: since, status: status, workaround: entry.string("workaround") ?? "",
                              article: entry.string("article"), fixedIn: fixedIn, location: entry.location,
                              articleLocation: entry.location(of: "article"), fixedInLocation: entry.location(of: "fixed_in"))
        }
    }
}
