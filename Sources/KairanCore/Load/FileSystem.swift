/// The file access Kairan needs, behind one small protocol so tests can run in memory.
///
/// Paths are absolute or relative to the process's working folder, `/`-separated.
public protocol FileSystem: Sendable {
    /// The bytes of a file; throws `FileSystemError.notFound` when it does not exist.
    func read(_ path: String) throws -> [UInt8]
    /// The names in a folder, sorted by byte order; throws when it is not a folder.
    func list(_ path: String) throws -> [String]
    /// What is at `path`.
    func kind(of path: String) -> FileKind
    /// Writes a file, creating missing parent folders.
    func write(_ path: String, _ bytes: [UInt8]) throws
    /// Creates a folder and its parents.
    func createDirectory(_ path: String) throws
    /// Removes a file or a folder with everything in it; nothing when absent.
    func remove(_ path: String) throws
    /// Renames `from` to `to`; when `to` exists as a folder, swaps the two atomically.
    func replace(_ to: String, with from: String) throws

    // Requirements with default implementations below; file systems override them to be faster.

    /// The entries of a folder, sorted by name.
    func entries(_ path: String) throws -> [FolderEntry]
    /// Writes text as UTF-8.
    func write(_ path: String, text: String) throws

    // Symbolic links, for keeping reads inside the site (`SiteFileSystem`); file systems without
    // links keep the defaults.

    /// What the link at `path` says, or nil when `path` is not a symbolic link.
    func linkTarget(_ path: String) -> String?
    /// The absolute path with every link resolved, or nil when it does not exist.
    func realPath(_ path: String) -> String?
    /// The bytes of a file that is not a symbolic link; throws `FileSystemError.Reason.isLink` for a link.
    func readWithoutFollowing(_ path: String) throws -> [UInt8]
}

/// One name in a folder and whether it is a folder itself.
public struct FolderEntry: Sendable, Equatable {
    public var name: String
    /// A folder, or a link to one.
    public var isDirectory: Bool
    /// A symbolic link (to a file or a folder).
    public var isLink: Bool = false
    /// The name's bytes when they are not valid UTF-8: `name` then holds U+FFFD in their place and
    /// opens nothing, so the loaders report the entry instead of reading it.
    public var undecodableName: [UInt8]? = nil
}

extension FileSystem {
    /// Writes text as UTF-8; file systems that can write a `String`'s storage directly avoid a copy.
    public func write(_ path: String, text: String) throws { try write(path, Array(text.utf8)) }

    /// The entries of a folder, sorted by name; file systems that know entry kinds from the listing
    /// answer without a `stat` per entry.
    public func entries(_ path: String) throws -> [FolderEntry] {
        try list(path).map { FolderEntry(name: $0, isDirectory: kind(of: joinPath(path, $0)) == .directory) }
    }

    public func linkTarget(_ path: String) -> String? { nil }
    public func readWithoutFollowing(_ path: String) throws -> [UInt8] { try read(path) }

    /// Without links, the path made absolute by dropping `.` segments (relative paths stay relative).
    public func realPath(_ path: String) -> String? {
        guard kind(of: path) != .missing else { return nil }
        let parts = path.split(separator: "/").filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

/// What a path names.
public enum FileKind: Sendable, Equatable {
    case missing
    case file
    case directory
}

/// A failed file operation, with the path and the system's reason.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case notFound
        case notADirectory
        /// The last part of the path is a symbolic link (from `readWithoutFollowing`).
        case isLink
        /// The path leads outside the site folder (through a link or `..`).
        case outsideSite
        case system(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .notFound: return "\(path): no such file or folder"
        case .notADirectory: return "\(path): not a folder"
        case .isLink: return "\(path): is a symbolic link"
        case .outsideSite: return "\(path): leads outside the site folder"
        case .system(let message): return "\(path): \(message)"
        }
    }
}

/// Joins path parts with `/`, skipping empty ones.
public func joinPath(_ parts: String...) -> String {
    var result = ""
    for part in parts where !part.isEmpty {
        if result.isEmpty || result.hasSuffix("/") { result += part } else { result += "/" + part }
    }
    return result
}
