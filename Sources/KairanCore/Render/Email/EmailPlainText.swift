/// The `text/plain` alternative of an email, written from its (inlined) HTML: headings, paragraphs,
/// lists, tables and quotes as readable text wrapped at ``width`` display columns, links as
/// `text [1]` with the numbered addresses listed at the end.
///
/// Layout tables (`<table role="presentation">`) are read as containers; other tables as data,
/// one line per row (`label: value` for two cells, else cells joined by ` | `). Elements with
/// `data-text="skip"` (the preheader, spacer cells) or `display:none`, the head, `<style>` and
/// comments are left out. Lines end with `\n`.
public enum EmailPlainText {
    /// The widest line, in display columns (full-width characters count 2).
    public static let width = 76

    /// The plain text of `html`.
    public static func render(html: String) -> String {
        var reader = PlainTextReader()
        let nodes = HTMLNode.parse(html, skipping: PlainTextReader.isSkipped)
        var lines = PlainTextBlock.lines(of: reader.blocks(nodes), width: width)
        if !reader.links.isEmpty {
            lines.append("")
            for (number, url) in reader.links.enumerated() { lines.append("[\(number + 1)] \(url)") }
        }
        var text = ""
        var previousBlank = true
        for line in lines {
            var line = Substring(line)
            while line.last == " " { line.removeLast() }
            if line.isEmpty, previousBlank { continue }
            previousBlank = line.isEmpty
            text += line + "\n"
        }
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }
}

/// Reads an ``HTMLNode`` tree into ``PlainTextBlock``s, numbering links as it meets them.
struct PlainTextReader {
    /// The addresses of numbered links, in the order of their numbers.
    private(set) var links: [String] = []
    private var numbers: [String: Int] = [:]

    static let inlineElements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    ]

    /// Whether `element` and its contents are left out of the text.
    static func isSkipped(_ element: HTMLElement) -> Bool {
        switch element.name {
        case "head", "style", "script", "title", "template", "noscript": return true
        default: break
        }
        if element.attribute("data-text") == "skip" || element.attribute("hidden") != nil { return true }
        if let style = element.attribute("style"), style.lowercased().filter({ $0 != " " }).contains("display:none") { return true }
        return false
    }

    /// The blocks of `nodes`: runs of text and inline elements become paragraphs.
    mutating func blocks(_ nodes: [HTMLNode]) -> [PlainTextBlock] {
        var result: [PlainTextBlock] = []
        var inline = ""
        func flush() {
            let text = Self.normalized(inline)
            if !text.isEmpty { result.append(.paragraph(text)) }
            inline = ""
        }
        for node in nodes {
            switch node {
            case .text(let text):
                inline += text
            case .element(let element) where Self.inlineElements.contains(element.name):
                inline += inlineText(of: element)
            case .element(let element):
                flush()
                result += blocks(of: element)
            }
        }
        flush()
        return result
    }

    /// The blocks of one block-level element.
    private mutating func blocks(of element: HTMLElement) -> [PlainTextBlock] {
        switch element.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = Self.normalized(inlineText(of: element.children))
            return text.isEmpty ? [] : [.heading(level: Int(String(element.name.dropFirst())) ?? 6, text: text)]
        case "ul", "ol":
            var items: [[PlainTextBlock]] = []
            for case .element(let item) in element.children where item.name == "li" { items.append(blocks(item.children)) }
            return items.isEmpty ? [] : [.list(ordered: element.name == "ol", start: Int(element.attribute("start") ?? "") ?? 1, items: items)]
        case let name where name == "blockquote" || (name == "div" && element.attribute("role") == "note"):
            // A quotation, or a callout (`Callout`: its title line leads the quoted text).
            let inner = blocks(element.children)
            return inner.isEmpty ? [] : [.quote(inner)]
        case "pre":
            return [.preformatted(Self.rawText(element.children))]
        case "hr":
            return [.rule]
        case "table" where element.attribute("role") != "presentation":
            var rows: [(cells: [String], header: Bool)] = []
            collectRows(element.children, into: &rows)
            return rows.isEmpty ? [] : [.table(rows)]
        default:
            return blocks(element.children)
        }
    }

    /// The rows of a data table, through `thead`/`tbody`/`tfoot`.
    private mutating func collectRows(_ nodes: [HTMLNode], into rows: inout [(cells: [String], header: Bool)]) {
        for case .element(let element) in nodes {
            switch element.name {
            case "tr":
                var cells: [String] = []
                var header = true
                for case .element(let cell) in element.children where cell.name == "td" || cell.name == "th" {
                    header = header && cell.name == "th"
                    let text = PlainTextBlock.lines(of: blocks(cell.children), width: Int.max / 4, tight: true)
                    cells.append(text.joined(separator: " "))
                }
                if !cells.isEmpty { rows.append((cells, header)) }
            case "thead", "tbody", "tfoot":
                collectRows(element.children, into: &rows)
            default:
                continue
            }
        }
    }

    // MARK: - Inline text

    /// Marks a `<br>` in inline text until ``normalized(_:)`` makes it a line break.
    static let lineBreak: Character = "\u{2028}"

    private mutating func inlineText(of nodes: [HTMLNode]) -> String {
        var text = ""
        for node in nodes {
            switch node {
            case .text(let value): text += value
            case .element(let element): text += inlineText(of: element)
            }
        }
        return text
    }

    private mutating func inlineText(of element: HTMLElement) -> String {
        switch element.name {
        case "br":
            return String(Self.lineBreak)
        case "img":
            return element.attribute("alt") ?? ""
        case "a":
            let text = inlineText(of: element.children)
            let label = Self.normalized(text)
            guard let href = element.attribute("href")?.trimmingSpaces, !href.isEmpty, !href.hasPrefix("#") else { return text }
            if label.isEmpty { return "" }
            if label == href || "mailto:" + label == href || Self.withoutScheme(href) == label { return " " + label + " " }
            return text + " [\(number(for: href))] "
        default:
            return inlineText(of: element.children)
        }
    }

    /// The reference number of `url`: the same address keeps its first number.
    private mutating func number(for url: String) -> Int {
        if let number = numbers[url] { return number }
        links.append(url)
        numbers[url] = links.count
        return links.count
    }

    /// `https://example.com/a` without `https://`, for link texts that show the address.
    private static func withoutScheme(_ url: String) -> String {
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { return String(url.dropFirst(scheme.count)) }
        return url
    }

    /// Preformatted text as written, entities decoded (by the tree), `<br>` as line breaks.
    private static func rawText(_ nodes: [HTMLNode]) -> String {
        var text = ""
        for node in nodes {
            switch node {
            case .text(let value): text += value
            case .element(let element): text += element.name == "br" ? "\n" : rawText(element.children)
            }
        }
        return text
    }

    /// Whether `scalar` is part of what `character` shows: a combining mark, an emoji's variation
    /// selector or ZWJ (only the zero-width spaces, joiners between plain letters, BOM and soft
    /// hyphens that preheaders and HTML sources carry are dropped).
    private static func keepsJoiner(_ scalar: Unicode.Scalar, in character: Character) -> Bool {
        let value = scalar.value
        if (0x300...0x36F).contains(value) || (0x3099...0x309A).contains(value) || (0xE0100...0xE01EF).contains(value) { return true }
        if (0xFE00...0xFE0F).contains(value) || value == 0x200D {
            return character.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0xFF }
        }
        return false
    }

    /// Inline text as one line of words: white space collapsed (and dropped where a source line
    /// break falls between two Japanese characters), zero-width characters left out, no-break
    /// spaces as spaces, `<br>` marks as `\n`, no spaces at the ends or around line breaks.
    static func normalized(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        var pendingNewline = false
        var previousWide = false
        for original in text {
            var character = original
            if original.unicodeScalars.contains(where: { DisplayWidth.isZeroWidth($0.value) && !Self.keepsJoiner($0, in: original) }) {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: original.unicodeScalars.filter { !DisplayWidth.isZeroWidth($0.value) || Self.keepsJoiner($0, in: original) })
                guard let stripped = String(scalars).first else { continue }
                character = stripped
            }
            if character == lineBreak {
                while result.last == " " { result.removeLast() }
                result.append("\n")
                pendingSpace = false
                pendingNewline = false
                previousWide = false
                continue
            }
            if character.isWhitespace && character != "\u{3000}" {
                pendingSpace = true
                pendingNewline = pendingNewline || character.isNewline
                continue
            }
            let wide = DisplayWidth.of(character) == 2
            if pendingSpace, let last = result.last, last != "\n", !(pendingNewline && previousWide && wide) { result.append(" ") }
            pendingSpace = false
            pendingNewline = false
            result.append(character)
            previousWide = wide
        }
        while result.last == " " || result.last == "\n" { result.removeLast() }
        while result.first == "\n" { result.removeFirst() }
        return result
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    fileprivate var trimmingSpaces: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
