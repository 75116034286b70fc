/// A file system whose reads refuse files over `limits.max_file_size`: the loaders of content and
/// data files read through it, so every article, release, training page and data file is checked
/// before it is read whole (the disk reader checks the size it gets from `fstat`).
/// Files that are only copied (static/, images, theme assets) are read without it.
public struct LimitedFileSystem: FileSystem {
    public let base: FileSystem
    public let maxFileSize: Int

    public init(_ base: FileSystem, maxFileSize: Int) {
        self.base = base
        self.maxFileSize = maxFileSize
    }

    public func read(_ path: String, limit: Int?) throws -> [UInt8] {
        try base.read(path, limit: min(limit ?? maxFileSize, maxFileSize))
    }

    public func list(_ path: String) throws -> [String] { try base.list(path) }
    public func entries(_ path: String) throws -> [FolderEntry] { try base.entries(path) }
    public func kind(of path: String) -> FileKind { base.kind(of: path) }
    public func write(_ path: String, _ bytes: [UInt8]) throws { try base.write(path, bytes) }
    public func write(_ path: String, text: String) throws { try base.write(path, text: text) }
    public func createDirectory(_ path: String) throws { try base.createDirectory(path) }
    public func remove(_ path: String) throws { try base.remove(path) }
    public func replace(_ to: String, with from: String) throws { try base.replace(to, with: from) }
}
