import Foundation

/// The `::: kind [title]` … `:::` containers of a Markdown text (VitePress, Docusaurus and
/// markdown-it write callouts so), found before cmark reads the text, which knows no such syntax.
///
/// Each fence line is handed to cmark as a thematic break (`***`) in the same place: a thematic
/// break ends a paragraph, so the container's blocks are exactly the blocks between the two
/// breaks, and no line moves (every location stays right). The tree rewriter then wraps those
/// blocks in the callout. Fences inside fenced or indented code are text.
struct ContainerFences {
    /// One container, by the lines (of the Markdown text) of its two fences.
    struct Container: Equatable {
        var kind: Callout.Kind
        var title: String?
        var openLine: Int
        var closeLine: Int
    }

    /// The text for cmark.
    var text: String
    var containers: [Container]

    /// Whether `text` holds `:::` anywhere, by its bytes (Foundation's `contains` of a string
    /// searches with locale rules and was a tenth of a build).
    static func mayHaveFence(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            // From colon to colon with memchr: Japanese text has few ASCII colons.
            var at = 0
            while at + 2 < bytes.count, let found = memchr(base + at, Int32(UInt8(ascii: ":")), bytes.count - at - 2) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[index + 1] == UInt8(ascii: ":") && bytes[index + 2] == UInt8(ascii: ":") { return true }
                at = index + 1
            }
            return false
        }
    }

    /// Finds the containers of `source`; unknown kinds and unclosed or stray fences are errors.
    static func scan(_ source: MarkdownSource, file: String, log: DiagnosticLog) -> ContainerFences {
        guard mayHaveFence(source.text) else { return ContainerFences(text: source.text, containers: []) }
        var lines = source.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var containers: [Container] = []
        var open: [(kind: Callout.Kind, title: String?, line: Int)] = []
        var codeFence: (character: Character, count: Int)?
        var replaced: [Int: String] = [:]
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line + source.lineOffset, column: column) }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3 else { continue }
            let rest = line.dropFirst(indent)
            if let fence = codeFence {
                let run = rest.prefix { $0 == fence.character }.count
                if run >= fence.count && rest.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { codeFence = nil }
                continue
            }
            if let first = rest.first, first == "`" || first == "~" {
                let run = rest.prefix { $0 == first }.count
                if run >= 3 { codeFence = (first, run); continue }
            }
            let colons = rest.prefix { $0 == ":" }.count
            guard colons >= 3 else { continue }
            let after = rest.dropFirst(colons).trimmingBlanks()
            let indentation = String(line.prefix(indent))
            if after.isEmpty {
                guard let container = open.popLast() else {
                    log.error(at(number, indent + 1), "`:::` closes no container",
                              hint: "remove this line, or open a container above it with `::: note` (or tip, important, warning, caution, danger)")
                    continue
                }
                containers.append(Container(kind: container.kind, title: container.title, openLine: container.line, closeLine: number))
                replaced[container.line] = ContainerFences.breakLine(for: lines[container.line - 1])
                replaced[number] = indentation + "***"
                continue
            }
            // `::: tip タイトル`, `:::tip[タイトル]`
            let word = after.prefix { $0.isLetter }
            var title = after.dropFirst(word.count).trimmingBlanks()
            if title.hasPrefix("[") && title.hasSuffix("]") { title = String(title.dropFirst().dropLast()) }
            let kind: Callout.Kind
            if let known = Callout.Kind(rawValue: word.lowercased()) {
                kind = known
            } else {
                let suggestion = word.lowercased() == "info" ? "`info` is `note` here; " : ""
                log.error(at(number, indent + colons + 1), "unknown container `::: \(word.isEmpty ? after : String(word))`",
                          hint: "\(suggestion)a container is one of \(Callout.containerKinds), e.g. `::: tip 見出し` … `:::`")
                kind = .note
            }
            let plainTitle = MarkdownPlainText.inline(title)
            open.append((kind, plainTitle.isEmpty ? nil : plainTitle, number))
        }
        for container in open {
            log.error(at(container.line, 1), "container `::: \(container.kind.rawValue)` is never closed",
                      hint: "end it with a line holding only `:::`")
        }
        guard !replaced.isEmpty else { return ContainerFences(text: source.text, containers: []) }
        for (line, text) in replaced { lines[line - 1] = text }
        // Inner containers first: their blocks are moved before the outer ones'.
        containers.sort { $0.closeLine < $1.closeLine }
        return ContainerFences(text: lines.joined(separator: "\n"), containers: containers)
    }

    /// A fence line's indentation followed by `***`.
    private static func breakLine(for line: String) -> String {
        String(line.prefix { $0 == " " }) + "***"
    }
}

private extension Substring {
    func trimmingBlanks() -> String {
        let set = " \t"
        var text = self
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
