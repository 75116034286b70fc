import Foundation
import Testing
@testable import KairanCore

/// YAML anchors and aliases are refused at the first one, before Yams composes (and expands) them;
/// `&` and `*` inside ordinary text stay text.
@Suite struct InputYAMLAliasTests {
    /// The classic "billion laughs": nine levels of nine aliases, 9⁹ strings once expanded.
    static func bomb(key: String = "lol") -> String {
        var lines = ["\(key)0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for level in 1..<9 {
            lines.append("\(key)\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let hint = "Kairan's YAML does not use anchors (&) or aliases (*); write the value out"

    @Test(arguments: [
        "title: A & B\n", "note: \"*重要*\"\n", "note: '&amp; *x'\n", "formula: 5 * 3 & 2\n", "list: [a&b, c*d, \"*e\"]\n",
        "text: |\n  &not an anchor\n  *not an alias\n", "# &a *b\ntitle: x\n", "tags:\n  - R&D\n  - a*\n", "k: v&\n",
    ])
    func ampersandsAndAsterisksInTextStayText(_ text: String) {
        #expect(YAMLAnchors.first(in: text) == nil)
        let log = DiagnosticLog()
        #expect(YAMLDocument.parse(text, file: "x.yaml", lineOffset: 0, log: log) != nil)
        #expect(log.items.isEmpty)
    }

    @Test func flatFrontMatterReadsAmpersandsAsYamsDoes() {
        for text in ["title: A & B\n", "note: \"*重要*\"\n", "title: R&D *beta*\n", "tags: [R&D, a*b]\n"] {
            let log = DiagnosticLog()
            let fast = SimpleYAML.mapping(text)
            let yams = YAMLDocument.parse(text, file: "x", lineOffset: 0, log: log).map(YAMLValue.init)
            #expect(fast != nil, "\(text)")
            #expect(fast.map(Self.describe) == yams.map(Self.describe), "\(text)")
        }
    }

    @Test func theFirstAnchorOrAliasIsALocatedError() {
        #expect(YAMLAnchors.first(in: "a: 1\nb: &x [1]\nc: *x\n") == .init(text: "&x", line: 2, column: 4))
        #expect(YAMLAnchors.first(in: "list:\n  - *undefined\n") == .init(text: "*undefined", line: 2, column: 5))
        #expect(YAMLAnchors.first(in: "{見出し: &x1 1}") == .init(text: "&x1", line: 1, column: 7))
        let log = DiagnosticLog()
        let read = FrontMatter.read("---\ntitle: ログイン\nsummary: &s 手順\n---\n本文\n", file: "a.md", keys: ["title", "summary"], log: log)
        #expect(read.fields == nil)
        #expect(log.items.map(\.description) == ["a.md:3:10: error: YAML anchor `&s` is not allowed\n    hint: \(Self.hint)"])
    }

    @Test func aBillionLaughsIsRefusedAtOnce() {
        let log = DiagnosticLog()
        let started = ContinuousClock.now
        #expect(YAMLDocument.parse(Self.bomb(), file: "b.yaml", lineOffset: 0, log: log) == nil)
        // A hang guard, not a speed test: expanding the bomb took over a minute and 9.5 GiB; the
        // refusal takes microseconds, so a loaded machine's pauses stay far below the bound.
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(log.items.map(\.description) == ["b.yaml:1:7: error: YAML anchor `&a0` is not allowed\n    hint: \(Self.hint)"])
    }

    /// A bomb in site.yaml, front matter, the schedule or an operations data file: one located
    /// error each, and the build answers in well under a second.
    @Test func aBillionLaughsInAnySiteFileFailsTheBuildAtOnce() throws {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + "\nschedule: content/data/schedule.yaml\n"
        files["site/content/data/schedule.yaml"] = Self.bomb()
        files["site/content/data/backlog.yaml"] = Self.bomb()
        files["site/content/kb/start/bomb.md"] = "---\ntitle: 爆弾\n" + Self.bomb() + "---\n"
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        var started = Date()
        var run = try CommandLineTests.run(["check", "--site", root])
        #expect(Date().timeIntervalSince(started) < 10)  // a hang guard: the bombs expanded for minutes
        #expect(run.status == 1)
        #expect(InputTestSupport.errorLines(run.errors) == [
            "content/data/backlog.yaml:1:7: error: YAML anchor `&a0` is not allowed",
            "content/data/schedule.yaml:1:7: error: YAML anchor `&a0` is not allowed",
            "content/kb/start/bomb.md:3:7: error: YAML anchor `&a0` is not allowed",
        ], "\(run.errors)")

        try (TestSupport.siteYAML + "\n" + Self.bomb(key: "x")).write(toFile: root + "/site.yaml", atomically: true, encoding: .utf8)
        started = Date()
        run = try CommandLineTests.run(["check", "--site", root])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 1)
        #expect(InputTestSupport.errorLines(run.errors).contains("site.yaml:4:5: error: YAML anchor `&a0` is not allowed"), "\(run.errors)")
    }

    static func describe(_ value: YAMLValue) -> String {
        switch value.content {
        case .scalar(let text, let plain): return plain ? "p(\(text))" : "q(\(text))"
        case .list(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .map(let pairs): return "{" + pairs.map { describe($0.key) + ":" + describe($0.value) }.joined(separator: ",") + "}"
        }
    }
}
