/// Something `kairan import` could not convert, or changed in a way the writer should check,
/// at its place in the source site (`content/guide/setup.md:12`).
public struct ImportNote: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The file, relative to the source site.
    public var file: String
    /// 1-based line; 0 for the whole file.
    public var line: Int
    public var message: String

    public var description: String { "\(file)\(line > 0 ? ":\(line)" : ""): note: \(message)" }

    public static func < (lhs: ImportNote, rhs: ImportNote) -> Bool {
        if lhs.file != rhs.file { return Array(lhs.file.utf8).lexicographicallyPrecedes(Array(rhs.file.utf8)) }
        return lhs.line < rhs.line
    }
}

/// What an import wrote and what it could not convert.
public struct ImportResult: Sendable {
    /// The files written, relative to the Kairan site.
    public var written: [String] = []
    public var categories = 0
    public var sections = 0
    public var articles = 0
    public var notes: [ImportNote] = []
}

/// Why an import did not start (nothing is written): a usage error.
public struct ImportRefusal: Error, Sendable, CustomStringConvertible {
    public var description: String
}
