extension DiagnosticLog {
    /// Whether an error was logged after the first `count` items: whether one reading step failed.
    func hasErrors(since count: Int) -> Bool { items[count...].contains { $0.severity == .error } }
}
