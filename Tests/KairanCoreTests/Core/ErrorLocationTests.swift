import Foundation
import Testing
@testable import KairanCore
#if canImport(Glibc)
import Glibc
#endif

/// Each mistake is one error, at the `file:line:column` of its source, with a hint.
@Suite struct ErrorLocationTests {
    static let category = ["site/content/kb/start/_index.md": "---\ntitle: はじめに\n---\n",
                           "site/content/kb/start/login.md": "---\ntitle: ログイン\n---\n本文\n"]

    /// The errors of building `files` (with the small category above), as `location` → diagnostic.
    static func errors(_ files: [String: String]) async -> [Diagnostic] {
        let (result, _) = await TestSupport.build(category.merging(files) { $1 }, write: false)
        return result.diagnostics.filter { $0.severity == .error }
    }

    static func single(_ errors: [Diagnostic], at location: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
        #expect(errors.map { "\($0.location)" } == [location], sourceLocation: sourceLocation)
        #expect(errors.allSatisfy { !$0.hint.isEmpty && !$0.message.contains("\n") && !$0.hint.contains("\n") }, sourceLocation: sourceLocation)
        return errors.count == 1 ? errors[0] : nil
    }

    static let schedule = """
        items:
          - {id: webinar, title: W, kind: webinar, rule: monthly 3rd wed, time: "15:00", duration: 60, audience: customers}
          - {id: office-hours, title: O, kind: office-hours, rule: weekly thu, time: "14:00", duration: 60, audience: customers}
        """

    @Test func eventPageWithoutScheduleItem() async {
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML + "\nschedule: content/data/schedule.yaml\n",
            "site/content/data/schedule.yaml": Self.schedule,
            "site/content/training/events/seminar.md": "---\ntitle: セミナー\n---\n本文\n",
        ])
        let error = Self.single(errors, at: "content/training/events/seminar.md:1:1")
        #expect(error?.hint.contains("content/data/schedule.yaml") == true)
        #expect(error?.hint.contains("webinar, office-hours") == true)
    }

    @Test func materialArticleThatIsNotAnArticle() async {
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/training/materials/manual.md": "---\ntitle: 操作マニュアル\nkind: manual\narticle: ../../kb/start/nope.md\n---\n",
        ])
        let error = Self.single(errors, at: "content/training/materials/manual.md:4:10")
        #expect(error?.message.contains("content/kb/start/nope.md") == true)
    }

    @Test func scheduleFileThatDoesNotExist() async {
        let errors = await Self.errors(["site/site.yaml": TestSupport.siteYAML + "\nschedule: content/data/missing.yaml\n"])
        let error = Self.single(errors, at: "site.yaml:4:11")
        #expect(error?.message.contains("content/data/missing.yaml") == true)
        let outside = await Self.errors(["site/site.yaml": TestSupport.siteYAML + "\nschedule: ../schedule.yaml\n"])
        _ = Self.single(outside, at: "site.yaml:4:11")
    }

    @Test func duplicateKeyInKPIsIsReportedAtTheRepeat() async {
        var kpis = "# KPI definitions\nkpis:\n"
        for index in 1...40 {
            kpis += "  - id: k\(index)\n    name: 指標\(index)\n    group: business\n    unit: 件\n    target: \">= 1\"\n    frequency: monthly\n"
        }
        kpis += "  - id: csat\n    name: 満足度\n    group: satisfaction\n    unit: 点\n    target: \">= 4\"\n    frequency: monthly\n    name: 重複\n"
        let errors = await Self.errors(["site/site.yaml": TestSupport.siteYAML, "site/content/data/kpis.yaml": kpis])
        let error = Self.single(errors, at: "content/data/kpis.yaml:249:5")
        #expect(error?.hint.contains("this key is already set at line 244") == true)
        #expect(error.map { $0.message.count < 80 } == true)
    }

    @Test func duplicateKeysEverywhereAreOneErrorEach() {
        let cases: [(String, [String], [String])] = [
            ("a: 1\nb: 2\na: 3\n", ["3:1"], ["line 1"]),
            ("m: {x: 1, y: 2, x: 3}\n", ["1:17"], ["line 1"]),
            ("a: 1\na: 2\na: 3\n", ["2:1", "3:1"], ["line 1", "line 1"]),
            ("list:\n  - a: 1\n    a: 2\n  - b: 1\n    b: 2\n", ["3:5", "5:5"], ["line 2", "line 4"]),
            ("\"q\": 1\nq: 2\n", ["2:1"], ["line 1"]),
        ]
        for (yaml, locations, lines) in cases {
            let log = DiagnosticLog()
            #expect(YAMLDocument.parse(yaml, file: "f.yaml", lineOffset: 0, log: log) == nil)
            #expect(log.items.map { "\($0.location.line):\($0.location.column)" } == locations, "\(yaml)")
            #expect(zip(log.items, lines).allSatisfy { $0.hint.contains("already set at \($1)") }, "\(yaml)")
        }
    }

    @Test func duplicateKeyInFrontMatterCountsFileLines() async {
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/kb/start/faq.md": "---\ntitle: A\nsummary: B\ntitle: C\n---\n本文\n",
        ])
        let error = Self.single(errors, at: "content/kb/start/faq.md:4:1")
        #expect(error?.hint == "this key is already set at line 2; keep one of the two")
    }

    @Test func yamlSyntaxErrorsAreOneLineAtTheParsersPlace() async {
        let errors = await Self.errors(["site/site.yaml": "title: T\nbase_url: https://h.example.com/\nnavigation: [a, b\n"])
        let error = Self.single(errors, at: "site.yaml:4:1")
        #expect(error?.message.hasPrefix("YAML syntax: ") == true)
        let tabs = await Self.errors(["site/site.yaml": TestSupport.siteYAML, "site/content/data/backlog.yaml": "items:\n\t- id: x\n"])
        _ = Self.single(tabs, at: "content/data/backlog.yaml:2:1")
    }

    @Test func longSlugIsAnErrorAtItsValue() async {
        let long = String(repeating: "長", count: 86)  // 258 bytes
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/kb/start/a.md": "---\ntitle: A\nslug: \(long)\n---\n",
        ])
        let error = Self.single(errors, at: "content/kb/start/a.md:3:7")
        #expect(error?.hint == "at most 255 bytes (about 85 Japanese characters)")
        let fromName = await Self.errors(["site/site.yaml": TestSupport.siteYAML, "site/content/kb/start/\(long).md": "---\ntitle: A\n---\n"])
        _ = Self.single(fromName, at: "content/kb/start/\(long).md")
        let fits = String(repeating: "長", count: 85)
        #expect(await Self.errors(["site/site.yaml": TestSupport.siteYAML, "site/content/kb/start/a.md": "---\ntitle: A\nslug: \(fits)\n---\n"]).isEmpty)
    }

    @Test func longTagIsAnErrorAtTheTags() async {
        let long = String(repeating: "タグ", count: 43)  // 258 bytes
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/kb/start/a.md": "---\ntitle: A\ntags: [短い, \(long)]\n---\n",
        ])
        let error = Self.single(errors, at: "content/kb/start/a.md:3:7")
        #expect(error?.hint.contains("at most 255 bytes (about 85 Japanese characters)") == true)
    }

    @Test func twoArticlesOnOnePageAreReportedAtTheSlug() async {
        let errors = await Self.errors([
            "site/site.yaml": TestSupport.siteYAML,
            "site/content/kb/start/a.md": "---\ntitle: A\n---\n",
            "site/content/kb/start/b.md": "---\ntitle: B\nslug: a\n---\n",
        ])
        _ = Self.single(errors, at: "content/kb/start/b.md:3:7")
    }

    @Test func longSlugOnDiskIsNotAnOutputPathError() async throws {
        let site = try Self.temporarySite(["content/kb/start/_index.md": "---\ntitle: はじめに\n---\n",
                                           "content/kb/start/a.md": "---\ntitle: A\nslug: \(String(repeating: "長", count: 90))\n---\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = await SiteBuilder(options: BuildOptions(siteDirectory: site, outputDirectory: site + "/output", concurrency: 1,
                                                             clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))).run()
        _ = Self.single(result.diagnostics.filter { $0.severity == .error }, at: "content/kb/start/a.md:3:7")
    }

    @Test func fileNameThatIsNotUTF8() async throws {
        let site = try Self.temporarySite(["content/kb/start/_index.md": "---\ntitle: はじめに\n---\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let name = Array("\(site)/content/kb/start/caf".utf8) + [0xE9] + Array(".md".utf8)
        let fd = name.withUnsafeBufferPointer { buffer in
            (buffer.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        try #require(fd >= 0)
        close(fd)
        var options = BuildOptions(siteDirectory: site, outputDirectory: site + "/output", concurrency: 1,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.writeOutput = false
        let result = await SiteBuilder(options: options).run()
        let error = Self.single(result.diagnostics.filter { $0.severity == .error }, at: "content/kb/start/caf\\xE9.md")
        #expect(error?.message == "file name is not valid UTF-8: \"caf\\xE9.md\" in content/kb/start/")
    }

    /// A site folder on disk with site.yaml and `files`.
    static func temporarySite(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "kairan-locations-" + UUID().uuidString
        for (path, text) in files.merging(["site.yaml": TestSupport.siteYAML], uniquingKeysWith: { $1 }) {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }
}
