/// Adds ids and anchor links to the headings of rendered HTML. Valid only when the Markdown had
/// no raw HTML (it is escaped by default), so that the `<hN>` tags of the output are exactly the
/// document's headings, in document order.
enum HeadingIDs {
    /// The HTML in `buffer` (cmark's output, read once) with the headings' ids and anchor links.
    static func insert(_ headings: [RenderedMarkdown.Heading], into buffer: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count + headings.count * 160)
        let count = buffer.count
        var copied = 0  // buffer[..<copied] is in `out`
        var index = 0
        for heading in headings {
            // The next `<hN>` with N in 1…6.
            guard let open = find(buffer, from: index, where: { buffer, at in
                at + 3 < count && buffer[at + 1] == 104 && buffer[at + 2] >= 49 && buffer[at + 2] <= 54 && buffer[at + 3] == 62
            }) else { break }
            let level = buffer[open + 2]
            guard let close = find(buffer, from: open + 4, where: { buffer, at in
                at + 4 < count && buffer[at + 1] == 47 && buffer[at + 2] == 104 && buffer[at + 3] == level && buffer[at + 4] == 62
            }) else { break }
            let id = HTMLEscaping.escape(heading.id)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<open]))
            out.append(contentsOf: "<h".utf8)
            out.append(level)
            out.append(contentsOf: " id=\"".utf8)
            out.append(contentsOf: id.utf8)
            out.append(contentsOf: "\">".utf8)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(open + 4)..<close]))
            out.append(contentsOf: "<a class=\"anchor\" href=\"#".utf8)
            out.append(contentsOf: id.utf8)
            out.append(contentsOf: "\" aria-label=\"この見出しへのリンク\">#</a>".utf8)
            copied = close
            index = close
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[copied..<count]))
        return String(decoding: out, as: UTF8.self)
    }

    /// The index of the next `<` at or after `start` for which `matches` holds.
    private static func find(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                             where matches: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Int? {
        var at = start
        while at < buffer.count {
            guard let pointer = memchr(buffer.baseAddress! + at, 60, buffer.count - at) else { return nil }
            at = buffer.baseAddress!.distance(to: pointer.assumingMemoryBound(to: UInt8.self))
            if matches(buffer, at) { return at }
            at += 1
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
