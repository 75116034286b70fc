/// A JSON value with ordered keys, serialised deterministically (same input, same bytes).
public indirect enum JSONValue: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Pretty-printed JSON with two-space indentation and a final newline.
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: 0)
        return out + "\n"
    }

    /// JSON without any whitespace and a final newline (files read by programs only: the search index).
    public func compact() -> String {
        var out = ""
        writeCompact(into: &out)
        return out + "\n"
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONValue.quote(key, into: &out)
                out += ":"
                value.writeCompact(into: &out)
            }
            out += "}"
        default:
            write(into: &out, indent: 0)
        }
    }

    private func write(into out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .string(let text): JSONValue.quote(text, into: &out)
        case .number(let value): out += JSONValue.format(value)
        case .integer(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(into: &out, indent: indent + 1)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += pad
                JSONValue.quote(key, into: &out)
                out += ": "
                value.write(into: &out, indent: indent + 1)
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        }
    }

    /// A number without exponent, trailing zeros removed; non-finite values become 0.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(value)
        if text.contains("e") { text = String(Int(value.rounded())) }
        return text
    }

    private static func needsEscape(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ needsEscape($0) }) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer { needsEscape($0) }
    }

    private static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let plain = plainBytes
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            index += 1
            if plain[Int(byte)] { continue }
            // C2 80…9F (C1 controls), E2 80 A8/A9 (U+2028/2029), EF BF BE/BF (U+FFFE/FFFF).
            if byte == 0xC2 {
                guard index < count, bytes[index] > 0x9F else { return true }
                continue
            }
            guard byte == 0xE2 || byte == 0xEF, index + 1 < count else { return true }
            let next = bytes[index], last = bytes[index + 1]
            if byte == 0xE2 && next == 0x80 && (last == 0xA8 || last == 0xA9) { return true }
            if byte == 0xEF && next == 0xBF && (last == 0xBE || last == 0xBF) { return true }
        }
        return false
    }

    static func quote(_ text: String, into out: inout String) {
        // Most text needs no escape: copied whole.
        if !needsEscape(text) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string appended to UTF-8 `out`, byte by byte (the search's page store
    /// quotes megabytes of text). Escaped are `"`, `\\`, `\n`, `\r`, `\t` and U+2028/2029; left
    /// out are the forbidden characters (`ForbiddenCharacter`: C0 controls, DEL, the C1 controls
    /// C2 80…9F, U+FFFE/FFFF EF BF BE/BF), as in every other output format.
    /// Bytes copied as they are: printable ASCII but the quote and the backslash, and UTF-8 bytes that start
    /// no sequence to escape or leave out (C2, E2 and EF may).
    private static let lineSeparator = Array("\\u2028".utf8), paragraphSeparator = Array("\\u2029".utf8)
    private static let plainBytes: [Bool] = (0..<256).map { byte in
        (byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte < 0x7F) || (byte >= 0x80 && byte != 0xC2 && byte != 0xE2 && byte != 0xEF)
    }

    /// Whether none of the eight bytes of `word` is one `quote` may change: a C0 control, the
    /// quote, the backslash, DEL, or a lead byte C2, E2 or EF (what `plainBytes` says, a word at once).
    @inline(__always)
    private static func isPlain(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasByte(_ value: UInt64) -> UInt64 {
            let differs = word ^ (ones &* value)
            return (differs &- ones) & ~differs & highs
        }
        // A byte below 0x20 (bytes of 0x80 and above never count: `~word` clears their high bit).
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasByte(0x22) | hasByte(0x5C) | hasByte(0x7F) | hasByte(0xC2) | hasByte(0xE2) | hasByte(0xEF) == 0
    }

    static func quote(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { quote(utf8: $0, into: &out) }
    }

    /// `quote(_:into:)` of valid UTF-8 bytes.
    static func quote(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(0x22)
        JSONValue.plainBytes.withUnsafeBufferPointer { plain in
            var start = 0, index = 0
            let count = bytes.count
            func copy(upTo end: Int) {
                if end > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            }
            while index < count {
                // Eight plain bytes at a time (nearly all of a page's text), then byte by byte.
                if let base = bytes.baseAddress {
                    while index + 8 <= count, isPlain(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { index += 8 }
                }
                guard index < count else { break }
                let byte = bytes[index]
                if plain[Int(byte)] { index += 1; continue }
                // A byte that may need an escape: what replaces the sequence (written at once,
                // no array made per escape), and its length.
                var length = 1
                switch byte {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09:
                    copy(upTo: index)
                    out.append(0x5C)
                    out.append(byte == 0x0A ? UInt8(ascii: "n") : byte == 0x0D ? UInt8(ascii: "r") : byte == 0x09 ? UInt8(ascii: "t") : byte)
                case 0xC2 where index + 1 < count && bytes[index + 1] <= 0x9F:
                    copy(upTo: index)
                    length = 2
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    copy(upTo: index)
                    out.append(contentsOf: bytes[index + 2] == 0xA8 ? JSONValue.lineSeparator : JSONValue.paragraphSeparator)
                    length = 3
                case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                    copy(upTo: index)
                    length = 3
                case 0xC2, 0xE2, 0xEF:
                    index += 1
                    continue
                default:
                    copy(upTo: index)  // a C0 control or DEL: left out
                }
                index += length
                start = index
            }
            copy(upTo: count)
        }
        out.append(0x22)
    }
}
