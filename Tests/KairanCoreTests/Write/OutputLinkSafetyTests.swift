import Foundation
import Testing
@testable import KairanCore

/// Removal and writes never follow a symbolic link found in the output folder.
@Suite struct OutputLinkSafetyTests {
    private let files = FileManager.default

    /// A folder outside the output with files two levels down (the depth the parallel removal splits at).
    private func outsideFolder(_ base: String) throws -> String {
        let outside = base + "/outside"
        try files.createDirectory(atPath: outside + "/deep/deeper", withIntermediateDirectories: true)
        try "keep".write(toFile: outside + "/keep.txt", atomically: true, encoding: .utf8)
        try "keep".write(toFile: outside + "/deep/deeper/keep.txt", atomically: true, encoding: .utf8)
        return outside
    }

    private func outsideIsIntact(_ outside: String) -> Bool {
        files.fileExists(atPath: outside + "/keep.txt") && files.fileExists(atPath: outside + "/deep/deeper/keep.txt")
            && (try? files.contentsOfDirectory(atPath: outside).sorted()) == ["deep", "keep.txt"]
    }

    @Test func aRebuildNeverEmptiesAFolderLinkedFromInsideTheOutput() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let outside = try outsideFolder(base)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        try files.createSymbolicLink(atPath: base + "/site/output/public/downloads", withDestinationPath: outside)
        for _ in 0..<2 {
            let result = await WriteTestSupport.build(base + "/site")
            #expect(result.committed, "\(result.refusal ?? "") \(result.diagnostics)")
        }
        #expect(outsideIsIntact(outside))
    }

    @Test func aLinkedAudienceFolderIsReplacedNotFollowed() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let outside = try outsideFolder(base)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        try files.removeItem(atPath: base + "/site/output/public")
        try files.createSymbolicLink(atPath: base + "/site/output/public", withDestinationPath: outside)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(outsideIsIntact(outside))
        #expect(files.fileExists(atPath: base + "/site/output/public/index.html"))
    }

    @Test func aFileInPlaceOfAnAudienceFolderIsReplaced() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        try files.removeItem(atPath: base + "/site/output/public")
        try "stray".write(toFile: base + "/site/output/public", atomically: true, encoding: .utf8)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(files.fileExists(atPath: base + "/site/output/public/index.html"))
    }

    @Test func linksPlantedInTheSlotsCannotRedirectWrites() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let outside = try outsideFolder(base)
        let kairan = base + "/site/output/.kairan"
        #expect(await WriteTestSupport.build(base + "/site").committed)
        let live = try #require(try? files.destinationOfSymbolicLink(atPath: kairan + "/current"))
        let staging = live == "a" ? "b" : "a"
        // In the slot the next build stages in, a link where it writes its pages; in the live slot,
        // a link its cleanup will meet.
        try files.createDirectory(atPath: kairan + "/\(staging)/public", withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: kairan + "/\(staging)/public/kb", withDestinationPath: outside)
        try files.createSymbolicLink(atPath: kairan + "/\(live)/public/kb/linked", withDestinationPath: outside)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(outsideIsIntact(outside))
        #expect(try files.destinationOfSymbolicLink(atPath: kairan + "/current") == staging)
        #expect(files.fileExists(atPath: base + "/site/output/public/kb/start/login/index.html"))
        // The previous build's slot is kept as it was, link and all, until the next build stages in it.
        #expect(try files.destinationOfSymbolicLink(atPath: kairan + "/\(live)/public/kb/linked") == outside)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(outsideIsIntact(outside))
        #expect(try files.destinationOfSymbolicLink(atPath: kairan + "/current") == live)
        #expect((try? files.destinationOfSymbolicLink(atPath: kairan + "/\(live)/public/kb/linked")) == nil)
        #expect(files.fileExists(atPath: base + "/site/output/public/kb/start/login/index.html"))
    }

    @Test func theDiskNeverFollowsALinkAtThePathItChanges() throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let disk = DiskFileSystem()
        let outside = try outsideFolder(base)
        try disk.createSymbolicLink(base + "/link", to: outside + "/keep.txt")
        #expect(throws: FileSystemError.self) { try disk.write(base + "/link", Array("x".utf8)) }
        #expect(try String(contentsOfFile: outside + "/keep.txt", encoding: .utf8) == "keep")
        #expect(disk.entryKind(of: base + "/link") == .symbolicLink && disk.kind(of: base + "/link") == .file)

        // A link to a folder is replaced by a rename, not exchanged with it, and removed as a link.
        try disk.createSymbolicLink(base + "/folder-link", to: outside)
        try disk.createSymbolicLink(base + "/new", to: "elsewhere")
        try disk.replace(base + "/folder-link", with: base + "/new")
        #expect(disk.linkTarget(of: base + "/folder-link") == "elsewhere" && disk.entryKind(of: base + "/new") == .missing)
        try disk.createSymbolicLink(base + "/again", to: outside)
        try disk.remove(base + "/again")
        #expect(outsideIsIntact(outside))
    }
}
