import Synchronization

/// An in-memory file system for tests: the same behaviour as the disk, no disk.
///
/// Folders exist while they hold something. Symbolic links resolve like the disk's: every link
/// on the way is followed, the last one only by the calls that follow links (`read`, `kind`, …).
public final class MemoryFileSystem: FileSystem {
    private struct State {
        var files: [String: [UInt8]] = [:]
        /// Link path → target as written (relative to the link's folder, or absolute).
        var links: [String: String] = [:]
        var locks: Set<String> = []

        /// The real path of `path`: links on the way resolved, `.`/`..` applied.
        func resolve(_ path: String, followLast: Bool) -> String {
            var pending = path.split(separator: "/").map(String.init)
            var resolved: [String] = []
            var hops = 0
            while !pending.isEmpty {
                let part = pending.removeFirst()
                if part == "." { continue }
                if part == ".." {
                    if !resolved.isEmpty { resolved.removeLast() }
                    continue
                }
                resolved.append(part)
                if let target = links[resolved.joined(separator: "/")], followLast || !pending.isEmpty, hops < 40 {
                    hops += 1
                    resolved.removeLast()
                    if target.hasPrefix("/") { resolved = [] }
                    pending = target.split(separator: "/").map(String.init) + pending
                }
            }
            return resolved.joined(separator: "/")
        }

        /// What the real path `key` is (links at `key` itself not followed).
        func kind(_ key: String) -> FileKind {
            if key.isEmpty { return .directory }
            if files[key] != nil { return .file }
            if links[key] != nil { return .symbolicLink }
            let prefix = key + "/"
            return files.keys.contains { $0.hasPrefix(prefix) } || links.keys.contains { $0.hasPrefix(prefix) } ? .directory : .missing
        }
    }

    private let state: Mutex<State>

    /// Creates a file system holding `files` (path → text).
    public init(_ files: [String: String] = [:]) {
        state = Mutex(State(files: files.mapValues { Array($0.utf8) }))
    }

    /// Every file's path, sorted; a file inside a folder a link points to is listed under the
    /// link's path too (as a reader reaches it).
    public var paths: [String] {
        state.withLock { state in
            var paths = Set(state.files.keys)
            for link in state.links.keys {
                let target = state.resolve(link, followLast: true)
                guard target != link, state.kind(target) == .directory else { continue }
                let prefix = target.isEmpty ? "" : target + "/"
                for key in state.files.keys where key.hasPrefix(prefix) { paths.insert(link + "/" + key.dropFirst(prefix.count)) }
            }
            return paths.sorted()
        }
    }

    /// A file's text, or nil.
    public func text(_ path: String) -> String? {
        state.withLock { state in state.files[state.resolve(path, followLast: true)].map { String(decoding: $0, as: UTF8.self) } }
    }

    public func read(_ path: String, limit: Int?) throws -> [UInt8] {
        guard let bytes = state.withLock({ state in state.files[state.resolve(path, followLast: true)] }) else {
            throw FileSystemError(path: path, reason: .notFound)
        }
        if let limit, bytes.count > limit { throw FileSystemError(path: path, reason: .tooLarge(size: bytes.count, limit: limit)) }
        return bytes
    }

    public func list(_ path: String) throws -> [String] {
        let names = state.withLock { state in
            let key = state.resolve(path, followLast: true)
            let prefix = key.isEmpty ? "" : key + "/"
            let children = (Array(state.files.keys) + Array(state.links.keys)).filter { $0.hasPrefix(prefix) }
            return Set(children.map { String($0.dropFirst(prefix.count).prefix { $0 != "/" }) })
        }
        if names.isEmpty { throw FileSystemError(path: path, reason: .notFound) }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    public func kind(of path: String) -> FileKind {
        state.withLock { state in
            let kind = state.kind(state.resolve(path, followLast: true))
            return kind == .symbolicLink ? .missing : kind  // a link left unresolved dangles
        }
    }

    public func write(_ path: String, _ bytes: [UInt8]) throws {
        try state.withLock { state in
            let key = state.resolve(path, followLast: false)
            if state.links[key] != nil { throw FileSystemError(path: path, reason: .system("is a symbolic link")) }
            state.files[key] = bytes
        }
    }

    public func createDirectory(_ path: String) throws {}

    public func remove(_ path: String) throws {
        state.withLock { state in
            let key = state.resolve(path, followLast: false)
            for name in state.files.keys where name == key || name.hasPrefix(key + "/") { state.files[name] = nil }
            for name in state.links.keys where name == key || name.hasPrefix(key + "/") { state.links[name] = nil }
        }
    }

    public func replace(_ to: String, with from: String) throws {
        try state.withLock { state in
            let (target, source) = (state.resolve(to, followLast: false), state.resolve(from, followLast: false))
            guard state.kind(source) != .missing else { throw FileSystemError(path: from, reason: .notFound) }
            let exchange = state.kind(target) == .directory
            func take(_ root: String) -> (files: [String: [UInt8]], links: [String: String]) {
                let inside = { (key: String) in key == root || key.hasPrefix(root + "/") }
                let taken = (state.files.filter { inside($0.key) }, state.links.filter { inside($0.key) })
                for key in taken.0.keys { state.files[key] = nil }
                for key in taken.1.keys { state.links[key] = nil }
                return taken
            }
            func put(_ taken: (files: [String: [UInt8]], links: [String: String]), from old: String, to new: String) {
                for (key, value) in taken.files { state.files[new + key.dropFirst(old.count)] = value }
                for (key, value) in taken.links { state.links[new + key.dropFirst(old.count)] = value }
            }
            let moving = take(source)
            let old = take(target)
            put(moving, from: source, to: target)
            if exchange { put(old, from: target, to: source) }
        }
    }

    // Write side.

    public func entryKind(of path: String) -> FileKind {
        state.withLock { state in state.kind(state.resolve(path, followLast: false)) }
    }

    public func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8] {
        if linkTarget(of: path) != nil { throw FileSystemError(path: path, reason: .isLink) }
        return try read(path, limit: limit)
    }

    public func linkTarget(of path: String) -> String? {
        state.withLock { state in state.links[state.resolve(path, followLast: false)] }
    }

    public func createSymbolicLink(_ path: String, to target: String) throws {
        try state.withLock { state in
            let key = state.resolve(path, followLast: false)
            guard state.kind(key) == .missing else { throw FileSystemError(path: path, reason: .system("file exists")) }
            state.links[key] = target
        }
    }

    public func realPath(_ path: String) -> String? {
        state.withLock { state in
            let key = state.resolve(path, followLast: true)
            let kind = state.kind(key)
            return kind == .missing || kind == .symbolicLink ? nil : "/" + key
        }
    }

    public func synchronize(_ path: String) throws {}

    public func lock(_ path: String, owner: String) throws -> LockAttempt {
        try state.withLock { state in
            let key = state.resolve(path, followLast: false)
            if state.links[key] != nil { throw FileSystemError(path: path, reason: .system("is a symbolic link")) }
            guard state.locks.insert(key).inserted else {
                return .heldBy(state.files[key].map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
            state.files[key] = Array(owner.utf8)
            return .acquired(FileLock { [weak self] in
                self?.state.withLock { state in
                    state.locks.remove(key)
                    state.files[key] = []
                }
            })
        }
    }
}
