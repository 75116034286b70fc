/// Reads the KPI rule language: `[period] comparison number[%]`, e.g. `>= 95`, `wow <= -10%`.
struct KPIRuleParser {
    private var scanner: RuleScanner

    init(_ text: String) { scanner = RuleScanner(text) }

    mutating func parse() throws(KPIRuleError) -> KPIRule {
        scanner.skipSpaces()
        if scanner.isAtEnd { throw scanner.error("the rule is empty", hint: "write e.g. `>= 95` or `wow <= -10%`") }
        var period: KPIPeriod?
        let wordColumn = scanner.column
        if let word = scanner.word() {
            guard let known = KPIPeriod(rawValue: word.lowercased()) else {
                throw scanner.error("unknown period `\(word)`",
                                    hint: "use dod (前日比), wow (前週比), mom (前月比) or qoq (前四半期比), or start with a comparison like `>= 95`",
                                    at: wordColumn)
            }
            period = known
            scanner.skipSpaces()
        }
        let comparison = try scanner.comparison()
        scanner.skipSpaces()
        let threshold = try scanner.number()
        scanner.skipSpaces()
        if let period {
            guard scanner.consume("%") else {
                throw scanner.error("expected `%` after the number",
                                    hint: "a \(period.rawValue) rule compares a percentage change, e.g. `\(period.rawValue) \(comparison.rawValue) \(FixedDecimal.trimmed(threshold))%`")
            }
            try scanner.expectEnd()
            return .change(period, comparison, threshold)
        }
        if scanner.peek == "%" {
            throw scanner.error("`%` is only for changes (wow, dod, mom, qoq)",
                                hint: "an absolute rule is in the KPI's own unit: write `\(comparison.rawValue) \(FixedDecimal.trimmed(threshold))`")
        }
        try scanner.expectEnd()
        return .absolute(comparison, threshold)
    }
}
