/// A source page's front matter (YAML or TOML, read by Kairan's own reader) and the same
/// written with Kairan's keys: what maps is kept, what does not is listed as dropped.
struct ImportFrontMatter {
    /// The keys and values in the order of the file.
    var entries: [(key: String, value: YAMLValue)] = []
    /// Lines before the front matter's first line (added to its value lines).
    var lineOffset = 0

    /// Reads the front matter of `split`; a broken one is a note and reads as empty.
    init(_ split: FrontMatter, file: String, notes: inout [ImportNote]) {
        lineOffset = split.yamlLineOffset
        let log = DiagnosticLog()
        guard let value = split.value(file: file, log: log) else {
            for item in log.items { notes.append(ImportNote(file: file, line: item.location.line, message: "front matter not read: \(item.message)")) }
            return
        }
        guard case .map(let pairs) = value.content else {
            notes.append(ImportNote(file: file, line: 1, message: "front matter is not a mapping; not imported"))
            return
        }
        entries = pairs.map { (key: $0.key.text ?? "", value: $0.value) }
    }

    func value(_ key: String) -> YAMLValue? { entries.first { $0.key == key }?.value }
    func text(_ key: String) -> String? { value(key)?.text.flatMap { $0.isEmpty ? nil : $0 } }
    func texts(_ key: String) -> [String] {
        guard let value = value(key) else { return [] }
        switch value.content {
        case .scalar(let text, _): return text.isEmpty ? [] : [text]
        case .list(let items): return items.compactMap(\.text)
        case .map: return []
        }
    }
    func line(of key: String) -> Int { (value(key)?.line ?? 0) + lineOffset }

    /// Source keys → Kairan's key, tried in order (the first present wins).
    static let articleKeys: [(kairan: String, sources: [String])] = [
        ("title", ["title"]),
        ("summary", ["description", "summary"]),
        ("tags", ["tags"]),
        ("date", ["date", "publishDate", "pubDate"]),
        ("updated", ["lastmod", "updated", "lastUpdated"]),
        ("weight", ["weight", "order", "nav_order", "sidebar_position", "position"]),
        ("draft", ["draft"]),
    ]
    static let folderKeys: [(kairan: String, sources: [String])] = [
        ("title", ["title"]), ("summary", ["description", "summary"]), ("weight", ["weight", "order", "nav_order", "sidebar_position", "position"]),
    ]
    /// Keys the importer reads itself (to place the page), never written back as such.
    static let placementKeys: Set<String> = ["slug", "url", "aliases"]

    /// The front matter in Kairan's keys as YAML lines (`title: "…"`), with `aliases` last;
    /// dropped keys and values that do not fit are notes.
    func kairanLines(folderPage: Bool, aliases: [String], file: String, notes: inout [ImportNote]) -> [String] {
        var lines: [String] = []
        var used: Set<String> = ImportFrontMatter.placementKeys
        for (kairan, sources) in folderPage ? ImportFrontMatter.folderKeys : ImportFrontMatter.articleKeys {
            guard let source = sources.first(where: { value($0) != nil }), let value = value(source) else { continue }
            used.formUnion(sources.filter { self.value($0) != nil })
            let at = line(of: source)
            switch kairan {
            case "tags":
                let items = texts(source)
                if !items.isEmpty { lines.append("tags: [" + items.map(ImportFrontMatter.quoted).joined(separator: ", ") + "]") }
            case "date", "updated":
                guard let text = value.text, let day = CivilDate(iso: text) ?? CivilDate(dateTimeInSiteZone: text) else {
                    notes.append(ImportNote(file: file, line: at, message: "`\(source)` is not a date; left out"))
                    continue
                }
                lines.append("\(kairan): \(day.iso)")
            case "weight":
                guard let text = value.text, let number = Int(text) else {
                    notes.append(ImportNote(file: file, line: at, message: "`\(source)` is not a whole number; left out"))
                    continue
                }
                lines.append("weight: \(number)")
            case "draft":
                if let text = value.text, text == "true" || text == "false" { lines.append("draft: \(text)") }
            default:
                if let text = value.text { lines.append("\(kairan): " + ImportFrontMatter.quoted(text)) }
            }
        }
        let dropped = entries.map(\.key).filter { !used.contains($0) }
        if !dropped.isEmpty {
            notes.append(ImportNote(file: file, line: line(of: dropped[0]),
                                    message: "front matter keys dropped (Kairan has no such keys): " + dropped.joined(separator: ", ")))
        }
        if !aliases.isEmpty { lines.append("aliases: [" + aliases.map(ImportFrontMatter.quoted).joined(separator: ", ") + "]") }
        return lines
    }

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
