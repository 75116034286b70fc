import Foundation
import Testing
@testable import KairanCore

@Suite struct HeadingAnchorTests {
    @Test func japaneseHeadingsKeepTheirText() {
        #expect(HeadingAnchors.slug("復旧コード") == "復旧コード")
        #expect(HeadingAnchors.slug("手順 1：ログイン（管理者）") == "手順-1ログイン管理者")
        #expect(HeadingAnchors.slug("Step 2: Export CSV") == "step-2-export-csv")
        #expect(HeadingAnchors.slug("！？") == "section")
    }

    @Test func duplicatesGetStableSuffixes() {
        var anchors = HeadingAnchors()
        #expect(anchors.id(for: "注意") == "注意")
        #expect(anchors.id(for: "注意") == "注意-1")
        #expect(anchors.id(for: "注意-1") == "注意-1-1")
        #expect(anchors.id(for: "注意") == "注意-2")
    }
}

@Suite struct LinkResolverTests {
    let resolver = LinkResolver(
        pages: ["content/kb/billing/invoice.md": "/kb/billing/invoice/", "content/kb/faq/login.md": "/kb/faq/login/"],
        assets: ["content/kb/faq/screen.png"], sitePaths: ["/kb/billing/", "/"], basePath: "/")

    @Test func markdownLinksBecomePageURLs() {
        #expect(resolver.resolve("../billing/invoice.md", from: "content/kb/faq/login.md")
                == .rewrite(url: "/kb/billing/invoice/", targetSource: "content/kb/billing/invoice.md", fragment: nil))
        #expect(resolver.resolve("invoice.md#請求書", from: "content/kb/billing/x.md")
                == .rewrite(url: "/kb/billing/invoice/#請求書", targetSource: "content/kb/billing/invoice.md", fragment: "請求書"))
    }

    @Test func missingTargetsAreBroken() {
        guard case .broken(let message, _) = resolver.resolve("../billing/nope.md", from: "content/kb/faq/login.md") else {
            Issue.record("expected a broken link")
            return
        }
        #expect(message.contains("content/kb/billing/nope.md"))
        if case .broken = resolver.resolve("/kb/nowhere/", from: "content/kb/faq/login.md") {} else { Issue.record("site path not checked") }
    }

    @Test func unsafeSchemesAreDroppedSafeOnesKept() {
        for bad in ["javascript:alert(1)", "JavaScript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd"] {
            if case .drop = resolver.resolve(bad, from: "content/kb/faq/login.md") {} else { Issue.record("\(bad) was not dropped") }
        }
        for good in ["https://example.com/", "mailto:support@example.com", "tel:0120000000", "#手順"] {
            #expect(resolver.resolve(good, from: "content/kb/faq/login.md") == .keep)
        }
    }

    @Test func assetsAndSiteAbsolutePaths() {
        #expect(resolver.resolve("screen.png", from: "content/kb/faq/login.md")
                == .rewrite(url: "/kb/faq/screen.png", targetSource: "content/kb/faq/screen.png", fragment: nil))
        #expect(resolver.resolve("/kb/billing", from: "content/kb/faq/login.md")
                == .rewrite(url: "/kb/billing/", targetSource: nil, fragment: nil))
    }
}

@Suite struct MarkdownRendererTests {
    func render(_ markdown: String, raw: Bool = false, offset: Int = 0) -> (RenderedMarkdown, [Diagnostic]) {
        let links = LinkResolver(pages: ["content/kb/a/b.md": "/kb/a/b/"], assets: [], sitePaths: [], basePath: "/help/")
        let log = DiagnosticLog()
        let result = MarkdownRenderer(allowRawHTML: raw, links: links)
            .render(MarkdownSource(text: markdown, lineOffset: offset), file: "content/kb/a/x.md", log: log)
        return (result, log.items)
    }

    @Test func rawHTMLIsShownAsTextByDefault() {
        let (result, diagnostics) = render("<script>alert(1)</script>\n\nテキスト<b onclick=\"x\">太字</b>\n")
        #expect(!result.html.contains("<script"))
        #expect(!result.html.contains("<b "))
        #expect(result.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(result.html.contains("&lt;b onclick=&quot;x&quot;&gt;"))
        #expect(diagnostics.count == 1 && diagnostics[0].severity == .warning)
    }

    @Test func optedInRawHTMLStillPassesTheTagFilter() {
        let (result, diagnostics) = render("<div class=\"note\">注意</div>\n\n<script>alert(1)</script>\n", raw: true)
        #expect(result.html.contains("<div class=\"note\">注意</div>"))
        #expect(result.html.contains("&lt;script>"))
        #expect(diagnostics.isEmpty)
    }

    @Test func javascriptLinksAreRemovedKeepingTheirText() {
        let (result, diagnostics) = render("[押して](javascript:alert(1)) と ![画像](javascript:x)\n")
        #expect(!result.html.lowercased().contains("javascript"))
        #expect(result.html.contains("押して"))
        #expect(diagnostics.filter { $0.message.contains("javascript") }.count == 2)
    }

    @Test func headingsGetIDsAndAnchorLinks() {
        let (result, _) = render("## 設定手順\n\n### 注意\n\n### 注意\n")
        #expect(result.headings.map(\.id) == ["設定手順", "注意", "注意-1"])
        #expect(result.html.contains("<h2 id=\"設定手順\">設定手順<a class=\"anchor\" href=\"#設定手順\""))
    }

    @Test func headingIDsAreTheSameWithAndWithoutRawHTML() {
        let markdown = "# 題\n\n## 設定 **手順** `code`\n\n```\n<h2>not a heading</h2>\n```\n\n### 注意 [リンク](https://example.com)\n\n## 設定 **手順** `code`\n"
        let (plain, _) = render(markdown)
        let (raw, _) = render(markdown, raw: true)
        #expect(plain.html == raw.html)
        #expect(plain.headings.map(\.id) == ["題", "設定-手順-code", "注意-リンク", "設定-手順-code-1"])
        #expect(plain.html.contains("<h2 id=\"設定-手順-code\">設定 <strong>手順</strong> <code>code</code><a class=\"anchor\" href=\"#設定-手順-code\""))
        #expect(plain.html.contains("&lt;h2&gt;not a heading&lt;/h2&gt;"))
    }

    @Test func brokenLinkIsReportedAtItsLineAndCharacterColumn() {
        let (_, diagnostics) = render("一行目\n\n日本語の文の中に[壊れた](missing.md)リンク\n", offset: 5)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(file: "content/kb/a/x.md", line: 8, column: 9))
    }

    @Test func githubFlavouredExtensions() {
        let (result, _) = render("""
            | 項目 | 値 |
            |:--|--:|
            | a | 1 |

            - [x] 完了
            - [ ] 未完了

            ~~旧~~ https://example.com 脚注[^1]

            [^1]: 注記
            """)
        #expect(result.html.contains("<table>"))
        #expect(result.html.contains("style=\"text-align: right\""))
        #expect(!result.html.contains("align=\""))
        #expect(result.html.contains("type=\"checkbox\""))
        #expect(result.html.contains("<del>旧</del>"))
        #expect(result.html.contains("<a href=\"https://example.com\">"))
        #expect(result.html.contains("class=\"footnotes\""))
    }

    @Test func linksGetTheBasePath() {
        let (result, _) = render("[b](../a/b.md)\n")
        #expect(result.html.contains("href=\"/help/kb/a/b/\""))
    }
}

@Suite struct EscapingTests {
    @Test func escapesTheFiveCharacters() {
        #expect(HTMLEscaping.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLEscaping.escape("日本語") == "日本語")
    }

    @Test func valuesFromYAMLAreEscapedInPages() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/xss.md"] = """
            ---
            title: "<script>alert('t')</script>"
            summary: "\\" onmouseover=\\"alert(1)"
            tags: ["<img src=x onerror=alert(1)>"]
            ---
            本文
            """
        let (result, fileSystem) = await TestSupport.build(files)
        #expect(!result.failed)
        for path in fileSystem.paths where path.hasSuffix(".html") {
            let html = fileSystem.text(path) ?? ""
            #expect(!html.contains("<script>alert"), "\(path)")
            #expect(!html.contains("<img src=x"), "\(path)")
            #expect(!html.contains("\" onmouseover=\"alert"), "\(path)")
        }
        #expect(fileSystem.text("out/public/kb/start/xss/index.html")?.contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;") == true)
    }
}

/// The heading-id fast path (ASCII, kana, kanji) gives exactly what the Unicode-property rule gives.
@Suite struct HeadingAnchorFastPathTests {
    @Test func fastPathAgreesWithTheRule() throws {
        var samples = ["復旧コード", "Step 1: ログイン", "よくある質問（FAQ）", "2段階認証・SMS", "「受付」ロール", "A-B_C d　e", "ー長音ー", "!!!",
                       "Ｆｕｌｌ ｗｉｄｔｈ", "Café au lait", "ﾊﾝｶｸ", "𠮷野家", "Ωmega", "日報、レポート。", "v1.7.0 の新機能", ""]
        // Every heading of the demo site too.
        let root = TestSupport.repositoryRoot + "/content/kb"
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("#") {
                samples.append(String(line.drop { $0 == "#" }.dropFirst()))
            }
        }
        #expect(samples.count > 100)
        for sample in samples {
            let expected = HeadingAnchors.slugByProperties(sample)
            #expect(HeadingAnchors.slug(sample) == (expected.isEmpty ? "section" : expected), "\(sample)")
        }
    }
}
