import Synchronization

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
    /// Writes a file, creating missing parent folders. A file that has other names (hard links)
    /// is replaced, not written through; a link at `path` fails the write.
    func write(_ path: String, _ bytes: [UInt8]) throws
    /// Creates a folder and its parents.
    func createDirectory(_ path: String) throws
    /// Removes a file or a folder with everything in it; nothing when absent.
    func remove(_ path: String) throws
    /// Renames `from` to `to` (one `rename`, atomic for a file or a link at `to`); when `to` itself
    /// is a folder (not a link to one), swaps the two atomically. Never follows a link at `to`.
    func replace(_ to: String, with from: String) throws

    // Requirements with default implementations below; file systems override them to be faster.

    /// The entries of a folder, sorted by name.
    func entries(_ path: String) throws -> [FolderEntry]
    /// Writes text as UTF-8.
    func write(_ path: String, text: String) throws

    /// The bytes of a file that is not a symbolic link; throws `FileSystemError.Reason.isLink` for a
    /// link (`SiteFileSystem` looks at a link before reading through it).
    func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8]
    /// The first `count` bytes of a file (all of it when it is shorter): what a header is read from.
    func readPrefix(_ path: String, count: Int) throws -> [UInt8]
    /// Copies the file at `source` to `destination` as `write` writes it, piece by piece where the
    /// file system can (a copied file's size costs no memory). Without `followingLinks`, a link
    /// at `source` fails with `FileSystemError.Reason.isLink`.
    func copyFile(_ source: String, to destination: String, followingLinks: Bool) throws

    // The write side's questions about what is at a path never follow a symbolic link at it (lstat),
    // so the output swap can neither read through nor delete through a link someone placed.

    /// What `path` itself is: `.symbolicLink` for a link, whatever it points to (`kind(of:)` follows).
    func entryKind(of path: String) -> FileKind
    /// The target a symbolic link names, as written in it; nil when `path` is not a link.
    func linkTarget(of path: String) -> String?
    /// Creates a symbolic link at `path` naming `target`; fails when `path` exists.
    func createSymbolicLink(_ path: String, to target: String) throws
    /// The absolute path with every link resolved (`realpath`); nil when nothing is there.
    func realPath(_ path: String) -> String?
    /// Flushes a folder's entries to the disk (`fsync`), so renames in it survive a crash.
    func synchronize(_ path: String) throws
    /// Takes the exclusive lock of the lock file at `path` (creating it) without waiting, and writes
    /// `owner` into it until released; `.heldBy` with the holder's text when another process holds it.
    func lock(_ path: String, owner: String) throws -> LockAttempt
    /// Readies the folder tree at `root` to be written again in place: removes from it every
    /// symbolic link, every entry that is neither a regular file nor a folder and every entry
    /// whose name is not UTF-8 — none of them followed — and returns what is left, paths relative
    /// to `root`, each folder before what it holds. Empty when nothing is at `root`; a `root` that
    /// is not a folder is removed. (`write` never writes through a file's other names.)
    func reusableContents(of root: String) throws -> [ReusableEntry]
}

/// A regular file or a folder that `FileSystem.reusableContents(of:)` kept.
public struct ReusableEntry: Sendable, Equatable {
    /// Relative to the folder walked, `/`-separated (`public/kb/index.html`).
    public var path: String
    public var isDirectory: Bool

    public init(path: String, isDirectory: Bool) {
        self.path = path
        self.isDirectory = isDirectory
    }
}

/// The answer to `FileSystem.lock`.
public enum LockAttempt: Sendable {
    case acquired(FileLock)
    /// Another process holds the lock; what it wrote into the lock file (its pid), maybe empty.
    case heldBy(String)
}

/// A held lock, released by `release()` (or when the process ends); releasing twice is harmless.
public final class FileLock: Sendable {
    private let releaser: Mutex<(@Sendable () -> Void)?>

    public init(release: @escaping @Sendable () -> Void) { releaser = Mutex(release) }

    public func release() {
        let release = releaser.withLock { releaser in
            defer { releaser = nil }
            return releaser
        }
        release?()
    }

    deinit { release() }
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
    /// The bytes of a file, whatever its size.
    public func read(_ path: String) throws -> [UInt8] { try read(path, limit: nil) }

    /// Writes text as UTF-8; file systems that can write a `String`'s storage directly avoid a copy.
    public func write(_ path: String, text: String) throws { try write(path, Array(text.utf8)) }

    /// The entries of a folder, sorted by name; file systems that know entry kinds from the listing
    /// answer without a `stat` per entry.
    public func entries(_ path: String) throws -> [FolderEntry] {
        try list(path).map { FolderEntry(name: $0, isDirectory: kind(of: joinPath(path, $0)) == .directory) }
    }

    public func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8] { try read(path, limit: limit) }

    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] { Array(try read(path, limit: nil).prefix(count)) }

    public func copyFile(_ source: String, to destination: String, followingLinks: Bool) throws {
        try write(destination, followingLinks ? read(source, limit: nil) : readWithoutFollowing(source, limit: nil))
    }

    /// Walks with `entries` and `entryKind` (which never follows a link).
    public func reusableContents(of root: String) throws -> [ReusableEntry] {
        switch entryKind(of: root) {
        case .missing: return []
        case .directory: break
        case .file, .symbolicLink:
            try remove(root)
            return []
        }
        var kept: [ReusableEntry] = []
        func walk(_ folder: String, _ relative: String) throws {
            for entry in try entries(folder) {
                let path = joinPath(folder, entry.name), inside = relative.isEmpty ? entry.name : relative + "/" + entry.name
                let kind = entryKind(of: path)
                if entry.isLink || kind == .symbolicLink {
                    try remove(path)
                } else if kind == .directory {
                    kept.append(ReusableEntry(path: inside, isDirectory: true))
                    try walk(path, inside)
                } else {
                    kept.append(ReusableEntry(path: inside, isDirectory: false))
                }
            }
        }
        try walk(root, "")
        return kept
    }
}

/// What a path names.
public enum FileKind: Sendable, Equatable {
    case missing
    case file
    case directory
    /// A symbolic link, answered only by `entryKind(of:)`.
    case symbolicLink
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
        case .isLink: return "\(path): is a symbolic link"
        case .outsideSite: return "\(path): leads outside the site folder"
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
