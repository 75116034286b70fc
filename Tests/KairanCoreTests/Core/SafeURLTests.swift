import Testing
@testable import KairanCore

/// Every URL from data goes through `URLPolicy`: unsafe schemes, however spelled, are located
/// errors; Markdown links follow the same scheme rule (dropped with a warning).
@Suite struct SafeURLTests {
    /// What browsers would run or load as a document, spelled the ways they still read it.
    static let bypasses = [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "  javascript:alert(1)", "\tjavascript:alert(1)",
        "java\tscript:alert(1)", "java\nscript:alert(1)", "java\r\nscript:alert(1)", "\u{1}javascript:alert(1)",
        "javascript:alert(1)\u{0}", "vbscript:msgbox(1)", "VBScript:msgbox(1)", "data:text/html,<script>alert(1)</script>",
        " DATA:text/html;base64,PHNjcmlwdD4=", "//evil.example/", "/\\evil.example/", "evil.example/page",
    ]

    /// `text` as a YAML double-quoted scalar, so tabs, line breaks and controls arrive as written.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    static func siteYAML(_ yaml: String) -> [Diagnostic] {
        let log = DiagnosticLog()
        guard let node = YAMLDocument.parse(yaml, file: "site.yaml", lineOffset: 0, log: log) else { return log.items }
        _ = SiteConfigLoader.decode(node, file: "site.yaml", log: log)
        return log.items
    }

    /// A field holding a URL: how to read a value of it, and where the value is.
    struct Field: CustomStringConvertible, Sendable {
        var description: String
        var location: String
        var read: @Sendable (String) -> [Diagnostic]
    }

    static let head = "title: T\nbase_url: https://help.example.com/\n"
    static let fields: [Field] = [
        Field(description: "feedback_url", location: "site.yaml:3:15") { siteYAML(head + "feedback_url: \(quoted($0))\n") },
        Field(description: "navigation url", location: "site.yaml:5:10") {
            siteYAML(head + "navigation:\n  - title: X\n    url: \(quoted($0))\n")
        },
        Field(description: "web support channel", location: "site.yaml:7:16") {
            siteYAML(head + "support:\n  channels:\n    - name: Web\n      kind: web\n      address: \(quoted($0))\n")
        },
        Field(description: "base_url", location: "site.yaml:2:11") { siteYAML("title: T\nbase_url: \(quoted($0))\n") },
        Field(description: "customers_base_url", location: "site.yaml:3:21") { siteYAML(head + "customers_base_url: \(quoted($0))\n") },
        Field(description: "article video", location: "content/kb/a/b.md:3:8") { value in
            let log = DiagnosticLog()
            _ = ArticleParser.article(text: "---\ntitle: A\nvideo: \(quoted(value))\n---\n", path: "content/kb/a/b.md",
                                      categorySlug: "a", fileSlug: "b", log: log)
            return log.items
        },
        Field(description: "training material url", location: "content/training/materials/m.md:4:6") { value in
            let log = DiagnosticLog()
            let files = MemoryFileSystem(["site/content/training/materials/m.md": "---\ntitle: M\nkind: manual\nurl: \(quoted(value))\n---\n"])
            _ = TrainingLoader.load(siteDirectory: "site", fileSystem: files, log: log)
            return log.items
        },
        Field(description: "schedule item url", location: "schedule.yaml:3:11") { value in
            let log = DiagnosticLog()
            let yaml = "items:\n  - {id: webinar, title: W, kind: webinar, rule: monthly 3rd wed, time: \"15:00\", duration: 60, audience: customers,\n"
                + "     url: \(quoted(value))}\n"
            _ = ScheduleLoader.decode(yaml: yaml, file: "schedule.yaml", log: log)
            return log.items
        },
    ]

    @Test(arguments: fields)
    func bypassesAreLocatedErrors(field: Field) {
        for value in Self.bypasses {
            let diagnostics = field.read(value)
            #expect(diagnostics.map { "\($0.location)" } == [field.location], "\(field): \(value.debugDescription)")
            #expect(diagnostics.allSatisfy { $0.severity == .error && !$0.hint.isEmpty }, "\(field): \(value.debugDescription)")
        }
    }

    @Test(arguments: fields)
    func safeValuesStillWork(field: Field) {
        let web = field.description == "article video" ? "https://www.youtube-nocookie.com/embed/abc" : "https://example.com/a?b=c#d"
        #expect(field.read(web).isEmpty, "\(field)")
    }

    @Test func linkFieldsAcceptEverySafeForm() throws {
        for value in ["https://example.com/f", "HTTP://example.com/", "mailto:support@example.com", "tel:0120000000", "/support/"] {
            #expect(Self.siteYAML(Self.head + "feedback_url: \(value)\nnavigation:\n  - {title: X, url: \"\(value)\"}\n").isEmpty, "\(value)")
        }
        let node = try #require(YAMLDocument.parse(Self.head + "feedback_url: https://example.com/f\nnavigation:\n  - {title: X, url: /support/}\n",
                                                   file: "site.yaml", lineOffset: 0, log: DiagnosticLog()))
        let config = try #require(SiteConfigLoader.decode(node, file: "site.yaml", log: DiagnosticLog()))
        #expect(config.feedbackURL?.text == "https://example.com/f")
        #expect(config.navigation.first?.url == SafeURL(sitePath: "/support/"))
    }

    @Test func supportChannelLinksGoThroughThePolicy() throws {
        let log = DiagnosticLog()
        let yaml = Self.head + """
            support:
              channels:
                - {name: Mail, kind: email, address: support@example.com}
                - {name: Phone, kind: phone, address: 0120-000-000}
                - {name: Chat, kind: chat, address: "javascript:alert(1)"}
                - {name: Bad, kind: email, address: "a@b.example\\tjavascript:alert(1)"}
            """
        let config = SiteConfigLoader.decode(try #require(YAMLDocument.parse(yaml, file: "site.yaml", lineOffset: 0, log: log)), file: "site.yaml", log: log)
        let links = config?.support.channels.map { $0.link?.text }
        #expect(links == ["mailto:support@example.com", "tel:0120000000", nil, nil])
        #expect(log.items.map { "\($0.location)" } == ["site.yaml:8:41"])
    }

    @Test func theBuildWritesNoUnsafeHref() async {
        let site = TestSupport.smallSite.merging(["site/site.yaml": TestSupport.siteYAML.replacing("https://example.com/feedback", with: "\" JavaScript:alert(1)\"")]) { $1 }
        let (result, _) = await TestSupport.build(site)
        #expect(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location)" } == ["site.yaml:3:15"])
        #expect(!result.committed)
    }

    @Test func markdownLinksUseTheSameSchemeRule() {
        let resolver = LinkResolver(pages: [:], assets: [], sitePaths: ["/"], basePath: "/")
        for bad in Self.bypasses.prefix(11) {
            if case .drop = resolver.resolve(bad, from: "content/kb/a/b.md") {} else { Issue.record("\(bad.debugDescription) was not dropped") }
        }
        for good in ["HTTPS://example.com/", "mailto:support@example.com", "tel:0120000000", "#手順", "\thttps://example.com/"] {
            #expect(resolver.resolve(good, from: "content/kb/a/b.md") == .keep, "\(good.debugDescription)")
        }
        #expect(URLPolicy.scheme(of: " \u{1}Ja\tVa\nScript:x") == "javascript")
        #expect(URLPolicy.scheme(of: "../a.md") == nil && URLPolicy.scheme(of: "請求:x") == nil && URLPolicy.scheme(of: "1a:x") == nil)
    }

    @Test func anEntityEncodedTabInMarkdownIsDroppedNotBroken() {
        let links = LinkResolver(pages: [:], assets: [], sitePaths: [], basePath: "/")
        let log = DiagnosticLog()
        let html = MarkdownRenderer(allowRawHTML: false, links: links)
            .render(MarkdownSource(text: "[押す](java&#9;script:alert(1))\n", lineOffset: 0), file: "content/kb/a/x.md", log: log).html
        #expect(!html.lowercased().contains("script:"))
        #expect(html.contains("押す"))
        #expect(log.items.count == 1 && log.items[0].severity == .warning)
    }
}
