import Testing
@testable import KairanCore

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBodyAndCountsLines() {
        let log = DiagnosticLog()
        let split = FrontMatter.split("---\ntitle: A\n---\nbody\n", file: "a.md", log: log)
        #expect(split.yaml == "title: A\n")
        #expect(split.body.text == "body\n")
        #expect(split.body.lineOffset == 3)
        #expect(log.items.isEmpty)
    }

    @Test func acceptsCRLFAndByteOrderMark() {
        let log = DiagnosticLog()
        let split = FrontMatter.split("\u{FEFF}---\r\ntitle: A\r\n---\r\nbody\r\n", file: "a.md", log: log)
        #expect(split.yaml == "title: A\n")
        #expect(split.body.text == "body\n")
    }

    @Test func fileWithoutFrontMatterIsAllBody() {
        let log = DiagnosticLog()
        let split = FrontMatter.split("# 見出し\n", file: "a.md", log: log)
        #expect(!split.present)
        #expect(split.body.text == "# 見出し\n")
    }

    @Test func unclosedFrontMatterIsAnErrorAtLineOne() {
        let log = DiagnosticLog()
        _ = FrontMatter.split("---\ntitle: A\nbody\n", file: "a.md", log: log)
        #expect(log.items.count == 1)
        #expect(log.items[0].location == SourceLocation(file: "a.md", line: 1, column: 1))
        #expect(log.items[0].message.contains("never closed"))
    }

    @Test func titleFallsBackToFirstHeadingOutsideCode() {
        #expect(ArticleParser.firstHeading(in: "```\n# not this\n```\n\n# 本当の見出し\n") == "本当の見出し")
        #expect(ArticleParser.firstHeading(in: "## only h2\n") == nil)
    }
}

@Suite struct ArticleParserTests {
    private func parse(_ text: String) -> (Article?, [Diagnostic]) {
        let log = DiagnosticLog()
        let article = ArticleParser.article(text: text, path: "content/kb/faq/a.md", categorySlug: "faq", fileSlug: "a", log: log)
        return (article, log.items)
    }

    @Test func readsEveryField() throws {
        let (article, diagnostics) = parse("""
            ---
            title: "タイトル: 副題"
            summary: 要約
            tags: [初心者, 管理者, 初心者]
            date: 2026-04-14
            updated: 2026-11-25
            weight: 3
            draft: true
            slug: custom
            video: https://www.youtube-nocookie.com/embed/abcdefghijk
            duration: 12
            ---
            本文
            """)
        #expect(diagnostics.isEmpty)
        let value = try! #require(article)
        #expect(value.title == "タイトル: 副題")
        #expect(value.tags == ["初心者", "管理者"])
        #expect(value.date == CivilDate(year: 2026, month: 4, day: 14))
        #expect(value.updated == CivilDate(year: 2026, month: 11, day: 25))
        #expect(value.weight == 3 && value.draft && value.slug == "custom")
        #expect(value.video == Article.Video(url: try SafeURL("https://www.youtube-nocookie.com/embed/abcdefghijk"), minutes: 12))
        #expect(value.body.lineOffset == 12)
    }

    @Test func unknownKeyNamesLocationAndExpectedKeys() {
        let (_, diagnostics) = parse("---\ntitle: A\ntagz: [x]\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].location == SourceLocation(file: "content/kb/faq/a.md", line: 3, column: 1))
        #expect(diagnostics[0].message == "unknown key `tagz` in front matter")
        #expect(diagnostics[0].hint.contains("did you mean `tags`?"))
        #expect(diagnostics[0].hint.contains("expected keys: title, summary, tags"))
    }

    @Test func wrongTypesAreReportedAtTheValue() {
        let (_, found) = parse("---\ntitle: A\nweight: heavy\ndate: 2026/04/14\ndraft: yes\n---\n")
        let diagnostics = found.sortedForReport()
        #expect(diagnostics.map(\.location.line) == [3, 4, 5])
        #expect(diagnostics[0].message.contains("whole number"))
        #expect(diagnostics[0].location.column == 9)
        #expect(diagnostics[1].message.contains("YYYY-MM-DD"))
        #expect(diagnostics[2].message.contains("true or false"))
    }

    @Test func brokenYAMLPointsIntoTheFile() {
        let (article, diagnostics) = parse("---\ntitle: A\ntags: [a, b\n---\n")
        #expect(article == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.hasPrefix("YAML syntax"))
        #expect(diagnostics[0].location.file == "content/kb/faq/a.md")
        #expect(diagnostics[0].location.line >= 3)
    }

    @Test func missingTitleWithoutHeadingIsAnError() {
        let (article, diagnostics) = parse("---\nsummary: x\n---\nno heading\n")
        #expect(article == nil)
        #expect(diagnostics.first?.message == "article has no title")
    }

    @Test func unsafeSlugAndVideoAreRejected() {
        let (_, slugDiagnostics) = parse("---\ntitle: A\nslug: ../../etc\n---\n")
        #expect(slugDiagnostics.contains { $0.message.contains("slug \"../../etc\" starts with `.`") })
        let (_, videoDiagnostics) = parse("---\ntitle: A\nvideo: javascript:alert(1)\n---\n")
        #expect(videoDiagnostics.contains { $0.message.contains("`video` uses the scheme `javascript:`") })
        let (_, httpDiagnostics) = parse("---\ntitle: A\nvideo: https://example.com/page\n---\n")
        #expect(httpDiagnostics.contains { $0.message.contains("`video` must be an https URL") })
    }
}

@Suite struct SiteConfigTests {
    @Test func unknownAndMissingKeysAreAllReported() {
        let log = DiagnosticLog()
        let node = YAMLDocument.parse("titel: x\nlanguage: ja\n", file: "site.yaml", lineOffset: 0, log: log)
        _ = SiteConfigLoader.decode(node!, file: "site.yaml", log: log)
        let messages = log.items.map(\.message)
        #expect(messages.contains("unknown key `titel` in site.yaml"))
        #expect(messages.contains("missing required key `title`"))
        #expect(messages.contains("missing required key `base_url`"))
    }

    @Test func supportBlockIsTyped() {
        let log = DiagnosticLog()
        let yaml = """
            title: T
            base_url: https://h.example.com
            support:
              hours: 平日 9:00-18:00
              channels:
                - {name: メール, kind: email, address: support@example.com, response: 4時間以内}
                - {name: 伝書鳩, kind: pigeon}
              sla:
                - {tier: Tier 1, first_response: 4時間以内, resolution: 24時間以内}
            """
        let config = SiteConfigLoader.decode(YAMLDocument.parse(yaml, file: "site.yaml", lineOffset: 0, log: log)!, file: "site.yaml", log: log)
        #expect(config?.baseURL == "https://h.example.com/")
        #expect(config?.support.channels.first?.hours == "平日 9:00-18:00")
        #expect(config?.support.sla.first?.firstResponse == "4時間以内")
        #expect(log.items.count == 1)
        #expect(log.items[0].message.contains("must be one of email, chat, phone, web"))
        #expect(log.items[0].location.line == 7)
    }
}
