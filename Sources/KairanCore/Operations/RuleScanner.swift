/// A cursor over the characters of a one-line rule (`wow <= -10%`, `backlog immediate done >= 80%`)
/// that reads words, comparison operators and numbers, and reports problems by 1-based column.
struct RuleScanner {
    let text: String
    private let characters: [Character]
    private(set) var index = 0

    init(_ text: String) {
        self.text = text
        self.characters = Array(text)
    }

    /// The 1-based column of the next character.
    var column: Int { index + 1 }
    var isAtEnd: Bool { index >= characters.count }
    var peek: Character? { isAtEnd ? nil : characters[index] }

    mutating func skipSpaces() {
        while let character = peek, character == " " || character == "\t" { index += 1 }
    }

    /// An error at the current column (or at `column`).
    func error(_ message: String, hint: String = "", at column: Int? = nil) -> KPIRuleError {
        KPIRuleError(text: text, column: column ?? self.column, message: message, hint: hint)
    }

    /// A run of letters, digits, `-` and `_` starting with a letter; nil (nothing consumed) when
    /// the next character is not a letter.
    mutating func word() -> String? {
        guard let first = peek, first.isLetter else { return nil }
        var result = ""
        while let character = peek, character.isLetter || character.isNumber || character == "-" || character == "_" {
            result.append(character)
            index += 1
        }
        return result
    }

    /// A comparison operator, with guidance for the usual slips (`=`, `=>`, `!=`, `≥`).
    mutating func comparison() throws(KPIRuleError) -> KPIComparison {
        let hint = "write one of >=, >, <=, <, =="
        let start = column
        guard let first = peek else { throw error("expected a comparison after the text", hint: hint) }
        let second: Character? = index + 1 < characters.count ? characters[index + 1] : nil
        switch (first, second) {
        case (">", "="): index += 2; return .greaterOrEqual
        case ("<", "="): index += 2; return .lessOrEqual
        case ("=", "="): index += 2; return .equal
        case ("=", ">"): throw error("`=>` is not a comparison", hint: "did you mean `>=`?", at: start)
        case ("=", "<"): throw error("`=<` is not a comparison", hint: "did you mean `<=`?", at: start)
        case ("=", _): throw error("a single `=` is not a comparison", hint: "write `==` for equal", at: start)
        case ("!", _): throw error("`!=` is not supported", hint: hint, at: start)
        case (">", _): index += 1; return .greater
        case ("<", _): index += 1; return .less
        case ("≥", _), ("≤", _), ("＞", _), ("＜", _), ("＝", _):
            throw error("`\(first)` is not a comparison", hint: "use the ASCII operators >=, >, <=, <, ==", at: start)
        default:
            throw error("expected a comparison, found `\(first)`", hint: hint, at: start)
        }
    }

    /// A decimal number: optional sign, digits, optional `.digits`.
    mutating func number() throws(KPIRuleError) -> Double {
        let start = index
        var literal = ""
        if let sign = peek, sign == "-" || sign == "+" {
            literal.append(sign)
            index += 1
        }
        var digits = 0
        while let character = peek, character.isASCII, character.isNumber {
            literal.append(character)
            digits += 1
            index += 1
        }
        if peek == "." {
            literal.append(".")
            index += 1
            var fraction = 0
            while let character = peek, character.isASCII, character.isNumber {
                literal.append(character)
                fraction += 1
                index += 1
            }
            if fraction == 0 { digits = 0 }
        }
        guard digits > 0, let value = Double(literal) else {
            index = start
            let found = peek.map { "`\($0)`" } ?? "the end"
            throw error("expected a number, found \(found)", hint: "write the threshold as a plain number like 95, 0.1 or -10")
        }
        return value
    }

    /// Consumes `character` when it is next.
    mutating func consume(_ character: Character) -> Bool {
        guard peek == character else { return false }
        index += 1
        return true
    }

    /// Throws unless only spaces remain.
    mutating func expectEnd() throws(KPIRuleError) {
        skipSpaces()
        if let character = peek {
            throw error("unexpected `\(character)` after the rule", hint: "remove the extra text")
        }
    }
}
