import Testing
@testable import KairanCore

@Suite struct ReleaseTests {
    private func parse(_ text: String) -> (Release?, [Diagnostic]) {
        let log = DiagnosticLog()
        return (ReleaseLoader.parse(text, path: "content/releases/v1.md", log: log), log.items)
    }

    @Test func sectionsComeFromHeadingsOrFrontMatter() {
        let (release, diagnostics) = parse("""
            ---
            version: "1.2.0"
            date: 2026-06-09
            type: major
            title: T
            fixes: [不具合A]
            ---
            前文

            ## 新機能

            - 機能

            ## おまけ

            - 不明な節

            ```
            ## 改善 (in code, not a heading)
            ```
            """)
        let value = try! #require(release)
        #expect(value.sections.map(\.kind) == [.features, .fixes])
        #expect(value.sections[0].body.text.contains("不明な節"))
        #expect(value.sections[0].body.text.contains("## 改善 (in code"))
        #expect(value.introduction.text.contains("前文"))
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].location.line == 14)
        #expect(diagnostics[0].hint.contains("新機能, 改善, バグ修正, 既知の制限, 修正内容, 影響範囲"))
    }

    @Test func fieldErrorsNameTheirLines() {
        let (release, diagnostics) = parse("---\nversion: 1.2\ndate: 2026-13-01\ntype: patch\n---\n")
        #expect(release == nil)
        let lines = diagnostics.sortedForReport().map { "\($0.location.line): \($0.message)" }
        #expect(lines.contains { $0.hasPrefix("2: `version` must be a semantic version") })
        #expect(lines.contains { $0.hasPrefix("3: `date` 2026-13-01 is not a day: there is no month 13") })
        #expect(lines.contains { $0.hasPrefix("4: `type` must be one of major, minor, hotfix") })
        #expect(lines.contains { $0.contains("missing required key `title`") })
    }

    @Test func bumpRules() {
        let v = { SemanticVersion($0)! }
        #expect(ReleaseRules.bumpProblem(from: v("1.4.0"), to: v("1.5.0"), type: .major) == nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.2"), to: v("2.0.0"), type: .major) == nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.0"), to: v("1.4.1"), type: .major) != nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.0"), to: v("1.5.1"), type: .major) != nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.0"), to: v("1.4.1"), type: .hotfix) == nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.1"), to: v("1.4.2"), type: .minor) == nil)
        #expect(ReleaseRules.bumpProblem(from: v("1.4.1"), to: v("1.5.0"), type: .hotfix) != nil)
        #expect(SemanticVersion("01.2.3") == nil && SemanticVersion("v1.2.3") == v("1.2.3"))
    }

    @Test func crossReleaseErrorsAreReportedWithTheirFile() async {
        var files = TestSupport.smallSite
        let release = { (version: String, date: String, type: String) in
            "---\nversion: \"\(version)\"\ndate: \(date)\ntype: \(type)\ntitle: R\(version)\n---\n"
        }
        files["site/content/releases/a.md"] = release("1.0.0", "2026-04-14", "major")
        files["site/content/releases/b.md"] = release("1.1.0", "2026-04-01", "major")
        files["site/content/releases/c.md"] = release("1.1.1", "2026-05-01", "major")
        files["site/content/releases/d.md"] = release("1.1.1", "2026-05-02", "hotfix")
        let (result, _) = await TestSupport.build(files)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("content/releases/b.md:1:1: error: 1.1.0 is dated 2026-04-01, before 1.0.0") })
        #expect(messages.contains { $0.hasPrefix("content/releases/c.md:1:1: error: 1.1.1 is a major release") })
        #expect(messages.contains { $0.contains("version 1.1.1 is also released by content/releases/c.md") })
    }

    @Test func unknownBacklogIDsAreErrorsOnceABacklogExists() async {
        var files = TestSupport.smallSite
        files["site/content/releases/a.md"] = "---\nversion: \"1.0.0\"\ndate: 2026-04-14\ntype: major\ntitle: A\nbacklog: [BL-001, BL-999]\n---\n"
        let (without, _) = await TestSupport.build(files)
        #expect(!without.diagnostics.contains { $0.message.contains("BL-999") }, "no backlog yet: nothing to check against")
        files["site/content/data/backlog.yaml"] = """
            items:
              - {id: BL-001, title: モバイル最適化, category: Enhancement, priority: Critical, estimate: M, value: 9, owner: Frontend,
                 horizon: immediate, due: 2026-05-12, status: done, done_on: 2026-04-14, requested_by: [A院, B院, C院], approved_by: Tech Lead}
            """
        let (with, _) = await TestSupport.build(files)
        let errors = with.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/releases/a.md:6:10: error: backlog item BL-999 does not exist in content/data/backlog.yaml") == true)
    }

    @Test func feedIDsSurviveEditsButNotVersionChanges() async {
        var files = TestSupport.smallSite
        files["site/content/releases/a.md"] = "---\nversion: \"1.0.0\"\ndate: 2026-04-14\ntype: major\ntitle: 最初\n---\n## 新機能\n\n- A\n"
        let (_, before) = await TestSupport.build(files)
        files["site/content/releases/a.md"] = "---\nversion: \"1.0.0\"\ndate: 2026-04-15\ntype: major\ntitle: 名前を変更\nsummary: 追記\n---\n## 新機能\n\n- B\n"
        let (_, after) = await TestSupport.build(files)
        let id = "<id>tag:help.example.com,2026:release/1.0.0</id>"
        #expect(before.text("out/public/releases/atom.xml")?.contains(id) == true)
        #expect(after.text("out/public/releases/atom.xml")?.contains(id) == true)
        #expect(after.text("out/public/releases/inapp.json")?.contains("\"id\": \"tag:help.example.com,2026:release/1.0.0\"") == true)
    }

    @Test func homeShowsTheLatestPublicRelease() async {
        var files = TestSupport.smallSite
        files["site/content/releases/a.md"] = "---\nversion: \"1.0.0\"\ndate: 2026-04-14\ntype: major\ntitle: 最初\n---\n"
        files["site/content/releases/b.md"] = "---\nversion: \"1.1.0\"\ndate: 2026-05-12\ntype: major\ntitle: 二番目\n---\n"
        files["site/content/releases/c.md"] = "---\nversion: \"1.2.0\"\ndate: 2026-06-09\ntype: major\ntitle: 社内のみ\naudience: internal\n---\n"
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed, "\(result.diagnostics)")
        let home = fs.text("out/public/index.html") ?? ""
        #expect(home.contains("v1.1.0 二番目"))
        #expect(fs.text("out/public/releases/1.2.0/index.html") == nil)
        #expect(fs.text("out/internal/releases/1.2.0/index.html") != nil)
        #expect(fs.text("out/public/releases/atom.xml")?.contains("社内のみ") == false)
    }
}
