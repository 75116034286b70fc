import Foundation
import Synchronization
import Testing
@testable import KairanCore

/// `TemplateSchema` must say exactly what the view models pass: every value a page of the demo
/// site is rendered with is declared (so no key can be added without the schema and the README),
/// and every declared name is passed on some page (so the schema keeps no stale names).
@Suite struct TemplateSchemaTests {
    /// What the observer saw during a build.
    private struct Seen: Sendable {
        var templates: Set<String> = []
        var paths: [String: Set<String>] = [:]
        var undeclared: [String: Set<String>] = [:]
    }

    private final class Recorder: Sendable {
        let seen = Mutex(Seen())
    }

    @Test func everyValuePassedToATemplateIsDeclared() async throws {
        let base = NSTemporaryDirectory() + "kairan-schema-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        var options = BuildOptions(siteDirectory: TestSupport.repositoryRoot, outputDirectory: base, concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        options.includeDrafts = true
        options.writeOutput = false
        let recorder = Recorder()
        let result = await Theme.$renderObserver.withValue({ name, context in
            let shape = TemplateSchema.pages[name]
            let undeclared = shape.map { $0.undeclaredPaths(in: context) } ?? ["(no schema for this template)"]
            let paths = TemplateSchemaTests.paths(in: context)
            recorder.seen.withLock { seen in
                seen.templates.insert(name)
                seen.paths[name, default: []].formUnion(paths)
                seen.undeclared[name, default: []].formUnion(undeclared)
            }
        }) {
            await SiteBuilder(options: options).run()
        }
        #expect(!result.failed, "\(result.diagnostics)")
        let observed = recorder.seen.withLock { $0 }
        // Every page template was rendered at least once (else this test would prove nothing about it).
        #expect(observed.templates == Set(TemplateSchema.pages.keys))
        for (name, undeclared) in observed.undeclared.sorted(by: { $0.key < $1.key }) {
            for path in undeclared.sorted() {
                Issue.record("`\(name)` is passed `\(path)`, which TemplateSchema (and the README) does not declare")
            }
        }
        // Stale names: declared, but passed to no page (`page.breadcrumbs` is empty on some pages, so
        // the shared values are counted over all pages).
        let passed = observed.paths.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let declared = TemplateSchema.pages.values.reduce(into: Set<String>()) { $0.formUnion($1.declaredPaths()) }
        for path in declared.subtracting(passed).sorted() {
            Issue.record("TemplateSchema declares `\(path)`, but no page of the demo site is passed it")
        }
    }

    /// The dotted paths present in `value`, named as `TemplateShape.declaredPaths` names them.
    static func paths(in value: TemplateValue, at path: String = "") -> Set<String> {
        switch value {
        case .text, .html, .htmlBytes, .number, .flag: return [path]
        case .list(let items):
            return Set(items.flatMap { paths(in: $0, at: path + "[]") }.filter { $0 != path + "[]" }).union([path])
        case .map(let values):
            var result: Set<String> = path.isEmpty ? [] : [path]
            for key in values.keys {
                if let item = values[key] { result.formUnion(paths(in: item, at: path.isEmpty ? key : path + "." + key)) }
            }
            return result
        case .shared(let shared):
            return paths(in: shared.value, at: path)
        }
    }

    @Test func undeclaredAndMistypedValuesAreFound() {
        let shape: TemplateShape = .map(["title": .value, "tags": .list(.map(["name": .value])), "video": .mapOrFalse(["src": .value])])
        #expect(shape.undeclaredPaths(in: ["title": "t", "tags": [["name": "n"]], "video": false]).isEmpty)
        #expect(shape.undeclaredPaths(in: ["titel": "t"]) == ["titel"])
        #expect(shape.undeclaredPaths(in: ["tags": [["name": "n", "href": "h"]]]) == ["tags[].href"])
        #expect(shape.undeclaredPaths(in: ["title": true]) == ["title: flag, declared as value"])
        #expect(shape.declaredPaths() == ["tags", "tags[].name", "title", "video", "video.src"])
    }
}
