/// A place in a source file: the path relative to the site folder, a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Path relative to the site folder, e.g. `content/kb/faq/login.md`.
    public var file: String
    /// 1-based line; 0 when the whole file is meant.
    public var line: Int
    /// 1-based column in characters; 0 when the whole line is meant.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, leaving out parts that are unknown.
    public var description: String {
        if line <= 0 { return file }
        if column <= 0 { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
