/// HTML and XML escaping on UTF-8 bytes: `&`, `<`, `>`, `"`, `'`. Safe for text and attribute
/// values of HTML, Atom, sitemaps and SVG. ``ForbiddenCharacter``s are left out, so the output is
/// well-formed XML 1.0 even when such a character reached a value (sources are checked when read).
public enum HTMLEscaping {
    /// Which bytes below `?` need work: `"`, `&`, `'`, `<`, `>`, and C0 controls but tab, LF and CR.
    private static let special: [Bool] = (0..<63).map {
        $0 == 34 || $0 == 38 || $0 == 39 || $0 == 60 || $0 == 62 || ($0 < 32 && $0 != 9 && $0 != 10 && $0 != 13)
    }

    /// Whether the bytes at `index` need work: a special ASCII byte, DEL, a C1 control (`C2 80`–`C2 9F`)
    /// or U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`). Returns how many bytes a forbidden character spans, -1
    /// for an ASCII byte to escape, 0 for bytes to copy.
    @inline(__always)
    private static func work(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        if byte < 63 { return special[Int(byte)] ? (byte < 32 ? 1 : -1) : 0 }
        if byte < 0x7F { return 0 }
        if byte == 0x7F { return 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0x9F { return 2 }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return 3 }
        return 0
    }

    /// Bytes `work` must look at: the special ASCII bytes, DEL, and the lead bytes `C2` and `EF`.
    private static let lookAt: [Bool] = (0..<256).map { byte in
        (byte < 63 && special[byte]) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    /// `text` with the five HTML-special characters replaced by entities and forbidden characters
    /// left out; `text` itself when nothing needs either (most text).
    public static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            guard needsWork(bytes) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            escape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether any byte of `bytes` is to be escaped or left out.
    private static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        lookAt.withUnsafeBufferPointer { table in
            for index in bytes.indices where table[Int(bytes[index])] && work(bytes, index) != 0 { return true }
            return false
        }
    }

    /// `bytes` (UTF-8) escaped, appended to `out`: the one escaping loop (the compiled templates
    /// write pages as bytes; `escape(_:)` uses it for text that needs it).
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var copied = 0
        var index = 0
        lookAt.withUnsafeBufferPointer { table in
            while index < count {
                guard table[Int(base[index])] else {
                    index += 1
                    continue
                }
                let span = work(bytes, index)
                if span == 0 {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: index - copied))
                if span > 0 {  // a forbidden character: left out
                    index += span
                } else {
                    let entity: StaticString
                    switch base[index] {
                    case 38: entity = "&amp;"
                    case 60: entity = "&lt;"
                    case 62: entity = "&gt;"
                    case 34: entity = "&quot;"
                    default: entity = "&#39;"
                    }
                    out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                    index += 1
                }
                copied = index
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + copied, count: count - copied))
    }
}
