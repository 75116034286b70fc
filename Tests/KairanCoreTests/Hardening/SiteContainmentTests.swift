import Foundation
import Testing
@testable import KairanCore

/// Nothing is read from outside the site folder: a symbolic link that resolves outside is one
/// error naming the link and its target, and its target is never published; links inside the
/// site keep working.
@Suite struct SiteContainmentTests {
    /// A site on disk (the small test site) and a folder beside it standing for "the rest of the machine".
    final class Sandbox {
        let root = NSTemporaryDirectory() + "kairan-contain-" + UUID().uuidString
        var site: String { root + "/site" }
        var outside: String { root + "/outside" }

        init(_ files: [String: String] = TestSupport.smallSite) throws {
            for (path, text) in files { try write(root + "/" + path, text) }
            try write(outside + "/secret.txt", "OUTSIDE-SECRET-9f2c")
            try write(outside + "/article.md", "---\ntitle: 外\n---\nOUTSIDE-SECRET-9f2c\n")
            try write(outside + "/folder/_index.md", "---\ntitle: 外のカテゴリ\n---\n")
            try write(outside + "/folder/page.md", "---\ntitle: 外の記事\n---\nOUTSIDE-SECRET-9f2c\n")
            try write(outside + "/footer.mustache", "OUTSIDE-SECRET-9f2c")
            try write(outside + "/site.yaml", TestSupport.siteYAML)
        }

        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }

        func link(_ path: String, to target: String) throws {
            let full = site + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: full)
            try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
        }

        func build() async -> BuildResult {
            let options = BuildOptions(siteDirectory: site, concurrency: 2, clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
            return await SiteBuilder(options: options).run()
        }

        /// Every output file's text, joined (to look for the outside file's content).
        func everything() -> String {
            let output = site + "/output"
            let paths = FileManager.default.enumerator(atPath: output)?.compactMap { $0 as? String } ?? []
            return paths.compactMap { try? String(contentsOfFile: output + "/" + $0, encoding: .utf8) }.joined()
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }
    }

    static let escapes: [(link: String, target: String)] = [
        ("content/kb/start/logo.png", "outside/secret.txt"),
        ("content/kb/start/leak.md", "outside/article.md"),
        ("content/kb/linked", "outside/folder"),
        ("templates/partials/footer.mustache", "outside/footer.mustache"),
        ("templates/assets/kairan.css", "outside/secret.txt"),
        ("static/secret.txt", "outside/secret.txt"),
        ("static/folder", "outside/folder"),
        ("content/data", "outside/folder"),
        ("content/releases", "outside/folder"),
    ]

    @Test(arguments: escapes)
    func aLinkLeadingOutsideIsOneErrorNamingLinkAndTarget(_ escape: (link: String, target: String)) async throws {
        let box = try Sandbox()
        try box.link(escape.link, to: box.root + "/" + escape.target)
        let result = await box.build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.location.file == escape.link)
        #expect(errors.first?.message == "symbolic link to \(box.root)/\(escape.target) leads outside the site folder")
        #expect(!result.committed)
        #expect(!box.everything().contains("OUTSIDE-SECRET"))
    }

    @Test func aRelativeLinkClimbingOutIsCaughtToo() async throws {
        let box = try Sandbox()
        try box.link("content/kb/start/logo.png", to: "../../../../outside/secret.txt")
        let result = await box.build()
        #expect(result.diagnostics.map(\.description).contains {
            $0.hasPrefix("content/kb/start/logo.png: error: symbolic link to ../../../../outside/secret.txt (")
        }, "\(result.diagnostics)")
    }

    @Test func aLinkedSiteYAMLOutsideIsTheOnlyError() async throws {
        let box = try Sandbox()
        try box.link("site.yaml", to: box.outside + "/site.yaml")
        let result = await box.build()
        #expect(result.diagnostics.map(\.description).filter { $0.contains("error:") }.map { $0.prefix(40) }
            == ["site.yaml: error: symbolic link to \(box.outside)/site.yaml".prefix(40)], "\(result.diagnostics)")
    }

    @Test func linksInsideTheSiteKeepWorking() async throws {
        let box = try Sandbox()
        try box.write(box.site + "/shared/logo.txt", "INSIDE-OK")
        try box.write(box.site + "/shared/note.md", "---\ntitle: 共有の記事\n---\n本文\n")
        try box.link("static/logo.txt", to: "../shared/logo.txt")
        try box.link("content/kb/start/note.md", to: box.site + "/shared/note.md")
        try box.link("content/kb/mirror", to: "start")
        let result = await box.build()
        #expect(!result.failed, "\(result.diagnostics)")
        let out = box.site + "/output/public"
        #expect((try? String(contentsOfFile: out + "/logo.txt", encoding: .utf8)) == "INSIDE-OK")
        #expect(FileManager.default.fileExists(atPath: out + "/kb/start/note/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/kb/mirror/login/index.html"))
    }

    @Test func aScheduleOutsideTheSiteIsRefused() async throws {
        let box = try Sandbox()
        try box.write(box.site + "/site.yaml", TestSupport.siteYAML + "\nschedule: ../outside/secret.txt\n")
        let result = await box.build()
        #expect(result.failed)
        #expect(!box.everything().contains("OUTSIDE-SECRET"))
    }
}
