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
    /// Ids that are not headings' but may be linked to: footnotes, raw HTML elements with an `id`.
    var otherAnchors: [String] = []
    /// Whether the document has footnotes (their ids are read from the HTML: `MarkdownRenderer`).
    private(set) var hasFootnotes = false
    /// Whether the document has images (Markdown or raw HTML `<img>`): their tags are completed after rendering.
    var hasImages = false
    /// Site files (not pages) links and images were resolved to, by their URL percent-decoded.
    private(set) var assetURLs: [String: String] = [:]
    /// The `::: kind` containers of the text cmark read (`ContainerFences`).
    let containers: [ContainerFences.Container]
    private var anchors = HeadingAnchors()
    /// The line of each heading whose id was written `{#id}` (for the message about a repeat).
    private var customIDLines: [String: Int] = [:]
    private var warnedRawHTML = false
    /// The byte offset of each line of the source, built when the first location is needed.
    private var lineStarts: [Int]?

    init(renderer: MarkdownRenderer, source: MarkdownSource, file: String, log: DiagnosticLog,
         extensions: UnsafeMutablePointer<cmark_llist>?, containers: [ContainerFences.Container] = []) {
        self.renderer = renderer
        self.containers = containers
        self.source = source
        self.file = file
        self.log = log
        self.extensions = extensions
    }

    mutating func rewrite(_ document: OpaquePointer, dropFirstHeading: Bool) {
        // Adjacent text nodes as one (`[`, `!NOTE`, `]` are three until then), for alerts and `{#id}`.
        cmark_consolidate_text_nodes(document)
        // Collect first: changing the tree while an iterator walks it is undefined.
        var headingNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var htmlNodes: [OpaquePointer] = []
        var quoteNodes: [OpaquePointer] = []
        var breakNodes: [Int: OpaquePointer] = [:]
        guard let iterator = cmark_iter_new(document) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HEADING { headingNodes.append(node) }
            else if type == CMARK_NODE_LINK { linkNodes.append(node) }
            else if type == CMARK_NODE_IMAGE { linkNodes.append(node); hasImages = true }
            else if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE { htmlNodes.append(node) }
            else if type == CMARK_NODE_BLOCK_QUOTE { quoteNodes.append(node) }
            else if type == CMARK_NODE_THEMATIC_BREAK && !containers.isEmpty { breakNodes[Int(cmark_node_get_start_line(node))] = node }
            else if type == CMARK_NODE_FOOTNOTE_REFERENCE { hasFootnotes = true }
        }
        cmark_iter_free(iterator)

        for node in linkNodes { resolveLink(node) }
        for node in htmlNodes {
            if renderer.allowRawHTML { resolveRawHTML(node) } else { escapeRawHTML(node) }
        }
        for node in quoteNodes { makeAlert(node) }
        makeContainers(breakNodes)
        var dropped = !dropFirstHeading
        var kept: [OpaquePointer] = []
        for node in headingNodes {
            if !dropped && cmark_node_get_heading_level(node) == 1 && cmark_node_parent(node) == document {
                dropped = true
                cmark_node_unlink(node)
                cmark_node_free(node)
                continue
            }
            kept.append(node)
        }
        // Ids written as `{#id}` first, so that no generated id takes one of them.
        let customIDs = kept.map { reserveCustomID($0) }
        for (node, customID) in zip(kept, customIDs) { anchorHeading(node, customID: customID) }
    }

    mutating func location(of node: OpaquePointer) -> SourceLocation {
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
        switch resolve(destination, at: { $0.location(of: node) }) {
        case .unchanged: break
        case .replace(let url): cmark_node_set_url(node, url)
        case .remove: unwrap(node)
        }
    }

    /// What becomes of a link destination written at `location`.
    enum LinkOutcome: Equatable {
        case unchanged
        case replace(String)
        /// An unsafe scheme: the link goes, its text stays (already reported).
        case remove
    }

    /// Resolves one destination (of a Markdown link or image, or an `href`/`src` of raw HTML):
    /// records what it links to and its `#fragment` to check, reports what is broken.
    mutating func resolve(_ destination: String, at locate: (inout TreeRewriter) -> SourceLocation) -> LinkOutcome {
        // Located only when something is recorded or reported (most links need no location).
        func location() -> SourceLocation { locate(&self) }
        switch renderer.links.resolve(destination, from: file) {
        case .keep:
            if destination.hasPrefix("#"), destination.count > 1 {
                anchorReferences.append(.init(targetSource: file, fragment: String(destination.dropFirst()), location: location()))
            }
            return .unchanged
        case .rewrite(let url, let target, let fragment):
            if let target, !linkedSources.contains(target) { linkedSources.append(target) }
            if let target, !target.hasSuffix(".md") { assetURLs[LinkResolver.percentDecoded(url)] = target }
            if let fragment, !fragment.isEmpty, let page = target ?? renderer.links.pageSource(ofSitePath: destination) {
                anchorReferences.append(.init(targetSource: page, fragment: fragment, location: location()))
            }
            return .replace(url)
        case .drop(let reason):
            log.warning(location(), reason, hint: "use an https:, mailto: or tel: link")
            return .remove
        case .broken(let message, let hint):
            log.error(location(), message, hint: hint)
            return .unchanged
        }
    }

    /// Replaces a link by its children, or an image by its alt text.
    func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private mutating func escapeRawHTML(_ node: OpaquePointer) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        // Comments (translators' notes) are for the writers: dropped, without a warning.
        let trimmed = literal.trimmedOfWhitespace
        if trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->") {
            cmark_node_unlink(node)
            cmark_node_free(node)
            return
        }
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

    /// Removes a trailing `{#id}` from the heading's text and reserves the id; a repeated id is an error.
    private mutating func reserveCustomID(_ node: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literal = cmark_node_get_literal(last) else { return nil }
        let (text, id) = HeadingCustomID.split(String(cString: literal))
        guard let id else { return nil }
        if text.isEmpty, cmark_node_previous(last) != nil {
            cmark_node_unlink(last)
            cmark_node_free(last)
            // The space before `{#id}` ends the text before it.
            if let previous = cmark_node_last_child(node), cmark_node_get_type(previous) == CMARK_NODE_TEXT,
               let before = cmark_node_get_literal(previous) {
                var kept = String(cString: before)
                while kept.last == " " || kept.last == "\t" { kept.removeLast() }
                cmark_node_set_literal(previous, kept)
            }
        } else {
            cmark_node_set_literal(last, text)
        }
        guard anchors.reserve(id) else {
            let first = customIDLines[id].map { " by the heading at line \($0)" } ?? ""
            log.error(location(of: node), "heading id #\(id) is already used\(first)",
                      hint: "give each heading its own `{#id}`; links name the heading by it")
            return nil
        }
        customIDLines[id] = location(of: node).line
        return id
    }

    private mutating func anchorHeading(_ node: OpaquePointer, customID: String?) {
        let level = Int(cmark_node_get_heading_level(node))
        let text = MarkdownRenderer.plainText(of: node).trimmedOfWhitespace
        let id = customID ?? anchors.id(for: text)
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
