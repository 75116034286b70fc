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
    /// Characters of a variable or section name (as swift-mustache: transforms use brackets).
    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    /// Characters of a partial or parent name, which may name a folder.
    private static let partialCharacters = nameCharacters.union("/")

    /// The tags of `source`, in order.
    /// - Throws: `TemplateSyntaxError` for a tag that is not closed or holds more than a name.
    static func tags(_ source: String) throws -> [TemplateTag] {
        let characters = Array(source)
        var tags: [TemplateTag] = []
        var opening = Array("{{"), closing = Array("}}")
        var index = 0, line = 1, column = 1

        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            guard position + delimiter.count <= characters.count else { return false }
            return delimiter.indices.allSatisfy { characters[position + $0] == delimiter[$0] }
        }
        func advance(to position: Int) {
            while index < position {
                if characters[index].isNewline { line += 1; column = 1 } else { column += 1 }
                index += 1
            }
        }
        func firstLine(_ start: Int, _ end: Int) -> String {
            String(characters[start..<min(end, characters.count)].prefix { !$0.isNewline })
        }

        while index < characters.count {
            guard matches(opening, at: index) else {
                advance(to: index + 1)
                continue
            }
            let (startLine, startColumn, start) = (line, column, index)
            let bodyStart = index + opening.count
            let sigil: Character? = bodyStart < characters.count ? characters[bodyStart] : nil
            // The closing delimiter; `{{{name}}}` ends with one more `}`.
            var end = bodyStart
            while end < characters.count, !matches(closing, at: end) { end += 1 }
            func unfinished(_ hint: String) -> TemplateSyntaxError {
                TemplateSyntaxError(line: startLine, column: startColumn,
                                    message: "the tag `\(firstLine(start, end + closing.count))` is not finished",
                                    hint: hint)
            }
            guard end < characters.count else {
                throw TemplateSyntaxError(line: startLine, column: startColumn,
                                          message: "`\(String(opening))` opened here is never closed with `\(String(closing))`",
                                          hint: "end the tag with `\(String(closing))`")
            }
            var after = end + closing.count
            let kind: TemplateTag.Kind
            var body = String(characters[(sigil == nil ? bodyStart : bodyStart + 1)..<end])
            switch sigil {
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
                guard after < characters.count, characters[after] == "}" else {
                    throw unfinished("HTML is printed with three braces on each side: `{{{name}}}`")
                }
                after += 1
            default:
                kind = .variable
                body = String(characters[bodyStart..<end])
            }
            let name = body.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = String(characters[start..<after])
            switch kind {
            case .comment, .pragma:
                break
            case .delimiters:
                let parts = name.hasSuffix("=") ? name.dropLast().split(whereSeparator: \.isWhitespace) : []
                guard parts.count == 2 else {
                    throw TemplateSyntaxError(line: startLine, column: startColumn,
                                              message: "the delimiter change `\(text)` is not of the form `{{=<% %>=}}`",
                                              hint: "give the new opening and closing delimiters, separated by a space, between `=` and `=`")
                }
                opening = Array(parts[0])
                closing = Array(parts[1])
            default:
                let allowed = kind == .partial || kind == .parent ? partialCharacters : nameCharacters
                if !name.allSatisfy(allowed.contains) {
                    if kind == .close, name.contains("/") {
                        throw TemplateSyntaxError(line: startLine, column: startColumn,
                                                  message: "`\(text)` cannot close a parent named with `/`",
                                                  hint: "swift-mustache closes only flat names: give the layout a name without `/`")
                    }
                    throw unfinished("a tag holds one name of letters, digits, `.`, `-` or `_`, then `\(String(closing))`")
                }
            }
            tags.append(TemplateTag(kind: kind, name: name, text: text, line: startLine, column: startColumn))
            advance(to: after)
        }
        return tags
    }
}
