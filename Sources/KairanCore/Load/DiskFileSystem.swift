import CKairanSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls: fewer allocations than Foundation's file APIs.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String, limit: Int?) throws -> [UInt8] { try read(path, limit: limit, flags: O_RDONLY | O_CLOEXEC) }

    public func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8] {
        try read(path, limit: limit, flags: O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    }

    private func read(_ path: String, limit: Int?, flags: Int32) throws -> [UInt8] {
        let fd = open(path, flags)
        guard fd >= 0 else {
            // O_NOFOLLOW on a link fails with ELOOP.
            if errno == ELOOP && flags & O_NOFOLLOW != 0 { throw FileSystemError(path: path, reason: .isLink) }
            throw error(path)
        }
        defer { close(fd) }
        // Most content files are small: one read into 64 KiB. A short read of a regular file is its
        // end; a full one means the file is larger, and the rest is read at the size `fstat` gives,
        // once that size is within `limit`.
        let chunk = 64 * 1024
        let bytes = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
            initialized = max(0, Glibc.read(fd, buffer.baseAddress, chunk))
        }
        if bytes.isEmpty {
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw FileSystemError(path: path, reason: .system("is a folder")) }
            return bytes
        }
        guard bytes.count == chunk else {
            if let limit, bytes.count > limit { throw FileSystemError(path: path, reason: .tooLarge(size: bytes.count, limit: limit)) }
            return bytes
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw error(path) }
        let size = max(Int(info.st_size), chunk)
        if let limit, size > limit { throw FileSystemError(path: path, reason: .tooLarge(size: size, limit: limit)) }
        // One buffer for the whole file (and room should it have grown since `fstat`), no second copy.
        let capacity = size + chunk
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            bytes.withUnsafeBufferPointer { first in buffer.baseAddress!.initialize(from: first.baseAddress!, count: chunk) }
            var got = chunk
            while got < capacity {
                let n = Glibc.read(fd, buffer.baseAddress! + got, capacity - got)
                if n <= 0 { break }
                got += n
            }
            initialized = got
        }
    }

    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        let wanted = max(0, count)
        return [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            var got = 0
            while got < wanted, let base = buffer.baseAddress {
                let n = Glibc.read(fd, base + got, wanted - got)
                if n <= 0 { break }
                got += n
            }
            initialized = got
        }
    }

    public func list(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw error(path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The folder's entries with their kinds from `readdir`'s `d_type` (a `stat` only where the file system does not say).
    public func entries(_ path: String) throws -> [FolderEntry] {
        guard let dir = opendir(path) else { throw error(path) }
        defer { closedir(dir) }
        var entries: [FolderEntry] = []
        while let entry = readdir(dir) {
            let (name, undecodable) = withUnsafeBytes(of: entry.pointee.d_name) { raw -> (String, [UInt8]?) in
                let bytes = raw.prefix(while: { $0 != 0 })
                if let name = String(validating: bytes, as: UTF8.self) { return (name, nil) }
                return (String(decoding: bytes, as: UTF8.self), Array(bytes))
            }
            if name == "." || name == ".." { continue }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0 { type = (info.st_mode & S_IFMT) == S_IFLNK ? UInt8(DT_LNK) : (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG) }
            }
            let isLink = type == UInt8(DT_LNK)
            let isDirectory = type == UInt8(DT_DIR) || (isLink && kind(of: path + "/" + name) == .directory)
            entries.append(FolderEntry(name: name, isDirectory: isDirectory, isLink: isLink, undecodableName: undecodable))
        }
        return entries.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    public func kind(of path: String) -> FileKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public func write(_ path: String, text: String) throws {
        var text = text
        try text.withUTF8 { try write(path, $0) }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write(path, $0) }
    }

    private func write(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let (fd, size) = try openForWriting(path)
        defer { close(fd) }
        try write(fd, bytes, path: path)
        try cut(fd, at: bytes.count, from: size, path: path)
    }

    /// Opens `path` for writing from its start, created (with its folder) when missing, and gives
    /// the size it had. A file is written over in place rather than emptied first, so a file
    /// system that keeps its pages (tmpfs) reuses them; `cut` then drops what is left of the old
    /// bytes. A file with other names (hard links) is replaced by a new one, never written
    /// through, and a link at the path fails the write (`O_NOFOLLOW`) instead of redirecting it.
    private func openForWriting(_ path: String) throws -> (fd: Int32, size: Int) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
        var fd = open(path, flags, 0o644)
        if fd < 0, errno == ENOENT, let slash = path.lastIndex(of: "/") {
            try createDirectory(String(path[..<slash]))
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw error(path) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = error(path)
            close(fd)
            throw failure
        }
        guard info.st_nlink > 1 else { return (fd, Int(info.st_size)) }
        close(fd)
        guard unlink(path) == 0 || errno == ENOENT else { throw error(path) }
        fd = open(path, flags | O_EXCL, 0o644)
        guard fd >= 0 else { throw error(path) }
        return (fd, 0)
    }

    /// Drops a file's bytes after the `count` just written, when it had `size` > `count`.
    private func cut(_ fd: Int32, at count: Int, from size: Int, path: String) throws {
        if size > count, ftruncate(fd, off_t(count)) != 0 { throw error(path) }
    }

    private func write(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard n > 0 else { throw error(path) }
            offset += n
        }
    }

    /// Reads `source` a quarter mebibyte at a time into one buffer and writes each piece at once.
    public func copyFile(_ source: String, to destination: String, followingLinks: Bool) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard input >= 0 else {
            if errno == ELOOP && !followingLinks { throw FileSystemError(path: source, reason: .isLink) }
            throw error(source)
        }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw error(source) }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw FileSystemError(path: source, reason: .system("is a folder")) }
        let (output, size) = try openForWriting(destination)
        defer { close(output) }
        let piece = 256 * 1024
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: piece)
        defer { buffer.deallocate() }
        var copied = 0
        while true {
            let n = Glibc.read(input, buffer.baseAddress, piece)
            if n == 0 { return try cut(output, at: copied, from: size, path: destination) }
            guard n > 0 else { throw error(source) }
            try write(output, UnsafeBufferPointer(rebasing: buffer[..<n]), path: destination)
            copied += n
        }
    }

    public func createDirectory(_ path: String) throws {
        if path.isEmpty { return }
        // Try the folder first: most parents exist already, so this is one system call.
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw error(path) }
        try createDirectory(String(path[..<slash]))
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw error(path) }
    }

    public func remove(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR { try removeTree(path) } else if unlink(path) != 0 { throw error(path) }
    }

    /// Removes a folder's contents, then the folder. Works relative to open folder descriptors
    /// (`openat`/`unlinkat`, `O_NOFOLLOW`): no path is walked again per entry, and a folder swapped
    /// for a link while the removal runs is unlinked, never descended into.
    private func removeTree(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP || errno == ENOTDIR { if unlink(path) != 0 && errno != ENOENT { throw error(path) } ; return }
            throw error(path)
        }
        try removeContents(of: fd, path: path)
        if rmdir(path) != 0 && errno != ENOENT { throw error(path) }
    }

    /// What `eachEntry` found at a name.
    private enum FolderItem {
        /// A regular file.
        case file
        /// A folder, opened without following a link (`O_NOFOLLOW`); the callee owns the descriptor.
        case folder(Int32)
        /// Anything else, judged without following: a link, a device, a socket, a pipe, or a
        /// folder swapped for a link meanwhile.
        case other
    }

    /// Calls `body` with each entry of the folder open as `fd` (closed when done), `.` and `..`
    /// left out: its name and what it is. The one walk of the write side (removal and reuse):
    /// kinds come from `readdir` (`fstatat` without following where the file system does not
    /// say), and no path is walked again per entry. `path` names the folder in errors only.
    private func eachEntry(of fd: Int32, path: @autoclosure () -> String,
                           _ body: (_ name: UnsafePointer<CChar>, _ item: FolderItem) throws -> Void) throws {
        guard let dir = fdopendir(fd) else {
            close(fd)
            throw error(path())
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let type = entry.pointee.d_type
            try withUnsafeBytes(of: entry.pointee.d_name) { raw in
                guard let name = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
                if name[0] == 46 && (name[1] == 0 || (name[1] == 46 && name[2] == 0)) { return }  // `.` and `..`
                var mode = type == UInt8(DT_DIR) ? S_IFDIR : type == UInt8(DT_REG) ? S_IFREG : 0
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }  // gone meanwhile
                    mode = info.st_mode & S_IFMT
                }
                if mode == S_IFREG { return try body(name, .file) }
                if mode == S_IFDIR {
                    let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    if child >= 0 { return try body(name, .folder(child)) }
                    guard errno == ELOOP || errno == ENOTDIR else { throw error(path() + "/" + String(cString: name)) }
                }
                try body(name, .other)
            }
        }
    }

    /// Empties the folder open as `fd` (and closes it); `path` names it in errors only.
    private func removeContents(of fd: Int32, path: @autoclosure () -> String) throws {
        try eachEntry(of: fd, path: path()) { name, item in
            try remove(name, item, in: fd, path: path())
        }
    }

    /// Removes the entry `name` of the folder open as `fd`, with everything in it.
    private func remove(_ name: UnsafePointer<CChar>, _ item: FolderItem, in fd: Int32, path: @autoclosure () -> String) throws {
        if case .folder(let child) = item {
            try removeContents(of: child, path: path() + "/" + String(cString: name))
            if unlinkat(fd, name, AT_REMOVEDIR) != 0 && errno != ENOENT { throw error(path() + "/" + String(cString: name)) }
        } else if unlinkat(fd, name, 0) != 0 && errno != ENOENT {
            throw error(path() + "/" + String(cString: name))
        }
    }

    /// Walks relative to open folder descriptors (`eachEntry`), as the removal does: a link is
    /// removed as a link, and a folder swapped for a link meanwhile is removed, never descended into.
    public func reusableContents(of root: String) throws -> [ReusableEntry] {
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return [] }
            if errno == ELOOP || errno == ENOTDIR {
                try remove(root)
                return []
            }
            throw error(root)
        }
        var kept: [ReusableEntry] = []
        try keepReusable(in: fd, root: root, relative: "", into: &kept)
        return kept
    }

    /// `reusableContents` of the folder open as `fd` (closed when done). A file with other names
    /// is kept: writes replace such a file (`openForWriting`).
    private func keepReusable(in fd: Int32, root: String, relative: String, into kept: inout [ReusableEntry]) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        try eachEntry(of: fd, path: path) { name, item in
            let inside = String(validatingCString: name).map { relative.isEmpty ? $0 : relative + "/" + $0 }
            switch (item, inside) {
            case (.file, let inside?):
                kept.append(ReusableEntry(path: inside, isDirectory: false))
            case (.folder(let child), let inside?):
                kept.append(ReusableEntry(path: inside, isDirectory: true))
                try keepReusable(in: child, root: root, relative: inside, into: &kept)
            default:
                // Not a file or a folder, or a name that is not UTF-8: removed, never followed.
                try remove(name, item, in: fd, path: path)
            }
        }
    }

    public func replace(_ to: String, with from: String) throws {
        if entryKind(of: to) == .directory {
            // renameat2(RENAME_EXCHANGE): readers see the old or the new tree, never a mix.
            #if os(Linux)
            if renameat2(AT_FDCWD, from, AT_FDCWD, to, UInt32(KAIRAN_RENAME_EXCHANGE)) == 0 { return }
            #endif
            // Fallback where the file system cannot exchange: move aside, then in.
            let aside = from + ".old"
            guard rename(to, aside) == 0 else { throw error(to) }
            guard rename(from, to) == 0 else { throw error(from) }
            guard rename(aside, from) == 0 else { throw error(aside) }
            return
        }
        guard rename(from, to) == 0 else { throw error(from) }
    }

    // Write side: no link at the path itself is followed.

    public func entryKind(of path: String) -> FileKind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .file
        }
    }

    public func linkTarget(of path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBufferPointer { readlink(path, $0.baseAddress!, $0.count) }
        guard count >= 0, count < buffer.count else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public func createSymbolicLink(_ path: String, to target: String) throws {
        guard symlink(target, path) == 0 else { throw error(path) }
    }

    public func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public func synchronize(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw error(path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw error(path) }
    }

    public func lock(_ path: String, owner: String) throws -> LockAttempt {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw error(path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(fd)
            guard failure == EWOULDBLOCK else { errno = failure; throw error(path) }
            let holder = (try? read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return .heldBy(holder.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? "")
        }
        // The lock file is only a note of who holds the lock: rewriting it in place is fine.
        let text = Array((owner + "\n").utf8)
        guard ftruncate(fd, 0) == 0, text.withUnsafeBytes({ pwrite(fd, $0.baseAddress, $0.count, 0) }) == text.count else {
            let failure = errno
            close(fd)
            errno = failure
            throw error(path)
        }
        // Emptied on release, so a finished build leaves the same bytes whoever built it.
        return .acquired(FileLock {
            _ = ftruncate(fd, 0)
            close(fd)
        })
    }

    private func error(_ path: String) -> FileSystemError {
        let code = errno
        if code == ENOENT { return FileSystemError(path: path, reason: .notFound) }
        if code == ENOTDIR { return FileSystemError(path: path, reason: .notADirectory) }
        return FileSystemError(path: path, reason: .system(String(cString: strerror(code))))
    }
}
