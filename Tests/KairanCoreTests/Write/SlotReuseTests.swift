import Foundation
import Testing
@testable import KairanCore

/// A build is staged in the slot of the build before last, rewriting its files in place: the
/// published slot must hold exactly what a build into an emptied slot holds, and nothing found
/// there may redirect a write or be changed through.
@Suite struct SlotReuseTests {
    private let files = FileManager.default

    /// Every entry of the live slot, as the disk lists it (names that are not UTF-8 included):
    /// files by their size and a hash of their bytes, anything else by its kind.
    private func liveSlot(_ output: String) -> [String: String] {
        let disk = DiskFileSystem()
        var tree: [String: String] = [:]
        func walk(_ path: String, _ shown: String) {
            for entry in (try? disk.entries(path)) ?? [] {
                let full = path + "/" + entry.name, inside = shown.isEmpty ? entry.name : shown + "/" + entry.name
                var info = stat()
                if entry.undecodableName != nil {
                    tree[inside] = "a name that is not UTF-8"
                } else if lstat(full, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR {
                    tree[inside] = "neither a file nor a folder"
                } else if (info.st_mode & S_IFMT) == S_IFDIR {
                    tree[inside] = "folder"
                    walk(full, inside)
                } else {
                    let bytes = (try? disk.read(full)) ?? []
                    tree[inside] = "\(bytes.count) bytes, \(SearchIndex.fnv1a(bytes))"
                }
            }
        }
        walk(output + "/.kairan/current", "")
        return tree
    }

    /// The small site built twice into its own output: the slot of the first build is the one
    /// the next build is staged in.
    private func builtTwice(_ base: String) async throws -> (output: String, kairan: String, first: String) {
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let output = base + "/site/output", kairan = output + "/.kairan"
        #expect(await WriteTestSupport.build(base + "/site").committed)
        let first = try files.destinationOfSymbolicLink(atPath: kairan + "/current")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        return (output, kairan, first)
    }

    /// The live slot of `site` built into an output folder of its own.
    private func freshSlot(_ site: String, base: String) async -> [String: String] {
        let output = base + "/fresh-" + UUID().uuidString
        #expect(await WriteTestSupport.build(site, output: output).committed)
        defer { try? files.removeItem(atPath: output) }
        return liveSlot(output)
    }

    private func inode(_ path: String) -> Int? {
        (try? files.attributesOfItem(atPath: path))?[.systemFileNumber] as? Int
    }

    @Test func eachBuildPublishesExactlyItsOwnFilesWhateverTheSlotHeld() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        var larger = TestSupport.smallSite
        for index in 0..<6 { larger["site/content/kb/extra\(index % 2)/page\(index).md"] = "---\ntitle: 追加\(index)\n---\n本文。\n" }
        for index in 0..<2 { larger["site/content/kb/extra\(index)/_index.md"] = "---\ntitle: 追加の分類\(index)\n---\n" }
        // Audiences come and go, categories and pages appear and vanish, one article changes.
        let sites = [WriteTestSupport.twoAudienceSite, larger, WriteTestSupport.editedSmallSite, WriteTestSupport.twoAudienceSite,
                     TestSupport.smallSite, larger, TestSupport.smallSite]
        let output = base + "/out"
        for (number, site) in sites.enumerated() {
            let folder = base + "/site-\(number)"
            try WriteTestSupport.writeSite(site, to: folder)
            let result = await WriteTestSupport.build(folder, output: output)
            #expect(result.committed, "build \(number): \(result.diagnostics)")
            let expected = await freshSlot(folder, base: base)
            #expect(!expected.isEmpty)
            let live = liveSlot(output)
            #expect(live == expected, "build \(number): extra \(Set(live.keys).subtracting(expected.keys).sorted()), missing \(Set(expected.keys).subtracting(live.keys).sorted())")
        }
    }

    @Test func filesOfTheBuildBeforeLastAreRewrittenInPlace() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let (_, kairan, first) = try await builtTwice(base)
        let page = kairan + "/\(first)/public/index.html"
        let before = try #require(inode(page), "the previous build's slot is kept")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(try files.destinationOfSymbolicLink(atPath: kairan + "/current") == first)
        #expect(inode(page) == before, "rewritten, not removed and made again")
    }

    @Test func whatTheSlotHoldsCannotRedirectOrBeChangedThrough() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let (output, kairan, staging) = try await builtTwice(base)
        let expected = liveSlot(output)
        let slot = kairan + "/\(staging)/public"

        let outside = base + "/outside"
        try files.createDirectory(atPath: outside + "/deep", withIntermediateDirectories: true)
        try "keep".write(toFile: outside + "/deep/keep.txt", atomically: true, encoding: .utf8)
        // A folder where a page goes, and a file where a page's folder goes.
        try files.removeItem(atPath: slot + "/kb/start/login/index.html")
        try files.createDirectory(atPath: slot + "/kb/start/login/index.html/inner", withIntermediateDirectories: true)
        try "x".write(toFile: slot + "/kb/start/login/index.html/inner/x.html", atomically: false, encoding: .utf8)
        try files.removeItem(atPath: slot + "/kb/account/mfa")
        try "in the way".write(toFile: slot + "/kb/account/mfa", atomically: false, encoding: .utf8)
        // Files in place of folders that many files are written into at once.
        for folder in ["/assets", "/search"] {
            try files.removeItem(atPath: slot + folder)
            try "in the way".write(toFile: slot + folder, atomically: false, encoding: .utf8)
        }
        // A file with a second name outside the output: rewriting it in place would change that one.
        try files.linkItem(atPath: slot + "/kb/account/password/index.html", toPath: outside + "/hard.html")
        let hardBytes = try #require(files.contents(atPath: outside + "/hard.html"))
        try "# パスワードを再設定する\n\n## 再設定の手順\n\n新しい手順。\n".write(toFile: base + "/site/content/kb/account/password.md", atomically: true, encoding: .utf8)
        // Links where folders and files are written, a pipe, a name that is not UTF-8.
        try files.removeItem(atPath: slot + "/tags")
        try files.createSymbolicLink(atPath: slot + "/tags", withDestinationPath: outside + "/deep")
        try files.removeItem(atPath: slot + "/index.html")
        try files.createSymbolicLink(atPath: slot + "/index.html", withDestinationPath: outside + "/deep/keep.txt")
        #expect(mkfifo(slot + "/pipe", 0o644) == 0)
        let undecodable = Array((slot + "/caf").utf8) + [0xE9, 0x2E, 0x68, 0x74, 0x6D, 0x6C, 0]
        let fd = undecodable.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        #expect(fd >= 0)
        close(fd)

        let result = await WriteTestSupport.build(base + "/site")
        #expect(result.committed, "\(result.diagnostics)")
        #expect(try files.destinationOfSymbolicLink(atPath: kairan + "/current") == staging)
        #expect(files.contents(atPath: outside + "/hard.html") == hardBytes, "the other name keeps its bytes")
        #expect(try String(contentsOfFile: outside + "/deep/keep.txt", encoding: .utf8) == "keep")
        #expect(try files.contentsOfDirectory(atPath: outside + "/deep") == ["keep.txt"])
        let fresh = await freshSlot(base + "/site", base: base)
        #expect(fresh != expected, "the edit shows")
        #expect(liveSlot(output) == fresh)
    }

    @Test func aFailedBuildsFilesAreNeverPublished() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let (output, _, _) = try await builtTwice(base)
        let good = liveSlot(output)
        // Pages are rendered and written before the links are checked: this build fails after writing.
        try "---\ntitle: 壊れたリンク\n---\n[どこにもない](../nowhere.md)\n".write(toFile: base + "/site/content/kb/start/broken.md", atomically: true, encoding: .utf8)
        let failed = await WriteTestSupport.build(base + "/site")
        #expect(!failed.committed && failed.failed)
        #expect(liveSlot(output) == good)
        try files.removeItem(atPath: base + "/site/content/kb/start/broken.md")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(liveSlot(output) == good)
    }

    @Test func aWriterWhoseSlotIsNotReadiedWritesAndPublishesNothing() throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try files.createDirectory(atPath: base + "/site", withIntermediateDirectories: true)
        let file = OutputFile(audience: .public, path: "index.html", content: .bytes(Array("x".utf8)))
        let writer = try OutputWriter.open(fileSystem: DiskFileSystem(), outputDirectory: base + "/site/output", siteDirectory: base + "/site")
        #expect(throws: OutputRefusal.self) { try writer.write(file) }
        #expect(throws: OutputRefusal.self) { try writer.commit() }
        writer.discard()
        let readied = try OutputWriter.open(fileSystem: DiskFileSystem(), outputDirectory: base + "/site/output", siteDirectory: base + "/site").readied()
        try readied.write(file)
        try readied.commit()
        #expect(files.contents(atPath: base + "/site/output/public/index.html") == Data("x".utf8))
    }

    @Test func aFileSystemWithoutHardLinksKeepsFilesAndFoldersAndDropsLinks() throws {
        let memory = MemoryFileSystem(["slot/public/index.html": "a", "slot/public/kb/x/index.html": "b", "other/keep": "k"])
        try memory.createSymbolicLink("slot/public/link", to: "../../other")
        let kept = try memory.reusableContents(of: "slot")
        #expect(kept == [ReusableEntry(path: "public", isDirectory: true), ReusableEntry(path: "public/index.html", isDirectory: false),
                         ReusableEntry(path: "public/kb", isDirectory: true), ReusableEntry(path: "public/kb/x", isDirectory: true),
                         ReusableEntry(path: "public/kb/x/index.html", isDirectory: false)])
        #expect(memory.linkTarget(of: "slot/public/link") == nil && memory.text("other/keep") == "k")
        #expect(try memory.reusableContents(of: "missing").isEmpty)
    }
}
