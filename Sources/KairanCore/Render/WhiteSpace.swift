/// White space as Unicode's White_Space property has it: the one rule text is trimmed by
/// (headings, titles, the text of a page the search reads), on UTF-8 bytes.
enum WhiteSpace {
    /// `bytes` (UTF-8) without leading and trailing whitespace and line breaks (Unicode's White_Space
    /// property).
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        // White_Space beyond ASCII: U+0085, U+00A0, U+1680, U+2000…200A, U+2028/2029, U+202F,
        // U+205F, U+3000 (C2, E1, E2 and E3 sequences; a Japanese character is never looked up).
        func isSpace(_ scalar: Range<Int>) -> Bool {
            let lead = bytes[scalar.lowerBound]
            guard lead == 0xC2 || (0xE1...0xE3).contains(lead) else { return false }
            var value = UInt32(lead & (scalar.count == 2 ? 0x1F : 0x0F))
            for index in (scalar.lowerBound + 1)..<scalar.upperBound { value = value << 6 | UInt32(bytes[index] & 0x3F) }
            switch value {
            case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }
        var start = 0, end = bytes.count
        while start < end {
            let byte = bytes[start]
            if isASCIISpace(byte) { start += 1; continue }
            guard byte >= 0xC0 else { break }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard start + length <= end, isSpace(start..<(start + length)) else { break }
            start += length
        }
        while end > start {
            let byte = bytes[end - 1]
            if isASCIISpace(byte) { end -= 1; continue }
            guard byte >= 0x80 else { break }
            var first = end - 1
            while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
            guard isSpace(first..<end) else { break }
            end = first
        }
        return start..<end
    }
}

extension String {
    /// The text without white space (spaces, tabs, line breaks, U+3000 …) at its ends; text with
    /// nothing to trim (most headings and titles) is returned as it is.
    var trimmedOfWhitespace: String {
        var text = self
        return text.withUTF8 { bytes in
            let kept = WhiteSpace.trimmedRange(bytes)
            return kept.count == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[kept]), as: UTF8.self)
        }
    }
}
