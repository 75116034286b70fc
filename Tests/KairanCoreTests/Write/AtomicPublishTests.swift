import Foundation
import Testing
@testable import KairanCore

/// After a failure at any instant, the output a reader sees — every audience folder and the
/// marker — is the previous build or the new one, never a mix.
@Suite struct AtomicPublishTests {
    private let files = FileManager.default

    /// Two sites on disk and the reader's view of each built alone.
    private struct Versions {
        var base: String
        var old: String
        var new: String
        var previous: [String: [UInt8]]
        var next: [String: [UInt8]]
    }

    private func versions(old: [String: String], new: [String: String]) async throws -> Versions {
        let base = WriteTestSupport.temporaryFolder()
        try WriteTestSupport.writeSite(old, to: base + "/old")
        try WriteTestSupport.writeSite(new, to: base + "/new")
        #expect(await WriteTestSupport.build(base + "/old", output: base + "/reference-old").committed)
        #expect(await WriteTestSupport.build(base + "/new", output: base + "/reference-new").committed)
        let (previous, next) = (WriteTestSupport.readerView(base + "/reference-old"), WriteTestSupport.readerView(base + "/reference-new"))
        #expect(previous != next && !previous.isEmpty && !next.isEmpty)
        return Versions(base: base, old: base + "/old", new: base + "/new", previous: previous, next: next)
    }

    /// Fails the n-th mutating operation of a rebuild, for every n until a rebuild has no fault left.
    private func failEveryOperation(_ versions: Versions) async {
        var n = 1
        while true {
            let output = versions.base + "/out-\(n)"
            #expect(await WriteTestSupport.build(versions.old, output: output).committed)
            let faulty = FaultyFileSystem(failAt: n)
            let result = await WriteTestSupport.build(versions.new, output: output, fileSystem: faulty)
            let view = WriteTestSupport.readerView(output)
            let whole = view == (result.committed ? versions.next : versions.previous)
            #expect(whole, "fault at operation \(n) of \(faulty.operations): committed \(result.committed), \(result.refusal ?? ""), \(result.diagnostics); files \(view.keys.sorted())")
            let retry = await WriteTestSupport.build(versions.new, output: output)
            let recovered = retry.committed && WriteTestSupport.readerView(output) == versions.next
            #expect(recovered, "next build after fault \(n)")
            try? files.removeItem(atPath: output)
            if faulty.operations < n { break }
            n += 1
        }
        #expect(n > 20, "the rebuild has many mutating operations")
    }

    @Test func aFaultAtEveryOperationLeavesThePreviousOrTheNewBuild() async throws {
        // The new build drops an audience (customers), and one article changes.
        let dropping = try await versions(old: WriteTestSupport.twoAudienceSite, new: WriteTestSupport.editedSmallSite)
        defer { try? files.removeItem(atPath: dropping.base) }
        await failEveryOperation(dropping)
        // The new build adds an audience.
        let adding = try await versions(old: WriteTestSupport.editedSmallSite, new: WriteTestSupport.twoAudienceSite)
        defer { try? files.removeItem(atPath: adding.base) }
        await failEveryOperation(adding)
    }

    @Test func aStrayFileInPlaceOfAnAudienceCannotHalfSwapTheOutput() async throws {
        let versions = try await versions(old: WriteTestSupport.twoAudienceSite, new: {
            var site = WriteTestSupport.twoAudienceSite
            site["site/content/kb/start/login.md"] = "---\ntitle: 変更後\n---\n"
            return site
        }())
        defer { try? files.removeItem(atPath: versions.base) }
        let output = versions.base + "/out"
        #expect(await WriteTestSupport.build(versions.old, output: output).committed)
        try files.removeItem(atPath: output + "/customers")
        try "stray".write(toFile: output + "/customers", atomically: true, encoding: .utf8)
        let result = await WriteTestSupport.build(versions.new, output: output)
        var previous = versions.previous.filter { !$0.key.hasPrefix("customers/") }
        previous["customers"] = Array("stray".utf8)
        let view = WriteTestSupport.readerView(output)
        #expect(view == (result.committed ? versions.next : previous), "committed: \(result.committed)")
    }

    @Test func aSlotLeftByAKilledBuildIsNeverPublished() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        let expected = WriteTestSupport.readerView(base + "/site/output")
        let kairan = base + "/site/output/.kairan"
        let staging = (try files.destinationOfSymbolicLink(atPath: kairan + "/current")) == "a" ? "b" : "a"
        for leftover in ["\(kairan)/\(staging)/public/stale.html", "\(kairan)/\(staging)/email/stale.html"] {
            try files.createDirectory(atPath: (leftover as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "stale".write(toFile: leftover, atomically: true, encoding: .utf8)
        }
        try files.createSymbolicLink(atPath: kairan + "/current.next", withDestinationPath: staging)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(WriteTestSupport.readerView(base + "/site/output") == expected)
        #expect(!files.fileExists(atPath: base + "/site/output/email"))
    }

    @Test func theLayoutBeforeSlotsIsMigrated() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let output = base + "/site/output"
        for legacy in ["public/old.html", "customers/training/index.html"] {
            try files.createDirectory(atPath: ((output + "/" + legacy) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "old".write(toFile: output + "/" + legacy, atomically: true, encoding: .utf8)
        }
        try "This folder is written by `kairan build`; its audience folders are replaced on every build.\n"
            .write(toFile: output + "/.kairan-output", atomically: true, encoding: .utf8)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(try files.destinationOfSymbolicLink(atPath: output + "/public") == ".kairan/current/public")
        #expect(files.fileExists(atPath: output + "/public/index.html") && !files.fileExists(atPath: output + "/public/old.html"))
        #expect(!files.fileExists(atPath: output + "/customers"))
        #expect(try files.contentsOfDirectory(atPath: output).sorted() == [".kairan", ".kairan-output", "public"])
    }

    @Test func theMarkerIsWrittenOnlyWhenMissingOrDifferent() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        let marker = base + "/site/output/.kairan-output"
        let inode = try files.attributesOfItem(atPath: marker)[.systemFileNumber] as? Int
        let second = await WriteTestSupport.build(base + "/site")
        #expect(second.committed, "\(second.refusal ?? "") \(second.diagnostics)")
        #expect(try files.attributesOfItem(atPath: marker)[.systemFileNumber] as? Int == inode, "an unchanged marker is left alone")
        try "truncated".write(toFile: marker, atomically: false, encoding: .utf8)
        #expect(await WriteTestSupport.build(base + "/site").committed)
        #expect(try String(contentsOfFile: marker, encoding: .utf8).hasPrefix("This folder is written by `kairan build`"))
    }

    @Test func checkWritesNothingOnDisk() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        let run = try CommandLineTests.run(["check", "--site", base + "/site"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(!files.fileExists(atPath: base + "/site/output"))
    }
}
