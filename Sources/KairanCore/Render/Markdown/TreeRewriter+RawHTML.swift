import CCmarkGFM

/// Raw HTML the site keeps (`allow_raw_html: true`) is held to the rules of Markdown: its
/// `href` and `src` are resolved and checked like Markdown links, and its elements' `id`s are
/// anchors other links may name.
extension TreeRewriter {
    /// The attributes holding a link destination.
    private static let linkAttributes: Set<String> = ["href", "src"]

    mutating func resolveRawHTML(_ node: OpaquePointer) {
        guard let literal = cmark_node_get_literal(node).map({ String(cString: $0) }),
              literal.utf8.contains(UInt8(ascii: "=")) else { return }
        let tokenizer = HTMLTokenizer(literal)
        var output = ""
        var copied = 0
        var changed = false
        let start = location(of: node)
        for token in tokenizer.tokens() where token.kind == .startTag {
            if token.name == "img" { hasImages = true }
            var attributes = token.attributes
            var tagChanged = false
            for (index, attribute) in attributes.enumerated() {
                if attribute.name == "id", !attribute.value.isEmpty { otherAnchors.append(attribute.value) }
                guard TreeRewriter.linkAttributes.contains(attribute.name), attribute.rawValue != nil else { continue }
                let at = TreeRewriter.location(in: tokenizer, offset: token.range.lowerBound, from: start)
                switch resolve(attribute.value, at: { _ in at }) {
                case .unchanged: continue
                case .replace(let url):
                    attributes[index].rawValue = HTMLEscaping.escape(url)
                case .remove:
                    attributes[index].rawValue = nil
                    attributes[index].name = ""
                }
                tagChanged = true
            }
            guard tagChanged else { continue }
            output += tokenizer.text(copied..<token.range.lowerBound)
            output += "<" + token.name
            for attribute in attributes where !attribute.name.isEmpty {
                output += " " + attribute.name + (attribute.rawValue.map { "=\"" + $0.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "&quot;") + "\"" } ?? "")
            }
            output += token.selfClosing ? " />" : ">"
            copied = token.range.upperBound
            changed = true
        }
        guard changed else { return }
        output += tokenizer.text(copied..<tokenizer.bytes.count)
        cmark_node_set_literal(node, output)
    }

    /// Where byte `offset` of a raw HTML node's text is in the source, given where the node starts.
    private static func location(in tokenizer: HTMLTokenizer, offset: Int, from start: SourceLocation) -> SourceLocation {
        let before = tokenizer.bytes[..<offset]
        let newlines = before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let characters = String(decoding: tokenizer.bytes[lineStart..<offset], as: UTF8.self).count
        return SourceLocation(file: start.file, line: start.line + newlines,
                              column: newlines == 0 ? start.column + characters : characters + 1)
    }
}
