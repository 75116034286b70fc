import Testing
@testable import KairanCore

/// Front matter fences at the very end of a file: no index arithmetic past the end.
@Suite struct InputFrontMatterTests {
    /// Files that open front matter and end before any closing fence.
    static let unclosed: [String] = ["---", "---\r", "\u{FEFF}---", "---\n", "\u{FEFF}---\r\n", "---\ntitle: A"]

    @Test(arguments: unclosed) func anOpeningFenceAtTheEndIsOneLocatedError(_ text: String) {
        let log = DiagnosticLog()
        let split = FrontMatter.split(text, file: "a.md", log: log)
        #expect(split.unclosed && split.present)
        #expect(log.items.map(\.description) == [
            "a.md:1:1: error: front matter opened with `---` is never closed\n    hint: end the YAML block with a line holding only `---`",
        ])
        let read = FrontMatter.read(text, file: "a.md", keys: ["title"], log: DiagnosticLog())
        #expect(read.fields == nil)
    }

    @Test(arguments: ["", "\u{FEFF}", "...", "--", "----", "--- x", "-", "\r", "\r\n"])
    func textThatIsNotAFenceIsBody(_ text: String) {
        let log = DiagnosticLog()
        let split = FrontMatter.split(text, file: "a.md", log: log)
        #expect(!split.present && log.items.isEmpty)
    }

    @Test func fencesWithNothingBetweenOrAfterThem() {
        for text in ["---\n---", "---\n...", "---\n---\n", "\u{FEFF}---\r\n---"] {
            let log = DiagnosticLog()
            let split = FrontMatter.split(text, file: "a.md", log: log)
            #expect(split.present && !split.unclosed && split.yaml.isEmpty && split.body.text.isEmpty, "\(text.debugDescription)")
            #expect(log.items.isEmpty)
        }
    }

    @Test(arguments: ["", "a", "a:", "a: ", ":", ": x", "a: [", "a: ]", "a: [,]", "a: \"", "a: '", "a: \"\"", "a: [\"]", "a: ['", "é: x", "a:é"])
    func simpleYAMLNeverReadsPastTheEnd(_ text: String) {
        _ = SimpleYAML.mapping(text)
        _ = SimpleYAML.mapping(text + "\n")
    }

    /// Duplicate keys are looked for among a few keys only: a front matter of 100,000 keys goes to Yams
    /// at once instead of comparing every pair.
    @Test func aFrontMatterOfManyKeysIsNotQuadratic() {
        let text = (0..<100_000).map { "k\($0): v\n" }.joined()
        let started = ContinuousClock.now
        #expect(SimpleYAML.mapping(text) == nil)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(SimpleYAML.mapping((0...SimpleYAML.maxKeys).map { "k\($0): v\n" }.joined()) == nil)
        #expect(SimpleYAML.mapping((0..<SimpleYAML.maxKeys).map { "k\($0): v\n" }.joined()) != nil)
    }

    /// Every kind of content file that is exactly `---`: one located error, exit 1, no crash.
    @Test(arguments: [
        "site/content/kb/start/login.md", "site/content/kb/start/_index.md", "site/content/releases/v1.0.0.md",
        "site/content/training/programs/basic.md", "site/content/training/materials/guide.md",
        "site/content/training/events/monthly.md", "site/content/newsletters/2026-12.md",
    ])
    func aFileThatIsOnlyAFenceFailsTheBuildWithALocatedError(_ path: String) throws {
        let run = try InputTestSupport.check(adding: [path: "---"])
        #expect(run.status == 1, "\(run.errors)")
        let file = String(path.dropFirst("site/".count))
        #expect(InputTestSupport.errorLines(run.errors) == ["\(file):1:1: error: front matter opened with `---` is never closed"])
    }
}
