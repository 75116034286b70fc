import Synchronization

/// The staging slot as the build before last left it, rewritten in place instead of emptied and
/// made again: creating a file and its folder, and later removing both, cost more than the page's
/// bytes (on tmpfs, 10,000 new files and their removal take three times the processor time of
/// writing over them).
///
/// What could redirect a write — links, special files — is removed before anything is written
/// (`init`, which the build runs while it loads the sources); a file with other names is replaced
/// when written, never written through (`FileSystem.write`); and what the new build does not
/// write is removed before it is published (`removeUnwritten`), so the published slot holds
/// exactly the build's files, as an emptied slot would.
final class ReusedSlot: Sendable {
    /// The slot's folder.
    let root: String
    /// What was found (relative to `root`), each folder before what it holds.
    private let paths: [String]
    /// Each found entry's folder among them (-1 at the top).
    private let parents: [Int32]
    /// Found path → its place in `paths`.
    private let places: [String: Int32]
    /// Found entries the build reached: written, or a folder written into.
    private let reached: Mutex<[Bool]>
    /// Held while something in the way of a write is removed (`clearWay`).
    private let clearing = Mutex(())

    /// Removes from the slot what could redirect a write and notes what is left; creates the slot
    /// when it is missing.
    init(root: String, fileSystem: FileSystem) throws {
        self.root = root
        let found = try fileSystem.reusableContents(of: root)
        try fileSystem.createDirectory(root)
        var places: [String: Int32] = [:]
        places.reserveCapacity(found.count)
        var parents: [Int32] = []
        parents.reserveCapacity(found.count)
        for (place, entry) in found.enumerated() {
            places[entry.path] = Int32(place)
            // Folders come before what they hold: the parent is placed already.
            parents.append(entry.path.lastIndex(of: "/").flatMap { places[String(entry.path[..<$0])] } ?? -1)
        }
        paths = found.map(\.path)
        self.parents = parents
        self.places = places
        reached = Mutex([Bool](repeating: false, count: found.count))
    }

    /// Notes that the build writes `path` (relative to `root`): it and the folders it is in stay.
    func record(_ path: String) {
        guard !paths.isEmpty else { return }
        // The path itself, or the nearest folder of it that was found (a page in a new folder).
        var place = places[path]
        var folder = Substring(path)
        while place == nil, let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            place = places[String(folder)]
        }
        guard var place else { return }
        reached.withLock { reached in
            while place >= 0 && !reached[Int(place)] {
                reached[Int(place)] = true
                place = parents[Int(place)]
            }
        }
    }

    /// Removes what stands where `path` (relative to `root`) is to be written: a file or a link in
    /// place of one of its folders, or anything in place of the file itself. One task at a time:
    /// a file found in place of a folder is still that file when removed (only this removes
    /// such files, and no folder can be made where a file is), so a folder another task has just
    /// made there, and is writing into, is never taken for it.
    func clearWay(to path: String, fileSystem: FileSystem) {
        clearing.withLock { _ in
            var folder = root
            for part in path.split(separator: "/").dropLast() {
                folder += "/" + part
                switch fileSystem.entryKind(of: folder) {
                case .directory: continue
                case .missing: return
                case .file, .symbolicLink:
                    try? fileSystem.remove(folder)
                    return
                }
            }
            let file = root + "/" + path
            if fileSystem.entryKind(of: file) != .missing { try? fileSystem.remove(file) }
        }
    }

    /// Removes every file and folder found that the build neither wrote nor writes into.
    func removeUnwritten(fileSystem: FileSystem) throws {
        let reached = self.reached.withLock { $0 }
        var removed = [Bool](repeating: false, count: paths.count)
        for place in paths.indices where !reached[place] {
            removed[place] = true
            // Inside a folder already removed: gone with it.
            let parent = Int(parents[place])
            if parent >= 0 && removed[parent] { continue }
            try fileSystem.remove(root + "/" + paths[place])
        }
    }
}
