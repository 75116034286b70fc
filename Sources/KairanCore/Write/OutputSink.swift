/// Where rendered files go: the staging writer for `build`, nowhere for `check` (where paths are
/// still checked). Safe to call from parallel tasks; a failed write becomes a diagnostic in the
/// caller's log.
public final class OutputSink: Sendable {
    private let writer: OutputWriter?

    public init(writer: OutputWriter?) { self.writer = writer }

    /// Writes `file`, logging a failure into `log`.
    public func write(_ file: OutputFile, log: DiagnosticLog) {
        guard let writer else {
            if let problem = OutputPathRule.problem(with: file.path) {
                log.error(SourceLocation(file: "\(file.audience.folder)/\(file.path)"), "refusing to write: \(problem)")
            }
            return
        }
        do { try writer.write(file) } catch {
            log.error(SourceLocation(file: "\(file.audience.folder)/\(file.path)"), "cannot write: \(error)")
        }
    }
}
