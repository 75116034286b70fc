import Foundation
import Testing
@testable import KairanCore

/// Templates that include themselves or nest without bound: a located error when the theme
/// loads, for the compiled renderer and swift-mustache alike, never a stack overflow.
@Suite struct InputTemplateTests {
    static let layout = (try? String(contentsOfFile: TestSupport.repositoryRoot + "/templates/layout.mustache", encoding: .utf8)) ?? ""

    /// `check` with `templates` added, under both renderers; the error lines of each run.
    static func check(_ templates: [String: String]) throws -> [(renderer: String, status: Int32, errors: [Substring])] {
        var files: [String: String] = [:]
        for (path, text) in templates { files["site/templates/" + path] = text }
        return try ["0", "1"].map { reference in
            let run = try InputTestSupport.check(adding: files, environment: ["KAIRAN_REFERENCE_TEMPLATES": reference])
            return (reference == "1" ? "swift-mustache" : "compiled", run.status, InputTestSupport.errorLines(run.errors))
        }
    }

    @Test func aPartialThatIncludesItselfIsALocatedError() throws {
        for run in try Self.check(["partials/footer.mustache": "<footer>\n  {{> partials/footer}}\n</footer>\n"]) {
            #expect(run.status == 1, "\(run.renderer)")
            #expect(run.errors == ["templates/partials/footer.mustache:2:3: error: partial `partials/footer` includes itself (partials/footer → partials/footer)"],
                    "\(run.renderer)")
        }
    }

    @Test func mutuallyRecursivePartialsAreOneLocatedError() throws {
        for run in try Self.check([
            "partials/footer.mustache": "{{#site}}{{> partials/legal}}{{/site}}\n",
            "partials/legal.mustache": "<p>\n{{> partials/footer}}\n</p>\n",
        ]) {
            #expect(run.status == 1, "\(run.renderer)")
            #expect(run.errors == ["templates/partials/footer.mustache:1:10: error: partial `partials/footer` includes itself (partials/footer → partials/legal → partials/footer)"],
                    "\(run.renderer)")
        }
    }

    @Test func aLayoutThatExtendsItselfIsALocatedError() throws {
        for run in try Self.check(["layout.mustache": "{{<layout}}{{$main}}x{{/main}}{{/layout}}\n" + Self.layout]) {
            #expect(run.status == 1, "\(run.renderer)")
            #expect(run.errors == ["templates/layout.mustache:1:1: error: template `layout` includes itself (layout → layout)"], "\(run.renderer)")
        }
    }

    @Test func nestingBeyondTheLimitIsALocatedError() throws {
        // 200,000 levels overflowed swift-mustache's parser; 150 are simply more than Kairan renders.
        for depth in [150, 200_000] {
            let text = "\n" + String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
            let started = Date()
            for run in try Self.check(["partials/footer.mustache": text]) {
                #expect(run.status == 1, "\(run.renderer)")
                #expect(run.errors.count == 1 && run.errors[0].hasPrefix("templates/partials/footer.mustache:2:")
                        && run.errors[0].hasSuffix("levels deep (404 → layout → partials/footer), more than the 100 Kairan renders"),
                        "\(run.renderer): \(run.errors)")
            }
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    @Test func aLongChainOfPartialsIsALocatedError() throws {
        var templates = ["partials/footer.mustache": "{{> partials/p0}}"]
        for index in 0..<120 { templates["partials/p\(index).mustache"] = index == 119 ? "end" : "{{> partials/p\(index + 1)}}" }
        for run in try Self.check(templates) {
            #expect(run.status == 1, "\(run.renderer)")
            #expect(run.errors.count == 1 && run.errors[0].contains("levels deep (404 → layout → partials/footer → partials/p0 → partials/p1"),
                    "\(run.renderer): \(run.errors)")
        }
    }

    @Test func theScanFollowsDelimitersTriplesAndComments() {
        let scan = TemplateNesting.scan("{{! {{> a}} }}{{{b}}}\n{{=<% %>=}}é<%> c %><%#s%><%<d%><%/d%><%/s%>\n<%={{ }}=%>{{>*dynamic}}{{>e}}")
        #expect(scan.inclusions.map(\.name) == ["c", "d", "e"])
        #expect(scan.inclusions.map { [$0.line, $0.column, $0.depth] } == [[2, 13, 0], [2, 27, 1], [3, 25, 0]])
        #expect(scan.deepest.depth == 2)
    }

    /// The compiled renderer bounds partial depth itself too, should a cycle ever get past the check.
    @Test func theCompiledRendererStopsAtTheDepthLimit() {
        let renderer = CompiledRenderer(templates: ["x": [.text("."), .partial("x", indentation: nil, overrides: nil)]])
        #expect(renderer.render("x", .map(TemplateMap())) == Array(String(repeating: ".", count: TemplateNesting.maxDepth + 1).utf8))
    }

    /// An override that uses its own parent again renders the override again at each level: the
    /// depth limit ends that too.
    @Test func theCompiledRendererStopsARecursiveOverride() {
        let override: [CompiledNode] = [.text("o"), .partial("parent", indentation: nil, overrides: ["slot": [.text("i")]])]
        let renderer = CompiledRenderer(templates: [
            "page": [.partial("parent", indentation: nil, overrides: ["slot": override])],
            "parent": [.text("["), .block("slot", defaultContent: [.text("d")], indentation: nil), .text("]")],
        ])
        let text = renderer.render("page", .map(TemplateMap())).map { String(decoding: $0, as: UTF8.self) } ?? ""
        #expect(text.hasPrefix("[o[o[o"))
        #expect(text.filter { $0 == "[" }.count == TemplateNesting.maxDepth)
    }

    @Test func theDefaultThemeNestsWithinTheLimit() {
        let log = DiagnosticLog()
        #expect(TemplateNesting.check(ThemeFiles.builtIn, log: log))
        #expect(log.items.isEmpty)
    }
}
