#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the send log lives: the file `mail-log.yaml` on disk, or memory in tests.
public protocol SendLogStorage: Sendable {
    /// The log's bytes; nil when there is no log yet.
    func read() throws -> [UInt8]?
    /// Adds `bytes` at the end of the log (or replaces it whole when `replacing`), durably: when this
    /// returns, the bytes are on the disk (`fsync`), so a crash or a kill right after keeps them.
    func append(_ bytes: [UInt8], replacing: Bool) throws
}

/// The send log as a file, appended with `O_APPEND` and `fsync`ed after every record.
public struct SendLogFile: SendLogStorage {
    /// The file's path.
    public let path: String

    public init(path: String) { self.path = path }

    public func read() throws -> [UInt8]? {
        let fileSystem = DiskFileSystem()
        guard fileSystem.entryKind(of: path) != .missing else { return nil }
        return try fileSystem.readWithoutFollowing(path, limit: nil)
    }

    public func append(_ bytes: [UInt8], replacing: Bool) throws {
        let existed = DiskFileSystem().entryKind(of: path) != .missing
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replacing ? O_TRUNC : O_APPEND), 0o644)
        guard fd >= 0 else { throw failure() }
        defer { close(fd) }
        // One write for the whole record when the system allows: a kill cannot cut it in two.
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure() }
            written += count
        }
        guard fsync(fd) == 0 else { throw failure() }
        if !existed {
            // A new file's name must reach the disk too.
            let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
            try DiskFileSystem().synchronize(folder.isEmpty ? "/" : folder)
        }
    }

    private func failure() -> FileSystemError {
        FileSystemError(path: path, reason: .system(String(cString: strerror(errno))))
    }
}
