/// Why `build` will not use an output folder (a usage error, exit code 2): what was refused and
/// why, and what to do instead.
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String

    public init(_ message: String, hint: String = "") {
        self.message = message
        self.hint = hint
    }

    /// `message` and, on its own line, `hint: …` — the form of every other error.
    public var description: String { hint.isEmpty ? message : "\(message)\n    hint: \(hint)" }
}
