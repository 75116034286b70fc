import Testing
@testable import KairanCore

/// Navigation, lists, feeds, pagers and copied files only ever show what their audience may see.
@Suite struct AudienceLeakTests {
    static func release(_ version: String, date: String, title: String, type: String = "hotfix", extra: String = "") -> String {
        "---\nversion: \"\(version)\"\ndate: \(date)\ntype: \(type)\ntitle: \(title)\nsummary: 要約\n\(extra)---\n## 修正内容\n\n- 修正\n"
    }

    static var releases: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/releases/1.0.0.md"] = release("1.0.0", date: "2026-04-14", title: "最初の版", type: "major")
        files["site/content/releases/1.0.1.md"] = release("1.0.1", date: "2026-04-20", title: "INTERNAL-ONLY-TITLE-42", extra: "audience: internal\n")
        files["site/content/releases/1.0.2.md"] = release("1.0.2", date: "2026-04-22", title: "CUSTOMERS-ONLY-TITLE-7", extra: "audience: customers\n")
        files["site/content/releases/1.0.3.md"] = release("1.0.3", date: "2026-04-24", title: "DRAFT-TITLE-9", extra: "draft: true\n")
        files["site/content/releases/1.0.4.md"] = release("1.0.4", date: "2026-04-28", title: "次の公開版")
        return files
    }

    @Test func aPublicReleasePagerSkipsOtherAudiencesAndDrafts() async {
        let (result, fs) = await TestSupport.build(Self.releases)
        #expect(!result.failed, "\(result.diagnostics)")
        let first = fs.text("out/public/releases/1.0.0/index.html") ?? ""
        #expect(first.contains("/releases/1.0.4/"), "the newer public release is the pager's next")
        for hidden in ["INTERNAL-ONLY-TITLE-42", "CUSTOMERS-ONLY-TITLE-7", "DRAFT-TITLE-9", "1.0.1", "1.0.2", "1.0.3"] {
            #expect(!first.contains(hidden), "public page names \(hidden)")
        }
        for path in fs.paths where path.hasPrefix("out/public/") {
            let text = fs.text(path) ?? ""
            #expect(!text.contains("INTERNAL-ONLY-TITLE-42") && !text.contains("CUSTOMERS-ONLY-TITLE-7") && !text.contains("DRAFT-TITLE-9"),
                    "\(path) leaks a non-public release")
        }
        // The internal release's own pager stays inside its audience (it has no internal neighbour).
        let internalPage = fs.text("out/internal/releases/1.0.1/index.html") ?? ""
        #expect(!internalPage.contains("/releases/1.0.0/") && !internalPage.contains("/releases/1.0.4/"))
    }

    @Test func anImageOnlyADraftUsesIsNotPublished() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/draft.md"] = "---\ntitle: 下書き\ndraft: true\n---\n![画面](secret-screen.png)\n"
        files["site/content/kb/start/secret-screen.png"] = "PNG-DRAFT-ONLY"
        files["site/content/kb/start/login.md"]! += "\n![ログイン画面](login.png)\n"
        files["site/content/kb/start/login.png"] = "PNG-PUBLISHED"
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(fs.text("out/public/kb/start/secret-screen.png") == nil)
        #expect(fs.text("out/public/kb/start/login.png") == "PNG-PUBLISHED")
        // With --drafts the draft and its image are previewed.
        let (_, preview) = await TestSupport.build(files, drafts: true)
        #expect(preview.text("out/public/kb/start/secret-screen.png") == "PNG-DRAFT-ONLY")
    }

    @Test func markdownInACategorySubFolderIsAnErrorAndNeverCopied() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/old/notes.md"] = "---\ntitle: 内部メモ\ndraft: true\n---\nINTERNAL-NOTE\n"
        let (result, fs) = await TestSupport.build(files, write: true)
        #expect(result.diagnostics.map(\.description).contains {
            $0.hasPrefix("content/kb/start/old/notes.md: error: Markdown in a sub-folder of a category makes no page")
        }, "\(result.diagnostics)")
        #expect(result.errorCount == 1)
        #expect(!fs.paths.contains { $0.hasPrefix("out/public/") && (fs.text($0) ?? "").contains("INTERNAL-NOTE") })
    }
}
