import Synchronization

/// The staging slot as the build before last left it, rewritten in place instead of emptied and
/// made again: creating a file and its folder, and later removing both, cost more than the page's
/// bytes (on tmpfs, 10,000 new files and their removal take three times the processor time of
/// writing over them).
///
/// What could redirect a write — links, special files — is removed before anything is written
/// (`ready`, which the build runs while it loads the sources; a write before it is refused); a
/// file with other names is replaced when written, never written through (`FileSystem.write`);
/// and what the new build does not write is removed before it is published (`removeUnwritten`),
/// so the published slot holds exactly the build's files, as an emptied slot would.
final class ReusedSlot: Sendable {
    /// The slot's folder.
    let root: String

    private struct State {
        var ready = false
        /// What was found, each folder before what it holds (paths relative to `root`).
        var found: [ReusableEntry] = []
        /// What this build wrote (relative to `root`); kept only when something was found.
        var written = Set<String>()
    }

    private let state = Mutex(State())

    init(root: String) { self.root = root }

    /// Removes from the slot what could redirect a write and notes what is left; creates the slot
    /// when it is missing. Writes are refused until this has run.
    func ready(fileSystem: FileSystem) throws {
        let found = try fileSystem.reusableContents(of: root)
        try fileSystem.createDirectory(root)
        state.withLock { state in
            state.found = found
            state.ready = true
        }
    }

    /// Notes that the build writes `path` (relative to `root`); false before `ready`.
    func record(_ path: String) -> Bool {
        state.withLock { state in
            if !state.found.isEmpty { state.written.insert(path) }
            return state.ready
        }
    }

    /// Removes what stands where `path` (relative to `root`) is to be written: a file or a link in
    /// place of one of its folders, or anything in place of the file itself. False when nothing
    /// was in the way (the write failed for another reason).
    func clearWay(to path: String, fileSystem: FileSystem) -> Bool {
        var folder = root
        for part in path.split(separator: "/").dropLast() {
            folder += "/" + part
            switch fileSystem.entryKind(of: folder) {
            case .directory: continue
            case .missing: return false
            case .file, .symbolicLink:
                // A folder is never removed here: another task may be writing into it.
                return (try? fileSystem.remove(folder)) != nil
            }
        }
        let file = root + "/" + path
        guard fileSystem.entryKind(of: file) != .missing else { return false }
        return (try? fileSystem.remove(file)) != nil
    }

    /// Removes every file and folder found that the build neither wrote nor writes into.
    func removeUnwritten(fileSystem: FileSystem) throws {
        let (found, written) = state.withLock { ($0.found, $0.written) }
        guard !found.isEmpty else { return }
        // The folders the written files are in, and theirs.
        var folders = Set<String>()
        for path in written {
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                if !folders.insert(String(folder)).inserted { break }
            }
        }
        var removed = Set<String>()
        for entry in found where !written.contains(entry.path) && !folders.contains(entry.path) {
            // Inside a folder already removed: gone with it.
            if let slash = entry.path.lastIndex(of: "/"), removed.contains(String(entry.path[..<slash])) {
                if entry.isDirectory { removed.insert(entry.path) }
                continue
            }
            try fileSystem.remove(root + "/" + entry.path)
            if entry.isDirectory { removed.insert(entry.path) }
        }
    }
}
