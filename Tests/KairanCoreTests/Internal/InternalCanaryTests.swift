import Testing
@testable import KairanCore

/// Audience separation: operations data reaches `out/internal/` and nothing else. Every internal
/// field of the fixture holds a canary string; each must appear in the internal tree (so the
/// test can fail) and in no other file, nor in any other file's path.
@Suite struct InternalCanaryTests {
    @Test func canariesStayInTheInternalTree() async throws {
        let (result, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        #expect(result.committed)
        let (inside, outside) = InternalTestSupport.outputs(fileSystem)
        #expect(outside.keys.contains("out/public/index.html"))
        #expect(outside.keys.contains("out/public/releases/1.0.0/index.html"))
        #expect(inside.keys.contains("out/internal/roadmap/index.html"))
        let internalText = inside.values.joined(separator: "\n")
        let missing = InternalTestSupport.canaries.filter { !internalText.contains($0) }
        #expect(missing.isEmpty, "missing from out/internal/: \(missing)")
        var leaks: [String] = []
        for (path, text) in outside.sorted(by: { $0.key < $1.key }) {
            let haystack = (path + "\n" + text).lowercased()
            for canary in InternalTestSupport.canaries where haystack.contains(canary.lowercased()) { leaks.append("\(canary) in \(path)") }
            if haystack.contains("canary") && leaks.isEmpty { leaks.append("a canary in \(path)") }
        }
        #expect(leaks.isEmpty, "operations data outside out/internal/: \(leaks)")
    }

    @Test func everyInternalPageAndExportIsWrittenToTheInternalAudience() async throws {
        let (_, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        let written = Set(InternalTestSupport.outputs(fileSystem).internal.keys)
        for path in ["kpi/index.html", "kpi/canary-kpi/index.html", "kpi/canary-alert/index.html", "kpi/uptime/index.html",
                     "kpi/kpis.json", "kpi/kpis.csv", "roadmap/index.html", "assets/kairan.css"] {
            #expect(written.contains("out/internal/" + path), "missing internal/\(path)")
        }
    }

    @Test func internalValuesAreEscaped() async throws {
        let (_, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        let roadmap = fileSystem.text("out/internal/roadmap/index.html") ?? ""
        #expect(roadmap.contains("CANARY-BL2-NOTES &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!roadmap.contains("<script"))
    }

    @Test func approvalRuleViolationsAreLoggedWithFileAndLine() async throws {
        let (result, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        let approvals = result.diagnostics.filter { $0.message.hasPrefix("CANARY-BL-1: an Immediate item") }
        #expect(approvals.count == 3, "\(result.diagnostics)")
        #expect(approvals.allSatisfy { $0.severity == .warning && $0.location.file == "content/data/backlog.yaml" && $0.location.line == 2 })
        let roadmap = fileSystem.text("out/internal/roadmap/index.html") ?? ""
        #expect(roadmap.contains("content/data/backlog.yaml:2"))
        #expect(roadmap.contains("<a href=\"#item-CANARY-BL-1\">CANARY-BL-1</a>"))
    }
}
