/// The Markdown files of one content folder (not its subfolders), as the loaders of releases,
/// training and newsletters read them.
public enum ContentFolder {
    /// One file's path (relative to the site folder) and text.
    public struct File: Sendable {
        public var path: String
        public var text: String

        /// The file name without `.md`.
        public var name: String { String(path.split(separator: "/").last!.dropLast(3)) }
    }

    /// Every `*.md` of `folder` but hidden files and `_index.md`, by name; an unreadable file is an error.
    public static func markdownFiles(_ folder: String, siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [File] {
        guard fileSystem.kind(of: joinPath(siteDirectory, folder)) == .directory else { return [] }
        let names = ((try? fileSystem.list(joinPath(siteDirectory, folder))) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0 != "_index.md" }
        return names.compactMap { name in
            let path = joinPath(folder, name)
            do {
                return File(path: path, text: String(decoding: try fileSystem.read(joinPath(siteDirectory, path)), as: UTF8.self))
            } catch {
                log.cannotRead(path, error)
                return nil
            }
        }
    }
}
