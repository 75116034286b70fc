/// Loads `content/training/{programs,materials,events}/*.md`.
public enum TrainingLoader {
    public static let programKeys = ["title", "summary", "audience", "when", "weight", "sessions"]
    public static let materialKeys = ["title", "summary", "kind", "format", "minutes", "article", "url", "updated", "weight"]
    public static let eventKeys = ["title", "summary", "themes", "weight"]

    public static func load(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> Training {
        var training = Training()
        for (path, text) in files("programs", siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) {
            guard let (fields, body) = frontMatter(text, path: path, keys: programKeys, log: log) else { continue }
            let sessions = fields.list("sessions", expected: ["title", "minutes", "topics"]).compactMap { session -> Training.Program.Session? in
                guard let title = session.string("title", required: true), let minutes = session.int("minutes", required: true, range: 1...600) else { return nil }
                return .init(title: title, minutes: minutes, topics: session.strings("topics"))
            }
            guard let title = fields.string("title", required: true) else { continue }
            training.programs.append(.init(id: id(path), title: title, summary: fields.string("summary") ?? "",
                                           audience: fields.string("audience") ?? "", when: fields.string("when") ?? "",
                                           weight: fields.int("weight") ?? 0, sessions: sessions, body: body, sourcePath: path))
        }
        for (path, text) in files("materials", siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) {
            guard let (fields, body) = frontMatter(text, path: path, keys: materialKeys, log: log) else { continue }
            let kind = fields.choice("kind", ["manual", "video", "quick-reference"], required: true)
            var article: String?
            if let link = fields.string("article") {
                article = LinkResolver.join(directory: LinkResolver.directory(of: path), link)
            }
            let url = fields.url("url", example: "https://example.com/manual.pdf", kinds: [.web], rule: "start with https://")
            if let url, !url.text.lowercased().hasPrefix("https://") {
                fields.reject("url", url.text, URLPolicy.Violation(message: "must start with https://", hint: "materials are linked over https only"))
            }
            guard let title = fields.string("title", required: true), let kind else { continue }
            training.materials.append(.init(
                id: id(path), title: title, summary: fields.string("summary") ?? "", kind: kind, format: fields.string("format") ?? "",
                minutes: fields.int("minutes", range: 1...600), article: article,
                articleLocation: article == nil ? nil : fields.location(of: "article"), url: url.flatMap { $0.text.lowercased().hasPrefix("https://") ? $0 : nil },
                updated: fields.date("updated"), weight: fields.int("weight") ?? 0, body: body, sourcePath: path))
        }
        for (path, text) in files("events", siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) {
            guard let (fields, body) = frontMatter(text, path: path, keys: eventKeys, log: log) else { continue }
            let themes = fields.list("themes", expected: ["month", "title"]).compactMap { theme -> Training.Event.Theme? in
                guard let month = theme.string("month", required: true, example: "2026-12"), let title = theme.string("title", required: true) else { return nil }
                if CivilDate(iso: month + "-01").map(JapaneseHolidays.supportedDates.contains) != true {
                    log.error(theme.location(of: "month"), "`month` must be written YYYY-MM, from \(JapaneseHolidays.supportedDates.lowerBound.iso.prefix(7)) to \(JapaneseHolidays.supportedDates.upperBound.iso.prefix(7)), found \"\(month)\"")
                    return nil
                }
                return .init(month: month, title: title)
            }
            guard let title = fields.string("title", required: true) else { continue }
            training.events.append(.init(id: id(path), title: title, summary: fields.string("summary") ?? "", themes: themes,
                                         weight: fields.int("weight") ?? 0, body: body, sourcePath: path))
        }
        training.programs.sort { ($0.weight, $0.id) < ($1.weight, $1.id) }
        training.materials.sort { ($0.weight, $0.id) < ($1.weight, $1.id) }
        training.events.sort { ($0.weight, $0.id) < ($1.weight, $1.id) }
        return training
    }

    private static func id(_ path: String) -> String { String(path.split(separator: "/").last!.dropLast(3)) }

    /// The files of `content/training/<folder>`; their names become ids, so they follow the slug rules.
    private static func files(_ folder: String, siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [(String, String)] {
        ContentFolder.markdownFiles("content/training/" + folder, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log)
            .compactMap { file in
                if let problem = SlugRules.problem(with: file.name) {
                    log.error(SourceLocation(file: file.path), "file name \"\(file.name).md\" \(problem)", hint: SlugRules.hint(for: file.name))
                    return nil
                }
                return (file.path, file.text)
            }
    }

    private static func frontMatter(_ text: String, path: String, keys: [String], log: DiagnosticLog) -> (YAMLFields, MarkdownSource)? {
        let (read, split) = FrontMatter.read(text, file: path, keys: keys, log: log)
        guard let fields = read else { return nil }
        return (fields, split.body)
    }
}
