/// Adds ids and anchor links to the headings of rendered HTML. Valid only when the Markdown had
/// no raw HTML (it is escaped by default), so that the `<hN>` tags of the output are exactly the
/// document's headings, in document order.
enum HeadingIDs {
    /// The HTML in `buffer` (cmark's output, read once) with the headings' ids and anchor links,
    /// written straight into bytes of its exact size.
    static func insert(_ headings: [RenderedMarkdown.Heading], into buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let count = buffer.count
        // First the places: each heading's `<hN>` and `</hN>`, and its escaped id.
        var places: [(open: Int, close: Int, id: String)] = []
        places.reserveCapacity(headings.count)
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
            places.append((open, close, HTMLEscaping.escape(heading.id)))
            index = close
        }
        let idStart = Array(" id=\"".utf8), idEnd = Array("\">".utf8), linkStart = Array("<a class=\"anchor\" href=\"#".utf8)
        let linkEnd = Array("\" aria-label=\"この見出しへのリンク\">#</a>".utf8)
        let added = idStart.count + idEnd.count + linkStart.count + linkEnd.count
        let total = count + places.reduce(0) { $0 + added + 2 * $1.id.utf8.count }
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            var written = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
                (out.baseAddress! + written).initialize(from: base, count: bytes.count)
                written += bytes.count
            }
            func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }
            func append(_ text: String) { var text = text; text.withUTF8 { append($0) } }
            var copied = 0  // buffer[..<copied] is in `out`
            for place in places {
                // `<hN` is kept, the id goes before its `>`.
                append(UnsafeBufferPointer(rebasing: buffer[copied..<(place.open + 3)]))
                append(idStart)
                append(place.id)
                append(idEnd)
                append(UnsafeBufferPointer(rebasing: buffer[(place.open + 4)..<place.close]))
                append(linkStart)
                append(place.id)
                append(linkEnd)
                copied = place.close
            }
            append(UnsafeBufferPointer(rebasing: buffer[copied..<count]))
            initialized = written
        }
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
