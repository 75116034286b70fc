extension ScheduleRule {
    /// The forms a `rule:` string may take, for hints.
    public static let syntaxSummary =
        "write `daily`, `weekly fri`, `monthly 2nd tue`, `monthly last fri` or `monthly business-day 1`"

    /// The largest `n` of `monthly business-day n` (a month never has more business days).
    static let maxBusinessDay = 23

    /// Parses a rule as written in `schedule.yaml` (words separated by spaces, any case):
    /// `daily`; `weekly <weekday>`; `monthly <1st|2nd|3rd|4th|5th|last> <weekday>`;
    /// `monthly business-day <n>` with `n` 1…23, or −1…−23 counting from the month's end.
    /// Weekdays are `sun`…`sat` or `sunday`…`saturday`.
    public init(parsing text: String) throws(ScheduleRuleError) {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let head = words.first else {
            throw ScheduleRuleError(message: "the rule is empty", hint: Self.syntaxSummary)
        }
        switch (head, words.count) {
        case ("daily", 1):
            self = .daily
        case ("weekly", 2):
            self = .weekly(weekday: try Self.weekday(words[1]))
        case ("monthly", 3) where words[1] == "business-day":
            self = .monthlyNthBusinessDay(n: try Self.businessDayNumber(words[2]))
        case ("monthly", 3):
            self = .monthlyNthWeekday(n: try Self.ordinalNumber(words[1]), weekday: try Self.weekday(words[2]))
        case ("daily", _), ("weekly", _), ("monthly", _):
            throw ScheduleRuleError(
                message: "`\(head)` rule \"\(text)\" has the wrong number of words", hint: Self.syntaxSummary)
        default:
            throw ScheduleRuleError(
                message: "unknown rule \"\(text)\": it must start with `daily`, `weekly` or `monthly`",
                hint: Self.syntaxSummary)
        }
    }

    private static func weekday(_ word: Substring) throws(ScheduleRuleError) -> Int {
        guard let index = ScheduleWeekday.index(of: word) else {
            throw ScheduleRuleError(
                message: "unknown weekday \"\(word)\"",
                hint: "use one of \(ScheduleWeekday.abbreviations.joined(separator: ", "))")
        }
        return index
    }

    private static func ordinalNumber(_ word: Substring) throws(ScheduleRuleError) -> Int {
        let ordinals = ["1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "last": -1]
        guard let n = ordinals[String(word)] else {
            throw ScheduleRuleError(
                message: "unknown position \"\(word)\" in a monthly rule",
                hint: "use 1st, 2nd, 3rd, 4th, 5th or last, e.g. `monthly 3rd wed`; "
                    + "for 第n営業日 write `monthly business-day n`")
        }
        return n
    }

    private static func businessDayNumber(_ word: Substring) throws(ScheduleRuleError) -> Int {
        let limit = maxBusinessDay
        guard let n = Int(word), n != 0, (-limit...limit).contains(n) else {
            throw ScheduleRuleError(
                message: "business day \"\(word)\" must be a whole number from 1 to \(limit), "
                    + "or -1 to -\(limit) from the month's end",
                hint: "e.g. `monthly business-day 1` for 第1営業日, `monthly business-day -1` for the last business day")
        }
        return n
    }
}
