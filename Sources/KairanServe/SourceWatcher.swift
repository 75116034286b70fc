#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices edits of a site's sources: `stat` stamps of every file under `content/`, `templates/`,
/// `static/` and of `site.yaml`, compared with the last ones. On Linux the kernel names the files
/// touched (`FileEvents`), so only those are looked at (a site of 5,000 articles is not scanned
/// every few milliseconds); elsewhere, or when the kernel's notices overflow, every file is.
struct SourceWatcher {
    /// What `stat` says of a file; any difference is an edit.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt64

        init(_ info: stat) {
            seconds = Int(info.st_mtim.tv_sec)
            nanoseconds = Int(info.st_mtim.tv_nsec)
            size = Int(info.st_size)
            inode = UInt64(info.st_ino)
        }
    }

    static let watched = ["content", "templates", "static", "site.yaml"]

    let siteDirectory: String
    private(set) var stamps: [String: Stamp] = [:]

    #if canImport(Glibc)
    private let events: FileEvents?
    #endif

    /// Whether edits are told by the kernel (then looking often costs nothing).
    var isNotified: Bool {
        #if canImport(Glibc)
        return events != nil
        #else
        return false
        #endif
    }

    init(siteDirectory: String, useFileEvents: Bool = true) {
        self.siteDirectory = siteDirectory.isEmpty ? "." : siteDirectory
        #if canImport(Glibc)
        // Watching starts before the first scan, so nothing written in between is missed.
        events = useFileEvents ? FileEvents(siteDirectory: self.siteDirectory) : nil
        #endif
        stamps = scanAll()
    }

    /// The files (relative to the site folder) created, changed or deleted since the last call.
    mutating func changes() -> Set<String> {
        #if canImport(Glibc)
        if let events {
            let batch = events.read()
            if !batch.rescan { return changes(among: batch.paths) }
        }
        #endif
        let now = scanAll()
        var changed = Set<String>()
        for (path, stamp) in now where stamps[path] != stamp { changed.insert(path) }
        for path in stamps.keys where now[path] == nil { changed.insert(path) }
        stamps = now
        return changed
    }

    /// The files among `paths` whose stamp changed (a folder among them: everything is looked at).
    private mutating func changes(among paths: Set<String>) -> Set<String> {
        var changed = Set<String>()
        for path in paths {
            var info = stat()
            if lstat(siteDirectory + "/" + path, &info) != 0 {
                if stamps.removeValue(forKey: path) != nil { changed.insert(path) }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let now = scanAll()
                var all = Set<String>()
                for (path, stamp) in now where stamps[path] != stamp { all.insert(path) }
                for path in stamps.keys where now[path] == nil { all.insert(path) }
                stamps = now
                return all.union(changed)
            }
            let stamp = Stamp(info)
            if stamps[path] != stamp { changed.insert(path) }
            stamps[path] = stamp
        }
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
            found[relative] = Stamp(info)
        }
    }
}
