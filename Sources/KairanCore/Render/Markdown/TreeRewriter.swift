import CCmarkGFM

/// One pass over a parsed document that applies Kairan's rules before HTML is written:
/// link resolution, unsafe-scheme removal, raw-HTML escaping and heading anchors.
struct TreeRewriter {
    let renderer: MarkdownRenderer
    let source: MarkdownSource
    let file: String
    let log: DiagnosticLog
    let extensions: UnsafeMutablePointer<cmark_llist>?
    private(set) var headings: [RenderedMarkdown.Heading] = []
    private(set) var anchorReferences: [RenderedMarkdown.AnchorReference] = []
    private(set) var linkedSources: [String] = []
    private var anchors = HeadingAnchors()
    private var warnedRawHTML = false
    /// The byte offset of each line of the source, built when the first location is needed.
    private var lineStarts: [Int]?

    init(renderer: MarkdownRenderer, source: MarkdownSource, file: String, log: DiagnosticLog,
         extensions: UnsafeMutablePointer<cmark_llist>?) {
        self.renderer = renderer
        self.source = source
        self.file = file
        self.log = log
        self.extensions = extensions
    }

    mutating func rewrite(_ document: OpaquePointer, dropFirstHeading: Bool) {
        // Collect first: changing the tree while an iterator walks it is undefined.
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING { headingNodes.append(node) }
            else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { linkNodes.append(node) }
            else if !renderer.allowRawHTML && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) { htmlNodes.append(node) }
        }
        cmark_iter_free(iterator)

        for node in linkNodes { resolveLink(node) }
        for node in htmlNodes { escapeRawHTML(node) }
        var dropped = !dropFirstHeading
        for node in headingNodes {
            if !dropped && cmark_node_get_heading_level(node) == 1 && cmark_node_parent(node) == document {
                dropped = true
                cmark_node_unlink(node)
                cmark_node_free(node)
                continue
            }
            anchorHeading(node)
        }
    }

    private mutating func location(of node: OpaquePointer) -> SourceLocation {
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        return SourceLocation(file: file, line: line + source.lineOffset, column: characterColumn(line: line, byteColumn: byteColumn))
    }

    /// cmark counts columns in bytes; editors count characters. The line is found through
    /// `lineStarts`, so many located links cost one pass over the text, not one each.
    private mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, byteColumn >= 1 else { return byteColumn }
        let utf8 = source.text.utf8
        if lineStarts == nil {
            var starts = [0]
            var offset = 0
            for byte in utf8 {
                offset += 1
                if byte == UInt8(ascii: "\n") { starts.append(offset) }
            }
            lineStarts = starts
        }
        guard let starts = lineStarts, line <= starts.count else { return byteColumn }
        let lineStart = utf8.index(utf8.startIndex, offsetBy: starts[line - 1])
        let lineEnd = line < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[line] - 1) : utf8.endIndex
        let prefix = utf8[lineStart..<lineEnd].prefix(byteColumn - 1)
        return String(decoding: prefix, as: UTF8.self).count + 1
    }

    private mutating func resolveLink(_ node: OpaquePointer) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        switch renderer.links.resolve(destination, from: file) {
        case .keep:
            if destination.hasPrefix("#"), destination.count > 1 {
                anchorReferences.append(.init(targetSource: file, fragment: String(destination.dropFirst()), location: location(of: node)))
            }
        case .rewrite(let url, let target, let fragment):
            cmark_node_set_url(node, url)
            if let target, !linkedSources.contains(target) { linkedSources.append(target) }
            if let target, let fragment, !fragment.isEmpty {
                anchorReferences.append(.init(targetSource: target, fragment: fragment, location: location(of: node)))
            }
        case .drop(let reason):
            log.warning(location(of: node), reason, hint: "use an https:, mailto: or tel: link")
            unwrap(node)
        case .broken(let message, let hint):
            log.error(location(of: node), message, hint: hint)
        }
    }

    /// Replaces a link by its children, or an image by its alt text.
    private func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private mutating func escapeRawHTML(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        if !warnedRawHTML {
            warnedRawHTML = true
            log.warning(location(of: node), "raw HTML is shown as text",
                        hint: "write it in Markdown, or set `allow_raw_html: true` in site.yaml to keep it")
        }
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        var content = literal
        while content.hasSuffix("\n") { content.removeLast() }
        cmark_node_set_literal(text, content)
        if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
        } else {
            cmark_node_replace(node, text)
        }
        cmark_node_free(node)
    }

    private mutating func anchorHeading(_ node: OpaquePointer) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = MarkdownRenderer.plainText(of: node)
        let id = anchors.id(for: text)
        headings.append(.init(level: level, text: text, id: id))
        // Without raw HTML every `<hN>` in the output is one of these headings, in order: the ids
        // are added to the rendered HTML (`HeadingIDs`). With raw HTML, the heading is rebuilt here.
        guard renderer.allowRawHTML else { return }
        let inner = MarkdownRenderer.inlineHTML(of: node, options: renderer.htmlOptions, extensions: extensions)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        let escapedID = HTMLEscaping.escape(id)
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(escapedID)\">\(inner)<a class=\"anchor\" href=\"#\(escapedID)\" aria-label=\"この見出しへのリンク\">#</a></h\(level)>")
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(node, block)
        cmark_node_free(node)
    }
}
