/// Splits well-formed HTML into ``HTMLToken``s in one linear pass over its UTF-8 bytes.
///
/// Made for the HTML Kairan renders itself (templates and cmark output): start and end tags,
/// comments, declarations and text; attribute values in double quotes (single quotes and bare
/// values are read too). A `<` that starts no tag is text. Contents of raw-text elements
/// (`<style>`, `<script>`, …) are one ``HTMLToken/Kind/rawText`` token, never tags.
struct HTMLTokenizer {
    let bytes: [UInt8]

    init(_ html: String) { bytes = Array(html.utf8) }

    /// All tokens in document order; their ranges cover the input without gaps.
    func tokens() -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var index = 0
        var textStart = 0
        func flushText(upTo end: Int) {
            if textStart < end { tokens.append(HTMLToken(kind: .text, range: textStart..<end)) }
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), let token = tag(at: index) else {
                index += 1
                continue
            }
            flushText(upTo: index)
            tokens.append(token)
            index = token.range.upperBound
            if token.kind == .startTag, !token.selfClosing, HTMLToken.rawTextElements.contains(token.name) {
                let end = rawTextEnd(from: index, name: token.name)
                if index < end { tokens.append(HTMLToken(kind: .rawText, range: index..<end)) }
                index = end
            }
            textStart = index
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// The text of `range` as a string.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    // MARK: - Tags

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 97 && (byte | 0x20) <= 122 }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 12 }

    /// The tag, comment or declaration starting at the `<` at `start`, or nil when it is text.
    private func tag(at start: Int) -> HTMLToken? {
        let next = start + 1
        guard next < bytes.count else { return nil }
        let byte = bytes[next]
        if byte == UInt8(ascii: "!") {
            if matches("<!--", at: start) {
                let end = find(Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? bytes.count
                return HTMLToken(kind: .comment, range: start..<end)
            }
            let end = (find([UInt8(ascii: ">")], from: next) ?? bytes.count - 1) + 1
            return HTMLToken(kind: .declaration, range: start..<end)
        }
        if byte == UInt8(ascii: "/") {
            guard next + 1 < bytes.count, isLetter(bytes[next + 1]) else { return nil }
            var index = next + 1
            let name = readName(&index)
            let end = (find([UInt8(ascii: ">")], from: index) ?? bytes.count - 1) + 1
            return HTMLToken(kind: .endTag, range: start..<end, name: name)
        }
        guard isLetter(byte) else { return nil }
        var index = next
        var token = HTMLToken(kind: .startTag, range: start..<start, name: readName(&index))
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) {
                index += 1
            } else if byte == UInt8(ascii: ">") {
                index += 1
                break
            } else if byte == UInt8(ascii: "/") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
                    token.selfClosing = true
                    index += 1
                    break
                }
            } else {
                token.attributes.append(readAttribute(&index))
            }
        }
        token.range = start..<index
        return token
    }

    /// A tag or attribute name from `index`, lowercased; stops at space, `=`, `/`, `>`.
    private func readName(_ index: inout Int) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if isSpace(byte) || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            index += 1
        }
        return text(start..<index).lowercased()
    }

    private func readAttribute(_ index: inout Int) -> HTMLToken.Attribute {
        let start = index
        var name = readName(&index)
        if index == start {  // a stray `=`: skip it
            index += 1
            name = "="
        }
        var probe = index
        while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else { return HTMLToken.Attribute(name: name, rawValue: nil) }
        index = probe + 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return HTMLToken.Attribute(name: name, rawValue: "") }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let valueStart = index + 1
            let valueEnd = find([quote], from: valueStart) ?? bytes.count
            index = min(bytes.count, valueEnd + 1)
            return HTMLToken.Attribute(name: name, rawValue: text(valueStart..<valueEnd))
        }
        let valueStart = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return HTMLToken.Attribute(name: name, rawValue: text(valueStart..<index))
    }

    /// Where the raw text of element `name` that starts at `start` ends: at its `</name`, or at the end.
    private func rawTextEnd(from start: Int, name: String) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while let found = find([UInt8(ascii: "<")], from: index) {
            if matches(closing, at: found, ignoringCase: true) {
                let after = found + closing.count
                if after >= bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                    return found
                }
            }
            index = found + 1
        }
        return bytes.count
    }

    private func matches(_ text: String, at index: Int) -> Bool { matches(Array(text.utf8), at: index, ignoringCase: false) }

    private func matches(_ pattern: [UInt8], at index: Int, ignoringCase: Bool) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count {
            let byte = bytes[index + offset]
            let wanted = pattern[offset]
            if byte == wanted { continue }
            if ignoringCase, isLetter(byte), (byte | 0x20) == (wanted | 0x20) { continue }
            return false
        }
        return true
    }

    /// The first index at or after `start` where `pattern` begins.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == first, matches(pattern, at: index, ignoringCase: false) { return index }
            index += 1
        }
        return nil
    }
}
