/// Reads the `date:` of each `content/newsletters/*.md`, for checking newsletters against the
/// schedule. Newsletters are not published by Kairan yet, so only the date is read here; the
/// rest of their front matter is left to the newsletter pipeline when it exists.
public enum NewsletterDates {
    public static func load(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [ScheduleRules.Publication] {
        var publications: [ScheduleRules.Publication] = []
        for file in ContentFolder.markdownFiles("content/newsletters", siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) {
            let path = file.path
            let split = FrontMatter.split(file.text, file: path, log: log)
            if split.unclosed { continue }
            let value = split.value(file: path, log: log)
            guard case .map(let pairs)? = value?.content, let entry = pairs.first(where: { $0.key.text == "date" }) else {
                log.error(SourceLocation(file: path, line: 1, column: 1), "newsletter has no `date:`", hint: "add `date: YYYY-MM-DD` to its front matter")
                continue
            }
            let at = YAMLFields.location(of: entry.value, file: path, lineOffset: split.yamlLineOffset) ?? SourceLocation(file: path)
            guard let text = entry.value.text else {
                log.error(at, "`date` must be a date written YYYY-MM-DD")
                continue
            }
            guard let date = YAMLFields.date(text, key: "date", at: at, log: log) else { continue }
            publications.append(.init(label: "newsletter \(file.name)", date: date, location: at))
        }
        return publications
    }
}
