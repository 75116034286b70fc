#if canImport(Glibc)
import Glibc

/// The kernel's notices of edits under the watched folders (Linux inotify): which files were
/// written, created, deleted or moved, without looking at every file. `SourceWatcher` uses it
/// where it exists and checks its stamps only for the paths named (or everything, when the kernel
/// dropped notices or a folder appeared).
///
/// Folders are watched one by one (inotify is not recursive); links are not followed, as in the
/// watcher's own scan.
final class FileEvents {
    private let descriptor: Int32
    private let siteDirectory: String
    /// Watch descriptor → the folder it watches, relative to the site folder ("" for the site folder).
    private var folders: [Int32: String] = [:]

    /// What one read found: the paths named, and whether everything must be looked at again.
    struct Batch {
        var paths: Set<String> = []
        var rescan = false
    }

    private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                              | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_ONLYDIR)

    /// Nil where inotify cannot be used (then the watcher polls).
    init?(siteDirectory: String) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.siteDirectory = siteDirectory
        guard add("") else {
            close(descriptor)
            return nil
        }
        for name in SourceWatcher.watched where name != "site.yaml" { addTree(name) }
    }

    deinit { close(descriptor) }

    /// Watches `relative` (a folder) alone; false when it cannot be watched.
    @discardableResult
    private func add(_ relative: String) -> Bool {
        let path = relative.isEmpty ? siteDirectory : siteDirectory + "/" + relative
        let watch = inotify_add_watch(descriptor, path, FileEvents.mask)
        guard watch >= 0 else { return false }
        folders[watch] = relative
        return true
    }

    /// Watches `relative` and every folder below it (not through links).
    private func addTree(_ relative: String) {
        var info = stat()
        guard lstat(siteDirectory + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, add(relative) else { return }
        guard let folder = opendir(siteDirectory + "/" + relative) else { return }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            if entry.pointee.d_type == UInt8(DT_DIR) || entry.pointee.d_type == UInt8(DT_UNKNOWN) { addTree(relative + "/" + name) }
        }
    }

    /// The notices that arrived since the last call (never blocks).
    func read() -> Batch {
        var batch = Batch()
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, size) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { batch.rescan = true; continue }
                guard let folder = folders[watch] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[watch] = nil; continue }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { batch.rescan = true; continue }
                let relative = folder.isEmpty ? name : (name.isEmpty ? folder : folder + "/" + name)
                // Only what the watcher watches: content/, templates/, static/ and site.yaml.
                guard let top = relative.split(separator: "/").first, SourceWatcher.watched.contains(String(top)) else { continue }
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A folder created, moved in or away: its files are found by looking again.
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(relative) }
                    batch.rescan = true
                    continue
                }
                batch.paths.insert(relative)
            }
        }
        return batch
    }
}
#endif
