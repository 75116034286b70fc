import Testing
@testable import KairanCore

/// "A link from a public page to an internal page is an error."
@Suite struct InternalLinkRuleTests {
    private let resolver = LinkResolver(
        pages: ["content/kb/a/b.md": "/kb/a/b/", "content/releases/v2.md": "/releases/2.0.0/"],
        assets: [], sitePaths: ["/", "/kb/a/b/"], basePath: "/help/",
        internalPaths: ["/kpi/", "/kpi/csat/", "/kpi/kpis.json", "/roadmap/", "/releases/2.0.0/"],
        internalSources: ["content/releases/v2.md"])

    private func isInternalError(_ resolution: LinkResolver.Resolution) -> Bool {
        guard case .broken(let message, _) = resolution else { return false }
        return message.contains("is an internal page; public pages cannot link to internal ones")
    }

    @Test func publicLinksToInternalPagesAreBroken() {
        for link in ["/kpi/", "/kpi", "/kpi/csat/", "/kpi/csat/#chart", "/kpi/csat/index.html", "/roadmap/?x=1", "/kpi/kpis.json"] {
            #expect(isInternalError(resolver.resolve(link, from: "content/kb/a/b.md")), "\(link)")
        }
        // An internal release note, by its Markdown file.
        #expect(isInternalError(resolver.resolve("../../releases/v2.md", from: "content/kb/a/b.md")))
    }

    @Test func otherLinksAreUnchanged() {
        #expect(resolver.resolve("/kb/a/b/", from: "content/kb/a/c.md") == .rewrite(url: "/help/kb/a/b/", targetSource: nil, fragment: nil))
        guard case .broken(let message, _) = resolver.resolve("/kpi/unknown/", from: "content/kb/a/b.md") else {
            Issue.record("a link to no page must be broken")
            return
        }
        #expect(message.contains("matches no page"))
    }

    @Test func internalPagesMayLinkToEachOther() {
        #expect(resolver.resolve("/kpi/csat/", from: "content/releases/v2.md") == .rewrite(url: "/help/kpi/csat/", targetSource: nil, fragment: nil))
    }

    @Test func theBuildReportsPublicLinksToInternalPages() async throws {
        var files = try InternalTestSupport.canarySite()
        files["site/content/kb/start/kpi.md"] = """
            ---
            title: 指標
            ---
            [ダッシュボード](/kpi/)、[指標](/kpi/canary-kpi/)、[ロードマップ](/roadmap/)、[ログイン](login.md)
            """
        let (result, _) = await TestSupport.build(files, write: false)
        let internalLinks = result.diagnostics.filter { $0.message.contains("is an internal page; public pages cannot link to internal ones") }
        #expect(internalLinks.count == 3, "\(result.diagnostics)")
        #expect(internalLinks.allSatisfy { $0.severity == .error && $0.location.file == "content/kb/start/kpi.md" })
        #expect(result.failed)
    }

    @Test func withoutOperationsDataThereAreNoInternalPages() async {
        var files = TestSupport.smallSite
        files["site/content/kb/start/kpi.md"] = "---\ntitle: 指標\n---\n[ダッシュボード](/kpi/)\n"
        let (result, _) = await TestSupport.build(files, write: false)
        #expect(result.diagnostics.contains { $0.message.contains("link to /kpi/ matches no page") }, "\(result.diagnostics)")
    }
}
