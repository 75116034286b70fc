import CCmarkGFM

/// Inline Markdown as plain text: what a title taken from a `# ` heading shows in `<title>`,
/// lists, the pager and feeds. Emphasis and links keep their text, code its literal, raw HTML
/// tags are removed, entities and backslash escapes are decoded (cmark does that), and a
/// trailing `{#id}` is dropped.
public enum MarkdownPlainText {
    /// The plain text of one line of inline Markdown (`**請求** \<script setup>` → `請求 <script setup>`).
    public static func inline(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return markdown }
        defer { cmark_parser_free(parser) }
        MarkdownExtensions.attach(to: parser, tagfilter: false)
        // Parsed as the text of a heading, so that a leading `-` or `1.` is not a list.
        var text = "# " + markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = MarkdownExtensions.finish(parser) else { return markdown }
        defer { cmark_node_free(document) }
        guard let heading = cmark_node_first_child(document) else { return "" }
        return HeadingCustomID.split(MarkdownRenderer.plainText(of: heading)).text.trimmedOfWhitespace
    }
}
