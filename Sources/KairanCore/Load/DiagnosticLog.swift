/// Collects the diagnostics of one unit of work (a file, a stage) in the order they are found.
///
/// Not shared between tasks: each task owns its log and hands its `items` back.
public final class DiagnosticLog {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public func error(_ location: SourceLocation, _ message: String, hint: String = "") {
        items.append(.error(location, message, hint: hint))
    }

    public func warning(_ location: SourceLocation, _ message: String, hint: String = "") {
        items.append(.warning(location, message, hint: hint))
    }

    public func append(_ diagnostics: [Diagnostic]) { items += diagnostics }
}
