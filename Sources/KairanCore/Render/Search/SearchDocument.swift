/// One page as the search sees it: where it is, what it is called, and its text in blocks.
///
/// The text is read from the page's rendered body (so it is exactly what readers see: no front
/// matter, no Markdown syntax), with its headings and their anchor ids, so a result can link to
/// the heading nearest the match.
struct SearchDocument: Sendable, Equatable {
    /// One stretch of text: a heading (with its anchor id) or the text between headings.
    struct Block: Sendable, Equatable {
        var text: String
        /// The anchor id, for a heading.
        var headingID: String?
    }

    /// The site path (`/kb/faq/login/`).
    var url: String
    var title: String
    /// What the page belongs to, shown with the result (a category title, リリースノート).
    var section: String
    var blocks: [Block]
    /// Added to the score's factor: the category's order (`weight`) as a gentle boost, 0…0.1.
    var boost: Double

    /// The text the index reads and the client tokenises again: the title, then every block,
    /// each on its own line.
    var searchableText: String {
        ([title] + blocks.map(\.text)).joined(separator: "\n")
    }

    /// The body without the title: what the client shows snippets from.
    var bodyText: String { blocks.map(\.text).joined(separator: "\n") }
}

extension SearchDocument {
    /// The blocks of rendered body HTML: text with tags removed and references decoded, a new
    /// block at each heading (its id kept) and after it; block elements (paragraphs, list items,
    /// table cells, `<br>`) separate words; heading anchor links (`#`) and `<script>`/`<style>`/
    /// `<svg>` contents are left out.
    static func blocks(ofHTML html: String) -> [Block] {
        var blocks: [Block] = []
        var text = ""
        var headingID: String?
        var skipUntil: String?  // the closing tag whose content is left out
        func flush() {
            let trimmed = HTMLEntities.decode(text).trimmingSearchSpace()
            if !trimmed.isEmpty || headingID != nil { blocks.append(Block(text: trimmed, headingID: headingID)) }
            text = ""
            headingID = nil
        }
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            if skipUntil == nil { text += rest[..<open] }
            guard let close = rest[open...].firstIndex(of: ">") else { rest = rest[rest.endIndex...]; break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let isClosing = tag.hasPrefix("/")
            let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }).lowercased()
            if let skip = skipUntil {
                if isClosing && name == skip { skipUntil = nil }
                continue
            }
            switch name {
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                if !isClosing { headingID = attribute("id", in: tag) ?? "" }
            case "a" where !isClosing && tag.contains("class=\"anchor\""):
                skipUntil = "a"
            case "script", "style", "svg", "template":
                if !isClosing && !tag.hasSuffix("/") { skipUntil = name }
            case "p", "li", "td", "th", "tr", "br", "div", "pre", "blockquote", "dt", "dd", "figcaption", "caption",
                 "table", "ul", "ol", "dl", "section", "aside", "details", "summary", "hr":
                text += "\n"
            default:
                continue
            }
        }
        if skipUntil == nil { text += rest }
        flush()
        return blocks.map { block in
            // An empty heading id (a heading cmark made without one) is no link target.
            Block(text: block.text, headingID: block.headingID.flatMap { $0.isEmpty ? nil : $0 })
        }
    }

    /// The value of attribute `name` in a tag's text (`h2 id="x"`), decoded.
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        let value = tag[range.upperBound...].prefix(while: { $0 != "\"" })
        return HTMLEntities.decode(String(value))
    }
}

private extension String {
    /// Without leading and trailing whitespace and line breaks.
    func trimmingSearchSpace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
