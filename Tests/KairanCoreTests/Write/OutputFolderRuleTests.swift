import Foundation
import Testing
@testable import KairanCore

/// `build` refuses output folders it would damage, before writing anything, with exit code 2.
@Suite struct OutputFolderRuleTests {
    private let files = FileManager.default

    /// Every file under `folder`, relative paths, links not followed.
    private func listing(_ folder: String) -> [String] {
        (files.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func refusedFoldersExitTwoWithOnlyTheRefusal() throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let site = base + "/site"
        var content = TestSupport.smallSite
        content["site/static/logo.txt"] = "logo"
        try WriteTestSupport.writeSite(content, to: site)
        try files.createDirectory(atPath: base + "/foreign", withIntermediateDirectories: true)
        try "mine".write(toFile: base + "/foreign/notes.txt", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: base + "/to-content", withDestinationPath: site + "/content")
        try files.createDirectory(atPath: base + "/home", withIntermediateDirectories: true)
        try "marked".write(toFile: base + "/home/.kairan-output", atomically: true, encoding: .utf8)
        let before = listing(base)

        let cases: [(output: String, reason: String)] = [
            (base, "it holds the site folder"),
            (site, "it is the site folder"),
            (site + "/content", "it is the site's content/ folder"),
            (site + "/static", "it is the site's static/ folder"),
            (site + "/content/kb/start", "inside the site's content/ folder"),
            (site + "/templates/new", "inside the site's templates/ folder"),
            (base + "/foreign", "it is not empty and Kairan did not write it"),
            (base + "/to-content", "it is the site's content/ folder"),
            (base + "/home", "it is a home folder"),
        ]
        for (output, reason) in cases {
            let run = try CommandLineTests.run(["build", "--site", site, "--output", output, "--date", "2026-11-25"],
                                               environment: ["HOME": base + "/home"])
            #expect(run.status == 2, "\(output): \(run.errors)")
            #expect(run.errors.hasPrefix("error: refusing --output \(output)"), "\(run.errors)")
            #expect(run.errors.contains(reason) && run.errors.contains("\n    hint: "), "\(output): \(run.errors)")
            #expect(!run.errors.contains("Build failed"), "\(run.errors)")
        }
        #expect(listing(base) == before, "a refused build wrote nothing")
    }

    @Test func theRootAndHomeFoldersAreRefused() throws {
        let disk = DiskFileSystem()
        let site = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: site) }
        for output in ["/", "//", "/root", "/home/someone", "/tmp/.."] {
            #expect(throws: OutputRefusal.self, "\(output)") { try OutputFolderRule.check(output, site: site, home: nil, fileSystem: disk) }
        }
        #expect(throws: OutputRefusal.self) { try OutputFolderRule.check(site, site: site + "/inner", home: nil, fileSystem: disk) }
        #expect(throws: OutputRefusal.self) { try OutputFolderRule.check(site + "/x", site: site + "/y", home: site + "/x", fileSystem: disk) }
        #expect((try? OutputFolderRule.check(site + "/new/deeper", site: site + "/y", home: nil, fileSystem: disk)) == site + "/new/deeper")
    }

    @Test func acceptedFolders() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        let site = base + "/site"
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: site)
        // The site's own output/ may hold other things; a missing folder is created; an empty one,
        // or one reached through a link, is used.
        try files.createDirectory(atPath: site + "/output", withIntermediateDirectories: true)
        try "notes".write(toFile: site + "/output/README.txt", atomically: true, encoding: .utf8)
        try files.createDirectory(atPath: base + "/empty", withIntermediateDirectories: true)
        try files.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/empty")
        for output in [nil, base + "/missing/deeper", base + "/link", base + "/empty"] {
            let result = await WriteTestSupport.build(site, output: output)
            #expect(result.committed, "\(output ?? "default"): \(result.refusal ?? "")")
        }
        #expect(files.fileExists(atPath: base + "/empty/public/index.html"))
        #expect(files.fileExists(atPath: site + "/output/README.txt"))
    }
}
