/// Decodes the character references of HTML text and attribute values: numeric (`&#12354;`,
/// `&#x3042;`) and the named ones Kairan's templates and cmark write. An unknown or malformed
/// reference stays as written.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "middot": "·",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "yen": "¥", "times": "×", "divide": "÷", "rarr": "→", "larr": "←", "bull": "•", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "shy": "\u{AD}",
    ]

    /// `text` with its character references replaced by the characters they stand for.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            guard let semicolon = rest[afterAmp...].prefix(32).firstIndex(of: ";"),
                  let replacement = character(for: rest[afterAmp..<semicolon])
            else {
                result += "&"
                rest = rest[afterAmp...]
                continue
            }
            result += replacement
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// What the reference named `name` (between `&` and `;`) stands for.
    private static func character(for name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" { value = UInt32(digits.dropFirst(), radix: 16) } else { value = UInt32(digits) }
            guard let value, value != 0, let scalar = Unicode.Scalar(value), !ForbiddenCharacter.isForbidden(scalar) else { return nil }
            return String(scalar)
        }
        return named[String(name)]
    }
}
