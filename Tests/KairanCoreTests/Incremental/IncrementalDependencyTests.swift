import Foundation
import Testing
@testable import KairanCore

/// Dependency tracking: for each kind of edit, exactly the expected outputs are rendered again
/// (and the tree still equals a full build).
@Suite struct IncrementalDependencyTests {
    /// Builds the fixture, applies `edit`, rebuilds with `changed` and returns what was rendered.
    func rendered(after edit: (MemoryFileSystem) throws -> Void, changed: [String]) async throws -> [String] {
        let fileSystem = MemoryFileSystem(try IncrementalTestSupport.site())
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        let first = await build.rebuild()
        #expect(first.tree != nil, "\(first.diagnostics)")
        try edit(fileSystem)
        let result = await build.rebuild(changed: changed)
        let tree = try #require(result.tree, "\(result.diagnostics)")
        let full = try #require(await IncrementalTestSupport.fullBuild(fileSystem).tree)
        #expect(IncrementalTestSupport.differences(tree, full) == [])
        if ProcessInfo.processInfo.environment["KAIRAN_PRINT_RENDERED"] == "1" { print(changed, result.rendered.sorted().map(\.description)) }
        return result.rendered.sorted().map(\.description)
    }

    static let mfa = "content/kb/account/mfa.md"
    /// An edit of indexed text makes the search index again: all its files (a page-store file for
    /// each of the 7 indexed pages here).
    static let search = search(pages: 7)
    static func search(pages: Int) -> [String] {
        (0..<pages).map { "public/search/d/\($0).json" }.sorted() + ["public/search/index.json", "public/search/t/0.bin"]
    }
    /// The content-health page reads every Markdown source.
    static let health = "internal/content/index.html"

    func replace(_ fileSystem: MemoryFileSystem, _ path: String, _ old: String, _ new: String) throws {
        let text = try #require(fileSystem.text("site/" + path))
        #expect(text.contains(old))
        try fileSystem.write("site/" + path, text: text.replacingOccurrences(of: old, with: new))
    }

    @Test func noChangeRendersNothing() async throws {
        #expect(try await rendered(after: { _ in }, changed: []) == [])
        #expect(try await rendered(after: { _ in }, changed: [Self.mfa]) == [])
    }

    @Test func bodyEditRendersOnlyItsPage() async throws {
        let rendered = try await rendered(after: { try replace($0, Self.mfa, "本文。", "新しい本文。") }, changed: [Self.mfa])
        #expect(rendered == ["public/kb/account/mfa/index.html"] + Self.search + [Self.health])
    }

    @Test func titleEditRendersItsListsCategoryTagsAndNeighbours() async throws {
        let rendered = try await rendered(after: { try replace($0, Self.mfa, "title: 多要素認証", "title: 二段階認証") }, changed: [Self.mfa])
        // password.md shares the category (pager, related articles); login.md shares neither category nor tag.
        #expect(rendered == ["public/index.html", "public/kb/account/index.html", "public/kb/account/mfa/index.html",
                             "public/kb/account/password/index.html"] + Self.search + ["public/sitemap.xml", "public/tags/index.html",
                             "public/tags/セキュリティ/index.html", Self.health])
    }

    @Test func tagEditRendersTheNewTagsPages() async throws {
        let rendered = try await rendered(after: { try replace($0, Self.mfa, "tags: [セキュリティ]", "tags: [管理者]") }, changed: [Self.mfa])
        // The old tag's page is gone (no article carries it); the new one is made. Tags are not
        // indexed text: the index is the same, only the files declaring the article are written again.
        #expect(rendered == ["public/index.html", "public/kb/account/index.html", "public/kb/account/mfa/index.html",
                             "public/kb/account/password/index.html", "public/search/d/1.json", "public/search/index.json",
                             "public/search/t/0.bin", "public/sitemap.xml", "public/tags/index.html", "public/tags/管理者/index.html", Self.health])
    }

    @Test func newArticleRendersItsPageAndTheListsItJoins() async throws {
        let new = "content/kb/start/new.md"
        let rendered = try await rendered(after: { try $0.write("site/" + new, text: "---\ntitle: 新しい記事\ntags: [初心者]\n---\n本文\n") },
                                          changed: [new])
        #expect(rendered == ["public/index.html", "public/kb/start/index.html", "public/kb/start/login/index.html",
                             "public/kb/start/new/index.html"] + Self.search(pages: 8) + ["public/sitemap.xml", "public/tags/index.html",
                             "public/tags/初心者/index.html", Self.health])
    }

    @Test func deletedArticleRendersTheListsItLeft() async throws {
        let rendered = try await rendered(after: { try $0.remove("site/" + Self.mfa) }, changed: [Self.mfa])
        #expect(rendered == ["public/index.html", "public/kb/account/index.html", "public/kb/account/password/index.html"]
                            + Self.search(pages: 6) + ["public/sitemap.xml", "public/tags/index.html", Self.health])
    }

    @Test func partialEditRendersThePagesThatUseIt() async throws {
        let partial = "templates/partials/article-item.mustache"
        let rendered = try await rendered(after: { try replace($0, partial, "<li>", "<li class=\"x\">") }, changed: [partial])
        #expect(rendered == ["public/index.html", "public/kb/account/index.html", "public/kb/start/index.html",
                             "public/tags/セキュリティ/index.html", "public/tags/ログイン/index.html", "public/tags/初心者/index.html"])
    }

    @Test func pageTemplateEditRendersItsPages() async throws {
        let template = "templates/article.mustache"
        let rendered = try await rendered(after: { try replace($0, template, "<h1>{{article.title}}</h1>", "<h1 class=\"x\">{{article.title}}</h1>") },
                                          changed: [template])
        #expect(rendered == ["public/kb/account/mfa/index.html", "public/kb/account/password/index.html", "public/kb/start/login/index.html"])
    }

    @Test func releaseEditRendersReleasePagesFeedsAndHome() async throws {
        let release = "content/releases/v1.0.1.md"
        let rendered = try await rendered(after: { try replace($0, release, "不具合を修正しました。", "別の不具合を修正しました。") }, changed: [release])
        #expect(rendered == ["public/index.html", "public/releases/1.0.0/index.html", "public/releases/1.0.1/index.html",
                             "public/releases/atom.xml", "public/releases/feed.json", "public/releases/inapp.json",
                             "public/releases/index.html", "public/releases/type/hotfix/index.html",
                             "public/releases/type/major/index.html", "public/releases/type/minor/index.html"] + Self.search
                            + ["public/sitemap.xml", Self.health])
    }

    @Test func releaseLeavingThePublicSiteRendersEveryPublicPage() async throws {
        // Fails without `.navigation`: with no public release, every page's header loses リリースノート.
        let fileSystem = MemoryFileSystem(try IncrementalTestSupport.site())
        try fileSystem.remove("site/content/releases/v1.0.0.md")
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        let first = try #require(await build.rebuild().tree)
        let release = "content/releases/v1.0.1.md"
        try replace(fileSystem, release, "audience: public", "audience: internal")
        let result = await build.rebuild(changed: [release])
        let tree = try #require(result.tree)
        let full = try #require(await IncrementalTestSupport.fullBuild(fileSystem).tree)
        #expect(IncrementalTestSupport.differences(tree, full) == [])
        #expect(result.rendered.contains(OutputKey(audience: .public, path: "support/index.html")))
        #expect(first[.public, "support/index.html"] != tree[.public, "support/index.html"])
    }

    @Test func kpiDataEditRendersItsKPIAndTheExports() async throws {
        let csv = "content/data/metrics/uptime.csv"
        let rendered = try await rendered(after: { try replace($0, csv, "100.00", "99.00") }, changed: [csv])
        // The internal home page shows the KPIs' status too.
        #expect(rendered == ["internal/index.html", "internal/kpi/index.html", "internal/kpi/kpis.csv", "internal/kpi/kpis.json", "internal/kpi/uptime/index.html"])
    }

    @Test func aLinkToAScheduledArticleIsTheErrorAFullBuildReports() async throws {
        let fileSystem = MemoryFileSystem(try IncrementalTestSupport.site())
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        #expect(await build.rebuild().tree != nil)
        let later = "content/kb/start/later.md"
        try fileSystem.write("site/" + later, text: "---\ntitle: 後日の記事\ndate: 2026-12-24\n---\n本文\n")
        try replace(fileSystem, Self.mfa, "本文。", "本文。[後日の記事](../start/later.md)")
        let result = await build.rebuild(changed: [Self.mfa, later])
        let full = await IncrementalTestSupport.fullBuild(fileSystem).result
        #expect(result.tree == nil && full.errorCount > 0)
        #expect(result.diagnostics.map(\.description) == full.diagnostics.map(\.description))
    }

    @Test func siteYAMLEditRendersEverything() async throws {
        let fileSystem = MemoryFileSystem(try IncrementalTestSupport.site())
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        let first = try #require(await build.rebuild().tree)
        try fileSystem.write("site/site.yaml", text: TestSupport.siteYAML + "\ndescription: 説明\n")
        let result = await build.rebuild(changed: ["site.yaml"])
        #expect(result.rendered.count == first.files.count, "\(Set(result.rendered).subtracting(first.files.keys))")
    }
}
