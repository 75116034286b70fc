/// One problem found in a site: where, what, and what to do about it.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it; empty when the message says it all.
    public var hint: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, hint: String = "") {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// An error at `location`.
    public static func error(_ location: SourceLocation, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.error, location, message, hint: hint)
    }

    /// A warning at `location`.
    public static func warning(_ location: SourceLocation, _ message: String, hint: String = "") -> Diagnostic {
        Diagnostic(.warning, location, message, hint: hint)
    }

    /// `file:line:column: error: message (hint)` — the form editors and CI logs understand.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if !hint.isEmpty { text += "\n    hint: \(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in a stable order: by file, line, column, then message.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    /// Whether any of these is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
