import Foundation
import Testing

/// `kairan new` on a copy of the demo site: each kind lands where the content format says, with
/// its front matter worked out from the site, refuses to overwrite, and the site still builds.
@Suite struct NewCommandTests {
    private func demoCopy() throws -> String {
        let root = NSTemporaryDirectory() + "kairan-new-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for item in ["site.yaml", "content", "templates"] {
            try FileManager.default.copyItem(atPath: TestSupport.repositoryRoot + "/" + item, toPath: root + "/" + item)
        }
        return root
    }

    private func new(_ arguments: [String], site root: String) throws -> CommandLineTests.Run {
        try CommandLineTests.run(["new"] + arguments + ["--site", root, "--date", "2026-11-25"])
    }

    @Test func scaffoldsEveryKindAndTheSiteStillBuilds() throws {
        let root = try demoCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try CommandLineTests.run(["check", "--site", root, "--date", "2026-11-25"])

        let article = try new(["article", "faq"], site: root)
        #expect(article.status == 0, "\(article.errors)")
        #expect(article.output == root + "/content/kb/faq/new-article.md\n")
        let articleText = try String(contentsOfFile: root + "/content/kb/faq/new-article.md", encoding: .utf8)
        #expect(articleText.contains("weight: 6\n"))  // faq's articles weigh 1–5
        #expect(articleText.contains("date: 2026-11-25\n"))
        #expect(try new(["article", "faq", "printing"], site: root).output.hasSuffix("content/kb/faq/printing.md\n"))

        // The latest release is v1.7.1: the next major is v1.8.0 on the 2nd Tuesday of December.
        #expect(try new(["release"], site: root).status == 0)
        let release = try String(contentsOfFile: root + "/content/releases/v1.8.0.md", encoding: .utf8)
        #expect(release.contains("version: \"1.8.0\"\ndate: 2026-12-08\ntype: major\n"))
        #expect(try new(["release", "hotfix"], site: root).output.hasSuffix("content/releases/v1.8.1.md\n"))
        let hotfix = try String(contentsOfFile: root + "/content/releases/v1.8.1.md", encoding: .utf8)
        #expect(hotfix.contains("type: hotfix\n") && hotfix.contains("## 修正内容"))

        // 2026-11-25 is in ISO week 48; December's first business day is Tuesday the 1st.
        #expect(try new(["weekly"], site: root).output.hasSuffix("content/reports/weekly/2026-W48.md\n"))
        #expect(try new(["newsletter"], site: root).output.hasSuffix("content/newsletters/2026-12.md\n"))
        let newsletter = try String(contentsOfFile: root + "/content/newsletters/2026-12.md", encoding: .utf8)
        #expect(newsletter.contains("date: 2026-12-01\n"))

        let after = try CommandLineTests.run(["check", "--site", root, "--date", "2026-11-25"])
        #expect(after.status == 0, "\(after.errors)")
        #expect(after.errors == before.errors)  // no new warning either
    }

    @Test func refusesToOverwriteAndExplainsMistakes() throws {
        let root = try demoCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let existing = try new(["weekly"], site: root)
        #expect(existing.status == 0)
        let again = try new(["weekly"], site: root)
        #expect(again.status == 2)
        #expect(again.errors.contains("content/reports/weekly/2026-W48.md already exists; refusing to overwrite it"))
        let unknown = try new(["article", "nope"], site: root)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("no category `nope`") && unknown.errors.contains("faq"))
        let old = try new(["release", "1.0.0"], site: root)
        #expect(old.status == 2)
        #expect(old.errors.contains("v1.0.0 is not after the latest release v1.7.1"))
        #expect(try new(["kind"], site: root).status == 2)
    }
}
