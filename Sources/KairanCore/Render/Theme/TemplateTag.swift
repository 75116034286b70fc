import Foundation

/// One `{{…}}` tag of a template's source with the line and column where it starts.
///
/// swift-mustache's parse keeps no positions, so Kairan scans the source itself (with the same
/// tag rules: sigils `# ^ / > < $ & ! = %`, `{{{name}}}`, delimiter changes) to say where things are.
struct TemplateTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case variable, unescaped, section, inverted, close, partial, parent, block, comment, delimiters, pragma
    }

    var kind: Kind
    /// The name as written, without the sigil and surrounding spaces (`article.title`, `partials/header`).
    var name: String
    /// The tag as written, for messages (`{{#article}}`).
    var text: String
    var line: Int
    var column: Int

    /// The name a variable or section looks up: the innermost argument of a transform
    /// (`reversed(list)` → `list`); empty for a transform of the sequence itself (`first()`).
    var lookupName: String {
        guard let open = name.lastIndex(of: "(") else { return name }
        let inner = name[name.index(after: open)...]
        return String(inner.prefix { $0 != ")" })
    }

    /// The same kind of tag as written for a section's end: `{{/name}}`.
    var closing: String { "{{/\(name)}}" }
}

/// Splits a template's source into its tags.
enum TemplateScanner {
    /// Bytes of a variable or section name (as swift-mustache: transforms use brackets).
    private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*".utf8)
    /// Bytes of a partial or parent name, which may name a folder.
    private static let partialBytes = nameBytes.union("/".utf8)
    private static let newline = UInt8(ascii: "\n")

    /// The tags of `source`, in order. Scans UTF-8 bytes (it runs on every template of every build);
    /// columns are counted in characters.
    /// - Throws: `TemplateSyntaxError` for a tag that is not closed or holds more than a name.
    static func tags(_ source: String) throws -> [TemplateTag] {
        let bytes = Array(source.utf8)
        var tags: [TemplateTag] = []
        var opening = Array("{{".utf8), closing = Array("}}".utf8)
        var index = 0, line = 1, lineStart = 0

        func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
            guard position + delimiter.count <= bytes.count else { return false }
            for offset in delimiter.indices where bytes[position + offset] != delimiter[offset] { return false }
            return true
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func advance(to position: Int) {
            while index < position {
                if bytes[index] == newline { line += 1; lineStart = index + 1 }
                index += 1
            }
        }
        func firstLine(_ start: Int, _ end: Int) -> String {
            let stop = min(end, bytes.count)
            return text(start..<(bytes[start..<stop].firstIndex(of: newline) ?? stop))
        }

        while index < bytes.count {
            guard bytes[index] == opening[0], matches(opening, at: index) else {
                advance(to: index + 1)
                continue
            }
            let start = index
            let (startLine, startColumn) = (line, text(lineStart..<start).count + 1)
            let bodyStart = index + opening.count
            let sigil: UInt8? = bodyStart < bytes.count ? bytes[bodyStart] : nil
            // The closing delimiter; `{{{name}}}` ends with one more `}`.
            var end = bodyStart
            while end < bytes.count, !matches(closing, at: end) { end += 1 }
            func unfinished(_ hint: String) -> TemplateSyntaxError {
                TemplateSyntaxError(line: startLine, column: startColumn,
                                    message: "the tag `\(firstLine(start, end + closing.count))` is not finished",
                                    hint: hint)
            }
            guard end < bytes.count else {
                throw TemplateSyntaxError(line: startLine, column: startColumn,
                                          message: "`\(text(opening.indices))` opened here is never closed with `\(String(decoding: closing, as: UTF8.self))`",
                                          hint: "end the tag with `\(String(decoding: closing, as: UTF8.self))`")
            }
            var after = end + closing.count
            let kind: TemplateTag.Kind
            var bodyFrom = bodyStart + 1
            switch sigil.map({ Character(Unicode.Scalar($0)) }) {
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "<": kind = .parent
            case "$": kind = .block
            case "&": kind = .unescaped
            case "!": kind = .comment
            case "%": kind = .pragma
            case "=": kind = .delimiters
            case "{":
                kind = .unescaped
                guard after < bytes.count, bytes[after] == UInt8(ascii: "}") else {
                    throw unfinished("HTML is printed with three braces on each side: `{{{name}}}`")
                }
                after += 1
            default:
                kind = .variable
                bodyFrom = bodyStart
            }
            let name = text(min(bodyFrom, end)..<end).trimmingCharacters(in: .whitespacesAndNewlines)
            let written = text(start..<after)
            switch kind {
            case .comment, .pragma:
                break
            case .delimiters:
                let parts = name.hasSuffix("=") ? name.dropLast().split(whereSeparator: \.isWhitespace) : []
                guard parts.count == 2 else {
                    throw TemplateSyntaxError(line: startLine, column: startColumn,
                                              message: "the delimiter change `\(written)` is not of the form `{{=<% %>=}}`",
                                              hint: "give the new opening and closing delimiters, separated by a space, between `=` and `=`")
                }
                opening = Array(parts[0].utf8)
                closing = Array(parts[1].utf8)
            default:
                let allowed = kind == .partial || kind == .parent ? partialBytes : nameBytes
                if !name.utf8.allSatisfy(allowed.contains) {
                    if kind == .close, name.contains("/") {
                        throw TemplateSyntaxError(line: startLine, column: startColumn,
                                                  message: "`\(written)` cannot close a parent named with `/`",
                                                  hint: "swift-mustache closes only flat names: give the layout a name without `/`")
                    }
                    throw unfinished("a tag holds one name of letters, digits, `.`, `-` or `_`, then `\(String(decoding: closing, as: UTF8.self))`")
                }
            }
            tags.append(TemplateTag(kind: kind, name: name, text: written, line: startLine, column: startColumn))
            advance(to: after)
        }
        return tags
    }
}
