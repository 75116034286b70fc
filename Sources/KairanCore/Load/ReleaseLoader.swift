/// Loads `content/releases/*.md`: front matter plus body sections under fixed H2 headings
/// (新機能, 改善, バグ修正, 既知の制限; 修正内容, 影響範囲 for hotfixes), or the same as lists in front matter.
public enum ReleaseLoader {
    public static let keys = ["version", "date", "type", "title", "summary", "highlights", "audience", "backlog", "draft", "email", "aliases"]
        + ReleaseSectionKind.allCases.map(\.rawValue)

    /// Every release file, parsed; order is by version.
    public static func load(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [Release] {
        ContentFolder.markdownFiles("content/releases", siteDirectory: siteDirectory, fileSystem: fileSystem, log: log)
            .compactMap { parse($0.text, path: $0.path, log: log) }
            .sorted { ($0.version, $0.sourcePath) < ($1.version, $1.sourcePath) }
    }

    /// Parses one release file.
    public static func parse(_ text: String, path: String, log: DiagnosticLog) -> Release? {
        let (read, split) = FrontMatter.read(text, file: path, keys: keys, log: log)
        guard let fields = read else { return nil }
        let versionText = fields.string("version", required: true, example: "1.2.0")
        let version = versionText.flatMap(SemanticVersion.init)
        if let versionText, version == nil {
            log.error(fields.location(of: "version"), "`version` must be a semantic version like 1.2.0, found \"\(versionText)\"")
        }
        let date = fields.date("date", required: true)
        let type = fields.choice("type", ReleaseType.allCases.map(\.rawValue), required: true).flatMap(ReleaseType.init)
        let title = fields.string("title", required: true, example: "データエクスポート機能")
        let audience = fields.choice("audience", ["public", "customers", "internal"]).flatMap(Audience.init) ?? .public
        var sections: [Release.Section] = []
        for kind in ReleaseSectionKind.allCases where fields.has(kind.rawValue) {
            let items = fields.strings(kind.rawValue)
            let line = fields.location(of: kind.rawValue).line
            sections.append(.init(kind: kind, body: MarkdownSource(text: items.map { "- " + $0 }.joined(separator: "\n") + "\n", lineOffset: line - 1)))
        }
        let (introduction, bodySections) = splitSections(split.body, file: path, log: log)
        for section in bodySections {
            if sections.contains(where: { $0.kind == section.kind }) {
                log.error(SourceLocation(file: path, line: section.body.lineOffset), "section \(section.kind.heading) is given twice",
                          hint: "write it either as a `## \(section.kind.heading)` heading or as `\(section.kind.rawValue):` in front matter")
            } else {
                sections.append(section)
            }
        }
        sections.sort { ReleaseSectionKind.allCases.firstIndex(of: $0.kind)! < ReleaseSectionKind.allCases.firstIndex(of: $1.kind)! }
        let summary = fields.string("summary") ?? ""
        let highlights = fields.strings("highlights")
        let backlog = fields.strings("backlog")
        let draft = fields.bool("draft") ?? false
        let email = fields.bool("email") ?? false
        if email, audience == .internal {
            log.warning(fields.location(of: "email"), "internal releases are not emailed", hint: "remove `email: true`, or publish the release to customers or the public")
        }
        guard let version, let date, let type, let title else { return nil }
        var release = Release(sourcePath: path, version: version, date: date, type: type, title: title, summary: summary,
                       highlights: highlights, audience: audience, backlog: backlog, draft: draft, introduction: introduction,
                       sections: sections, location: SourceLocation(file: path, line: 1, column: 1),
                       backlogLocation: fields.has("backlog") ? fields.location(of: "backlog") : nil)
        release.email = email
        release.aliases = ArticleParser.aliases(fields)
        return release
    }

    /// Splits the body at `## ` headings outside fenced code; unknown headings are warnings and
    /// their text stays with the section before them.
    static func splitSections(_ body: MarkdownSource, file: String, log: DiagnosticLog) -> (MarkdownSource, [Release.Section]) {
        var introduction: [Substring] = []
        var sections: [(kind: ReleaseSectionKind, start: Int, lines: [Substring])] = []
        var fence: Substring?
        for (index, line) in body.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if line.hasPrefix("## ") {
                let heading = line.dropFirst(3).trimmingCharacters(in: " #")
                if let kind = ReleaseSectionKind.named(heading) {
                    if sections.contains(where: { $0.kind == kind }) {
                        log.error(SourceLocation(file: file, line: body.lineOffset + index + 1, column: 1), "section \(heading) is given twice")
                    }
                    sections.append((kind, body.lineOffset + index + 1, []))
                    continue
                }
                log.warning(SourceLocation(file: file, line: body.lineOffset + index + 1, column: 1), "unknown release-notes section \"\(heading)\"",
                            hint: "known sections: " + ReleaseSectionKind.allCases.map(\.heading).joined(separator: ", "))
            }
            if sections.isEmpty { introduction.append(line) } else { sections[sections.count - 1].lines.append(line) }
        }
        return (MarkdownSource(text: introduction.joined(separator: "\n"), lineOffset: body.lineOffset),
                sections.map { Release.Section(kind: $0.kind, body: MarkdownSource(text: $0.lines.joined(separator: "\n"), lineOffset: $0.start)) })
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
