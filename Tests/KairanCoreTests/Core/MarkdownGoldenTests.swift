import Foundation
import Testing
@testable import KairanCore

/// Renders each `Fixtures/markdown/<name>.md` (`<name>.raw.md`: with raw HTML kept) as the help
/// article `content/kb/a/<name>.md` and compares its HTML, anchors and diagnostics (the renderer's
/// and the anchor check's) with `<name>.html`. Set KAIRAN_UPDATE_GOLDEN=1 to rewrite them.
@Suite struct MarkdownGoldenTests {
    static let folder = TestSupport.fixtures + "/markdown"

    static func output(for name: String) throws -> String {
        let markdown = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
        let file = "content/kb/a/" + name
        let links = LinkResolver(pages: ["content/kb/a/b.md": "/kb/a/b/", file: "/kb/a/x/"], assets: [],
                                 sitePaths: ["/kb/a/b/", "/kb/a/x/"], basePath: "/help/")
        let log = DiagnosticLog()
        let rendered = MarkdownRenderer(allowRawHTML: name.hasSuffix(".raw.md"), links: links)
            .render(MarkdownSource(text: markdown, lineOffset: 0), file: file, log: log)
        AnchorRules.check(rendered.anchorReferences, anchors: [file: rendered.anchorIDs, "content/kb/a/b.md": ["手順"]], log: log)
        var text = rendered.html
        text += "\n<!-- headings: " + rendered.headings.map { "h\($0.level) #\($0.id) \($0.text)" }.joined(separator: " | ") + " -->\n"
        text += "<!-- anchors: " + rendered.anchorIDs.sorted().joined(separator: " ") + " -->\n"
        for item in log.items { text += "<!-- \(item) -->\n" }
        return text
    }

    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".md") }.sorted()

    @Test(arguments: names) func markdownMatchesGoldenHTML(_ name: String) throws {
        let produced = try Self.output(for: name)
        let expectedPath = Self.folder + "/" + name.replacingOccurrences(of: ".md", with: ".html")
        if ProcessInfo.processInfo.environment["KAIRAN_UPDATE_GOLDEN"] == "1" {
            try produced.write(toFile: expectedPath, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: expectedPath, encoding: .utf8)
        #expect(produced == expected, "\(name) differs from its golden file")
    }
}

/// The theme styles callouts (light, dark, print) and leaves a plain quotation a quotation.
@Suite struct CalloutThemeTests {
    @Test func aBlockquoteIsNoLongerAWarningBox() throws {
        let css = String(decoding: DefaultTheme.files.first { $0.0 == "assets/kairan.css" }?.1 ?? [], as: UTF8.self)
        let quote = css.split(separator: "\n").first { $0.hasPrefix(".content blockquote {") } ?? ""
        #expect(!quote.isEmpty && !quote.contains("--warn"))
        for kind in Callout.Kind.allCases { #expect(css.contains(".callout-\(kind.rawValue)"), "\(kind)") }
        let dark = css.components(separatedBy: "@media (prefers-color-scheme: dark)").dropFirst().joined()
        let print = css.components(separatedBy: "@media print").dropFirst().joined()
        #expect(dark.contains(".callout-note"))
        #expect(print.contains(".callout"))
    }
}
