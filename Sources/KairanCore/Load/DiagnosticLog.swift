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

extension DiagnosticLog {
    /// Logs why `file` (relative to the site folder) could not be read: over the size limit, with
    /// how to raise it, or the system's reason.
    public func cannotRead(_ file: String, _ failure: Error) {
        if let failure = failure as? FileSystemError, case .tooLarge(let size, let limit) = failure.reason {
            let texts = ByteSize.texts(size, over: limit)
            error(SourceLocation(file: file), "\(texts.size) is larger than the limit of \(texts.limit)",
                  hint: "split it or raise limits.max_file_size in site.yaml")
        } else {
            error(SourceLocation(file: file), "cannot read: \(failure)")
        }
    }
}
