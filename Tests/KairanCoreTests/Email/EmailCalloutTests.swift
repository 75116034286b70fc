import Foundation
import Testing
@testable import KairanCore

/// Callouts in email: the theme's email style sheet styles them inline, and the text part quotes them.
@Suite struct EmailCalloutTests {
    func rendered(_ markdown: String) -> String {
        let links = LinkResolver(pages: [:], assets: [], sitePaths: [], basePath: "/")
        return MarkdownRenderer(allowRawHTML: false, links: links)
            .render(MarkdownSource(text: markdown, lineOffset: 0), file: "content/newsletters/2026-12.md", log: DiagnosticLog()).html
    }

    @Test func calloutsGetInlineStylesFromTheThemeSheet() throws {
        let css = try String(contentsOfFile: TestSupport.repositoryRoot + "/templates/email/style.css", encoding: .utf8)
        let log = DiagnosticLog()
        let sheet = EmailStyleSheet.parse(css, file: "templates/email/style.css", log: log)
        #expect(log.items.isEmpty, "\(log.items)")
        let html = sheet.inline(into: rendered("::: warning 締め日の前に\n月末までに保存してください。\n:::\n\n> 引用です。\n"))
        #expect(html.contains("<div class=\"callout callout-warning\" role=\"note\" aria-label=\"注意\" style=\"margin:0 0 12px;padding:8px 14px;border-left:4px solid #9a6700;background-color:#fff8e5\">"))
        #expect(html.contains("<p class=\"callout-title\" style=\"margin:0 0 6px;font-weight:bold;color:#9a6700\">"))
        #expect(html.contains("<blockquote style=\"margin:0 0 12px;padding:4px 12px;border-left:4px solid #d0d7de;color:#57606a\">"))
    }

    @Test func theTextPartQuotesACallout() {
        let text = EmailPlainText.render(html: "<body>" + rendered("> [!TIP]\n> 一覧は検索できます。\n") + "</body>")
        #expect(text.contains("ヒント"))
        #expect(text.contains("一覧は検索できます。"))
        let lines = text.split(separator: "\n").filter { $0.contains("一覧は") }
        #expect(lines.count == 1 && lines[0] != "一覧は検索できます。", "the body is quoted: \(text)")
    }
}
