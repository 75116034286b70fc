/// One piece of the HTML Kairan writes for email (templates and cmark output), as found by
/// ``HTMLTokenizer``: byte ranges into the scanned UTF-8, so a rewriter can copy what it leaves alone.
struct HTMLToken {
    /// An attribute of a start tag as written: the name lowercased, the value still escaped.
    struct Attribute {
        var name: String
        /// The value as written between its quotes (entities not decoded); nil for `checked`-style attributes.
        var rawValue: String?

        /// The value with entities decoded; empty for an attribute without value.
        var value: String { rawValue.map(HTMLEntities.decode) ?? "" }
    }

    enum Kind {
        /// Character data between tags (entities not decoded).
        case text
        /// The contents of `<style>`, `<script>`, `<title>`, `<textarea>`: never tags.
        case rawText
        /// `<!-- … -->`, Outlook's conditional comments included.
        case comment
        /// `<!DOCTYPE …>` and other `<!…>` declarations.
        case declaration
        case startTag
        case endTag
    }

    var kind: Kind
    /// Where the token lies in the scanned bytes.
    var range: Range<Int>
    /// The element name, lowercased; empty for text, comments and declarations.
    var name: String = ""
    var attributes: [Attribute] = []
    /// Whether a start tag ends with `/>`.
    var selfClosing = false

    /// The decoded value of the attribute `name`, or nil.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Elements that have no end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// Elements whose contents are text up to their end tag.
    static let rawTextElements: Set<String> = ["style", "script", "title", "textarea"]

    /// Whether this start tag opens an element that has children (not void, not `/>`).
    var opensElement: Bool { kind == .startTag && !selfClosing && !HTMLToken.voidElements.contains(name) }
}
