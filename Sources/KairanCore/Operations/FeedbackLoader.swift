/// Decodes `feedback.yaml` strictly: a top-level `feedback:` list.
public enum FeedbackLoader {
    public static let keys = ["id", "received", "channel", "clinic", "summary", "status", "resolved_on", "backlog", "release", "response"]

    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> [FeedbackItem] {
        OperationsList.entries(of: file, key: "feedback", expected: keys, example: "- id: FB-2026-001", log: log).compactMap { entry in
            let id = OperationsList.id(entry, example: "FB-2026-001")
            let received = entry.date("received", required: true)
            let channel = entry.choice("channel", FeedbackItem.Channel.allCases.map(\.rawValue), required: true).flatMap(FeedbackItem.Channel.init)
            let summary = entry.string("summary", required: true, example: "日報の締め時刻を院ごとに変えたい")
            let status = entry.choice("status", FeedbackItem.Status.allCases.map(\.rawValue), required: true).flatMap(FeedbackItem.Status.init)
            let resolvedOn = entry.date("resolved_on")
            if let status, status.isClosed, !entry.has("resolved_on") {
                log.error(entry.location(of: "status"), "feedback `\(id ?? "")` is \(status.rawValue) but has no `resolved_on:`",
                          hint: "add `resolved_on: YYYY-MM-DD`")
            } else if let status, !status.isClosed, entry.has("resolved_on") {
                log.error(entry.location(of: "resolved_on"), "feedback `\(id ?? "")` has `resolved_on:` but status `\(status.rawValue)`",
                          hint: "set `status: resolved` (or declined), or remove `resolved_on:`")
            }
            if let received, let resolvedOn, resolvedOn < received {
                log.error(entry.location(of: "resolved_on"), "`resolved_on` \(resolvedOn) is before `received` \(received)", hint: "check the two dates")
            }
            var release: SemanticVersion?
            if let text = entry.string("release", example: "\"1.7.0\"") {
                release = SemanticVersion(text)
                if release == nil {
                    log.error(entry.location(of: "release"), "`release` must be a version like \"1.7.0\", found \"\(text)\"")
                }
            }
            guard let id, let received, let channel, let summary, let status else { return nil }
            return FeedbackItem(id: id, received: received, channel: channel, clinic: entry.string("clinic") ?? "", summary: summary,
                                status: status, resolvedOn: status.isClosed ? resolvedOn : nil, backlog: entry.string("backlog"),
                                release: release, response: entry.string("response") ?? "", location: entry.location,
                                backlogLocation: entry.location(of: "backlog"), releaseLocation: entry.location(of: "release"))
        }
    }
}
