/// Reads the small CSS subset of ``EmailStyleSheet``: style rules with the selectors of
/// ``EmailSelector``, comments, and at-rules (kept verbatim). Each problem is one located error
/// (line and column in Unicode scalars) with a hint; the parser then skips to the end of the
/// rule it is in and goes on, so independent mistakes are all reported.
struct EmailStyleSheetParser {
    private let scalars: [Unicode.Scalar]
    private let file: String
    /// Where errors go; nil for the `style` attribute of an element, whose problems are ignored.
    private let log: DiagnosticLog?
    /// The index of the first scalar of each line.
    private let lineStarts: [Int]
    private var index = 0

    init(text: String, file: String, log: DiagnosticLog?) {
        scalars = Array(text.unicodeScalars)
        self.file = file
        self.log = log
        var starts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The declarations of an element's `style` attribute value, problems skipped.
    static func declarations(inStyleAttribute value: String) -> [EmailStyleSheet.Declaration] {
        var parser = EmailStyleSheetParser(text: value, file: "", log: nil)
        return parser.declarationList(closedBy: nil, ruleStart: 0)
    }

    mutating func parse() -> EmailStyleSheet {
        var sheet = EmailStyleSheet()
        var kept: [String] = []
        var keptBytes = 0
        var reportedKeptSize = false
        while true {
            skipSpaceAndComments()
            guard index < scalars.count else { break }
            let start = index
            switch scalars[index] {
            case "@":
                guard let text = atRule() else { continue }
                kept.append(text)
                keptBytes += text.utf8.count + 1
                if keptBytes > EmailStyleSheet.keptCSSLimit, !reportedKeptSize {
                    reportedKeptSize = true
                    error(at: start, "the CSS kept in the head's <style> (at-rules such as @media) is over \(EmailStyleSheet.keptCSSLimit / 1024) KB",
                          hint: "keep only what cannot be inlined (media queries, dark mode) in at-rules, and shorten them")
                }
            case "}":
                error(at: start, "unexpected `}`", hint: "remove it, or check the braces of the rule before it")
                index += 1
            default:
                styleRule(into: &sheet.rules)
            }
        }
        sheet.keptCSS = kept.joined(separator: "\n")
        return sheet
    }

    // MARK: - Rules

    /// A style rule at `index`: its rules are appended unless the selector list is broken.
    private mutating func styleRule(into rules: inout [EmailStyleSheet.Rule]) {
        let start = index
        guard let brace = scan(from: index, stoppingAt: ["{", "}", ";"]), scalars[brace] == "{" else {
            error(at: start, "expected `{` after the selector", hint: "write rules as `selector { property: value; }`")
            index = (scan(from: index, stoppingAt: ["}", ";"]) ?? scalars.count - 1) + 1
            return
        }
        var selectors: [EmailSelector] = []
        var valid = true
        var pieceStart = start
        for position in start...brace where position == brace || scalars[position] == "," {
            let piece = text(pieceStart..<position)
            let lead = piece.prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.unicodeScalars.count
            let trimmed = piece.trimmedCSSSpace
            if trimmed.isEmpty {
                error(at: pieceStart, "empty selector in the selector list", hint: "remove the extra comma")
                valid = false
            } else if let selector = EmailSelector.parse(Substring(trimmed)) {
                selectors.append(selector)
            } else {
                error(at: pieceStart + lead, "selector `\(trimmed)` cannot be inlined",
                      hint: "use `tag`, `.class`, `tag.class` or a descendant pair such as `td.content p`; "
                          + "rules for :hover, ids or attributes go inside an @media block, which stays in <style>")
                valid = false
            }
            pieceStart = position + 1
        }
        index = brace + 1
        let declarations = declarationList(closedBy: "}", ruleStart: brace)
        guard valid else { return }
        for selector in selectors {
            rules.append(EmailStyleSheet.Rule(selector: selector, declarations: declarations, order: rules.count))
        }
    }

    /// Declarations from `index` up to the `closer` (consumed), or to the end when `closer` is nil.
    mutating func declarationList(closedBy closer: Unicode.Scalar?, ruleStart: Int) -> [EmailStyleSheet.Declaration] {
        var declarations: [EmailStyleSheet.Declaration] = []
        while true {
            skipSpaceAndComments()
            guard index < scalars.count else {
                if closer != nil { error(at: ruleStart, "the rule's `{` is never closed", hint: "add the missing `}`") }
                return declarations
            }
            if let closer, scalars[index] == closer {
                index += 1
                return declarations
            }
            if scalars[index] == ";" {
                index += 1
                continue
            }
            if let declaration = declaration(closedBy: closer) { declarations.append(declaration) }
        }
    }

    /// One `property: value` at `index`; on a problem, logs it and skips to the next `;` or the closer.
    private mutating func declaration(closedBy closer: Unicode.Scalar?) -> EmailStyleSheet.Declaration? {
        let start = index
        let stops: Set<Unicode.Scalar> = closer.map { [":", ";", $0] } ?? [":", ";"]
        let colon = scan(from: index, stoppingAt: stops) ?? scalars.count
        let name = text(start..<colon).trimmedCSSSpace.lowercased()
        guard colon < scalars.count, scalars[colon] == ":" else {
            error(at: start, "expected `:` after `\(name)`", hint: "write declarations as `property: value;`")
            index = colon < scalars.count && scalars[colon] == ";" ? colon + 1 : colon
            return nil
        }
        let valueEnd = scan(from: colon + 1, stoppingAt: closer.map { [";", $0] } ?? [";"]) ?? scalars.count
        index = valueEnd < scalars.count && scalars[valueEnd] == ";" ? valueEnd + 1 : valueEnd
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }) else {
            error(at: start, "`\(name)` is not a CSS property name", hint: "property names are letters, digits and `-`, such as `font-size`")
            return nil
        }
        var value = collapsedValue(colon + 1..<valueEnd)
        guard !value.isEmpty else {
            error(at: start, "property `\(name)` has no value", hint: "write a value after the colon, or remove the declaration")
            return nil
        }
        var important = false
        let words = value.split(separator: "!", omittingEmptySubsequences: false)
        if words.count > 1, let last = words.last, last.trimmedCSSSpace.lowercased() == "important" {
            important = true
            value = words.dropLast().joined(separator: "!").trimmedCSSSpace + " !important"
        }
        return EmailStyleSheet.Declaration(property: name, value: value, important: important)
    }

    /// The text of `range` without comments, whitespace runs collapsed to one space, trimmed.
    private func collapsedValue(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        var position = range.lowerBound
        var pendingSpace = false
        var quote: Unicode.Scalar?
        while position < range.upperBound {
            let scalar = scalars[position]
            if quote == nil, scalar == "/", position + 1 < range.upperBound, scalars[position + 1] == "*" {
                position = (commentEnd(from: position) ?? range.upperBound)
                pendingSpace = true
                continue
            }
            if quote == nil, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                pendingSpace = true
            } else {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
                if scalar == "\"" || scalar == "'" { quote = quote == nil ? scalar : (quote == scalar ? nil : quote) }
            }
            position += 1
        }
        return String(result)
    }

    // MARK: - At-rules

    /// The at-rule at `index` as written, or nil after logging why it cannot be kept.
    private mutating func atRule() -> String? {
        let start = index
        var nameEnd = start + 1
        while nameEnd < scalars.count, scalars[nameEnd] == "-" || scalars[nameEnd].properties.isAlphabetic { nameEnd += 1 }
        let name = text(start + 1..<nameEnd).lowercased()
        guard let stop = scan(from: nameEnd, stoppingAt: ["{", ";", "}"]), scalars[stop] != "}" else {
            error(at: start, "`@\(name)` has neither a block nor a `;`", hint: "end it with `;` or give it a `{ … }` block")
            index = (scan(from: nameEnd, stoppingAt: ["}"]) ?? scalars.count - 1) + 1
            return nil
        }
        var end = stop + 1
        if scalars[stop] == "{" {
            var depth = 1
            var position = stop + 1
            while depth > 0 {
                guard let next = scan(from: position, stoppingAt: ["{", "}"]) else {
                    error(at: start, "the block of `@\(name)` is never closed", hint: "add the missing `}`")
                    index = scalars.count
                    return nil
                }
                depth += scalars[next] == "{" ? 1 : -1
                position = next + 1
            }
            end = position
        }
        index = end
        switch name {
        case "import":
            error(at: start, "`@import` loads external CSS, which mail clients drop",
                  hint: "copy the rules you need into this file")
            return nil
        case "font-face":
            error(at: start, "`@font-face` loads a web font, which email must not use",
                  hint: "use a stack of system fonts in font-family")
            return nil
        default:
            let kept = text(start..<end)
            if kept.contains("</") {
                error(at: start, "`</` in `@\(name)` would end the head's <style> element early",
                      hint: "write it without `</` (escape it as `<\\/` inside strings)")
                return nil
            }
            return kept
        }
    }

    // MARK: - Scanning

    /// The first index from `start` holding one of `stops`, outside strings, comments and parentheses.
    private func scan(from start: Int, stoppingAt stops: Set<Unicode.Scalar>) -> Int? {
        var position = start
        var depth = 0
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "\"" || scalar == "'" {
                position += 1
                while position < scalars.count, scalars[position] != scalar, scalars[position] != "\n" {
                    if scalars[position] == "\\" { position += 1 }
                    position += 1
                }
            } else if scalar == "/", position + 1 < scalars.count, scalars[position + 1] == "*" {
                guard let end = commentEnd(from: position) else { return nil }
                position = end
                continue
            } else if scalar == "(" {
                depth += 1
            } else if scalar == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 || scalar == "}" || scalar == "{", stops.contains(scalar) {
                return position
            }
            position += 1
        }
        return nil
    }

    /// The index just after the `*/` of the comment starting at `start`, or nil when it is not closed.
    private func commentEnd(from start: Int) -> Int? {
        var position = start + 2
        while position + 1 < scalars.count {
            if scalars[position] == "*", scalars[position + 1] == "/" { return position + 2 }
            position += 1
        }
        return nil
    }

    private mutating func skipSpaceAndComments() {
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{FEFF}" {
                index += 1
            } else if scalar == "/", index + 1 < scalars.count, scalars[index + 1] == "*" {
                guard let end = commentEnd(from: index) else {
                    error(at: index, "the comment is never closed", hint: "end it with `*/`")
                    index = scalars.count
                    return
                }
                index = end
            } else {
                return
            }
        }
    }

    // MARK: - Text and locations

    private func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range.clamped(to: 0..<scalars.count)])
        return String(view)
    }

    private func error(at offset: Int, _ message: String, hint: String) {
        guard let log else { return }
        // The last line starting at or before `offset` (the first starts at 0).
        let low = max(0, lineStarts.partitioningIndex { $0 > offset } - 1)
        log.error(SourceLocation(file: file, line: low + 1, column: offset - lineStarts[low] + 1), message, hint: hint)
    }
}

extension StringProtocol {
    /// The text without CSS white space (space, tab, line feed, carriage return) at either end.
    fileprivate var trimmedCSSSpace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
