/// The one place a source file (Markdown, YAML, CSV, template) becomes text.
///
/// A file must be valid UTF-8 and free of ``ForbiddenCharacter``s; otherwise it is an error at
/// the line and column of the first offending byte, and the file is not used. Nothing is ever
/// replaced silently (no U+FFFD). One pass over the bytes, with a fast path for ASCII.
public enum SourceText {
    /// Why a file's bytes are not text.
    public struct Problem: Error, Equatable, Sendable {
        /// Byte offset of the first offending byte.
        public var offset: Int
        /// 1-based line and column (in Unicode scalars, as YAML positions are).
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String
    }

    /// Reads `path` (relative to `siteDirectory`) and decodes it; nil after logging why it cannot be read or decoded.
    public static func read(_ path: String, siteDirectory: String, fileSystem: FileSystem, limit: Int? = nil, log: DiagnosticLog) -> String? {
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(joinPath(siteDirectory, path), limit: limit) } catch {
            log.cannotRead(path, error)
            return nil
        }
        return decode(bytes, file: path, log: log)
    }

    /// The text of `bytes`, the contents of `file`; nil after logging the first problem at its place.
    public static func decode(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> String? {
        switch text(bytes) {
        case .success(let text): return text
        case .failure(let problem):
            log.error(SourceLocation(file: file, line: problem.line, column: problem.column), problem.message, hint: problem.hint)
            return nil
        }
    }

    /// The text of `bytes`, or the first problem.
    public static func text(_ bytes: [UInt8]) -> Result<String, Problem> {
        // Fast path: the standard library validates UTF-8 while it makes the String, and one
        // byte scan looks for forbidden characters; only a file that fails either is walked again
        // to locate its first problem.
        if let text = String(validating: bytes, as: UTF8.self), !bytes.withUnsafeBufferPointer(mayHoldForbidden) {
            return .success(text)
        }
        if let problem = bytes.withUnsafeBufferPointer(firstProblem) { return .failure(problem) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether valid UTF-8 `bytes` may hold a forbidden character: a C0 control but tab, LF and
    /// CR, DEL, or a lead byte of a C1 control (`C2`) or of U+FFFE/U+FFFF (`EF`); `firstProblem`
    /// then decides exactly. One table look-up per byte.
    private static func mayHoldForbidden(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return suspicious.withUnsafeBufferPointer { table in
            var index = 0
            while index < bytes.count {
                if table[Int(base[index])] {
                    let byte = base[index]
                    // C2 80–9F is a C1 control; EF BF BE/BF is U+FFFE/U+FFFF. Other C2/EF sequences are fine.
                    if byte == 0xC2 { if index + 1 < bytes.count, base[index + 1] <= 0x9F { return true } }
                    else if byte == 0xEF { if index + 1 < bytes.count, base[index + 1] == 0xBF { return true } }
                    else { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// Bytes `mayHoldForbidden` looks at twice.
    private static let suspicious: [Bool] = (0..<256).map { byte in
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xEF
    }

    /// Validates UTF-8 and looks for forbidden characters in one pass.
    private static func firstProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII: printable, tab, LF, CR pass; other C0 controls and DEL do not.
                if (lead >= 0x20 && lead != 0x7F) || lead == 0x0A || lead == 0x09 || lead == 0x0D {
                    index += 1
                    continue
                }
                return forbidden(UInt32(lead), at: index, in: bytes)
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0  // no overlong forms
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F  // no surrogates
            case 0xF0: length = 4; low = 0x90  // no overlong forms
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F  // nothing above U+10FFFF
            default: return invalid(at: index, in: bytes)
            }
            guard index + length <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return invalid(at: index, in: bytes) }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length {
                let byte = bytes[index + offset]
                guard byte & 0xC0 == 0x80 else { return invalid(at: index, in: bytes) }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            if ForbiddenCharacter.isForbidden(value) { return forbidden(value, at: index, in: bytes) }
            index += length
        }
        return nil
    }

    private static func invalid(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Problem {
        let shown = bytes[offset..<min(offset + 4, bytes.count)].map { "0x" + String($0, radix: 16, uppercase: true) }
        return problem(at: offset, in: bytes, message: "the file is not valid UTF-8 (bytes \(shown.joined(separator: " ")))",
                       hint: "save the file as UTF-8; Kairan reads no other encoding (Shift_JIS files must be converted)")
    }

    private static func forbidden(_ value: UInt32, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Problem {
        let name = ForbiddenCharacter.name(value)
        return problem(at: offset, in: bytes, message: "the text holds the invisible character \(name), which pages and feeds cannot carry",
                       hint: "delete the character \(name) here (write line breaks as new lines and tabs as spaces)")
    }

    /// The problem with its line (LF, CRLF or a lone CR ends a line) and column (scalars before it, plus one).
    private static func problem(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, message: String, hint: String) -> Problem {
        var line = 1
        var lineStart = 0
        for index in 0..<offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
        }
        var column = 1
        for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        return Problem(offset: offset, line: line, column: column, message: message, hint: hint)
    }
}
