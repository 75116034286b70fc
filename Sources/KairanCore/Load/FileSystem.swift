/// The file access Kairan needs, behind one small protocol so tests can run in memory.
///
/// Paths are absolute or relative to the process's working folder, `/`-separated.
public protocol FileSystem: Sendable {
    /// The bytes of a file; throws `FileSystemError.notFound` when it does not exist, and
    /// `.tooLarge` when it holds more than `limit` bytes (checked before it is read whole).
    func read(_ path: String, limit: Int?) throws -> [UInt8]
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
}

/// One name in a folder and whether it is a folder itself.
public struct FolderEntry: Sendable, Equatable {
    public var name: String
    public var isDirectory: Bool
}

extension FileSystem {
    /// The bytes of a file, whatever its size.
    public func read(_ path: String) throws -> [UInt8] { try read(path, limit: nil) }

    /// Writes text as UTF-8; file systems that can write a `String`'s storage directly avoid a copy.
    public func write(_ path: String, text: String) throws { try write(path, Array(text.utf8)) }

    /// The entries of a folder, sorted by name; file systems that know entry kinds from the listing
    /// answer without a `stat` per entry.
    public func entries(_ path: String) throws -> [FolderEntry] {
        try list(path).map { FolderEntry(name: $0, isDirectory: kind(of: joinPath(path, $0)) == .directory) }
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
        case system(String)
        /// The file holds `size` bytes, more than the `limit` the reader gave.
        case tooLarge(size: Int, limit: Int)

        /// Whether the file was refused for its size.
        public var isTooLarge: Bool {
            if case .tooLarge = self { return true }
            return false
        }
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
        case .system(let message): return "\(path): \(message)"
        case .tooLarge(let size, let limit):
            let texts = ByteSize.texts(size, over: limit)
            return "\(path): \(texts.size) is larger than the limit of \(texts.limit)"
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
