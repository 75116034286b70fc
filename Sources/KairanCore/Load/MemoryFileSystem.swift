import Synchronization

/// An in-memory file system for tests: the same behaviour as the disk, no disk.
public final class MemoryFileSystem: FileSystem {
    private let files: Mutex<[String: [UInt8]]>

    /// Creates a file system holding `files` (path → text).
    public init(_ files: [String: String] = [:]) {
        self.files = Mutex(files.mapValues { Array($0.utf8) })
    }

    /// Every file's path, sorted.
    public var paths: [String] { files.withLock { $0.keys.sorted() } }

    /// A file's text, or nil.
    public func text(_ path: String) -> String? {
        files.withLock { $0[normalize(path)].map { String(decoding: $0, as: UTF8.self) } }
    }

    public func read(_ path: String, limit: Int?) throws -> [UInt8] {
        guard let bytes = files.withLock({ $0[normalize(path)] }) else {
            throw FileSystemError(path: path, reason: .notFound)
        }
        if let limit, bytes.count > limit { throw FileSystemError(path: path, reason: .tooLarge(size: bytes.count, limit: limit)) }
        return bytes
    }

    public func list(_ path: String) throws -> [String] {
        let prefix = normalize(path) + "/"
        let names = files.withLock { files in
            Set(files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) })
        }
        if names.isEmpty { throw FileSystemError(path: path, reason: .notFound) }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func kind(of path: String) -> FileKind {
        let key = normalize(path)
        return files.withLock { files in
            if files[key] != nil { return .file }
            return files.keys.contains { $0.hasPrefix(key + "/") } ? .directory : .missing
        }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        files.withLock { $0[normalize(path)] = bytes }
    }

    public func createDirectory(_ path: String) throws {}

    public func remove(_ path: String) throws {
        let key = normalize(path)
        files.withLock { files in
            for name in files.keys where name == key || name.hasPrefix(key + "/") { files[name] = nil }
        }
    }

    public func replace(_ to: String, with from: String) throws {
        let (target, source) = (normalize(to), normalize(from))
        files.withLock { files in
            let moving = files.filter { $0.key == source || $0.key.hasPrefix(source + "/") }
            let old = files.filter { $0.key == target || $0.key.hasPrefix(target + "/") }
            for key in moving.keys { files[key] = nil }
            for key in old.keys { files[key] = nil }
            for (key, value) in moving { files[target + key.dropFirst(source.count)] = value }
            for (key, value) in old { files[source + key.dropFirst(target.count)] = value }
        }
    }

    private func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." { parts.append(part) }
        return parts.joined(separator: "/")
    }
}
