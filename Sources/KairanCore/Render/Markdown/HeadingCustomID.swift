/// The `{#id}` a writer puts at the end of a heading to choose its anchor id
/// (`## 基本的な例 {#basic-example}`), as Hugo, VitePress, MkDocs and Pandoc read it.
enum HeadingCustomID {
    /// `text` without a trailing `{#id}` (and the spaces before it), and the id; the text as it is
    /// and nil when it ends with none. The id is any run of characters but spaces, `{` and `}`.
    static func split(_ text: String) -> (text: String, id: String?) {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        guard scalars.last == "}" else { return (text, nil) }
        scalars.removeLast()
        var id = String.UnicodeScalarView()
        while let last = scalars.last, last != "{", last != "}", last != "#", !last.properties.isWhitespace {
            id.insert(last, at: id.startIndex)
            scalars.removeLast()
        }
        guard !id.isEmpty, scalars.last == "#" else { return (text, nil) }
        scalars.removeLast()
        guard scalars.last == "{" else { return (text, nil) }
        scalars.removeLast()
        // `{#id}` stands alone: at the start, or after a space.
        guard scalars.isEmpty || scalars.last == " " || scalars.last == "\t" else { return (text, nil) }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return (String(String.UnicodeScalarView(scalars)), String(id))
    }
}
