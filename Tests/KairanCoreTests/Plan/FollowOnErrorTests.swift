import Testing
@testable import KairanCore

/// One mistake gives one error: what refers to a source that failed to load says nothing more.
@Suite struct FollowOnErrorTests {
    static func errors(_ result: BuildResult) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map(\.description)
    }

    @Test func aLinkToAnArticleWithBrokenFrontMatterIsNotASecondError() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/password.md"] = "---\ntitle: [壊れた\n---\n本文\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.hasPrefix("content/kb/account/password.md:") == true)
    }

    @Test func aLinkToAnArticleLeftOutForADuplicateSlugIsNotASecondError() async {
        var files = TestSupport.smallSite
        files["site/content/kb/account/other.md"] = "---\ntitle: 別の記事\nslug: password\n---\n"
        files["site/content/kb/start/login.md"]! += "\n[別の記事](../account/other.md)\n"
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.contains("both publish /kb/account/password/") == true)
    }

    @Test func aBadKPITargetDoesNotAlsoAskToRenameItsMeasurements() async {
        var files = AffectedOutputsTests.site
        files["site/content/data/kpis.yaml"] = files["site/content/data/kpis.yaml"]!.replacingOccurrences(of: "target: \">= 99.9\"", with: "target: \"about 99.9\"")
        let (result, _) = await TestSupport.build(files)
        #expect(Self.errors(result).count == 1, "\(Self.errors(result))")
        #expect(!result.diagnostics.contains { $0.hint.contains("rename the file") || $0.message.contains("no KPI `uptime`") }, "\(result.diagnostics)")
    }

    @Test func aBadScheduleRuleDoesNotAlsoReportItsEventPage() async {
        var files = TrainingTests.site
        files["site/site.yaml"] = files["site/site.yaml"]!.replacingOccurrences(of: "rule: weekly thu", with: "rule: weekly someday")
        let (result, _) = await TestSupport.build(files)
        let errors = Self.errors(result)
        #expect(errors.count == 1, "\(errors)")
        #expect(!errors.contains { $0.contains("has no schedule item") })
    }
}
