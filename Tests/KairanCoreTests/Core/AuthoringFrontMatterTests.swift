import Testing
@testable import KairanCore

/// Front matter as writers arriving from Hugo write it: TOML, date-times, and the mistakes that
/// used to pass silently (a comma list without brackets, a day that does not exist, a repeated key).
@Suite struct AuthoringFrontMatterTests {
    func article(_ text: String) -> (Article?, [Diagnostic]) {
        let log = DiagnosticLog()
        let article = ArticleParser.article(text: text, path: "content/kb/a/x.md", categorySlug: "a", fileSlug: "x", log: log)
        return (article, log.items)
    }

    @Test func tomlFrontMatterReadsTheSameKeysAsYAML() {
        let (toml, tomlDiagnostics) = article("""
            +++
            title = "ログインする"
            summary = 'TOML の要約'
            tags = ["初心者", "ログイン"]
            date = 2026-04-14
            updated = 2026-11-20T10:00:00+09:00
            weight = 3
            draft = false
            +++
            本文
            """)
        let (yaml, _) = article("---\ntitle: ログインする\nsummary: TOML の要約\ntags: [初心者, ログイン]\ndate: 2026-04-14\nupdated: 2026-11-20\nweight: 3\ndraft: false\n---\n本文")
        #expect(tomlDiagnostics.isEmpty, "\(tomlDiagnostics)")
        #expect(toml != nil && toml == yaml)
        #expect(toml?.body.lineOffset == 9)
    }

    @Test func tomlMistakesAreLocatedLikeYAMLOnes() {
        let (_, unknown) = article("+++\ntitle = \"A\"\nlastmod = 2026-01-01\n+++\n")
        #expect(unknown.map(\.location) == [SourceLocation(file: "content/kb/a/x.md", line: 3, column: 1)])
        #expect(unknown.first?.message == "unknown key `lastmod` in front matter")
        let (_, duplicate) = article("+++\ntitle = \"A\"\nweight = 1\ntitle = \"B\"\n+++\n")
        #expect(duplicate.count == 1)
        #expect(duplicate.first?.location == SourceLocation(file: "content/kb/a/x.md", line: 4, column: 1))
        #expect(duplicate.first?.hint.contains("line 2") == true)
        let (_, wrongType) = article("+++\ntitle = \"A\"\nweight = \"重い\"\n+++\n")
        #expect(wrongType.first?.location == SourceLocation(file: "content/kb/a/x.md", line: 3, column: 10))
        let (_, broken) = article("+++\ntitle = \"A\n+++\n")
        #expect(broken.count == 1 && broken.first?.location.line == 2)
        let (_, unclosed) = article("+++\ntitle = \"A\"\n")
        #expect(unclosed.first?.message.contains("`+++` is never closed") == true)
    }

    @Test func hugoDateTimesGiveTheirDayInJapan() {
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T10:00:00+09:00") == CivilDate(iso: "2024-05-01"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T23:30:00Z") == CivilDate(iso: "2024-05-02"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T05:00:00-08:00") == CivilDate(iso: "2024-05-01"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T00:30:00+14:00") == CivilDate(iso: "2024-04-30"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01 10:00") == CivilDate(iso: "2024-05-01"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T10:00:00.123+09:00") == CivilDate(iso: "2024-05-01"))
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01T25:00:00") == nil)
        #expect(CivilDate(dateTimeInSiteZone: "2024-05-01Tnoon") == nil)
        let (yaml, diagnostics) = article("---\ntitle: A\ndate: 2024-05-01T10:00:00+09:00\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(yaml?.date == CivilDate(iso: "2024-05-01"))
    }

    @Test func aDayThatDoesNotExistIsNamed() {
        let (_, diagnostics) = article("---\ntitle: A\ndate: 2026-11-31\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "content/kb/a/x.md", line: 3, column: 7))
        #expect(diagnostics.first?.message == "`date` 2026-11-31 is not a day: November 2026 has 30 days")
        #expect(diagnostics.first?.hint.isEmpty == false)
        let (_, leap) = article("+++\ntitle = \"A\"\nupdated = \"2026-02-29\"\n+++\n")
        #expect(leap.first?.message.contains("February 2026 has 28 days") == true)
    }

    @Test func aCommaListWithoutBracketsIsAnError() {
        let (_, diagnostics) = article("---\ntitle: A\ntags: レセプト, 月次作業\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "content/kb/a/x.md", line: 3, column: 7))
        #expect(diagnostics.first?.hint.contains("`tags: [レセプト, 月次作業]`") == true)
        let (single, none) = article("---\ntitle: A\ntags: レセプト\n---\n")
        #expect(none.isEmpty && single?.tags == ["レセプト"])
    }

    @Test func aRepeatedYAMLKeyIsLocatedWithAHint() {
        let (_, diagnostics) = article("---\ntitle: A\nsummary: B\ntitle: C\n---\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == SourceLocation(file: "content/kb/a/x.md", line: 4, column: 1))
        #expect(diagnostics.first?.hint.isEmpty == false)
    }

    @Test func titlesFromHeadingsArePlainText() {
        #expect(MarkdownPlainText.inline("**請求** の `CSV` と \\<script setup> {#billing}") == "請求 の CSV と <script setup>")
        #expect(MarkdownPlainText.inline("改行<br>と<sup class=\"x\">上付き</sup> &amp; [リンク](a.md)") == "改行と上付き & リンク")
        let (article, _) = article("# *はじめて*のログイン {#first-login}\n\n本文\n")
        #expect(article?.title == "はじめてのログイン")
        let log = DiagnosticLog()
        let category = ArticleParser.category(text: "# 請求 **と** 支払い\n\n説明\n", path: "content/kb/billing/_index.md", slug: "billing", log: log)
        #expect(log.items.isEmpty)
        #expect(category?.title == "請求 と 支払い")
        #expect(category?.titleFromHeading == true)
        _ = ArticleParser.category(text: "説明だけ\n", path: "content/kb/billing/_index.md", slug: "billing", log: log)
        #expect(log.items.first?.message == "missing required key `title`")
    }
}

/// Links to fragments are checked wherever they point: site-absolute links and footnotes too.
@Suite struct AuthoringAnchorTests {
    @Test func fragmentsOfSiteAbsoluteLinksAndFootnotesAreChecked() async {
        var site = TestSupport.smallSite
        site["site/content/kb/start/links.md"] = """
            ---
            title: リンク集
            ---
            [手順](/kb/start/login/#手順) [ない](/kb/start/login/#nope) [注](#fn-1) [ない注](#fnmissing) [id](../account/password.md#reset)

            本文[^1]

            [^1]: 注
            """
        site["site/content/kb/account/password.md"] = (site["site/content/kb/account/password.md"] ?? "") + "\n\n## 独自の id {#reset}\n"
        let (result, _) = await TestSupport.build(site, write: false)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message).sorted() == ["anchor #fnmissing does not exist in content/kb/start/links.md",
                                                  "anchor #nope does not exist in content/kb/start/login.md"])
        #expect(errors.allSatisfy { $0.location.line == 4 })
    }

    @Test func titlesTakenFromHeadingsAreTextInTitleAndLists() async {
        var site = TestSupport.smallSite
        site["site/content/kb/start/markup.md"] = "# `kairan` と **太字** {#top}\n\n本文\n"
        let (result, fs) = await TestSupport.build(site)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let page = fs.text("out/public/kb/start/markup/index.html") ?? ""
        #expect(page.contains("<title>kairan と 太字"))
        #expect(!page.contains("{#top}"))
        let list = fs.text("out/public/kb/start/index.html") ?? ""
        #expect(list.contains("kairan と 太字") && !list.contains("**"))
    }
}
