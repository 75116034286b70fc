#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a build into the staging slot of the output folder and publishes it with one rename
/// (see `OutputLayout`), so that after a failure or a kill at any instant the output — every
/// audience folder and the marker — is the previous build or the new one.
///
/// One build at a time: `open` takes the output folder's lock and holds it until `commit` or
/// `discard`. Nothing outside the output folder is touched, and no link found in it is followed.
public struct OutputWriter: Sendable {
    public let fileSystem: FileSystem
    /// The output folder as the user named it (for messages).
    public let outputDirectory: String
    let layout: OutputLayout
    /// The slot this build is written into: the one `current` does not name.
    let stagingSlot: String
    /// `<staging slot>/`, the prefix of every written path.
    public let staging: String
    /// What the staging slot held when it was readied (`readied()`); before, writes are refused.
    private var reused: ReusedSlot?
    private let lock: FileLock

    /// Checks the output folder (`OutputFolderRule`), takes its lock, and opens the staging slot.
    /// A folder in use by another build is refused, not waited for.
    public static func open(fileSystem: FileSystem, outputDirectory: String, siteDirectory: String,
                            home: String? = OutputWriter.homeFolder) throws(OutputRefusal) -> OutputWriter {
        let root = try OutputFolderRule.check(outputDirectory, site: siteDirectory, home: home, fileSystem: fileSystem)
        let layout = OutputLayout(root: root)
        let lock: FileLock
        do {
            // `.kairan` is Kairan's name: whatever else is there (a file, a link) is replaced, not followed.
            if fileSystem.entryKind(of: layout.kairan) != .directory { try fileSystem.remove(layout.kairan) }
            try fileSystem.createDirectory(layout.kairan)
            switch try fileSystem.lock(layout.lock, owner: "\(getpid())") {
            case .acquired(let held): lock = held
            case .heldBy(let owner):
                throw OutputRefusal("another kairan build (pid \(owner.isEmpty ? "unknown" : owner)) is writing to \(outputDirectory)",
                                    hint: "wait for it to finish, or build into another --output")
            }
        } catch let refusal as OutputRefusal {
            throw refusal
        } catch {
            throw OutputRefusal("cannot open the output folder \(outputDirectory): \(error)", hint: "check that it is writable")
        }
        do {
            return try OutputWriter(fileSystem: fileSystem, outputDirectory: outputDirectory, layout: layout, lock: lock)
        } catch {
            lock.release()
            throw OutputRefusal("cannot open the output folder \(outputDirectory): \(error)", hint: "check that it is writable")
        }
    }

    /// Under the lock: marks the folder, cleans what an interrupted build left, readies the staging slot.
    private init(fileSystem: FileSystem, outputDirectory: String, layout: OutputLayout, lock: FileLock) throws {
        self.fileSystem = fileSystem
        self.outputDirectory = outputDirectory
        self.layout = layout
        self.lock = lock
        let live = fileSystem.linkTarget(of: layout.current)
        let liveSlot = OutputLayout.slots.contains(live ?? "") ? live : nil
        stagingSlot = liveSlot == "a" ? "b" : "a"
        staging = layout.slot(stagingSlot)

        // The marker has one fixed text; it is replaced by a rename, never rewritten in place.
        try fileSystem.remove(layout.markerDraft)
        if fileSystem.entryKind(of: layout.marker) != .file || (try? fileSystem.read(layout.marker)) != OutputLayout.markerText {
            try fileSystem.write(layout.markerDraft, OutputLayout.markerText)
            try fileSystem.replace(layout.marker, with: layout.markerDraft)
        }
        // What a killed build left: a staging slot (never published), a half-made link, drafts.
        if liveSlot == nil, fileSystem.entryKind(of: layout.current) != .missing { try fileSystem.remove(layout.current) }
        try fileSystem.remove(layout.nextCurrent)
        for audience in Audience.allCases { try fileSystem.remove(layout.draft(audience)) }
        try fileSystem.remove(layout.legacyStaging)
        removeDanglingLinks()
    }

    /// This writer with its staging slot readied for writing. The slot holds the build before
    /// last (or what a failed or killed build left): it is written over in place and never
    /// published before what this build does not write is removed (`ReusedSlot`). The build runs
    /// this while it loads the sources; a writer not readied refuses every write and commit.
    public func readied() throws -> OutputWriter {
        var writer = self
        writer.reused = try ReusedSlot(root: staging, fileSystem: fileSystem)
        return writer
    }

    /// `$HOME`, the home folder no output may be.
    public static var homeFolder: String? { getenv("HOME").map { String(cString: $0) } }

    /// Writes one file into the staging slot. The path is built from the slot, the audience's
    /// folder and the checked path only; the slot holds no links (`ReusedSlot`), and the file's
    /// own name is opened without following one.
    public func write(_ file: OutputFile) throws {
        if let problem = OutputPathRule.problem(with: file.path) {
            throw OutputRefusal("refusing to write \(file.audience.folder)/\(file.path): \(problem)")
        }
        let relative = file.audience.folder + "/" + file.path
        guard let reused else { throw OutputRefusal("refusing to write \(relative): the staging slot is not readied") }
        reused.record(relative)
        do {
            try put(file.content, at: staging + "/" + relative)
        } catch {
            // The build before last may have left a file where a folder now goes, or the reverse
            // (another task may have cleared it meanwhile): cleared, then written once more.
            reused.clearWay(to: relative, fileSystem: fileSystem)
            try put(file.content, at: staging + "/" + relative)
        }
    }

    private func put(_ content: OutputFile.Content, at path: String) throws {
        switch content {
        case .text(let text): try fileSystem.write(path, text: text)  // from the String's own storage, no copy
        case .bytes(let bytes): try fileSystem.write(path, bytes)
        case .copy(let source, let followingLinks): try fileSystem.copyFile(source, to: path, followingLinks: followingLinks)
        }
    }

    /// Publishes the staged build: what the slot held that the build did not write is removed,
    /// links for its audiences are made, then `current` flips (one rename). The previous build's
    /// slot stays as it is until the next build rewrites it: a reader that resolved a path before
    /// the flip still reads whole files. Releases the lock on success; on a throw the caller
    /// calls `discard`.
    public func commit() throws {
        guard let reused else { throw OutputRefusal("refusing to publish: the staging slot was not readied") }
        try reused.removeUnwritten(fileSystem: fileSystem)
        let produced = Audience.allCases.filter { fileSystem.entryKind(of: joinPath(staging, $0.folder)) == .directory }
        // Before the flip, a new link names `.kairan/current/<audience>` of the previous build:
        // absent there, so readers still see the previous build.
        var legacy: [Audience] = []
        var linked = false
        for audience in produced {
            let entry = layout.entry(audience)
            switch fileSystem.entryKind(of: entry) {
            case .symbolicLink where fileSystem.linkTarget(of: entry) == layout.linkTarget(audience): continue
            case .directory: legacy.append(audience)  // the layout before slots: exchanged after the flip
            default:
                // Missing, a file, a foreign link: that entry itself is replaced, its target never touched.
                try makeLink(audience)
                try fileSystem.replace(entry, with: layout.draft(audience))
                linked = true
            }
        }
        if linked { try fileSystem.synchronize(layout.root) }
        try fileSystem.synchronize(staging)

        try fileSystem.createSymbolicLink(layout.nextCurrent, to: stagingSlot)
        try fileSystem.replace(layout.current, with: layout.nextCurrent)
        try? fileSystem.synchronize(layout.kairan)

        // Published. Migrating from the layout before slots exchanges each real folder with its
        // link: atomic per audience, not across them (a one-time step).
        var oldFolders: [String] = []
        for audience in legacy {
            try makeLink(audience)
            try fileSystem.replace(layout.entry(audience), with: layout.draft(audience))
            oldFolders.append(layout.draft(audience))
        }
        for audience in Audience.allCases where !produced.contains(audience) && fileSystem.entryKind(of: layout.entry(audience)) == .directory {
            try fileSystem.replace(layout.draft(audience), with: layout.entry(audience))
            oldFolders.append(layout.draft(audience))
        }
        // Links to audiences this build lacks now dangle (readers already see them absent).
        removeDanglingLinks()
        for folder in oldFolders { TreeRemoval.remove(folder, fileSystem: fileSystem) }
        try? fileSystem.synchronize(layout.root)
        lock.release()
    }

    /// Leaves the output as it was and releases the lock. The staged files stay, unpublished, for
    /// the next build to rewrite (`ReusedSlot`).
    public func discard() {
        if fileSystem.linkTarget(of: layout.current) != stagingSlot { try? fileSystem.remove(layout.nextCurrent) }
        removeDanglingLinks()
        lock.release()
    }

    /// `<audience>.kairan-new -> .kairan/current/<audience>`, to be renamed over the entry.
    private func makeLink(_ audience: Audience) throws {
        try fileSystem.remove(layout.draft(audience))
        try fileSystem.createSymbolicLink(layout.draft(audience), to: layout.linkTarget(audience))
    }

    /// Removes Kairan's audience links that name nothing (the live build lacks that audience).
    private func removeDanglingLinks() {
        for audience in Audience.allCases {
            let entry = layout.entry(audience)
            if fileSystem.linkTarget(of: entry) == layout.linkTarget(audience), fileSystem.kind(of: entry) == .missing {
                try? fileSystem.remove(entry)
            }
        }
    }
}
