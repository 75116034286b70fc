import Foundation
import Testing
@testable import KairanCore

/// The compiled templates must render exactly what swift-mustache renders from the same parse.
@Suite struct TemplateEquivalenceTests {
    private func build(site: String, output: String, reference: Bool) async -> BuildResult {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.referenceTemplates = reference
        options.includeDrafts = true
        return await SiteBuilder(options: options).run()
    }

    private func files(_ root: String) -> [String: Data] {
        var result: [String: Data] = [:]
        // Each audience folder is a link into the live build slot: read through it.
        for audience in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] where !audience.hasPrefix(".kairan") {
            let folder = DiskFileSystem().realPath(root + "/" + audience) ?? root + "/" + audience
            let walker = FileManager.default.enumerator(atPath: folder)
            while let path = walker?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: folder + "/" + path) { result[audience + "/" + path] = data }
            }
        }
        return result
    }

    @Test func demoSiteRendersIdenticallyWithBothRenderers() async throws {
        let base = NSTemporaryDirectory() + "kairan-equivalence-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let compiled = await build(site: TestSupport.repositoryRoot, output: base + "/compiled", reference: false)
        let reference = await build(site: TestSupport.repositoryRoot, output: base + "/reference", reference: true)
        #expect(compiled.committed && reference.committed)
        let (a, b) = (files(base + "/compiled"), files(base + "/reference"))
        #expect(a.count > 100)
        #expect(Set(a.keys) == Set(b.keys))
        for (path, data) in a where b[path] != data {
            Issue.record("\(path) differs between the compiled templates and swift-mustache")
        }
    }

    @Test func themeUsesTheCompiledRendererUnlessItCannot() {
        let log = DiagnosticLog()
        #expect(Theme(files: .builtIn, log: log)?.isCompiled == true)
        #expect(Theme(files: .builtIn, reference: true, log: log)?.isCompiled == false)
        // A transform (swift-mustache's `{{x(first)}}`) is not compiled: the whole theme falls back.
        var files = ThemeFiles.builtIn
        files.templates["tags"] = "{{#tags}}{{name}}{{#first()}}*{{/first()}}{{/tags}}"
        #expect(Theme(files: files, log: log)?.isCompiled == false)
    }

    /// The built-in theme is parsed template by template as pages need it (`LazyTemplates`): each
    /// template must render what the theme compiled whole renders, also when many tasks ask for it
    /// at once.
    @Test func builtInThemeParsedAsPagesNeedItRendersAsTheWholeTheme() async throws {
        let log = DiagnosticLog()
        let lazy = try #require(Theme(files: .builtIn, log: log))
        // One more template makes the files the built-in theme's no longer: compiled whole, up front.
        var files = ThemeFiles.builtIn
        files.templates["zz-unused"] = "{{unused}}"
        let whole = try #require(Theme(files: files, log: log))
        #expect(whole.isCompiled && log.items.isEmpty)
        let context: TemplateValue = [
            "site": ["title": "サイト", "links": ["home": "/", "css": "/assets/kairan.css", "search": "/search/"]],
            "page": ["title": "ページ <b>", "description": "説明"],
            "article": ["title": "記事", "content": .html("<p>本文</p>"), "has_toc": true, "tags": [["name": "タグ", "href": "/tags/x/"]]],
        ]
        let names = ThemeFiles.builtIn.templates.keys.sorted()
        let rendered = await withTaskGroup(of: (String, [UInt8]).self) { group in
            for round in 0..<4 {
                for name in round % 2 == 0 ? names : names.reversed() {
                    group.addTask { (name, lazy.renderBytes(name, context)) }
                }
            }
            return await group.reduce(into: [(String, [UInt8])]()) { $0.append($1) }
        }
        #expect(rendered.count == 4 * names.count)
        for (name, bytes) in rendered where bytes != whole.renderBytes(name, context) {
            Issue.record("\(name) renders differently parsed on its own")
        }
        #expect(rendered.contains { !$0.1.isEmpty })
        #expect(lazy.renderBytes("no-such-template", context).isEmpty)
    }

    /// A mistake in the emails' style sheet fails the theme, told once at its place, with the
    /// built-in templates or a site's. (An overridden style sheet is a site's theme: parsed up
    /// front, never template by template.)
    @Test func aBrokenEmailStyleSheetFailsTheTheme() throws {
        for overridesTemplate in [false, true] {
            var files = ThemeFiles.builtIn
            files.styleSheets[Theme.emailStyleSheet] = ("p {\n  color red;\n}\n", "templates/email/style.css")
            if overridesTemplate { files.templates["tags"] = (files.templates["tags"] ?? "") + "\n" }
            let log = DiagnosticLog()
            #expect(Theme(files: files, log: log) == nil)
            #expect(log.items.map { "\($0.location): \($0.message)" } == ["templates/email/style.css:2:3: expected `:` after `color red`"])
        }
    }

    @Test(arguments: [
        "a\n  {{#list}}\n  - {{name}}\n  {{/list}}\nb\n",
        "{{^missing}}none{{/missing}}|{{#flag}}yes{{/flag}}|{{^flag}}no{{/flag}}",
        "{{#map}}{{inner}} {{outer}}{{/map}}",
        "<ul>\n  {{> item}}\n</ul>\n",
        "{{<parent}}{{$slot}}override {{outer}}{{/slot}}{{/parent}}",
        "{{empty}}|{{#empty}}x{{/empty}}|{{number}}|{{{html}}}|{{html}}|{{#strings}}[{{.}}]{{/strings}}",
        // Names longer than 16 bytes (packed differently), a near miss, dotted and innermost lookups.
        "{{long_key_name_beyond_sixteen_bytes}}|{{long_key_name_beyond_sixteen_byteZ}}|{{map.inner}}|{{map.missing}}|{{missing.inner}}",
        "{{#list}}{{.name}}/{{.outer}}/{{outer}}{{/list}}|{{#map}}{{#.}}{{inner}}{{/.}}{{/map}}|{{flag}}|{{#number}}<{{.}}>{{/number}}",
        // Escaping drops forbidden characters; raw output keeps them.
        "{{bad}}|{{{bad}}}",
        // An indented partial inside a section; a parent whose override uses another parent.
        "<ol>\n  {{#list}}\n    {{> item}}\n  {{/list}}\n</ol>\n",
        "{{<parent}}{{$slot}}outer {{<frame}}{{$inner}}[{{outer}}]{{/inner}}{{/frame}}{{/slot}}{{/parent}}",
    ])
    func smallTemplatesMatch(_ template: String) throws {
        let context: TemplateValue = [
            "list": [["name": "一"], ["name": "<二>"]], "flag": false, "outer": "外", "empty": "",
            "map": ["inner": "内"], "number": 42, "html": .html("<b>b</b>"), "strings": ["a", "<b>"],
            "long_key_name_beyond_sixteen_bytes": "長い名前", "bad": "a\u{7F}b\u{FFFE}c\u{85}d<&>\"'",
        ]
        var files = ThemeFiles()
        files.templates = ["page": template, "item": "<li>\n  {{outer}}\n</li>\n",
                           "parent": "<p>\n  {{$slot}}default{{/slot}}\n</p>\n", "frame": "<i>{{$inner}}-{{/inner}}</i>"]
        let log = DiagnosticLog()
        let compiled = try #require(Theme(files: files, required: [], log: log))
        let reference = try #require(Theme(files: files, required: [], reference: true, log: log))
        #expect(compiled.isCompiled)
        #expect(compiled.render("page", context) == reference.render("page", context))
        // Values laid out once for many pages (`TemplateValue.shared`) render as the values they
        // wrap: the whole context, and every value and list entry in it wrapped, nested.
        #expect(compiled.render("page", .shared(context)) == reference.render("page", context))
        #expect(compiled.render("page", Self.sharedEverywhere(context)) == reference.render("page", context))
        #expect(Self.sharedEverywhere(context) == context)
    }

    /// `value` with every list, map and value in it wrapped in `.shared`.
    static func sharedEverywhere(_ value: TemplateValue) -> TemplateValue {
        switch value {
        case .list(let items): return .shared(.list(items.map(sharedEverywhere)))
        case .map(let map): return .shared(.map(TemplateMap(map.keys.compactMap { key in map[key].map { (key, sharedEverywhere($0)) } })))
        default: return .shared(value)
        }
    }
}
