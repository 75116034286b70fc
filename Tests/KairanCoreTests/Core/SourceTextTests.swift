import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KairanCore

/// Source files are decoded in one place that rejects invalid UTF-8 and forbidden characters at
/// their line:column; writers never emit a forbidden character even if one reaches them.
@Suite struct SourceTextTests {
    /// Builds `files` plus raw `bytes` files (which a `[String: String]` cannot hold) in memory.
    static func build(_ files: [String: String], bytes: [String: [UInt8]] = [:]) async -> BuildResult {
        let fileSystem = MemoryFileSystem(files)
        for (path, content) in bytes { try? fileSystem.write(path, content) }
        var options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.writeOutput = false
        return await SiteBuilder(options: options, fileSystem: fileSystem).run()
    }

    private static func problem(_ bytes: [UInt8]) -> SourceText.Problem? {
        if case .failure(let problem) = SourceText.text(bytes) { return problem }
        return nil
    }

    private static func located(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { "\($0.location)" }
    }

    @Test func validTextPassesUnchanged() throws {
        let text = "---\ntitle: 請求書\t(タブ)\r\n---\n絵文字 🎉 と全角（かっこ）\n"
        #expect(try SourceText.text(Array(text.utf8)).get() == text)
    }

    @Test(arguments: [
        ([0xC0, 0x80], "overlong"), ([0xE0, 0x80, 0x80], "overlong"), ([0xED, 0xA0, 0x80], "surrogate"),
        ([0xF4, 0x90, 0x80, 0x80], "above U+10FFFF"), ([0xE3, 0x81], "truncated"), ([0xFF], "not a lead byte"),
        ([0x80], "lone continuation"), ([0xE3, 0x41, 0x81], "broken continuation"),
    ] as [([UInt8], String)])
    func invalidUTF8IsRejectedAtItsByte(bytes: [UInt8], why: String) throws {
        let problem = try #require(Self.problem(Array("ab\nあい".utf8) + bytes + Array("x".utf8)), "\(why)")
        #expect(problem.line == 2 && problem.column == 3, "\(why)")
        #expect(problem.message.contains("not valid UTF-8"))
    }

    @Test(arguments: [
        ("\u{01}", "U+0001 START OF HEADING"), ("\u{0B}", "U+000B LINE TABULATION"), ("\u{1B}", "U+001B ESCAPE"),
        ("\u{00}", "U+0000 NULL"), ("\u{7F}", "U+007F DELETE"), ("\u{85}", "U+0085 NEXT LINE"),
        ("\u{9F}", "U+009F APPLICATION PROGRAM COMMAND"), ("\u{FFFE}", "U+FFFE NONCHARACTER"), ("\u{FFFF}", "U+FFFF NONCHARACTER"),
    ])
    func forbiddenCharactersAreNamed(character: String, name: String) throws {
        let problem = try #require(Self.problem(Array("一行目\r\n二行目\rtitle: 新機能\(character)です".utf8)))
        #expect(problem.line == 3)
        #expect(problem.column == 11)
        #expect(problem.hint.contains(name))
    }

    @Test func controlCharacterInAReleaseTitleFailsTheBuildAtItsPlace() async {
        for character in ["\u{01}", "\u{0B}", "\u{1B}", "\u{FFFE}"] {
            let result = await Self.build([
                "site/site.yaml": TestSupport.siteYAML,
                "site/content/releases/1.0.0.md": "---\nversion: 1.0.0\ndate: 2026-11-10\ntype: major\ntitle: \"新機能\(character)です\"\n---\n本文\n",
            ])
            #expect(Self.located(result) == ["content/releases/1.0.0.md:5:12"], "\(ForbiddenCharacter.name(character.unicodeScalars.first!.value))")
        }
    }

    @Test func nulInAFlatFrontMatterTitleIsAnError() async {
        let result = await Self.build([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/kb/start/_index.md": "---\ntitle: はじめに\n---\n",
            "site/content/kb/start/login.md": "---\ntitle: ログイン\u{0}する\n---\n本文\n",
        ])
        #expect(Self.located(result) == ["content/kb/start/login.md:2:12"])
        #expect(result.diagnostics.first?.hint.contains("U+0000 NULL") == true)
    }

    @Test func everyKindOfSourceFileGoesThroughTheDecoder() async {
        let broken: [UInt8] = Array("# 見出し\n本文".utf8) + [0xFF] + Array("です\n".utf8)
        let yamlBroken: [UInt8] = Array("items:\n  - id: x".utf8) + [0xFE] + Array("\n".utf8)
        let base = [
            "site/site.yaml": TestSupport.siteYAML + "\nschedule: content/data/schedule.yaml\n",
            "site/content/data/schedule.yaml": "items: []\n",
            "site/content/data/kpis.yaml": "kpis:\n  - {id: csat, name: 満足度, group: satisfaction, unit: 点, target: \">= 4\", frequency: monthly}\n",
            "site/content/kb/start/_index.md": "---\ntitle: はじめに\n---\n",
        ]
        let cases: [(String, [UInt8], String)] = [
            ("site/content/kb/start/login.md", broken, "content/kb/start/login.md:2:3"),
            ("site/content/kb/start/_index.md", broken, "content/kb/start/_index.md:2:3"),
            ("site/content/releases/1.0.0.md", broken, "content/releases/1.0.0.md:2:3"),
            ("site/content/training/programs/basic.md", broken, "content/training/programs/basic.md:2:3"),
            ("site/content/newsletters/2026-11.md", broken, "content/newsletters/2026-11.md:2:3"),
            ("site/content/data/schedule.yaml", yamlBroken, "content/data/schedule.yaml:2:10"),
            ("site/content/data/backlog.yaml", yamlBroken, "content/data/backlog.yaml:2:10"),
            ("site/content/data/kpis.yaml", yamlBroken, "content/data/kpis.yaml:2:10"),
            ("site/content/data/milestones.yaml", yamlBroken, "content/data/milestones.yaml:2:10"),
            ("site/content/data/metrics/csat.csv", Array("date,value\n2026-11-01,4".utf8) + [0xC2, 0x85], "content/data/metrics/csat.csv:2:13"),
            ("site/templates/home.mustache", broken, "templates/home.mustache:2:3"),
            ("site/site.yaml", Array("title: T\nbase_url: https://h.example.com/\ndescription: ".utf8) + [0x1B], "site.yaml:3:14"),
        ]
        for (path, bytes, expected) in cases {
            let result = await Self.build(base, bytes: [path: bytes])
            #expect(Self.located(result) == [expected], "\(path)")
        }
    }

    // Defence in depth: the writers drop forbidden characters that reach them.

    @Test func xmlEscapingLeavesForbiddenCharactersOut() {
        #expect(HTMLEscaping.escape("a\u{0}b\u{1}c\u{B}d\u{1B}e\u{7F}f\u{85}g\u{FFFE}h\u{FFFF}i") == "abcdefghi")
        #expect(HTMLEscaping.escape("<t\u{1B}>\t\n\r&'\"") == "&lt;t&gt;\t\n\r&amp;&#39;&quot;")
        #expect(HTMLEscaping.escape("（全角）\u{FFFD}é") == "（全角）\u{FFFD}é")
        let plain = "請求書 — ok"
        #expect(HTMLEscaping.escape(plain) == plain)
    }

    @Test func atomAndSitemapStayWellFormed() throws {
        let log = DiagnosticLog()
        let release = try #require(ReleaseLoader.parse(
            "---\nversion: 1.0.0\ndate: 2026-11-10\ntype: major\ntitle: \"A\u{1}B\u{B}C\u{1B}D\u{FFFE}\"\nsummary: \"S\u{0}\"\n---\n",
            path: "content/releases/1.0.0.md", log: log))
        let notes = ReleaseNotes(entries: [.init(release: release, path: "/releases/1.0.0/", introduction: "<p>x\u{1B}</p>", sections: [], articles: [])])
        let config = SiteConfig(title: "T\u{1}", baseURL: "https://h.example.com/")
        let feeds = ReleaseFeeds(config: config, paths: SitePaths(baseURL: config.baseURL), notes: notes)
        let sitemap = Sitemap.xml([.init(path: "/kb/a\u{1B}/", lastModified: nil)], paths: SitePaths(baseURL: config.baseURL))
        for file in [feeds.atom(), sitemap] {
            let bytes = try #require(file.bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.unicodeScalars.contains(where: ForbiddenCharacter.isForbidden), "\(file.path)")
            #expect(XMLParser(data: Data(bytes)).parse(), "\(file.path)")
        }
        let json = String(decoding: try #require(feeds.jsonFeed().bytes), as: UTF8.self)
        #expect(!json.unicodeScalars.contains(where: ForbiddenCharacter.isForbidden))
        #expect(json.contains("\"title\": \"v1.0.0 ABCD\"") || json.contains("\"title\": \"ABCD\""))
    }

    @Test func jsonAndICalendarWritersDropForbiddenCharacters() {
        #expect(JSONValue.string("a\u{1B}b\u{7F}c\u{FFFF}\n").serialized() == "\"abc\\n\"\n")
        #expect(ICalendarText.escape("a\u{1B}b\u{85}c\u{FFFE};") == "abc\\;")
        #expect(ICalendarText.uri(" https://e.example/\u{1B}x\u{85}\r\n ") == "https://e.example/x")
    }
}
