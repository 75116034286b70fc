/// Parses JSON text strictly (RFC 8259: no comments, no trailing commas, no bare words) into the
/// same positioned values YAML is read into, so ``YAMLFields`` reads it with located errors.
///
/// Strings become quoted scalars; numbers, `true`, `false` and `null` become plain scalars (so a
/// `null` reads as absent, like YAML's). Duplicate keys are left to ``YAMLFields``, which reports them.
public enum JSONDocument {
    /// The value of `text`, the contents of `file`; nil after logging the first syntax error at its place.
    public static func parse(_ text: String, file: String, log: DiagnosticLog) -> YAMLValue? {
        var parser = Parser(bytes: Array(text.utf8))
        do throws(Failure) {
            parser.skipSpace()
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
            return value
        } catch {
            log.error(SourceLocation(file: file, line: error.line, column: error.column), "JSON syntax: \(error.message)",
                      hint: "the file must be one JSON value; if Kairan wrote it, rebuild instead of editing it")
            return nil
        }
    }

    /// A syntax error and where it is.
    struct Failure: Error {
        var message: String
        var line: Int
        var column: Int
    }

    /// A recursive-descent reader over UTF-8 bytes (already valid: they come from a `String`).
    struct Parser {
        let bytes: [UInt8]
        var index = 0
        private var line = 1
        private var lineStart = 0
        /// Deeper nesting than this is refused rather than risking the stack.
        private let maxDepth = 64

        init(bytes: [UInt8]) { self.bytes = bytes }

        func failure(_ message: String) -> Failure {
            // Columns count Unicode scalars, as YAML positions do.
            let column = bytes[lineStart..<min(index, bytes.count)].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
            return Failure(message: message, line: line, column: column)
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(Failure) -> YAMLValue {
            guard depth < maxDepth else { throw failure("nested deeper than \(maxDepth) levels") }
            guard index < bytes.count else { throw failure("the text ends where a value was expected") }
            let (startLine, startColumn) = (line, failure("").column)
            func positioned(_ content: YAMLValue.Content) -> YAMLValue { YAMLValue(content, line: startLine, column: startColumn) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: YAMLValue, value: YAMLValue)] = []
                skipSpace()
                if take("}") { return positioned(.map(members)) }
                repeat {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
                    let key = try value(depth: depth + 1)
                    skipSpace()
                    guard take(":") else { throw failure("expected `:` after the key") }
                    skipSpace()
                    members.append((key: key, value: try value(depth: depth + 1)))
                    skipSpace()
                } while take(",")
                guard take("}") else { throw failure("expected `,` or `}`") }
                return positioned(.map(members))
            case UInt8(ascii: "["):
                index += 1
                var items: [YAMLValue] = []
                skipSpace()
                if take("]") { return positioned(.list(items)) }
                repeat {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                } while take(",")
                guard take("]") else { throw failure("expected `,` or `]`") }
                return positioned(.list(items))
            case UInt8(ascii: "\""):
                return positioned(.scalar(try string(), plain: false))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return positioned(.scalar(try number(), plain: true))
            default:
                for word in ["true", "false", "null"] where bytes[index...].starts(with: word.utf8) {
                    index += word.utf8.count
                    return positioned(.scalar(word, plain: true))
                }
                throw failure("expected a value (a string in double quotes, a number, true, false, null, [ or {)")
            }
        }

        /// Consumes `character` when it is next.
        private mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        private mutating func string() throws(Failure) -> String {
            index += 1  // the opening quote
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.count else { break }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard take("\\"), take("u") else { throw failure("a \\u high surrogate must be followed by a low one") }
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("a \\u high surrogate must be followed by a low one") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let value = Unicode.Scalar(scalar) else { throw failure("\\u escape of a lone surrogate") }
                        out += Array(String(value).utf8)
                    default:
                        index -= 2
                        throw failure("unknown escape `\\\(Unicode.Scalar(escape))` in a string")
                    }
                case 0x00..<0x20:
                    throw failure("a control character in a string must be escaped")
                default:
                    out.append(byte)
                    index += 1
                }
            }
            throw failure("the string is not closed with `\"`")
        }

        private mutating func hex4() throws(Failure) -> UInt32 {
            guard index + 4 <= bytes.count else { throw failure("\\u needs four hexadecimal digits") }
            var value: UInt32 = 0
            for byte in bytes[index..<index + 4] {
                guard let digit = hexDigit(byte) else { throw failure("\\u needs four hexadecimal digits") }
                value = value << 4 | digit
            }
            index += 4
            return value
        }

        private func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - 55)
            default: return nil
            }
        }

        /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, as its text.
        private mutating func number() throws(Failure) -> String {
            let start = index
            func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 48 && bytes[at] <= 57 }
            func digits() throws(Failure) {
                guard isDigit(index) else { throw failure("expected a digit") }
                while isDigit(index) { index += 1 }
            }
            _ = take("-")
            if take("0") {
                if isDigit(index) { throw failure("a number must not start with 0") }
            } else {
                try digits()
            }
            if take(".") { try digits() }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if !take("+") { _ = take("-") }
                try digits()
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }
}
