#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One page as the search sees it: where it is, what it is called, and its text in blocks.
///
/// The text is read from the page's rendered body (so it is exactly what readers see: no front
/// matter, no Markdown syntax), with its headings and their anchor ids, so a result can link to
/// the heading nearest the match.
struct SearchDocument: Sendable, Equatable {
    /// One stretch of text: a heading (with its anchor id) or the text between headings.
    struct Block: Sendable, Equatable {
        var text: String
        /// The anchor id, for a heading.
        var headingID: String?
    }

    /// A page's blocks as the index reads them: their texts in one buffer, each block on a line
    /// of its own, and where each block is in it (thousands of pages: no string per block).
    struct Body: Sendable, Equatable {
        /// One block: where its text is in `text`, and its heading's anchor id.
        struct Span: Sendable, Equatable {
            var range: Range<Int>
            var headingID: String?
        }

        /// The blocks' texts joined with `\n`: the page store's `text`, which the client tokenises
        /// after the title and `\n`, as `PartialIndex` feeds the index.
        private(set) var text: [UInt8] = []
        private(set) var blocks: [Span] = []

        init() {}

        init(_ blocks: [Block]) {
            for block in blocks { append(block.text.utf8, headingID: block.headingID) }
        }

        /// Adds a block.
        mutating func append(_ bytes: some Collection<UInt8>, headingID: String?) {
            if !blocks.isEmpty { text.append(0x0A) }
            let start = text.count
            text.append(contentsOf: bytes)
            blocks.append(Span(range: start..<text.count, headingID: headingID))
        }

        /// Drops the room the buffers grew by (they are kept for the index: thousands of pages).
        mutating func trim() {
            if text.capacity > text.count + 256 { text = [UInt8](unsafeUninitializedCapacity: text.count) { $1 = $0.initialize(fromContentsOf: text) } }
            if blocks.capacity > blocks.count + 4 { blocks = [Span](unsafeUninitializedCapacity: blocks.count) { $1 = $0.initialize(fromContentsOf: blocks) } }
        }

        /// The blocks, as text.
        var list: [Block] { blocks.map { Block(text: String(decoding: text[$0.range], as: UTF8.self), headingID: $0.headingID) } }
    }

    /// The site path (`/kb/faq/login/`).
    var url: String
    var title: String
    /// What the page belongs to, shown with the result (a category title, リリースノート).
    var section: String
    var body: Body
    /// Added to the score's factor: the category's order (`weight`) as a gentle boost, 0…0.1.
    var boost: Double

    init(url: String, title: String, section: String, body: Body, boost: Double) {
        self.url = url
        self.title = title
        self.section = section
        self.body = body
        self.boost = boost
    }

    init(url: String, title: String, section: String, blocks: [Block], boost: Double) {
        self.init(url: url, title: title, section: section, body: Body(blocks), boost: boost)
    }
}

extension SearchDocument {
    /// The search's body of `body` when the page made from `origin` is indexed (nil otherwise):
    /// what the render pass keeps of each searchable page, in a full and in an incremental build.
    static func body(of body: RenderedMarkdown, origin: String?, searchable: Set<String>) -> Body? {
        guard let origin, searchable.contains(origin) else { return nil }
        return body.htmlBytes.withUnsafeBufferPointer { self.body(of: $0) }
    }

    /// The blocks of rendered body HTML: text with tags removed and references decoded, a new
    /// block at each heading (its id kept) and after it; block elements (paragraphs, list items,
    /// table cells, `<br>`) separate words; heading anchor links (`#`) and `<script>`/`<style>`/
    /// `<svg>`/`<template>` contents are left out. Read byte by byte (thousands of pages).
    static func body(ofHTML html: String) -> Body {
        var html = html
        return html.withUTF8 { body(of: $0) }
    }

    /// Sorted, for a binary search (a handful of comparisons, no hashing per tag).
    private static let separating: [UInt64] = ["p", "li", "td", "th", "tr", "br", "div", "pre", "blockquote", "dt", "dd",
        "figcaption", "caption", "table", "ul", "ol", "dl", "section", "aside", "details", "summary", "hr"].map { packed(Array($0.utf8)[...]) }.sorted()
    private static let skipped: [UInt64] = ["script", "style", "svg", "template"].map { packed(Array($0.utf8)[...]) }

    private static func isSeparating(_ name: UInt64, in sorted: [UInt64]) -> Bool {
        let place = sorted.partitioningIndex { $0 >= name }
        return place < sorted.count && sorted[place] == name
    }

    private static let anchorName = packed(Array("a".utf8)[...])

    /// A tag name of up to ten letters and digits in one number, case-folded, six bits each
    /// (longer names: 0, which is no name looked for).
    private static func packed<Bytes: Collection<UInt8>>(_ name: Bytes) -> UInt64 {
        guard name.count <= 10 else { return 0 }
        var value: UInt64 = 0
        for byte in name {
            let code = byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0")) + 27 : UInt64((byte | 0x20) - UInt8(ascii: "a")) + 1
            value = value << 6 | code
        }
        return value
    }

    private static func body(of bytes: UnsafeBufferPointer<UInt8>) -> Body {
        let separating = Self.separating, skipped = Self.skipped, anchorName = Self.anchorName, anchorClass = Self.anchorClass
        var blocks = Body()
        var text: [UInt8] = []
        var headingID: String?
        var skipUntil: UInt64?  // the element whose content is left out
        func flush() {
            if text.contains(UInt8(ascii: "&")) {
                let trimmed = HTMLEntities.decode(String(decoding: text, as: UTF8.self)).trimmedOfWhitespace
                if !trimmed.isEmpty || headingID != nil {
                    blocks.append(trimmed.utf8, headingID: headingID.flatMap { $0.isEmpty ? nil : $0 })
                }
            } else {
                // Trimmed and kept as bytes (the HTML is a string's: valid UTF-8).
                text.withUnsafeBufferPointer { text in
                    let trimmed = UnsafeBufferPointer(rebasing: text[WhiteSpace.trimmedRange(text)])
                    if !trimmed.isEmpty || headingID != nil {
                        blocks.append(trimmed, headingID: headingID.flatMap { $0.isEmpty ? nil : $0 })
                    }
                }
            }
            text.removeAll(keepingCapacity: true)
            headingID = nil
        }
        let count = bytes.count
        var index = 0
        while index < count {
            // The text up to the next tag, copied whole.
            let next = Self.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: index)
            if next > index {
                if skipUntil == nil { text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<next])) }
                index = next
                continue
            }
            // A tag: its name, whether it closes, and where it ends.
            let end = Self.firstIndex(of: UInt8(ascii: ">"), in: bytes, from: index + 1)
            let closing = index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")
            var nameEnd = index + (closing ? 2 : 1)
            let nameStart = nameEnd
            while nameEnd < end, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let nameBytes = UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd])
            let name = packed(nameBytes)
            let tag = UnsafeBufferPointer(rebasing: bytes[index..<min(end, count)])
            index = end + 1
            if let skip = skipUntil {
                if closing && name == skip { skipUntil = nil }
                continue
            }
            if nameBytes.count == 2 && nameBytes[0] | 0x20 == UInt8(ascii: "h") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(nameBytes[1]) {
                flush()
                if !closing { headingID = attribute("id", in: tag) ?? "" }
            } else if name == anchorName && !closing && contains(tag, anchorClass) {
                skipUntil = name
            } else if skipped.contains(name) {
                if !closing && tag.last != UInt8(ascii: "/") { skipUntil = name }
            } else if text.last != 0x0A, isSeparating(name, in: separating) {
                text.append(0x0A)  // one line break is as good as many: they only separate
            }
        }
        flush()
        blocks.trim()
        return blocks
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    /// Where `byte` first is in `bytes` from `start` on (`bytes.count`: nowhere); `memchr`,
    /// which reads many bytes a step.
    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The class of a heading's own anchor link, whose text (`#`) is left out.
    private static let anchorClass = Array("class=\"anchor\"".utf8)

    private static func contains(_ tag: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard tag.count >= needle.count else { return false }
        for start in 0...(tag.count - needle.count) where tag[start] == needle[0] {
            if (0..<needle.count).allSatisfy({ tag[start + $0] == needle[$0] }) { return true }
        }
        return false
    }

    /// The value of attribute `name` in a tag (`<h2 id="x">`), decoded.
    private static func attribute(_ name: String, in tag: UnsafeBufferPointer<UInt8>) -> String? {
        let needle = Array(" \(name)=\"".utf8)
        guard tag.count >= needle.count else { return nil }
        for start in 0...(tag.count - needle.count) where (0..<needle.count).allSatisfy({ tag[start + $0] == needle[$0] }) {
            var end = start + needle.count
            while end < tag.count && tag[end] != UInt8(ascii: "\"") { end += 1 }
            return HTMLEntities.decode(String(decoding: UnsafeBufferPointer(rebasing: tag[(start + needle.count)..<end]), as: UTF8.self))
        }
        return nil
    }
}
