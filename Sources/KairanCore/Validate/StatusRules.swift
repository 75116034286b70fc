/// Checks what the status data refers to: feedback's backlog items and releases, known issues'
/// help articles and fixing releases. A reference to nothing is an error at the reference.
enum StatusRules {
    static func check(_ status: StatusData, backlogIDs: Set<String>?, releases: [Release], articles: Set<String>, log: DiagnosticLog) {
        let versions = Set(releases.map(\.version))
        for item in status.feedback {
            if let backlog = item.backlog, let ids = backlogIDs, !ids.contains(backlog) {
                log.error(item.backlogLocation, "feedback `\(item.id)` links backlog item `\(backlog)`, which backlog.yaml does not have",
                          hint: "use an id from content/data/backlog.yaml")
            } else if item.backlog != nil, backlogIDs == nil {
                log.error(item.backlogLocation, "feedback `\(item.id)` links a backlog item, but the site has no content/data/backlog.yaml",
                          hint: "add backlog.yaml or remove `backlog:`")
            }
            if let release = item.release, !versions.contains(release) {
                log.error(item.releaseLocation, "feedback `\(item.id)` links release \(release), which content/releases/ does not have",
                          hint: "use the version of an existing release note")
            }
        }
        for issue in status.knownIssues {
            if let article = issue.article, !articles.contains(article) {
                log.error(issue.articleLocation, "known issue `\(issue.id)` links help article `\(article)`, which does not exist",
                          hint: "write `<category>/<slug>` of an article under content/kb/, e.g. `troubleshooting/cannot-login`")
            }
            if let fixedIn = issue.fixedIn, !versions.contains(fixedIn) {
                log.error(issue.fixedInLocation, "known issue `\(issue.id)` is fixed in \(fixedIn), which content/releases/ does not have",
                          hint: "use the version of an existing release note")
            }
        }
    }
}
