import Testing
@testable import KairanCore

/// cmark-gfm keeps the extensions' special inline characters (`~` for strikethrough, `:` and `w`
/// for autolinks) in one process-wide table that every parser used to switch on and off again:
/// under parallel rendering, one page's parser finishing switched them off in the middle of
/// another page's parse, and `~~旧画面~~` stayed literal on about one page in ten.
@Suite struct MarkdownThreadSafetyTests {
    /// A page that uses every GFM construct Kairan enables.
    static func page(_ index: Int) -> String {
        """
        ---
        title: 拡張\(index)
        date: 2026-05-01
        ---
        ~~旧画面\(index)~~ は新画面になりました。詳しくは https://example.com/\(index) と www.example.com を参照。

        | 項目 | 値 |
        | --- | --- |
        | 番号 | \(index) |

        - [x] 完了\(index)
        - [ ] 未完了

        脚注つきの文です[^n\(index)]。<title>消える</title>

        [^n\(index)]: 脚注\(index)。

        """
    }

    static var site: [String: String] {
        var files: [String: String] = [
            "site/site.yaml": TestSupport.siteYAML + "\nallow_raw_html: true\n",
            "site/content/kb/gfm/_index.md": "---\ntitle: 拡張\n---\n",
        ]
        for index in 0..<300 { files["site/content/kb/gfm/p\(index).md"] = page(index) }
        return files
    }

    /// On Linux the dynamic linker binds Kairan's no-op switch in place of the library's, so pages
    /// parse in parallel without a lock (elsewhere the lock keeps them correct, only slower).
    @Test func parsesNeedNoLock() {
        MarkdownExtensions.prepare()
        #if os(Linux)
        #expect(MarkdownExtensions.parallelSafeWithoutLock)
        #endif
    }

    @Test func everyConstructIsRenderedOnEveryPageWhateverTheJobs() async {
        var reference: [String: String]?
        for jobs in [1, 2, 8, 2, 8] {
            let (result, fs) = await TestSupport.build(Self.site, jobs: jobs)
            #expect(!result.failed, "\(result.diagnostics)")
            var pages: [String: String] = [:]
            for index in 0..<300 {
                let html = fs.text("out/public/kb/gfm/p\(index)/index.html") ?? ""
                pages["p\(index)"] = html
                #expect(html.contains("<del>旧画面\(index)</del>"), "jobs \(jobs): strikethrough missing on p\(index)")
                #expect(html.contains("<a href=\"https://example.com/\(index)\">"), "jobs \(jobs): URL autolink missing on p\(index)")
                #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"), "jobs \(jobs): www autolink missing on p\(index)")
                #expect(html.contains("<table>"), "jobs \(jobs): table missing on p\(index)")
                #expect(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""), "jobs \(jobs): task list missing on p\(index)")
                #expect(html.contains("class=\"footnotes\""), "jobs \(jobs): footnotes missing on p\(index)")
                #expect(html.contains("&lt;title>消える&lt;/title>"), "jobs \(jobs): tagfilter missing on p\(index)")
            }
            if let reference { #expect(reference == pages, "jobs \(jobs) differs from jobs 1") } else { reference = pages }
        }
    }
}
