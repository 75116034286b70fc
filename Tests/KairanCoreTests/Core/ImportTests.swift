import Foundation
import Testing
@testable import KairanCore

/// `kairan import` on three small sites, one per tool (`Fixtures/import/<kind>/src`): the files it
/// writes and the notes it prints are compared with `Fixtures/import/<kind>/expected` (set
/// KAIRAN_UPDATE_GOLDEN=1 to rewrite them), and the imported site builds with zero errors.
@Suite struct ImportTests {
    static let root = TestSupport.fixtures + "/import"

    /// The fixture's source files, under `src/` of an in-memory file system.
    static func sourceFiles(_ kind: ImportSource) -> [String: String] {
        let folder = root + "/" + kind.rawValue + "/src"
        var files: [String: String] = [:]
        for (path, text) in GoldenSiteTests.files(under: folder, prefix: "src/") { files[path] = text }
        return files
    }

    static func imported(_ kind: ImportSource, files: [String: String], aliases: Bool) throws -> (ImportResult, [String: String]) {
        let fileSystem = MemoryFileSystem(files)
        var importer = SiteImporter(source: kind, sourceDirectory: "src", siteDirectory: "site", fileSystem: fileSystem)
        importer.keepsOldURLs = aliases
        let result = try importer.run()
        var written: [String: String] = [:]
        for path in result.written { written[path] = fileSystem.text("site/" + path) ?? "" }
        return (result, written)
    }

    @Test(arguments: ImportSource.allCases) func importMatchesGoldenFilesAndBuildsWithoutErrors(_ kind: ImportSource) async throws {
        let (result, written) = try Self.imported(kind, files: Self.sourceFiles(kind), aliases: true)
        var produced = written
        produced["notes.txt"] = result.notes.map(\.description).joined(separator: "\n") + "\n"
        let expectedFolder = Self.root + "/" + kind.rawValue + "/expected"
        if ProcessInfo.processInfo.environment["KAIRAN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            for (path, text) in produced {
                let full = expectedFolder + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: true, encoding: .utf8)
            }
        }
        let expected = GoldenSiteTests.files(under: expectedFolder, prefix: "")
        #expect(!expected.isEmpty, "no golden files; run with KAIRAN_UPDATE_GOLDEN=1")
        #expect(Set(produced.keys) == Set(expected.keys))
        for (path, text) in expected.sorted(by: { $0.key < $1.key }) where produced[path] != text {
            Issue.record("\(kind.rawValue): \(path) differs from its golden file")
        }
        // The imported site builds with zero errors.
        var site: [String: String] = [:]
        for (path, text) in written { site["site/" + path] = text }
        let (build, _) = await TestSupport.build(site, write: false)
        #expect(build.diagnostics.filter { $0.severity == .error }.isEmpty, "\(build.diagnostics)")
    }

    @Test func nestedFoldersBecomeSectionsAndOldURLsAliases() async throws {
        let files = [
            "src/content/guide/_index.md": "---\ntitle: ガイド\n---\n",
            "src/content/guide/admin/_index.md": "+++\ntitle = \"管理者\"\n+++\n",
            "src/content/guide/admin/roles.md": "+++\ntitle = \"権限\"\naliases = [\"/old/roles/\"]\n+++\n[トップ](../../top/)\n",
            "src/content/guide/admin/deep/more/x.md": "---\ntitle: 深い\n---\n[権限](../../roles.md)\n",
            "src/content/top.md": "---\ntitle: トップ\nslug: top-page\n---\n",
        ]
        let (result, written) = try Self.imported(.hugo, files: files, aliases: true)
        #expect(written["content/kb/guide/admin/_index.md"]?.contains("title: \"管理者\"") == true)
        #expect(written["content/kb/guide/admin/roles.md"] == "---\ntitle: \"権限\"\naliases: [\"/old/roles/\", \"/guide/admin/roles/\"]\n---\n[トップ](../../general/top-page.md)\n")
        #expect(written["content/kb/guide/admin/deep-more-x.md"]?.contains("[権限](roles.md)") == true)
        #expect(written["content/kb/general/_index.md"] == "---\ntitle: \"一般\"\n---\n")
        #expect(result.notes.contains { $0.file == "content/guide/admin/deep/more/x.md" && $0.message.contains("nested deeper") })
        #expect(result.sections == 1 && result.categories == 2 && result.articles == 3)
        // With sections and aliases, the imported site builds with zero errors, its old URLs redirecting.
        var site = ["site/site.yaml": TestSupport.siteYAML]
        for (path, text) in written where path != "site.yaml" { site["site/" + path] = text }
        let (build, fs) = await TestSupport.build(site)
        #expect(build.diagnostics.filter { $0.severity == .error }.isEmpty, "\(build.diagnostics)")
        #expect(fs.text("out/public/old/roles/index.html")?.contains("/kb/guide/admin/roles/") == true)
        #expect(fs.text("out/public/_redirects")?.contains("/guide/admin/roles/ /kb/guide/admin/roles/ 301") == true, "\(fs.text("out/public/_redirects") ?? "")")
    }

    @Test func anImportNeverReplacesAFile() throws {
        var files = Self.sourceFiles(.mkdocs)
        files["site/content/kb/usage/export.md"] = "既存"
        let fileSystem = MemoryFileSystem(files)
        let importer = SiteImporter(source: .mkdocs, sourceDirectory: "src", siteDirectory: "site", fileSystem: fileSystem)
        #expect(throws: ImportRefusal.self) { try importer.run() }
        #expect(fileSystem.text("site/content/kb/usage/export.md") == "既存")
        #expect(fileSystem.text("site/site.yaml") == nil)
    }
}

/// `kairan import` as a user runs it: notes on standard output, usage errors exit 2.
@Suite struct ImportCommandTests {
    @Test func importsAHugoSiteThenBuildsIt() throws {
        let site = NSTemporaryDirectory() + "kairan-import-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: site) }
        let source = ImportTests.root + "/hugo/src"
        let run = try CommandLineTests.run(["import", "hugo", source, "--site", site])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("content/guide/setup.md:19: note: Hugo shortcode `youtube` is not converted"))
        #expect(run.output.contains("Imported 2 articles, 2 categories and 0 sections"))
        let build = try CommandLineTests.run(["build", "--site", site, "--date", "2026-11-25", "--quiet"])
        #expect(build.status == 0, "\(build.errors)")
        let again = try CommandLineTests.run(["import", "hugo", source, "--site", site])
        #expect(again.status == 2 && again.errors.contains("would be replaced"))
        let unknown = try CommandLineTests.run(["import", "jekyll", source, "--site", site])
        #expect(unknown.status == 2)
    }
}
