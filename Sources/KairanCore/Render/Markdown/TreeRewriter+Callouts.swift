import CCmarkGFM

/// Callouts in the tree: GitHub alerts (a blockquote whose first line is `[!NOTE]`) and
/// `::: kind` containers (found by `ContainerFences`) become one custom block each, rendered by `Callout`.
extension TreeRewriter {
    /// Turns a blockquote that starts with `[!NOTE]` (or TIP, IMPORTANT, WARNING, CAUTION) into a callout.
    mutating func makeAlert(_ quote: OpaquePointer) {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(first), literal.pointee == CChar(UInt8(ascii: "[")) else { return }
        // The first line: the nodes before the first line break.
        var lineNodes: [OpaquePointer] = []
        var lineBreak: OpaquePointer?
        var node: OpaquePointer? = first
        while let current = node {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { lineBreak = current; break }
            lineNodes.append(current)
            node = cmark_node_next(current)
        }
        let line = lineNodes.map { node -> String in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE { return cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }
            return MarkdownRenderer.plainText(of: node)
        }.joined()
        guard let (kind, title) = Callout.alert(firstLine: line) else { return }
        for node in lineNodes + (lineBreak.map { [$0] } ?? []) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        if cmark_node_first_child(paragraph) == nil {
            cmark_node_unlink(paragraph)
            cmark_node_free(paragraph)
        }
        guard let block = callout(kind, title: title) else { return }
        while let child = cmark_node_first_child(quote) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(quote, block)
        cmark_node_free(quote)
    }

    /// Wraps the blocks between each container's two fences (thematic breaks at their lines) in a callout.
    mutating func makeContainers(_ breaks: [Int: OpaquePointer]) {
        for container in containers {
            guard let open = breaks[container.openLine], let close = breaks[container.closeLine] else { continue }
            guard cmark_node_parent(open) == cmark_node_parent(close) else {
                log.error(location(of: open), "container `::: \(container.kind.rawValue)` ends at another level than it starts",
                          hint: "put its closing `:::` at the same indentation as the opening line, outside any list or quote it opens in")
                continue
            }
            guard let block = callout(container.kind, title: container.title) else { continue }
            while let next = cmark_node_next(open), next != close {
                cmark_node_unlink(next)
                cmark_node_append_child(block, next)
            }
            cmark_node_replace(open, block)
            cmark_node_free(open)
            cmark_node_unlink(close)
            cmark_node_free(close)
        }
    }

    /// An empty callout block; its children are the callout's body.
    private func callout(_ kind: Callout.Kind, title: String?) -> OpaquePointer? {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        let html = Callout.html(kind, titleHTML: title.map(HTMLEscaping.escape))
        cmark_node_set_on_enter(block, html.open)
        cmark_node_set_on_exit(block, html.close)
        return block
    }
}
