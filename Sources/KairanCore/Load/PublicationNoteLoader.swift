/// Loads the writers' notes of weekly reports and newsletters. The file name is the issue:
/// `content/reports/weekly/2026-W47.md` (an ISO week), `content/newsletters/2026-11.md` (a month).
public enum PublicationNoteLoader {
    public static let weeklyFolder = "content/reports/weekly"
    public static let newsletterFolder = "content/newsletters"
    public static let weeklyKeys = ["title", "summary", "draft"]
    public static let newsletterKeys = ["title", "summary", "date", "tips", "tips_intro", "draft"]

    /// The weekly report notes, by week.
    public static func weeklyReports(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [PublicationNote] {
        ContentFolder.markdownFiles(weeklyFolder, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log).compactMap { file in
            let id = file.name
            guard let week = ISOWeek(parsing: id) else {
                log.error(SourceLocation(file: file.path, line: 1, column: 1), "a weekly report is named after its ISO week, like 2026-W47.md, found \(file.name).md",
                          hint: "rename it to <year>-W<week>.md (the week of the Friday it is sent)")
                return nil
            }
            return parse(file.text, path: file.path, id: week.description, keys: weeklyKeys, log: log)?.note
        }.sorted { $0.id < $1.id }
    }

    /// The newsletters, by month.
    public static func newsletters(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [PublicationNote] {
        ContentFolder.markdownFiles(newsletterFolder, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log).compactMap { file in
            let id = file.name
            let parts = id.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
                  CivilDate(year: year, month: month, day: 1) != nil else {
                log.error(SourceLocation(file: file.path, line: 1, column: 1), "a newsletter is named after its month, like 2026-11.md, found \(file.name).md",
                          hint: "rename it to <year>-<month>.md")
                return nil
            }
            guard let (note, dated) = parse(file.text, path: file.path, id: id, keys: newsletterKeys, log: log) else { return nil }
            if note.date == nil {
                // A `date:` that is there but wrong was reported as it was read.
                if dated { return nil }
                log.error(note.location, "newsletter has no `date:`", hint: "add `date: YYYY-MM-DD` (the first business day of \(id)) to its front matter")
                return nil
            }
            if let date = note.date, date.year != year || date.month != month {
                log.error(note.location, "newsletter \(file.name).md is dated \(date.iso), outside its month", hint: "date it within \(id), or rename the file")
                return nil
            }
            return note
        }.sorted { $0.id < $1.id }
    }

    /// The note, and whether its front matter has a `date:` line.
    private static func parse(_ text: String, path: String, id: String, keys: [String], log: DiagnosticLog) -> (note: PublicationNote, dated: Bool)? {
        let (read, split) = FrontMatter.read(text, file: path, keys: keys, log: log)
        guard let fields = read else { return nil }
        let note = PublicationNote(sourcePath: path, id: id, title: fields.string("title"), summary: fields.string("summary") ?? "",
                               date: fields.date("date"), tips: fields.strings("tips"), tipsIntro: fields.string("tips_intro") ?? "", tipsLocation: fields.location(of: "tips"),
                               draft: fields.bool("draft") ?? false, body: split.body, location: fields.location(of: "date"))
        return (note, fields.has("date"))
    }
}
