/// Checks training content against the rest of the site: every event page has the schedule item
/// its dates come from, and every material's `article:` names a published help article.
public enum TrainingRules {
    /// The problems of `training`, given the schedule and the source paths of published help articles.
    public static func check(_ training: Training, schedule: SiteSchedule, articles: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ids = schedule.items.map(\.id)
        // An item left out for its own error was reported there.
        for event in training.events where !ids.contains(event.id) && !schedule.rejectedIDs.contains(event.id) {
            let known = ids.isEmpty ? "it has no items" : "its ids: " + ids.joined(separator: ", ")
            diagnostics.append(.error(SourceLocation(file: event.sourcePath, line: 1, column: 1),
                                      "event page \(event.id) has no schedule item with the same id",
                                      hint: "add an item `id: \(event.id)` to \(schedule.source) (\(known)), or rename the file"))
        }
        for material in training.materials {
            guard let article = material.article, !articles.contains(article) else { continue }
            diagnostics.append(.error(material.articleLocation ?? SourceLocation(file: material.sourcePath, line: 1, column: 1),
                                      "`article` points to \(article), which is not a published help article",
                                      hint: "name the article's .md file relative to this file, e.g. ../../kb/<category>/<slug>.md"))
        }
        return diagnostics
    }
}
