import Foundation
import Testing
@testable import KairanCore

/// Sections, aliases (redirects), scheduled publishing and collisions with generated files
/// (issue 13, the structure half). The whole constructs are in the `structure` golden fixture;
/// these tests hold the errors and the rules.
@Suite struct HelpCenterStructureTests {
    /// The small site with a section `security` in アカウント holding one article.
    static var sectioned: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/kb/account/security/_index.md"] = "---\ntitle: セキュリティ\nweight: 1\n---\n"
        files["site/content/kb/account/security/lock.md"] = "---\ntitle: 画面ロック\nsummary: ロックの設定\ndate: 2026-06-01\n---\n本文。\n"
        return files
    }

    static func build(_ files: [String: String], future: Bool = false) async -> (BuildResult, MemoryFileSystem) {
        let fileSystem = MemoryFileSystem(files)
        var options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: 2, clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.includeFuture = future
        return (await SiteBuilder(options: options, fileSystem: fileSystem).run(), fileSystem)
    }

    /// Each error's first line (`file:line:column: error: message`, without its hint).
    static func errors(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { String($0.description.split(separator: "\n").first ?? "") }
    }

    // MARK: Sections

    @Test func aSectionHasItsPageBreadcrumbsAndIsListedOnItsCategory() async throws {
        var files = Self.sectioned
        files["site/content/kb/start/login.md"]! += "\n[ロック](../account/security/lock.md)と[セキュリティ](../account/security/_index.md)。\n"
        let (result, fs) = await TestSupport.build(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let section = try #require(fs.text("out/public/kb/account/security/index.html"))
        #expect(section.contains("<a href=\"/kb/account/security/lock/\">画面ロック</a>"))
        let article = try #require(fs.text("out/public/kb/account/security/lock/index.html"))
        #expect(article.contains("<li><a href=\"/kb/account/\">アカウント</a></li>\n<li><a href=\"/kb/account/security/\">セキュリティ</a></li>"))
        let category = try #require(fs.text("out/public/kb/account/index.html"))
        #expect(category.contains("<h2><a href=\"/kb/account/security/\">セキュリティ</a></h2>"))
        #expect(category.contains("/kb/account/mfa/"), "the category's own articles are listed too")
        let login = try #require(fs.text("out/public/kb/start/login/index.html"))
        #expect(login.contains("href=\"/kb/account/security/lock/\"") && login.contains("href=\"/kb/account/security/\""))
        #expect(fs.text("out/public/sitemap.xml")?.contains("https://help.example.com/kb/account/security/lock/") == true)
    }

    @Test func aSectionPageDependsOnItsArticlesAndTheirPagesOnTheSection() async throws {
        let (result, _) = await TestSupport.build(Self.sectioned, write: false)
        let affected = Set(result.plan.affected(by: ["content/kb/account/security/lock.md"]).map(\.path))
        #expect(affected.isSuperset(of: ["kb/account/security/index.html", "kb/account/index.html", "kb/account/security/lock/index.html"]))
        let bySection = Set(result.plan.affected(by: ["content/kb/account/security/_index.md"]).map(\.path))
        #expect(bySection.isSuperset(of: ["kb/account/security/index.html", "kb/account/index.html", "kb/account/security/lock/index.html"]))
        // Every article of the category shows the section in its sidebar; another category's articles do not.
        #expect(bySection.contains("kb/account/mfa/index.html"))
        #expect(!bySection.contains("kb/start/login/index.html"), "an article of another category does not show the section")
    }

    /// Editing a section's title or a sectioned article's title changes only outputs the plan names as affected.
    @Test(arguments: [("content/kb/account/security/_index.md", "title: セキュリティ", "title: 安全な利用"),
                      ("content/kb/account/security/lock.md", "title: 画面ロック", "title: 自動ロック"),
                      ("content/kb/account/_index.md", "title: アカウント", "title: アカウント管理")])
    func anEditInASectionChangesOnlyItsAffectedOutputs(_ file: String, _ old: String, _ new: String) async {
        var edited = Self.sectioned
        edited["site/" + file] = edited["site/" + file]?.replacingOccurrences(of: old, with: new)
        let (before, oldFiles) = await AffectedOutputsTests.outputs(Self.sectioned)
        let (after, newFiles) = await AffectedOutputsTests.outputs(edited)
        let changed = Set(oldFiles.keys).union(newFiles.keys).filter { oldFiles[$0] != newFiles[$0] }
        #expect(!changed.isEmpty)
        let affected = AffectedOutputsTests.affected(before, file).union(AffectedOutputsTests.affected(after, file))
        #expect(changed.subtracting(affected).isEmpty, "changed but not listed as affected: \(changed.subtracting(affected).sorted())")
    }

    @Test func markdownInAFolderWithoutIndexIsAnErrorAtThatFileAndIsNotCopied() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/notes/memo.md"] = "---\ntitle: 下書きメモ\n---\n社内メモ。\n"
        files["site/content/kb/account/notes/figure.png"] = "png"
        let (result, fs) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/kb/account/notes/memo.md: error: Markdown in a sub-folder of a category makes no page") == true)
        #expect(result.diagnostics.first?.hint.contains("add content/kb/account/notes/_index.md") == true)
        #expect(!fs.paths.contains { $0.hasSuffix("memo.md") && $0.hasPrefix("out/") })
    }

    @Test func markdownBelowASectionIsAnErrorAtThatFile() async {
        var files = Self.sectioned
        files["site/content/kb/account/security/deeper/more.md"] = "---\ntitle: 深すぎる\n---\n"
        files["site/content/kb/account/security/deeper/_index.md"] = "---\ntitle: 三階層目\n---\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.contains("nested below the section content/kb/account/security makes no page: sections are one level below categories") })
        #expect(Set(errors.map { $0.prefix { $0 != ":" } }) == ["content/kb/account/security/deeper/_index.md", "content/kb/account/security/deeper/more.md"])
    }

    @Test func aSectionAndAnArticleOnOneURLAreOneError() async {
        var files = Self.sectioned
        files["site/content/kb/account/security.md"] = "---\ntitle: 重複\n---\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors == ["content/kb/account/security.md: error: content/kb/account/security.md and content/kb/account/security/_index.md both publish /kb/account/security/"])
    }

    // MARK: Aliases

    @Test func aliasesWriteRedirectPagesAndTheRedirectsFile() async throws {
        var files = Self.sectioned
        files["site/content/kb/account/security/lock.md"] = "---\ntitle: 画面ロック\ndate: 2026-06-01\naliases: [/kb/account/lock/, \"https://help.example.com/kb/old/lock.html\"]\n---\n"
        let (result, fs) = await TestSupport.build(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try #require(fs.text("out/public/kb/account/lock/index.html"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/kb/account/security/lock/\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://help.example.com/kb/account/security/lock/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"/kb/account/security/lock/\">画面ロック</a>"))
        #expect(fs.text("out/public/kb/old/lock.html") != nil)
        #expect(fs.text("out/public/_redirects") == "/kb/account/lock/ /kb/account/security/lock/ 301\n/kb/old/lock.html /kb/account/security/lock/ 301\n")
        #expect(fs.text("out/public/sitemap.xml")?.contains("kb/account/lock/") == false, "redirects are not listed")
        #expect(result.plan.outputs.filter { $0.kind == .redirect }.count == 2)
    }

    @Test func anAliasOnAPageIsAnErrorNamingBoth() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証\ndate: 2026-06-01\naliases:\n  - /kb/start/login/\n---\n本文。\n"
        let (result, _) = await TestSupport.build(files)
        #expect(Self.errors(result) == ["content/kb/account/mfa.md:5:5: error: alias /kb/start/login/ is the URL of content/kb/start/login.md, which the site still publishes"])
    }

    @Test func twoAliasesOfOneOldURLAreOneErrorNamingBoth() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証\ndate: 2026-06-01\naliases: [/kb/old/]\n---\n"
        files["site/content/kb/account/password.md"] = "---\ntitle: パスワード\ndate: 2026-06-01\naliases: [/kb/old/]\n---\n## 再設定の手順\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors == ["content/kb/account/password.md:4:11: error: alias /kb/old/ is also an alias at content/kb/account/mfa.md:4:11 (of content/kb/account/mfa.md)"])
    }

    @Test func anAliasOnAStaticFileIsAnError() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証\ndate: 2026-06-01\naliases: [/old/]\n---\n"
        files["site/static/old/index.html"] = "<!DOCTYPE html>"
        let (result, _) = await TestSupport.build(files)
        #expect(Self.errors(result) == ["content/kb/account/mfa.md:4:11: error: alias /old/ is the URL of static/old/index.html, which the site still publishes"])
    }

    @Test(arguments: [
        ("https://other.example.com/kb/x/", "is not a URL of this site (base_url https://help.example.com/)"),
        ("/kb/x/?id=1", "has a query or a fragment"),
        ("/kb/../x/", "has a path segment \"..\""),
        ("/files/manual.pdf", "names a file that is not a page"),
        ("kb/x/", "must start with `/` or with the site's URL"),
        ("/kb/start/login/", "is the URL of content/kb/start/login.md"),
    ])
    func aWrongAliasIsALocatedError(_ alias: String, _ message: String) async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証\ndate: 2026-06-01\naliases: [\"\(alias)\"]\n---\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 1 && errors[0].hasPrefix("content/kb/account/mfa.md:4:11: error: alias") && errors[0].contains(message), "\(errors)")
    }

    @Test func anAliasOfItsOwnPageIsAnError() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証\ndate: 2026-06-01\naliases: [/kb/account/mfa]\n---\n"
        let (result, _) = await TestSupport.build(files)
        #expect(Self.errors(result) == ["content/kb/account/mfa.md:4:11: error: alias /kb/account/mfa is the page's own URL"])
    }

    /// Every redirect of the demo leads to a page the build writes (the check validate-output also runs on the files).
    @Test func everyRedirectOfTheDemoLeadsToAPage() async throws {
        let (result, fs) = await TestSupport.build(try InternalTestSupport.demoSite(), write: true)
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let redirects = result.plan.outputs.filter { $0.kind == .redirect }
        #expect(redirects.count >= 2, "the demo renames and moves articles")
        let pages = result.plan.linkTables()[.public]?.paths ?? []
        for redirect in redirects {
            let html = try #require(fs.text("out/public/" + redirect.path))
            let target = try #require(html.firstRange(of: "url=").map { html[$0.upperBound...].prefix { $0 != "\"" } })
            #expect(pages.contains(String(target)), "\(redirect.path) → \(target)")
        }
    }

    // MARK: Generated files

    @Test func aStaticFileOverAGeneratedOneIsAnErrorUnlessTheSiteOptsOut() async {
        var files = TestSupport.smallSite
        files["site/static/robots.txt"] = "User-agent: *\nDisallow: /\n"
        let (clash, _) = await TestSupport.build(files)
        #expect(Self.errors(clash) == ["static/robots.txt: error: public/robots.txt would be written twice: by this file and by Kairan's generated robots"])
        #expect(clash.diagnostics.first?.hint.contains("`generate: {robots: false}`") == true)
        files["site/site.yaml"] = TestSupport.siteYAML + "\ngenerate:\n  robots: false\n"
        let (own, fs) = await TestSupport.build(files)
        #expect(own.diagnostics.isEmpty, "\(own.diagnostics)")
        #expect(fs.text("out/public/robots.txt") == "User-agent: *\nDisallow: /\n")
        files["site/site.yaml"] = TestSupport.siteYAML + "\ngenerate:\n  robot: false\n"
        let (typo, _) = await TestSupport.build(files)
        #expect(Self.errors(typo).first?.hasPrefix("site.yaml:5:3: error: unknown key `robot` in `generate`") == true, "\(Self.errors(typo))")
    }

    // MARK: Scheduled publishing

    @Test func aScheduledArticleIsLeftOutUntilItsDateAndLinksToItAreErrors() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/soon.md"] = "---\ntitle: 新機能\ndate: 2026-12-01\n---\n"
        let (quiet, fs) = await Self.build(files)
        #expect(quiet.diagnostics.isEmpty, "\(quiet.diagnostics)")
        #expect(quiet.scheduled.map(\.path) == ["/kb/account/soon/"] && quiet.scheduled.first?.date.iso == "2026-12-01")
        #expect(fs.text("out/public/kb/account/soon/index.html") == nil)
        #expect(fs.text("out/public/sitemap.xml")?.contains("soon") == false)
        files["site/content/kb/start/login.md"]! += "\n[新機能](../account/soon.md)\n"
        let (linked, _) = await Self.build(files)
        #expect(Self.errors(linked).count == 1)
        #expect(Self.errors(linked).first?.contains("error: link to ../account/soon.md: content/kb/account/soon.md is scheduled for 2026-12-01 and not published before then") == true,
                "\(Self.errors(linked))")
        let (future, published) = await Self.build(files, future: true)
        #expect(future.diagnostics.isEmpty, "\(future.diagnostics)")
        #expect(published.text("out/public/kb/account/soon/index.html") != nil)
        #expect(future.scheduled.count == 1 && future.includedFuture)
    }

    @Test func aScheduledReleaseIsLeftOut() async {
        var files = TestSupport.smallSite
        files["site/content/releases/1.0.0.md"] = AudienceLeakTests.release("1.0.0", date: "2026-11-01", title: "最初の版", type: "major")
        files["site/content/releases/2.0.0.md"] = AudienceLeakTests.release("2.0.0", date: "2026-12-15", title: "次の版", type: "major")
        let (result, fs) = await Self.build(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.scheduled.map(\.kind) == [.release] && result.scheduled.first?.path == "/releases/2.0.0/")
        #expect(fs.text("out/public/releases/2.0.0/index.html") == nil)
        #expect(fs.text("out/public/releases/atom.xml")?.contains("次の版") == false)
    }

    @Test func checkListsWhatWillAppearAndWhen() throws {
        var files = TestSupport.smallSite
        files["site/content/kb/account/soon.md"] = "---\ntitle: 新機能\ndate: 2026-12-01\n---\n"
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let check = try CommandLineTests.run(["check", "--site", root, "--date", "2026-11-25"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("Scheduled (left out until their date):\n  2026-12-01  article  /kb/account/soon/  新機能  (content/kb/account/soon.md)"), "\(check.output)")
        #expect(check.output.contains("1 scheduled (the next on 2026-12-01)."))
        let build = try CommandLineTests.run(["build", "--site", root, "--date", "2026-11-25", "--future"])
        #expect(build.status == 0 && build.output.contains("1 dated after the build date included (--future)."), "\(build.output)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/public/kb/account/soon/index.html"))
    }
}
