/// The Markdown of a source page rewritten for Kairan, line by line outside code: admonitions
/// and shortcodes become `::: kind` callouts, links are handed to `link` to be rewritten, and
/// what has no Kairan equivalent is kept as it is and noted.
struct ImportBody {
    let source: ImportSource
    /// The file, relative to the source site (for notes).
    let file: String
    /// Rewrites one link destination written on a line of the file; nil keeps it.
    let link: (_ destination: String, _ line: Int) -> String?
    var notes: [ImportNote] = []

    init(source: ImportSource, file: String, link: @escaping (_ destination: String, _ line: Int) -> String?) {
        self.source = source
        self.file = file
        self.link = link
    }

    /// MkDocs (Material) admonition types and Hugo/VitePress words → Kairan callout kinds.
    static let kinds: [String: Callout.Kind] = [
        "note": .note, "abstract": .note, "summary": .note, "tldr": .note, "info": .note, "todo": .note,
        "question": .note, "help": .note, "faq": .note, "example": .note, "quote": .note, "cite": .note, "details": .note,
        "tip": .tip, "hint": .tip, "success": .tip, "check": .tip, "done": .tip,
        "important": .important,
        "warning": .warning, "attention": .warning,
        "caution": .caution, "failure": .caution, "fail": .caution, "missing": .caution, "bug": .caution,
        "danger": .danger, "error": .danger,
    ]
    /// Hugo shortcodes that are callouts (`{{< notice warning >}}`, `{{< hint info >}}`, …).
    static let calloutShortcodes: Set<String> = ["notice", "hint", "alert", "callout", "admonition", "note", "tip", "warning", "info", "important", "caution", "danger"]

    // Regexes are not Sendable, so each body has its own.
    private let admonition = try? Regex(#"^(\s*)(!!!|\?\?\?\+?)\s+([A-Za-z-]+)(?:\s+"(.*)")?\s*$"#)
    private let shortcode = try? Regex(#"^\s*\{\{[<%]\s*(/?)([A-Za-z_-]+)\s*([^>%]*?)\s*[>%]\}\}\s*$"#)
    private let inlineLink = try? Regex(#"\]\(\s*(<[^>]*>|[^)\s]+)"#)
    private let referenceDefinition = try? Regex(#"^(\s{0,3}\[[^\]]+\]:\s*)(<[^>]*>|\S+)"#)

    /// The converted text of `lines`, which start at line `firstLine` of the file.
    mutating func convert(_ lines: [Substring], firstLine: Int) -> [String] {
        var output: [String] = []
        var fence: (character: Character, count: Int)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let number = firstLine + index
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if let open = fence {
                let run = trimmed.prefix { $0 == open.character }.count
                if run >= open.count && trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { fence = nil }
                output.append(String(line))
                index += 1
                continue
            }
            if let first = trimmed.first, first == "`" || first == "~", trimmed.prefix(while: { $0 == first }).count >= 3 {
                fence = (first, trimmed.prefix { $0 == first }.count)
                output.append(String(line))
                index += 1
                continue
            }
            if source == .mkdocs, let regex = admonition, let match = try? regex.wholeMatch(in: line) {
                let indent = match.output[1].substring.map(String.init) ?? ""
                let word = match.output[3].substring.map(String.init) ?? "note"
                let title = match.output[4].substring.map(String.init)
                var end = index + 1
                while end < lines.count, lines[end].allSatisfy({ $0 == " " || $0 == "\t" }) || lines[end].hasPrefix(indent + "    ") || lines[end].hasPrefix(indent + "\t") {
                    end += 1
                }
                while end > index + 1, lines[end - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
                let body = lines[(index + 1)..<end].map { line -> Substring in
                    line.hasPrefix(indent + "    ") ? line.dropFirst(indent.count + 4) : line.hasPrefix(indent + "\t") ? line.dropFirst(indent.count + 1) : line.dropFirst(0)
                }
                let kind = callout(word, line: number)
                if match.output[2].substring?.hasPrefix("???") == true {
                    notes.append(ImportNote(file: file, line: number, message: "collapsible admonition `???` is shown open (a `::: \(kind.rawValue)` callout)"))
                }
                output.append(indent + "::: " + kind.rawValue + (title.map { $0.isEmpty ? "" : " " + $0 } ?? ""))
                output += convert(Array(body), firstLine: number + 1).map { $0.isEmpty ? $0 : indent + $0 }
                output.append(indent + ":::")
                index = end
                continue
            }
            if trimmed.hasPrefix(":::"), trimmed.count > 3 {
                let word = String(trimmed.dropFirst(3).drop { $0 == ":" || $0 == " " }.prefix { $0.isLetter || $0 == "-" })
                let title = trimmed.dropFirst(3).drop { $0 == ":" || $0 == " " }.dropFirst(word.count)
                if !word.isEmpty, ImportBody.kinds[word.lowercased()] != nil || Callout.Kind(rawValue: word.lowercased()) != nil {
                    let kind = callout(word, line: number)
                    output.append(String(line.prefix { $0 == " " }) + "::: " + kind.rawValue + title)
                } else {
                    notes.append(ImportNote(file: file, line: number, message: "container `::: \(word)` has no Kairan equivalent; kept as text"))
                    output.append(String(line))
                }
                index += 1
                continue
            }
            if let regex = shortcode, let match = try? regex.wholeMatch(in: line) {
                let closing = match.output[1].substring?.isEmpty == false
                let name = (match.output[2].substring.map(String.init) ?? "").lowercased()
                let argument = (match.output[3].substring.map(String.init) ?? "").split(separator: " ").first.map { String($0).trimmingQuotes }
                if ImportBody.calloutShortcodes.contains(name) {
                    output.append(closing ? ":::" : "::: " + callout(argument ?? name, line: number).rawValue)
                } else {
                    notes.append(ImportNote(file: file, line: number, message: "Hugo shortcode `\(name)` is not converted; kept as text"))
                    output.append(String(line))
                }
                index += 1
                continue
            }
            if line.contains("{{<") || line.contains("{{%") {
                notes.append(ImportNote(file: file, line: number, message: "Hugo shortcode is not converted; kept as text"))
            } else if source == .vitepress, trimmed.hasPrefix("<script") || trimmed.hasPrefix("<style") {
                notes.append(ImportNote(file: file, line: number, message: "VitePress `\(trimmed.prefix { $0 != " " && $0 != ">" })>` block is not converted (raw HTML is shown as text unless allow_raw_html)"))
            }
            output.append(rewriteLinks(line, line: number))
            index += 1
        }
        return output
    }

    /// The Kairan kind for a source word; an unknown one is a note and becomes `note`.
    private mutating func callout(_ word: String, line: Int) -> Callout.Kind {
        let lower = word.lowercased()
        if let kind = ImportBody.kinds[lower] {
            if kind.rawValue != lower {
                notes.append(ImportNote(file: file, line: line, message: "`\(word)` became the callout `::: \(kind.rawValue)`"))
            }
            return kind
        }
        notes.append(ImportNote(file: file, line: line, message: "unknown callout kind `\(word)` became `::: note`"))
        return .note
    }

    /// The line with each link's destination rewritten, outside inline code.
    private func rewriteLinks(_ line: Substring, line number: Int) -> String {
        guard line.contains("](") || line.contains("]:") else { return String(line) }
        var pieces = line.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        for index in stride(from: 0, to: pieces.count, by: 2) {
            if let regex = inlineLink {
                pieces[index] = pieces[index].replacing(regex) { match -> String in
                    let written = match.output[1].substring.map(String.init) ?? ""
                    let bare = written.hasPrefix("<") ? String(written.dropFirst().dropLast()) : written
                    return "](" + (link(bare, number) ?? written)
                }
            }
            if index == 0, let regex = referenceDefinition, let match = try? regex.prefixMatch(in: pieces[0]) {
                let written = match.output[2].substring.map(String.init) ?? ""
                let bare = written.hasPrefix("<") ? String(written.dropFirst().dropLast()) : written
                if let replaced = link(bare, number) {
                    pieces[0] = (match.output[1].substring.map(String.init) ?? "") + replaced + pieces[0][match.range.upperBound...]
                }
            }
        }
        return pieces.joined(separator: "`")
    }
}
