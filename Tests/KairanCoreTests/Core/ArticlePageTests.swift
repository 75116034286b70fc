import Foundation
import Testing
@testable import KairanCore

/// The article page's navigation (issue 14): the category sidebar (from the resolved help center:
/// current article marked, drafts left out, titles escaped, long lists cut), the table of
/// contents' markup, and the article script (public article pages only, `defer`, under the base path).
/// What the script does in a browser is checked by Tests/validate/article_page_check.py.
@Suite struct ArticlePageTests {
    /// The small site with a section `security` in アカウント holding two articles.
    static var sectioned: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/kb/account/security/_index.md"] = "---\ntitle: セキュリティ\nweight: 1\n---\n"
        files["site/content/kb/account/security/lock.md"] = "---\ntitle: 画面ロック\nsummary: ロックの設定\ndate: 2026-06-01\nweight: 1\n---\n本文。\n"
        files["site/content/kb/account/security/devices.md"] = "---\ntitle: 端末の管理\nsummary: 端末\ndate: 2026-06-01\nweight: 2\n---\n本文。\n"
        return files
    }

    /// The sidebar of a page: from `<nav class="article-sidebar"` to its `</nav>`.
    static func sidebar(_ page: String) -> String? {
        guard let start = page.range(of: "<nav class=\"article-sidebar\""), let end = page.range(of: "</nav>", range: start.upperBound..<page.endIndex)
        else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The sidebar of the page at `path` (`kb/account/mfa`) of the public tree built into `out/`.
    static func sidebar(_ fs: MemoryFileSystem, _ path: String) throws -> String {
        let page = try #require(fs.text("out/public/\(path)/index.html"), "no page \(path)")
        return try #require(sidebar(page), "no sidebar on \(path)")
    }

    @Test func theSidebarShowsTheCategoryItsSectionsAndArticlesWithTheCurrentOneMarked() async throws {
        let (result, fs) = await TestSupport.build(Self.sectioned)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let page = try #require(fs.text("out/public/kb/account/security/lock/index.html"))
        let sidebar = try #require(Self.sidebar(page))
        #expect(sidebar.contains("<h2 id=\"k-sidebar\"><a href=\"/kb/account/\">アカウント</a></h2>"))
        // The category's own articles, then the section (open: it holds the page) with its two.
        #expect(sidebar.contains("<li><a href=\"/kb/account/password/\">パスワードを再設定する</a></li>"))
        #expect(sidebar.contains("<li><a href=\"/kb/account/mfa/\">多要素認証</a></li>"))
        #expect(sidebar.contains("<details class=\"article-sidebar-section\" open>\n<summary>セキュリティ <span class=\"count\">2件</span></summary>"))
        #expect(sidebar.contains("<li><a href=\"/kb/account/security/lock/\" aria-current=\"page\">画面ロック</a></li>"))
        #expect(sidebar.contains("<li><a href=\"/kb/account/security/devices/\">端末の管理</a></li>"))
        #expect(sidebar.components(separatedBy: "aria-current").count == 2, "one current article")
        #expect(sidebar.contains("<li class=\"article-sidebar-more\"><a href=\"/kb/account/security/\">セクションのトップへ</a></li>"))
        // The other category is reachable.
        #expect(sidebar.contains("<ul class=\"article-sidebar-categories\">\n<li><a href=\"/kb/start/\">はじめに</a></li>\n</ul>"))
        // An article outside the section: the section is closed, nothing is current but the page.
        let mfa = try Self.sidebar(fs, "kb/account/mfa")
        #expect(mfa.contains("<details class=\"article-sidebar-section\">\n<summary>セキュリティ"))
        #expect(mfa.contains("<li><a href=\"/kb/account/mfa/\" aria-current=\"page\">多要素認証</a></li>"))
    }

    @Test func titlesInTheSidebarAndTheTableOfContentsAreEscaped() async throws {
        var files = Self.sectioned
        files["site/content/kb/account/security/_index.md"] = "---\ntitle: \"<i>安全</i> & \\\"鍵\\\"\"\nweight: 1\n---\n"
        files["site/content/kb/account/security/devices.md"] = "---\ntitle: \"端末 <script>alert(1)</script>\"\ndate: 2026-06-01\n---\n"
            + "## 手順 <b>太字</b> & 記号\n\n本文。\n\n## 注意\n\n本文。\n"
        files["site/content/kb/start/_index.md"] = "---\ntitle: \"はじめに <img src=x>\"\nweight: 1\n---\n"
        let (_, fs) = await TestSupport.build(files)
        let page = try #require(fs.text("out/public/kb/account/security/devices/index.html"))
        let sidebar = try #require(Self.sidebar(page))
        #expect(sidebar.contains("&lt;i&gt;安全&lt;/i&gt; &amp; &quot;鍵&quot;"))
        #expect(sidebar.contains("端末 &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(sidebar.contains("はじめに &lt;img src=x&gt;"))
        #expect(!sidebar.contains("<script>") && !sidebar.contains("<i>") && !sidebar.contains("<img"))
        let toc = try #require(page.range(of: "<nav class=\"toc article-toc\"").map { String(page[$0.lowerBound...].prefix(600)) })
        #expect(toc.contains("手順 &lt;b&gt;太字&lt;/b&gt; &amp; 記号"), "\(toc)")
        #expect(!toc.contains("<b>"))
    }

    @Test func draftsAreLeftOutOfOtherArticlesSidebars() async throws {
        var files = Self.sectioned
        files["site/content/kb/account/security/secret.md"] = "---\ntitle: 未公開の機能\ndate: 2026-06-01\ndraft: true\n---\n本文。\n"
        files["site/content/kb/account/hidden.md"] = "---\ntitle: 非公開メモ\ndate: 2026-06-01\ndraft: true\n---\n本文。\n"
        for drafts in [false, true] {
            let (result, fs) = await TestSupport.build(files, drafts: drafts)
            #expect(result.committed)
            for path in ["kb/account/security/lock", "kb/account/mfa", "kb/account/password"] {
                let sidebar = try Self.sidebar(fs, path)
                #expect(!sidebar.contains("未公開の機能") && !sidebar.contains("非公開メモ"), "drafts: \(drafts), \(path)")
                #expect(sidebar.contains("<summary>セキュリティ <span class=\"count\">2件</span></summary>"), "a draft is not counted")
            }
            // Built with drafts, a draft's own page shows where it will stand.
            if drafts {
                let own = try Self.sidebar(fs, "kb/account/security/secret")
                #expect(own.contains("<li><a href=\"/kb/account/security/secret/\" aria-current=\"page\">未公開の機能</a></li>"))
                #expect(!own.contains("非公開メモ"))
            }
        }
    }

    @Test func aLongListShowsAWindowAroundTheArticleAndLinksToTheWholeList() async throws {
        var files = TestSupport.smallSite
        for number in 1...20 {
            files["site/content/kb/start/step\(number).md"] = "---\ntitle: 手順\(number)\ndate: 2026-06-01\nweight: \(number + 10)\n---\n本文。\n"
        }
        let (_, fs) = await TestSupport.build(files)
        // start/ holds login (weight 1) and step1…step20: 21 articles; step15 is the 16th.
        let sidebar = try Self.sidebar(fs, "kb/start/step15")
        let shown = sidebar.components(separatedBy: "<li><a href=\"/kb/start/").count - 1
        #expect(shown == ArticleSidebar.listLimit)
        #expect(sidebar.contains("aria-current=\"page\">手順15</a>"))
        #expect(sidebar.contains("手順9<") && !sidebar.contains("手順8<"), "the window starts six before the article")
        #expect(sidebar.contains("手順20<"))
        #expect(sidebar.contains("<li class=\"article-sidebar-more\"><a href=\"/kb/start/\">すべての記事（21件）</a></li>"))
        // At the top of the list: the first twelve.
        #expect(ArticleSidebar.window(Array(0..<21), around: 0) == Array(0..<12))
        #expect(ArticleSidebar.window(Array(0..<21), around: 20) == Array(9..<21))
        #expect(ArticleSidebar.window(Array(0..<21), around: nil) == Array(0..<12))
        #expect(ArticleSidebar.window(Array(0..<5), around: 3) == Array(0..<5))
    }

    @Test func anArticleDependsOnItsCategorysSectionsAndTheOtherCategoriesTitles() async {
        let (result, _) = await TestSupport.build(Self.sectioned, write: false)
        let byOtherCategory = Set(result.plan.affected(by: ["content/kb/start/_index.md"]).map(\.path))
        #expect(byOtherCategory.isSuperset(of: ["kb/account/mfa/index.html", "kb/account/security/lock/index.html"]))
        let bySection = Set(result.plan.affected(by: ["content/kb/account/security/_index.md"]).map(\.path))
        #expect(bySection.contains("kb/account/password/index.html"))
        #expect(!bySection.contains("kb/start/login/index.html"))
    }

    /// An incremental build renders again every page whose sidebar shows an edited title (not
    /// only those whose related list or pager show it), as a full build would.
    @Test func anIncrementalBuildRendersTheSidebarsThatShowAnEdit() async throws {
        var files = try IncrementalTestSupport.site()
        for number in 1...9 {
            files["site/content/kb/start/step\(number).md"] = "---\ntitle: 手順\(number)\ndate: 2026-06-01\nweight: \(number + 10)\n---\n本文。\n"
        }
        let fileSystem = MemoryFileSystem(files)
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        #expect(await build.rebuild().tree != nil)
        let edited = "content/kb/start/step9.md"
        try fileSystem.write("site/" + edited, text: try #require(fileSystem.text("site/" + edited)).replacingOccurrences(of: "title: 手順9", with: "title: 最後の手順"))
        let result = await build.rebuild(changed: [edited])
        let rendered = Set(result.rendered.map(\.description))
        let pages = ["login"] + (1...9).map { "step\($0)" }
        let expected = Set(pages.map { "public/kb/start/\($0)/index.html" })
        #expect(expected.subtracting(rendered).isEmpty, "not rendered again: \(expected.subtracting(rendered).sorted())")
        #expect(!rendered.contains("public/kb/account/mfa/index.html"), "another category's page does not show the title")
        let tree = try #require(result.tree)
        let full = try #require(await IncrementalTestSupport.fullBuild(fileSystem).tree)
        #expect(IncrementalTestSupport.differences(tree, full) == [])
    }

    @Test func theTableOfContentsIsACompactToggleAndTheScriptIsDeferredOnArticlePagesOnly() async throws {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML.replacingOccurrences(of: "base_url: https://help.example.com/", with: "base_url: https://help.example.com/docs/")
        #expect(files["site/site.yaml"] != TestSupport.siteYAML)
        let (result, fs) = await TestSupport.build(files)
        #expect(result.committed, "\(result.diagnostics)")
        let page = try #require(fs.text("out/public/kb/start/login/index.html"))
        let script = try #require(page.range(of: "<script src=\"/docs/assets/article.js\" defer></script>"), "the script, under the base path, deferred")
        #expect(page[script.upperBound...].hasPrefix("\n\n</head>"), "in the head")
        #expect(page.contains("""
            <nav class="toc article-toc" aria-labelledby="k-toc">
            <details class="article-toc-toggle">
            <summary id="k-toc">目次</summary>
            <ol>
            <li><a href="#手順">手順</a></li>
            <li><a href="#困ったとき">困ったとき</a></li>
            </ol>
            </details>
            </nav>
            """))
        // Links exist without the script; はい / いいえ keep their addresses and open their own tab.
        #expect(page.contains("href=\"https://example.com/feedback?page=https%3A%2F%2Fhelp.example.com%2Fdocs%2Fkb%2Fstart%2Flogin%2F&amp;helpful=yes\" rel=\"nofollow noopener\" target=\"_blank\" data-feedback=\"yes\""))
        #expect(fs.text("out/public/assets/article.js")?.contains("コピーしました") == true)
        for other in ["out/public/index.html", "out/public/kb/start/index.html", "out/public/tags/index.html", "out/public/404.html"] {
            #expect(fs.text(other)?.contains("article.js") == false, "\(other)")
        }
        let assets = result.plan.outputs.filter { $0.path == "assets/article.js" }.map(\.audience)
        #expect(assets == [.public], "the article script is published in the public tree only")
    }

    /// What incremental builds compare per edit: every article's sidebar made at once, list by
    /// list, equals each article's own (demo site with sections, plus a draft and a long list).
    @Test func theSidebarsOfEveryArticleAtOnceAreEachArticlesOwn() async throws {
        var files = try InternalTestSupport.demoSite()
        for number in 1...20 {
            files["site/content/kb/accounts/extra\(number).md"] = "---\ntitle: 追加\(number)\ndate: 2026-06-01\nweight: \(number + 50)\n\(number == 7 ? "draft: true\n" : "")---\n本文。\n"
        }
        var options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.includeDrafts = true
        let builder = SiteBuilder(options: options, fileSystem: MemoryFileSystem(files))
        let log = DiagnosticLog()
        let site = try #require(await builder.resolve(await builder.loadSources(log: log), log: log))
        let center = site.center
        #expect(center.articles.count > 40 && center.articles.contains { $0.article.draft })
        let all = ArticleSidebar.shownByArticle(in: center)
        for index in center.articles.indices {
            #expect(all[index] == ArticleSidebar(article: index, in: center).shown(in: center), "\(center.articles[index].article.sourcePath)")
        }
        // Each page's lists against the rule written out here: the published articles (and the
        // page's own, a draft shown), a run of at most 12 of them holding the page's own.
        let published = ArticleSidebar.Published(center)
        for index in center.articles.indices {
            let entry = center.articles[index]
            let sidebar = ArticleSidebar(article: index, in: center, published: published)
            let lists = [(sidebar.own, center.categories[entry.category].articles)]
                + zip(sidebar.sections, center.categories[entry.category].sections).map { ($0, center.sections[$1].articles) }
            for (list, members) in lists {
                let shown = members.filter { $0 == index || !center.articles[$0].article.draft }
                #expect(list.total == shown.count && list.articles.count == min(ArticleSidebar.listLimit, shown.count), "\(entry.path)")
                if let first = list.articles.first, let start = shown.firstIndex(of: first) {
                    #expect(Array(shown[start...].prefix(list.articles.count)) == list.articles, "\(entry.path): a run of the list")
                }
                #expect(list.holdsCurrent == shown.contains(index) && (!list.holdsCurrent || list.articles.contains(index)), "\(entry.path)")
            }
            #expect(sidebar.otherCategories == center.categories.indices.filter { $0 != entry.category })
        }
        #expect(center.articles.indices.contains { ArticleSidebar(article: $0, in: center, published: published).own.isCut },
                "a list long enough to be cut")
    }
}
