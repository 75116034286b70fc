import Foundation
import Testing
@testable import KairanCore

@Suite struct BuildTests {
    @Test func smallSiteBuildsEveryPageKind() async {
        let (result, fs) = await TestSupport.build(TestSupport.smallSite)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.committed)
        for path in ["index.html", "kb/start/index.html", "kb/start/login/index.html", "kb/account/password/index.html",
                     "tags/index.html", "tags/初心者/index.html", "support/index.html", "404.html", "sitemap.xml", "robots.txt",
                     "assets/kairan.css"] {
            #expect(fs.text("out/public/" + path) != nil, "missing \(path)")
        }
        let login = fs.text("out/public/kb/start/login/index.html") ?? ""
        #expect(login.contains("<html lang=\"ja\">"))
        #expect(login.contains("2026年11月20日（金）"))
        #expect(login.contains("href=\"/kb/account/password/#%E5%86%8D%E8%A8%AD%E5%AE%9A%E3%81%AE%E6%89%8B%E9%A0%86\""))
        #expect(login.contains("href=\"https://example.com/feedback?page=https%3A%2F%2Fhelp.example.com%2Fkb%2Fstart%2Flogin%2F\""))
        #expect(login.contains("href=\"/tags/%E5%88%9D%E5%BF%83%E8%80%85/\""))
        // The title came from the H1, which is not rendered twice.
        let password = fs.text("out/public/kb/account/password/index.html") ?? ""
        #expect(password.components(separatedBy: "パスワードを再設定する</h1>").count == 2)
        #expect(!password.contains("<h1 id="))
    }

    @Test func allErrorsOfARunAreReportedTogether() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/bad1.md"] = "---\ntitle: A\nunknown: 1\n---\n[x](nope.md)\n"
        files["site/content/kb/start/bad2.md"] = "---\nweight: x\n---\n"
        files["site/content/kb/start/login.md"] = files["site/content/kb/start/login.md"]!.replacingOccurrences(of: "#再設定の手順", with: "#存在しない")
        let (result, fs) = await TestSupport.build(files)
        #expect(result.failed && !result.committed)
        let rendered = result.diagnostics.map(\.description)
        #expect(rendered.contains { $0.hasPrefix("content/kb/start/bad1.md:3:1: error: unknown key `unknown`") })
        #expect(rendered.contains { $0.hasPrefix("content/kb/start/bad1.md:5:1: error: link to nope.md") })
        #expect(rendered.contains { $0.hasPrefix("content/kb/start/bad2.md:2:9: error: `weight` must be a whole number") })
        #expect(rendered.contains { $0.hasPrefix("content/kb/start/bad2.md:1:1: error: article has no title") })
        #expect(rendered.contains { $0.contains("anchor #存在しない does not exist in content/kb/account/password.md") })
        // Nothing is published: only Kairan's marker and lock file are there.
        #expect(fs.paths.allSatisfy { !$0.hasPrefix("out/") || $0.hasPrefix("out/.kairan") })
    }

    @Test func duplicateURLsAreErrors() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/other.md"] = "---\ntitle: B\nslug: login\n---\n"
        let (result, _) = await TestSupport.build(files)
        #expect(result.diagnostics.contains { $0.message.contains("both publish /kb/start/login/") })
    }

    @Test func outputIsIdenticalForAnyThreadCount() async {
        var files = TestSupport.smallSite
        for index in 0..<40 {
            files["site/content/kb/start/a\(index).md"] = "---\ntitle: 記事\(index)\ntags: [t\(index % 3), 初心者]\ndate: 2026-05-\(10 + index % 9)\n---\n## 見出し\n本文\(index)\n"
        }
        let (_, one) = await TestSupport.build(files, jobs: 1)
        let (_, eight) = await TestSupport.build(files, jobs: 8)
        #expect(one.paths == eight.paths)
        for path in one.paths { #expect(one.text(path) == eight.text(path), "\(path) differs") }
    }

    @Test func draftsAreLeftOutUnlessAsked() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/draft.md"] = "---\ntitle: 下書き\ndraft: true\n---\n"
        let (_, without) = await TestSupport.build(files)
        #expect(without.text("out/public/kb/start/draft/index.html") == nil)
        let (_, with) = await TestSupport.build(files, drafts: true)
        let page = with.text("out/public/kb/start/draft/index.html") ?? ""
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("下書き"))
        #expect(with.text("out/public/sitemap.xml")?.contains("draft") == false)
    }

    @Test func siteTemplatesOverrideTheDefaultThemeFileByFile() async {
        var files = TestSupport.smallSite
        files["site/templates/404.mustache"] = "{{<layout}}{{$main}}<p>独自の404 {{site.title}}</p>{{/main}}{{/layout}}"
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed)
        #expect(fs.text("out/public/404.html")?.contains("<p>独自の404 テストヘルプ</p>") == true)
        #expect(fs.text("out/public/index.html")?.contains("<h2 id=\"k-categories\">") == true)
    }

    @Test func templateSyntaxErrorsNameTheFileAndLine() async {
        var files = TestSupport.smallSite
        files["site/templates/tags.mustache"] = "<ul>\n{{#tags}}\n<li>{{name}}</li>\n"
        let (result, _) = await TestSupport.build(files)
        #expect(result.failed)
        #expect(result.diagnostics.contains { $0.location == SourceLocation(file: "templates/tags.mustache", line: 2, column: 1)
            && $0.message == "section `{{#tags}}` opened here is never closed" })
    }

    @Test func checkWritesNothing() async {
        let (result, fs) = await TestSupport.build(TestSupport.smallSite, write: false)
        #expect(!result.failed && result.pages > 0)
        #expect(fs.paths.allSatisfy { !$0.hasPrefix("out/") })
    }

    @Test func outputPathsCannotLeaveTheAudienceFolder() {
        for bad in ["../x", "a/../../b", "/etc/passwd", "a//b", "./a", "a\\b", ".kairan-output"] {
            #expect(OutputPathRule.problem(with: bad) != nil, "\(bad)")
        }
        #expect(OutputPathRule.problem(with: "kb/初心者/index.html") == nil)
    }
}

@Suite struct AtomicOutputTests {
    private func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "kairan-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func writeSite(_ files: [String: String], to root: String) throws {
        for (path, text) in files {
            let full = root + "/" + path.dropFirst("site/".count)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    private func build(_ root: String) async -> BuildResult {
        let options = BuildOptions(siteDirectory: root, clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        return await SiteBuilder(options: options).run()
    }

    @Test func failedBuildLeavesThePreviousOutputUntouched() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeSite(TestSupport.smallSite, to: root)
        let first = await build(root)
        #expect(first.committed)
        let login = root + "/output/public/kb/start/login/index.html"
        let before = try String(contentsOfFile: login, encoding: .utf8)

        try "---\ntitle: 壊れた\n---\n[x](missing.md)\n".write(toFile: root + "/content/kb/start/broken.md", atomically: true, encoding: .utf8)
        try "---\ntitle: 変更後\n---\n".write(toFile: root + "/content/kb/start/login.md", atomically: true, encoding: .utf8)
        let second = await build(root)
        #expect(second.failed && !second.committed)
        #expect(try String(contentsOfFile: login, encoding: .utf8) == before)
        #expect(!FileManager.default.fileExists(atPath: root + "/output/.kairan-staging"))

        try FileManager.default.removeItem(atPath: root + "/content/kb/start/broken.md")
        let third = await build(root)
        #expect(third.committed)
        #expect(try String(contentsOfFile: login, encoding: .utf8).contains("変更後"))
    }

    /// The search index's page store is written before the plan is checked (as soon as it is
    /// made): a static file on its path is still one error at that file, and the previous output
    /// stays whole, the page store's file included.
    @Test func aStaticFileOnThePageStoresPathFailsTheBuildAndLeavesTheOutput() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeSite(TestSupport.smallSite, to: root)
        #expect(await build(root).committed)
        let store = root + "/output/public/search/d/0.json"
        let before = try String(contentsOfFile: store, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/static/search/d", withIntermediateDirectories: true)
        try "[]".write(toFile: root + "/static/search/d/0.json", atomically: true, encoding: .utf8)
        let second = await build(root)
        #expect(second.failed && !second.committed)
        #expect(second.diagnostics.filter { $0.severity == .error }.map(\.description)
                    == ["static/search/d/0.json: error: public/search/d/0.json would be written twice: by this file and by Kairan's generated search-index\n    hint: rename or remove one of them"],
                "\(second.diagnostics)")
        #expect(try String(contentsOfFile: store, encoding: .utf8) == before)
    }

    @Test func refusesToReplaceFoldersItDidNotWrite() async throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try writeSite(TestSupport.smallSite, to: root)
        try FileManager.default.createDirectory(atPath: root + "/output/public", withIntermediateDirectories: true)
        try "mine".write(toFile: root + "/output/public/keep.txt", atomically: true, encoding: .utf8)
        let result = await build(root)
        #expect(result.refusal != nil)
        #expect(FileManager.default.fileExists(atPath: root + "/output/public/keep.txt"))
    }
}

@Suite struct DiskFileSystemTests {
    @Test func readsSmallEmptyAndLargeFilesWhole() throws {
        let folder = NSTemporaryDirectory() + "kairan-fs-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fileSystem = DiskFileSystem()
        for size in [0, 1, 65_535, 65_536, 65_537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try fileSystem.write(folder + "/f\(size)/index.html", bytes)
            #expect(try fileSystem.read(folder + "/f\(size)/index.html") == bytes, "size \(size)")
        }
        #expect(throws: FileSystemError.self) { try fileSystem.read(folder) }
        #expect(throws: FileSystemError.self) { try fileSystem.read(folder + "/missing") }
        try fileSystem.write(folder + "/t/index.html", text: "日本語")
        #expect(try fileSystem.read(folder + "/t/index.html") == Array("日本語".utf8))
        #expect(try fileSystem.entries(folder).filter(\.isDirectory).count == 7)
        try fileSystem.remove(folder)
        #expect(fileSystem.kind(of: folder) == .missing)
    }
}

/// Article pages ask はい / いいえ; related articles leave out what the body links to.
@Suite struct ArticleFeedbackAndRelatedTests {
    @Test func feedbackIsAskedOnArticlePagesOnlyWithYesAndNoLinks() async {
        let (result, fs) = await TestSupport.build(TestSupport.smallSite)
        #expect(!result.failed, "\(result.diagnostics)")
        let article = fs.text("out/public/kb/start/login/index.html") ?? ""
        #expect(article.contains("この記事は役に立ちましたか？"))
        #expect(article.contains("href=\"https://example.com/feedback?page=https%3A%2F%2Fhelp.example.com%2Fkb%2Fstart%2Flogin%2F&amp;helpful=yes\""), "\(article)")
        #expect(article.contains("&amp;helpful=no\""))
        for page in ["out/public/404.html", "out/public/tags/index.html", "out/public/index.html", "out/public/kb/start/index.html"] {
            #expect(!(fs.text(page) ?? "").contains("この記事は役に立ちましたか？"), "\(page)")
        }
    }

    @Test func relatedArticlesLeaveOutWhatTheBodyLinksTo() async throws {
        let (_, fs) = await TestSupport.build(TestSupport.smallSite)
        // login.md links to password.md, which shares its tag ログイン: password is not listed again.
        // Its only related article is password.md, so no list is left at all.
        let login = fs.text("out/public/kb/start/login/index.html") ?? ""
        #expect(login.contains("/kb/account/password/"), "the body links to it")
        #expect(!login.contains("id=\"k-related\""), "\(login)")
        // password.md links nowhere: login (same tag) is listed.
        let password = fs.text("out/public/kb/account/password/index.html") ?? ""
        let passwordRelated = try #require(password.range(of: "id=\"k-related\"").map { String(password[$0.lowerBound...]) })
        #expect(passwordRelated.contains("/kb/start/login/"))
    }
}
