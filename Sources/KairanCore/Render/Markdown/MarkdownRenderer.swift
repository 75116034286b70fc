import CCmarkGFM

/// Renders GitHub-flavoured Markdown with cmark-gfm, safely: links are resolved or dropped,
/// raw HTML is shown as text unless the site opts in, headings get stable anchor ids.
public struct MarkdownRenderer: Sendable {
    /// Whether raw HTML is kept (with GFM's tagfilter) rather than shown as text.
    public var allowRawHTML: Bool
    public var links: LinkResolver
    /// Where the sizes of the site's images come from (`width`/`height` of `<img>`); nil: none are added.
    public var images: ImageSizes?

    public init(allowRawHTML: Bool, links: LinkResolver, images: ImageSizes? = nil) {
        self.allowRawHTML = allowRawHTML
        self.links = links
        self.images = images
    }

    private var options: Int32 {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }

    /// Renders `source` from the file `file`.
    /// - Parameters:
    ///   - dropFirstHeading: remove the first `#` heading (it became the page title).
    ///   - eagerLeadImage: the document opens its page (an article): its first image, when it comes
    ///     before any heading, is not lazy-loaded (see `ImageAttributes`).
    public func render(_ source: MarkdownSource, file: String, dropFirstHeading: Bool = false, eagerLeadImage: Bool = false,
                       log: DiagnosticLog) -> RenderedMarkdown {
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: [], anchorReferences: []) }
        defer { cmark_parser_free(parser) }
        MarkdownExtensions.attach(to: parser, tagfilter: allowRawHTML)
        let fences = ContainerFences.scan(source, file: file, log: log)
        var text = fences.text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = MarkdownExtensions.finish(parser) else { return RenderedMarkdown(html: "", headings: [], anchorReferences: []) }

        var walker = TreeRewriter(renderer: self, source: source, file: file, log: log,
                                  extensions: cmark_parser_get_syntax_extensions(parser), containers: fences.containers)
        walker.rewrite(document, dropFirstHeading: dropFirstHeading)
        let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
        // The tree is many times the size of its text: free it before the HTML is copied.
        cmark_node_free(document)
        guard let html = rendered else {
            return RenderedMarkdown(html: "", headings: walker.headings, anchorReferences: walker.anchorReferences,
                                    otherAnchors: walker.otherAnchors)
        }
        defer { free(html) }
        // Bytes from here on: cmark-gfm's output of valid UTF-8 is valid UTF-8 (invalid input
        // never reaches it: sources are validated when read), so it is not validated again.
        let cmarkOutput = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        var output = !allowRawHTML && !walker.headings.isEmpty ? HeadingIDs.insert(walker.headings, into: cmarkOutput) : Array(cmarkOutput)
        var images: [RenderedMarkdown.Image] = []
        if walker.hasImages {
            let sizes = self.images
            let completed = ImageAttributes.complete(String(decoding: output, as: UTF8.self), sources: walker.assetURLs,
                                                     eagerLead: eagerLeadImage) { sizes?.size(of: $0) }
            output = Array(completed.html.utf8)
            images = completed.images
        }
        let anchors = walker.otherAnchors + (walker.hasFootnotes ? MarkdownRenderer.footnoteIDs(in: String(decoding: output, as: UTF8.self)) : [])
        return RenderedMarkdown(htmlBytes: output, headings: walker.headings, anchorReferences: walker.anchorReferences,
                                linkedSources: walker.linkedSources, otherAnchors: anchors, images: images)
    }

    /// Renders a node's inline children alone, without the paragraph around them.
    static func inlineHTML(of node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        // The HTML renderer expects a document at the root (footnotes, tables look it up).
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return "" }
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else { return "" }
        cmark_node_append_child(document, paragraph)
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_append_child(paragraph, child)
        }
        guard let html = cmark_render_html(document, options, extensions) else { return "" }
        defer { free(html) }
        var text = String(cString: html)
        if text.hasPrefix("<p>") { text.removeFirst(3) }
        while text.hasSuffix("\n") { text.removeLast() }
        if text.hasSuffix("</p>") { text.removeLast(4) }
        return text
    }

    /// Plain text of a node's inline content (for heading ids and titles).
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(current) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            } else {
                text += plainText(of: current)
            }
            child = cmark_node_next(current)
        }
        return text
    }

    var htmlOptions: Int32 { options }

    /// The ids cmark-gfm gave footnotes and their references (`fn-<label>`, `fnref-<label>`,
    /// `fnref-<label>-2`), read from its HTML so they are exactly what it wrote, decoded as links are.
    static func footnoteIDs(in html: String) -> [String] {
        var ids: [String] = []
        for marker in [" id=\"fn-", " id=\"fnref-"] {
            var rest = html[...]
            while let found = rest.firstRange(of: marker) {
                let start = html.index(found.lowerBound, offsetBy: 5)
                guard let end = html[start...].firstIndex(of: "\"") else { break }
                ids.append(LinkResolver.percentDecoded(HTMLEntities.decode(String(html[start..<end]))))
                rest = html[end...]
            }
        }
        return ids
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
