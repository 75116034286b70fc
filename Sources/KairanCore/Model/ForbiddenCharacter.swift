/// Characters no text Kairan reads or writes may hold: the ones XML 1.0 forbids (C0 controls but
/// tab, LF and CR; U+FFFE and U+FFFF), and DEL and the C1 controls U+0080–U+009F, which HTML
/// treats as errors and no editor shows. The source decoder rejects them; every writer of XML,
/// HTML, JSON and iCalendar leaves them out, so one that slips through cannot break a feed.
public enum ForbiddenCharacter {
    /// Whether `scalar` is forbidden.
    @inline(__always)
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        isForbidden(scalar.value)
    }

    /// Whether the code point `value` is forbidden.
    @inline(__always)
    public static func isForbidden(_ value: UInt32) -> Bool {
        if value < 0x20 { return value != 0x09 && value != 0x0A && value != 0x0D }
        return (value >= 0x7F && value <= 0x9F) || value == 0xFFFE || value == 0xFFFF
    }

    /// `U+001B ESCAPE`: the code point and its name, for messages.
    public static func name(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name: String?
        switch value {
        case 0..<0x20: name = c0Names[Int(value)]
        case 0x7F: name = "DELETE"
        case 0x80...0x9F: name = c1Names[Int(value - 0x80)]
        case 0xFFFE, 0xFFFF: name = "NONCHARACTER"
        default: name = Unicode.Scalar(value)?.properties.name
        }
        return name.map { "\(code) \($0)" } ?? code
    }

    /// `text` without forbidden characters; `text` itself (no copy) when it has none.
    public static func removing(from text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !isForbidden($0) })
        return String(scalars)
    }

    private static let c0Names = [
        "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
        "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
        "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
        "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
        "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
    ]

    private static let c1Names = [
        "PADDING CHARACTER", "HIGH OCTET PRESET", "BREAK PERMITTED HERE", "NO BREAK HERE", "INDEX", "NEXT LINE",
        "START OF SELECTED AREA", "END OF SELECTED AREA", "CHARACTER TABULATION SET", "CHARACTER TABULATION WITH JUSTIFICATION",
        "LINE TABULATION SET", "PARTIAL LINE FORWARD", "PARTIAL LINE BACKWARD", "REVERSE LINE FEED", "SINGLE SHIFT TWO",
        "SINGLE SHIFT THREE", "DEVICE CONTROL STRING", "PRIVATE USE ONE", "PRIVATE USE TWO", "SET TRANSMIT STATE",
        "CANCEL CHARACTER", "MESSAGE WAITING", "START OF GUARDED AREA", "END OF GUARDED AREA", "START OF STRING",
        "SINGLE GRAPHIC CHARACTER INTRODUCER", "SINGLE CHARACTER INTRODUCER", "CONTROL SEQUENCE INTRODUCER",
        "STRING TERMINATOR", "OPERATING SYSTEM COMMAND", "PRIVACY MESSAGE", "APPLICATION PROGRAM COMMAND",
    ]
}
