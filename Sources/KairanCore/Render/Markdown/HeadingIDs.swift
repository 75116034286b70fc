/// Adds ids and anchor links to the headings of rendered HTML. Valid only when the Markdown had
/// no raw HTML (it is escaped by default), so that the `<hN>` tags of the output are exactly the
/// document's headings, in document order.
enum HeadingIDs {
    /// The HTML in `buffer` (cmark's output, read once) with the headings' ids and anchor links.
    static func insert(_ headings: [RenderedMarkdown.Heading], into buffer: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count + headings.count * 96)
        var next = 0
        var index = 0
        do {
            let count = buffer.count
            while index < count {
                // `<hN>` with N in 1…6.
                if next < headings.count, buffer[index] == 60, index + 3 < count, buffer[index + 1] == 104,
                   buffer[index + 2] >= 49, buffer[index + 2] <= 54, buffer[index + 3] == 62 {
                    let level = buffer[index + 2]
                    let id = Array(HTMLEscaping.escape(headings[next].id).utf8)
                    out += Array("<h".utf8) + [level] + Array(" id=\"".utf8) + id + Array("\">".utf8)
                    index += 4
                    // Copy the heading's content up to its closing tag, then add the anchor link.
                    while index < count {
                        if buffer[index] == 60, index + 4 < count, buffer[index + 1] == 47, buffer[index + 2] == 104,
                           buffer[index + 3] == level, buffer[index + 4] == 62 {
                            out += Array("<a class=\"anchor\" href=\"#".utf8) + id + Array("\" aria-label=\"この見出しへのリンク\">#</a>".utf8)
                            break
                        }
                        out.append(buffer[index])
                        index += 1
                    }
                    next += 1
                    continue
                }
                out.append(buffer[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
