/// Why a `rule:` string could not be read, with a hint showing what would work.
public struct ScheduleRuleError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public let message: String
    /// What to write instead.
    public let hint: String

    /// Creates an error.
    public init(message: String, hint: String) {
        self.message = message
        self.hint = hint
    }

    /// `message (hint)`.
    public var description: String { "\(message) (\(hint))" }
}
