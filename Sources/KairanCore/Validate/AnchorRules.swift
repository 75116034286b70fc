/// Links to `#fragment`s of other pages must name one of their anchors — a heading (its
/// generated or `{#id}` id), a footnote (`fn-…`, `fnref-…`) or a raw HTML element's `id` —
/// checked once every page's Markdown is rendered, so every page has its anchors.
enum AnchorRules {
    /// Links with `#fragment` must name a heading of the target page.
    static func check(_ references: [RenderedMarkdown.AnchorReference], anchors: [String: Set<String>], log: DiagnosticLog) {
        for reference in references {
            guard let ids = anchors[reference.targetSource] else { continue }  // a draft, a release or a category page
            let fragment = LinkResolver.percentDecoded(reference.fragment)
            if ids.contains(fragment) || ["k-toc", "k-related", "k-feedback", "main"].contains(fragment) { continue }
            let known = ids.sorted().prefix(8).joined(separator: ", ")
            log.error(reference.location, "anchor #\(fragment) does not exist in \(reference.targetSource)",
                      hint: known.isEmpty ? "that page has no headings" : "headings there have the ids: \(known)")
        }
    }

}
