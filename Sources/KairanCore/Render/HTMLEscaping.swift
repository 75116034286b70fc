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

    /// `text` with the five HTML-special characters replaced by entities and forbidden characters left out.
    public static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            var first = 0
            while first < bytes.count && work(bytes, first) == 0 { first += 1 }
            if first == bytes.count { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<first]))
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                let span = work(bytes, index)
                if span > 0 {  // a forbidden character: left out
                    index += span
                    continue
                }
                index += 1
                guard span < 0 else {
                    out.append(byte)
                    continue
                }
                switch byte {
                case 38: out += [38, 97, 109, 112, 59]  // &amp;
                case 60: out += [38, 108, 116, 59]  // &lt;
                case 62: out += [38, 103, 116, 59]  // &gt;
                case 34: out += [38, 113, 117, 111, 116, 59]  // &quot;
                default: out += [38, 35, 51, 57, 59]  // ' as &#39;
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
