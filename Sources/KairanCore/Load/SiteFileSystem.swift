import Synchronization

/// The site folder as the load stage sees it: every read, listing and look-up stays inside it.
///
/// A symbolic link that resolves inside the site keeps working; one that resolves outside (or a
/// path that climbs out with `..`) is hidden from listings and look-ups, cannot be read, and is
/// reported once as an error naming the link and its target. Content repositories take pull
/// requests from many people and are built next to CI secrets: `logo.png -> /etc/passwd` must
/// not publish `/etc/passwd`.
///
/// Costs nothing for ordinary files: a file is opened without following links and only a link
/// is looked at further; each folder on the way is checked once.
public struct SiteFileSystem: FileSystem {
    /// A link (or a `..` path) that leads outside the site, as reported.
    public struct Escape: Sendable, Equatable {
        /// The path relative to the site folder.
        public var path: String
        /// Where it leads (the link's text, or the resolved path).
        public var target: String

        var diagnostic: Diagnostic {
            .error(SourceLocation(file: path), "symbolic link to \(target) leads outside the site folder",
                   hint: "Kairan reads only files inside the site: copy the file into the site, or point the link at a file inside it")
        }
    }

    /// The escapes found so far, each once, in the order found.
    final class EscapeLog: Sendable {
        private let state = Mutex<(escapes: [Escape], seen: Set<String>, folders: [String: Bool])>(([], [], [:]))

        func record(_ escape: Escape) {
            state.withLock { state in
                if state.seen.insert(escape.path).inserted { state.escapes.append(escape) }
            }
        }

        var escapes: [Escape] { state.withLock { $0.escapes } }

        func folderVerdict(_ folder: String) -> Bool? { state.withLock { $0.folders[folder] } }
        func setFolderVerdict(_ folder: String, _ inside: Bool) { state.withLock { $0.folders[folder] = inside } }
    }

    public let base: FileSystem
    /// The site folder as given (paths passed in start with it).
    public let root: String
    private let realRoot: String
    /// The largest file a read may return (`limits.max_file_size` for what is read as text); nil: any.
    public private(set) var maxFileSize: Int?
    let log: EscapeLog

    public init(base: FileSystem, root: String) {
        self.base = base
        self.root = root
        self.realRoot = base.realPath(root.isEmpty ? "." : root) ?? root
        self.log = EscapeLog()
    }

    /// The same site whose reads refuse files over `maxFileSize` (checked with the size the reader
    /// already has, before a file is read whole): what the loaders of content, data and
    /// templates read through. Escapes found through either are reported once.
    public func limitingReads(to maxFileSize: Int) -> SiteFileSystem {
        var limited = self
        limited.maxFileSize = maxFileSize
        return limited
    }

    /// Every link that led outside the site, as errors.
    public var diagnostics: [Diagnostic] { log.escapes.map(\.diagnostic) }

    /// The paths (relative to the site) whose links led outside: problems reported below them are
    /// follow-ons of that one error.
    public var escapedPaths: [String] { log.escapes.map(\.path) }

    // MARK: Containment

    /// The path relative to the site folder, or nil when `path` is not below it.
    private func relative(_ path: String) -> String? {
        if root.isEmpty || root == "." { return path.hasPrefix("/") ? nil : path }
        if path == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    private func isInside(_ resolved: String) -> Bool {
        resolved == realRoot || resolved.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    /// Whether the link at `path` (relative `relativePath`) resolves inside the site; records it when not.
    private func linkStaysInside(_ path: String, relativePath: String, target: String) -> Bool {
        guard let resolved = base.realPath(path) else { return true }  // a dangling link reads as missing
        if isInside(resolved) { return true }
        log.record(Escape(path: relativePath, target: target.hasPrefix("/") ? target : "\(target) (\(resolved))"))
        return false
    }

    /// Whether every folder on the way to `path` stays inside the site (each checked once).
    private func foldersStayInside(_ path: String) -> Bool {
        // Most reads are of files in a folder already judged: one look-up of the whole folder path.
        if let slash = path.lastIndex(of: "/"), let verdict = log.folderVerdict(String(path[..<slash])) { return verdict }
        let inside = judgeFolders(of: path)
        if let slash = path.lastIndex(of: "/") { log.setFolderVerdict(String(path[..<slash]), inside) }
        return inside
    }

    /// `foldersStayInside` the long way: every folder from the site down, each judged once.
    private func judgeFolders(of path: String) -> Bool {
        guard let relativePath = relative(path) else { return false }
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        if segments.contains("..") {
            log.record(Escape(path: relativePath, target: relativePath))
            return false
        }
        var folder = ""
        for segment in segments.dropLast() {
            folder = folder.isEmpty ? String(segment) : folder + "/" + segment
            let full = joinPath(root, folder)
            if let verdict = log.folderVerdict(full) {
                if !verdict { return false }
                continue
            }
            let inside = base.linkTarget(of: full).map { linkStaysInside(full, relativePath: folder, target: $0) } ?? true
            log.setFolderVerdict(full, inside)
            if !inside { return false }
        }
        return true
    }

    /// Whether `path` itself and the folders on its way stay inside the site.
    private func staysInside(_ path: String) -> Bool {
        guard foldersStayInside(path), let relativePath = relative(path) else { return false }
        guard let target = base.linkTarget(of: path) else { return true }
        return linkStaysInside(path, relativePath: relativePath, target: target)
    }

    private func escapeError(_ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: .outsideSite)
    }

    // MARK: FileSystem

    public func read(_ path: String, limit: Int?) throws -> [UInt8] {
        let limit = [limit, maxFileSize].compactMap { $0 }.min()
        guard foldersStayInside(path) else { throw escapeError(path) }
        do {
            return try base.readWithoutFollowing(path, limit: limit)
        } catch let error as FileSystemError where error.reason == .isLink {
            guard staysInside(path) else { throw escapeError(path) }
            return try base.read(path, limit: limit)
        }
    }

    public func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8] { try read(path, limit: limit) }

    /// The content of the site file at `path` as the output copies it: checked now as `read`
    /// checks it (inside the site, through links inside it only, a readable file), copied piece
    /// by piece when the output file is written (`OutputFile.Content.copy`).
    public func copied(_ path: String) throws -> OutputFile.Content {
        guard foldersStayInside(path) else { throw escapeError(path) }
        let isLink = base.entryKind(of: path) == .symbolicLink
        if isLink { guard staysInside(path) else { throw escapeError(path) } }
        if base.kind(of: path) == .directory { throw FileSystemError(path: path, reason: .system("is a folder")) }
        _ = try base.readPrefix(path, count: 0)  // opens it: missing or unreadable fails here, located
        return .copy(source: path, followingLinks: isLink)
    }

    public func readPrefix(_ path: String, count: Int) throws -> [UInt8] {
        guard staysInside(path) else { throw escapeError(path) }
        return try base.readPrefix(path, count: count)
    }

    public func list(_ path: String) throws -> [String] { try entries(path).map(\.name) }

    public func entries(_ path: String) throws -> [FolderEntry] {
        guard staysInside(path) else { throw escapeError(path) }
        return try base.entries(path).filter { entry in
            !entry.isLink || staysInside(joinPath(path, entry.name))
        }
    }

    public func kind(of path: String) -> FileKind {
        staysInside(path) ? base.kind(of: path) : .missing
    }

    public func entryKind(of path: String) -> FileKind { staysInside(path) ? base.entryKind(of: path) : .missing }
    public func linkTarget(of path: String) -> String? { base.linkTarget(of: path) }
    public func realPath(_ path: String) -> String? { base.realPath(path) }
    public func createSymbolicLink(_ path: String, to target: String) throws { throw readOnly(path) }
    public func synchronize(_ path: String) throws { throw readOnly(path) }
    public func lock(_ path: String, owner: String) throws -> LockAttempt { throw readOnly(path) }

    // The site is read-only to the build: output goes through the output writer, never here.
    private func readOnly(_ path: String) -> FileSystemError {
        FileSystemError(path: path, reason: .system("the site folder is read-only to the build"))
    }
    public func write(_ path: String, _ bytes: [UInt8]) throws { throw readOnly(path) }
    public func copyFile(_ source: String, to destination: String, followingLinks: Bool) throws { throw readOnly(destination) }
    public func createDirectory(_ path: String) throws { throw readOnly(path) }
    public func remove(_ path: String) throws { throw readOnly(path) }
    public func replace(_ to: String, with from: String) throws { throw readOnly(to) }
}
