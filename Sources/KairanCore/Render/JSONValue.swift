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

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most text needs no escape: copied whole. Bytes that may start one are ASCII controls,
        // `"`, `\\`, DEL, and the lead bytes of C1 controls (C2), U+2028/2029 (E2) and U+FFFE/FFFF (EF).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEF }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                // Forbidden characters (C0 controls among them) are never written, as in every other output format.
                if !ForbiddenCharacter.isForbidden(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }
}
