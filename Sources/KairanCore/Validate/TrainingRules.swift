/// Training content against the schedule and the help center.
enum TrainingRules {
    /// Event pages need a schedule item of their id; a material's `article:` must be a published help article.
    static func check(_ training: Training, schedule: SiteSchedule, articles: Set<String>, log: DiagnosticLog) {
        for event in training.events where !schedule.items.contains(where: { $0.id == event.id }) {
            log.error(SourceLocation(file: event.sourcePath), "event page \(event.id) has no schedule item with the same id",
                      hint: "add an item `id: \(event.id)` to \(schedule.source), or rename the file")
        }
        for material in training.materials {
            if let article = material.article, !articles.contains(article) {
                log.error(SourceLocation(file: material.sourcePath), "`article` points to \(article), which is not a published help article")
            }
        }
    }
}
