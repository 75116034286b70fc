/// HTML escaping on UTF-8 bytes: `&`, `<`, `>`, `"`, `'`. Safe for text and attribute values.
public enum HTMLEscaping {
    /// Which bytes below `?` need escaping: `"`, `&`, `'`, `<`, `>`.
    private static let special: [Bool] = (0..<63).map { $0 == 34 || $0 == 38 || $0 == 39 || $0 == 60 || $0 == 62 }

    /// `text` with the five HTML-special characters replaced by entities.
    public static func escape(_ text: String) -> String {
        var copy = text
        let needs = copy.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 63 && special[Int(byte)] { return true }
            return false
        }
        if !needs { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 38: out += [38, 97, 109, 112, 59]  // &amp;
            case 60: out += [38, 108, 116, 59]  // &lt;
            case 62: out += [38, 103, 116, 59]  // &gt;
            case 34: out += [38, 113, 117, 111, 116, 59]  // &quot;
            case 39: out += [38, 35, 51, 57, 59]  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
