/// Why a rule string could not be read: the 1-based column in the rule text and what to fix.
public struct KPIRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule text as written.
    public var text: String
    /// 1-based column (in characters) of the problem within `text`.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// What to write instead; may be empty.
    public var hint: String

    public init(text: String, column: Int, message: String, hint: String = "") {
        self.text = text
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `rule "wow <= -10" column 11: expected `%` …`.
    public var description: String { "rule \"\(text)\" column \(column): \(message)" }
}
