/// RFC 5545 content-line text: value escaping, line folding and CRLF line ends.
enum ICalendarText {
    /// The longest line in octets, not counting the CRLF (RFC 5545 §3.1).
    static let maxLineOctets = 75

    /// A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break
    /// (CRLF, CR or LF) as `\n`, ``ForbiddenCharacter``s dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default: if !ForbiddenCharacter.isForbidden(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// A URI value (§3.3.13): not escaped, but forbidden characters, tabs, line breaks and spaces at
    /// the ends dropped so a value can never break the line structure.
    static func uri(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.filter { !ForbiddenCharacter.isForbidden($0) && $0 != "\t" && $0 != "\r" && $0 != "\n" })
        return String(result).trimmingSpaces()
    }

    /// `line` folded so that no physical line exceeds ``maxLineOctets`` octets: breaks fall
    /// between Unicode scalars (never inside a UTF-8 sequence) and each continuation line
    /// starts with one space, which counts toward its length. Lines are joined with CRLF,
    /// without a trailing CRLF.
    static func fold(_ line: String) -> String {
        var result = ""
        var lineOctets = 0
        for scalar in line.unicodeScalars {
            let octets = UTF8.width(scalar)
            if lineOctets + octets > maxLineOctets {
                result += "\r\n "
                lineOctets = 1
            }
            result.unicodeScalars.append(scalar)
            lineOctets += octets
        }
        return result
    }
}

extension String {
    /// The text without leading and trailing spaces.
    fileprivate func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
