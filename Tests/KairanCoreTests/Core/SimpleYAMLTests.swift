import Testing
@testable import KairanCore

/// The fast front-matter reader must read exactly what Yams reads, and step aside otherwise.
@Suite struct SimpleYAMLTests {
    private func viaYams(_ text: String) -> String {
        let log = DiagnosticLog()
        return YAMLDocument.parse(text, file: "x", lineOffset: 0, log: log).map { describe(YAMLValue($0)) } ?? "nil"
    }

    private func describe(_ value: YAMLValue) -> String {
        switch value.content {
        case .scalar(let text, let plain): return plain ? "p(\(text))" : "q(\(text))"
        case .list(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .map(let pairs): return "{" + pairs.map { describe($0.key) + ":" + describe($0.value) }.joined(separator: ",") + "}"
        }
    }

    @Test(arguments: [
        "title: 日報を登録する方法（12）\nweight: 3\n",
        "title: \"タイトル: 副題\"\nsummary: 'シングル'\n",
        "tags: [初心者, 管理者]\ndate: 2026-04-14\n",
        "tags: []\ndraft: true\n",
        "tags: [\"a, b\", c]\n",
        "video: https://www.youtube-nocookie.com/embed/abc\n",
        "weight: 3\ntitle: 100%達成\n",
    ])
    func readsTheSameAsYams(_ text: String) {
        let fast = try! #require(SimpleYAML.mapping(text))
        #expect(describe(fast) == viaYams(text))
    }

    @Test(arguments: [
        "tags:\n  - a\n  - b\n",             // block list
        "title: a # comment\n",              // comment
        "title: \"esc\\\"aped\"\n",          // escapes
        "title: &anchor x\n",                // anchor
        "title: a: b\n",                     // colon-space inside
        "support:\n  hours: x\n",            // nesting
        "title: x\ntitle: y\n",              // duplicate key (Yams path reports it)
        "title: |\n  text\n",                // block scalar
        "- a\n",                             // not a mapping
    ])
    func stepsAsideOutsideTheSubset(_ text: String) {
        #expect(SimpleYAML.mapping(text) == nil)
    }

    @Test func problemsFoundOnTheFastPathKeepTheirExactLocations() {
        let log = DiagnosticLog()
        _ = ArticleParser.article(text: "---\ntitle: A\nweight: heavy\n---\n", path: "content/kb/a/b.md", categorySlug: "a",
                                  fileSlug: "b", log: log)
        #expect(log.items.map(\.location) == [SourceLocation(file: "content/kb/a/b.md", line: 3, column: 9)])
    }
}
