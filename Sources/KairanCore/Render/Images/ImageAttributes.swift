/// Completes the `<img>` tags of rendered Markdown (Markdown images and raw HTML alike): the
/// intrinsic `width` and `height` of images the site holds, `loading="lazy"` and
/// `decoding="async"`. An attribute the writer gave is kept as written: `width` or `height`
/// given, no size is added (half a size would distort the image).
///
/// The page's lead image — the first image of an article, when it comes before the body's first
/// heading — is left to load at once: it is likely in the first screen, where lazy loading only
/// delays it.
enum ImageAttributes {
    /// - Parameters:
    ///   - html: the rendered document.
    ///   - sources: the site files images were resolved to, by the URL written for them (percent-decoded).
    ///   - eagerLead: whether the lead image loads at once (article bodies).
    ///   - size: the size of a site file.
    /// - Returns: the HTML, and the site files its images show (with their sizes) in document order.
    static func complete(_ html: String, sources: [String: String], eagerLead: Bool,
                         size: (String) -> ImageSize?) -> (html: String, images: [RenderedMarkdown.Image]) {
        let tokenizer = HTMLTokenizer(html)
        var output = ""
        var copied = 0
        var images = 0
        var headingSeen = false
        var found: [RenderedMarkdown.Image] = []
        for token in tokenizer.tokens() where token.kind == .startTag {
            if token.name.count == 2, token.name.first == "h", let level = token.name.last?.wholeNumberValue, (1...6).contains(level) {
                headingSeen = true
                continue
            }
            guard token.name == "img" else { continue }
            images += 1
            let has = Set(token.attributes.map(\.name))
            var added = ""
            if let src = token.attribute("src"), let source = sources[LinkResolver.percentDecoded(src)] {
                let known = size(source)
                found.append(.init(source: source, size: known))
                if let known, !has.contains("width"), !has.contains("height") {
                    added += " width=\"\(known.width)\" height=\"\(known.height)\""
                }
            }
            let lead = eagerLead && images == 1 && !headingSeen
            if !has.contains("loading"), !lead { added += " loading=\"lazy\"" }
            if !has.contains("decoding") { added += " decoding=\"async\"" }
            guard !added.isEmpty, tokenizer.bytes[token.range.upperBound - 1] == UInt8(ascii: ">") else { continue }
            // Inserted before the tag's end (`>` or ` />`), the rest copied as written.
            var end = token.range.upperBound - 1
            if token.selfClosing {
                end -= 1
                while end > token.range.lowerBound, tokenizer.bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            }
            output += tokenizer.text(copied..<end)
            output += added
            copied = end
        }
        guard copied > 0 else { return (html, found) }
        output += tokenizer.text(copied..<tokenizer.bytes.count)
        return (output, found)
    }
}
