/// A small element tree of HTML for reading its text (the plain-text email), built from
/// ``HTMLTokenizer`` tokens: text with entities decoded, comments, declarations and raw-text
/// contents (`<style>`, `<script>`, `<title>`) left out. End tags close the nearest open element of
/// their name; elements still open at the end are closed there.
indirect enum HTMLNode {
    case text(String)
    case element(HTMLElement)

    /// The nodes of `html`; elements `skipping` says true for are left out with everything inside them.
    static func parse(_ html: String, skipping: (HTMLElement) -> Bool) -> [HTMLNode] {
        let tokenizer = HTMLTokenizer(html)
        var stack: [HTMLElement] = [HTMLElement(name: "", attributes: [])]
        func close() {
            let element = stack.removeLast()
            if !skipping(element) { stack[stack.count - 1].children.append(.element(element)) }
        }
        for token in tokenizer.tokens() {
            switch token.kind {
            case .text:
                stack[stack.count - 1].children.append(.text(HTMLEntities.decode(tokenizer.text(token.range))))
            case .startTag:
                let element = HTMLElement(name: token.name, attributes: token.attributes)
                if token.opensElement {
                    stack.append(element)
                } else if !skipping(element) {
                    stack[stack.count - 1].children.append(.element(element))
                }
            case .endTag:
                guard let open = stack.lastIndex(where: { $0.name == token.name }), open > 0 else { continue }
                while stack.count > open { close() }
            case .rawText, .comment, .declaration:
                continue
            }
        }
        while stack.count > 1 { close() }
        return stack[0].children
    }
}

/// An element of an ``HTMLNode`` tree.
struct HTMLElement {
    var name: String
    var attributes: [HTMLToken.Attribute]
    var children: [HTMLNode] = []

    /// The decoded value of the attribute `name`, or nil.
    func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
}
