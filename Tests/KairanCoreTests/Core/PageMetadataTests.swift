import Foundation
import Testing
@testable import KairanCore

/// Link previews, JSON-LD, `edit_url` and image sizes in built pages.
@Suite struct PageMetadataTests {
    // MARK: - JSON-LD escaping

    @Test func structuredDataCannotCloseItsScript() throws {
        let hostile = "</script><script>alert(1)</script> <!-- x --> a & b \u{2028}\u{2029}"
        let text = StructuredData.scriptText(.object([("name", .string(hostile))]))
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"))
        #expect(text == #"{"name":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u003c!-- x --\u003e a \u0026 b \u2028\u2029"}"#)
        // JSON reads the escapes as the same text.
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(decoded?["name"] == hostile)
    }

    // MARK: - edit_url

    static func siteYAML(_ line: String) -> (SiteConfig?, [Diagnostic]) {
        let log = DiagnosticLog()
        let yaml = "title: t\nbase_url: https://help.example.com/\n" + line + "\n"
        guard let node = YAMLDocument.parse(yaml, file: "site.yaml", lineOffset: 0, log: log) else { return (nil, log.items) }
        let config = SiteConfigLoader.decode(node, file: "site.yaml", log: log)
        return (config, log.items)
    }

    @Test func editURLMakesTheSourcesAddress() throws {
        let (config, diagnostics) = Self.siteYAML("edit_url: https://github.com/org/repo/edit/main/{path}")
        #expect(diagnostics.isEmpty)
        let pattern = try #require(config?.editURL)
        #expect(pattern.url(for: "content/kb/請求/a b.md") == "https://github.com/org/repo/edit/main/content/kb/%E8%AB%8B%E6%B1%82/a%20b.md")
        #expect(try EditURLPattern("https://example.com/edit?file={path}").url(for: "site.yaml") == "https://example.com/edit?file=site.yaml")
    }

    @Test(arguments: [
        ("edit_url: https://github.com/org/repo/edit/main/", "must hold {path}"),
        ("edit_url: https://example.com/{path}/{path}", "only once"),
        ("edit_url: https://example.com/{branch}/{path}", "no placeholder but {path}"),
        ("edit_url: https://{path}", "after the host name"),
        ("edit_url: javascript:alert(1)//{path}", "javascript"),
        ("edit_url: mailto:editor@example.com?subject={path}", "web address"),
        ("edit_url: /edit/{path}", "web address"),
        ("edit_url: [one, two]", "edit_url"),
    ])
    func badEditURLIsALocatedError(line: String, message: String) {
        let (_, diagnostics) = Self.siteYAML(line)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let error = diagnostics.first
        #expect(error?.severity == .error)
        #expect(error?.location.file == "site.yaml")
        #expect(error?.location.line == 3)
        #expect(error?.location.column == 11)
        #expect(error.map { $0.message.contains(message) } == true, "\(String(describing: error?.message))")
        #expect(error.map { !$0.hint.isEmpty } == true)
    }

    @Test func socialImageRefusesUnsafeSchemes() {
        #expect(Self.siteYAML("social_image: /images/share.png").1.isEmpty)
        let diagnostics = Self.siteYAML("social_image: javascript:alert(1)").1
        #expect(diagnostics.count == 1 && diagnostics.first?.location.line == 3)
    }

    // MARK: - Built pages

    static var site: [String: String] {
        [
            "site/site.yaml": TestSupport.siteYAML + "\nedit_url: https://git.example.com/help/edit/main/{path}\n",
            "site/content/kb/faq/_index.md": "---\ntitle: よくある質問\nweight: 1\n---\n",
            "site/content/kb/faq/login.md": """
                ---
                title: "ログインできない </script><!-- & \\"引用\\""
                summary: パスワードを再設定してください。
                date: 2026-04-14
                updated: 2026-11-20
                ---
                本文です。

                ![画面](images/screen.png)
                """,
            "site/content/kb/faq/nosummary.md": "---\ntitle: 要約なし\n---\n本文\n",
            "site/content/kb/guide/_index.md": "---\ntitle: ガイド\nweight: 2\n---\n",
            "site/content/kb/guide/start.md": "---\ntitle: 始める\nsummary: 最初の一歩\n---\n## 手順\n\n![壊れた画像](bad.png) ![図](flow.svg)\n",
            "site/content/kb/guide/flow.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"></svg>"#,
        ]
    }

    /// The site with its two PNG files: a 640×360 header and one cut short before its size.
    static func files() -> MemoryFileSystem {
        let fileSystem = MemoryFileSystem(site)
        try? fileSystem.write("site/content/kb/faq/images/screen.png", Array(ImageSizeTests.png.prefix(16)) + ImageSizeTests.be32(640) + ImageSizeTests.be32(360) + [8, 2, 0, 0, 0])
        try? fileSystem.write("site/content/kb/guide/bad.png", Array(ImageSizeTests.png.prefix(12)))
        return fileSystem
    }

    static func build(jobs: Int = 2) async -> (BuildResult, MemoryFileSystem) {
        let fileSystem = files()
        let options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: jobs,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        let result = await SiteBuilder(options: options, fileSystem: fileSystem).run()
        return (result, fileSystem)
    }

    /// The JSON-LD nodes of a page, parsed.
    static func structuredData(_ html: String) throws -> [[String: Any]] {
        var nodes: [[String: Any]] = []
        var rest = html[...]
        while let start = rest.firstRange(of: #"<script type="application/ld+json">"#) {
            let after = rest[start.upperBound...]
            guard let end = after.firstRange(of: "</script>") else { break }
            let object = try JSONSerialization.jsonObject(with: Data(after[..<end.lowerBound].utf8))
            if let node = object as? [String: Any] { nodes.append(node) }
            rest = after[end.upperBound...]
        }
        return nodes
    }

    @Test func articlePagesCarryPreviewsAndArticleData() async throws {
        let (result, fs) = await Self.build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let html = try #require(fs.text("out/public/kb/faq/login/index.html"))
        // Attribute values are HTML-escaped.
        #expect(html.contains(#"<meta property="og:title" content="ログインできない &lt;/script&gt;&lt;!-- &amp; &quot;引用&quot;">"#))
        #expect(html.contains(#"<meta property="og:url" content="https://help.example.com/kb/faq/login/">"#))
        #expect(html.contains(#"<meta property="og:type" content="article">"#))
        #expect(html.contains(#"<meta property="og:locale" content="ja_JP">"#))
        #expect(html.contains(#"<meta property="og:description" content="パスワードを再設定してください。">"#))
        #expect(html.contains(#"<meta property="og:image" content="https://help.example.com/kb/faq/images/screen.png">"#))
        #expect(html.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        // The title's `</script>` and `<!--` stay inside the JSON.
        #expect(html.components(separatedBy: "</script>").count - 1 == html.components(separatedBy: "<script").count - 1)
        let nodes = try Self.structuredData(html)
        #expect(nodes.map { $0["@type"] as? String } == ["BreadcrumbList", "Article"])
        let article = nodes[1]
        #expect(article["headline"] as? String == "ログインできない </script><!-- & \"引用\"")
        #expect(article["datePublished"] as? String == "2026-04-14")
        #expect(article["dateModified"] as? String == "2026-11-20")
        #expect(article["inLanguage"] as? String == "ja")
        #expect(article["url"] as? String == "https://help.example.com/kb/faq/login/")
        let crumbs = try #require(nodes[0]["itemListElement"] as? [[String: Any]])
        #expect(crumbs.map { $0["name"] as? String } == ["ホーム", "よくある質問", "ログインできない </script><!-- & \"引用\""])
        #expect(crumbs.map { $0["position"] as? Int } == [1, 2, 3])
        #expect(html.contains(#"<a href="https://git.example.com/help/edit/main/content/kb/faq/login.md" rel="nofollow">このページを編集</a>"#))
        // The lead image, before any heading: sized, not lazy.
        #expect(html.contains(#"<img src="/kb/faq/images/screen.png" alt="画面" width="640" height="360" decoding="async" />"#))
    }

    @Test func faqCategoryListsItsArticlesAsQuestions() async throws {
        let (_, fs) = await Self.build()
        let html = try #require(fs.text("out/public/kb/faq/index.html"))
        let nodes = try Self.structuredData(html)
        #expect(nodes.map { $0["@type"] as? String } == ["BreadcrumbList", "FAQPage"])
        let questions = try #require(nodes[1]["mainEntity"] as? [[String: Any]])
        // The article without a summary has no answer: left out.
        #expect(questions.count == 1)
        #expect(questions.first?["name"] as? String == "ログインできない </script><!-- & \"引用\"")
        let answer = questions.first?["acceptedAnswer"] as? [String: Any]
        #expect(answer?["text"] as? String == "パスワードを再設定してください。")
        #expect(html.contains("content/kb/faq/_index.md"))
        // Another category: no FAQPage; the home page: one crumb, a website.
        let guide = try Self.structuredData(try #require(fs.text("out/public/kb/guide/index.html")))
        #expect(guide.map { $0["@type"] as? String } == ["BreadcrumbList"])
        let home = try #require(fs.text("out/public/index.html"))
        #expect(home.contains(#"<meta property="og:type" content="website">"#))
        #expect(home.contains(#"<meta name="twitter:card" content="summary">"#))
        #expect(!home.contains("このページを編集"))
        let crumbs = try Self.structuredData(home).first?["itemListElement"] as? [[String: Any]]
        #expect(crumbs?.count == 1)
    }

    @Test func unreadableImagesGetNoSizeAndNoDiagnostic() async throws {
        let (result, fs) = await Self.build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = try #require(fs.text("out/public/kb/guide/start/index.html"))
        #expect(html.contains(#"<img src="/kb/guide/bad.png" alt="壊れた画像" loading="lazy" decoding="async" />"#))
        #expect(html.contains(#"<img src="/kb/guide/flow.svg" alt="図" width="120" height="40" loading="lazy" decoding="async" />"#))
        // An SVG is no preview image.
        #expect(!html.contains("og:image"))
    }

    /// `kairan serve`: an image replaced by one of another size renders its pages again, as a full build would.
    @Test func previewRendersPagesAgainWhenTheirImageChanges() async throws {
        let fileSystem = Self.files()
        let image = "content/kb/guide/flow.svg"
        let build = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        let built = await build.rebuild()
        let first = try #require(built.tree, "\(built.diagnostics)")
        let page = try #require(first[.public, "kb/guide/start/index.html"])
        #expect(String(decoding: page, as: UTF8.self).contains(#"width="120" height="40""#))
        try fileSystem.write("site/" + image, text: #"<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"></svg>"#)
        let result = await build.rebuild(changed: [image])
        let tree = try #require(result.tree, "\(result.diagnostics)")
        let again = try #require(tree[.public, "kb/guide/start/index.html"])
        #expect(String(decoding: again, as: UTF8.self).contains(#"width="90" height="30""#))
        let full = try #require(await IncrementalTestSupport.fullBuild(fileSystem).tree)
        #expect(IncrementalTestSupport.differences(tree, full) == [])
    }

    @Test func outputIsTheSameAtAnyJobs() async {
        let (_, one) = await Self.build(jobs: 1)
        let (_, four) = await Self.build(jobs: 4)
        let pages = one.paths.filter { $0.hasPrefix("out/public/") && $0.hasSuffix(".html") }
        #expect(!pages.isEmpty)
        for path in pages { #expect(one.text(path) == four.text(path), "\(path)") }
    }
}
