#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits of a site's sources by polling: `stat` of every file under `content/`,
/// `templates/`, `static/` and of `site.yaml` (portable, no file-event API needed).
struct SourceWatcher {
    /// What `stat` says of a file; any difference is an edit.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt64
    }

    static let watched = ["content", "templates", "static", "site.yaml"]

    let siteDirectory: String
    private(set) var stamps: [String: Stamp] = [:]

    init(siteDirectory: String) {
        self.siteDirectory = siteDirectory.isEmpty ? "." : siteDirectory
        stamps = scanAll()
    }

    /// The files (relative to the site folder) created, changed or deleted since the last call.
    mutating func changes() -> Set<String> {
        let now = scanAll()
        var changed = Set<String>()
        for (path, stamp) in now where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where now[path] == nil { changed.insert(path) }
        stamps = now
        return changed
    }

    private func scanAll() -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        for name in SourceWatcher.watched { scan(name, into: &found) }
        return found
    }

    private func scan(_ relative: String, into found: inout [String: Stamp]) {
        let path = siteDirectory + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let folder = opendir(path) else { return }
            defer { closedir(folder) }
            while let entry = readdir(folder) {
                let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                scan(relative + "/" + name, into: &found)
            }
        } else {
            found[relative] = Stamp(seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec),
                                    size: Int(info.st_size), inode: UInt64(info.st_ino))
        }
    }
}
