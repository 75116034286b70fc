import Foundation
import Testing
@testable import KairanCore

/// The internal pages of the repository's demo site (built in memory at 2026-11-25) and of the canary fixture.
@Suite struct InternalPagesTests {
    @Test func demoSiteHasTheInternalPagesWithItsAlerts() async throws {
        let (result, fileSystem) = await TestSupport.build(try InternalTestSupport.demoSite())
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error })")
        let dashboard = try #require(fileSystem.text("out/internal/kpi/index.html"))
        let alerts = try #require(dashboard.components(separatedBy: "<h3>アラート中の指標</h3>").last?
            .components(separatedBy: "</section>").first)
        for name in ["ログイン失敗率", "平均解決時間 (P1)"] { #expect(alerts.contains(name), "\(name)") }
        // Every KPI the export calls alerting is listed at the top, and has its own page.
        let json = try #require(fileSystem.text("out/internal/kpi/kpis.json"))
        let export = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let kpis = try #require(export["kpis"] as? [[String: Any]])
        #expect(export["report_date"] as? String == "2026-11-25")
        #expect(kpis.count == 24)
        for kpi in kpis {
            let id = try #require(kpi["id"] as? String)
            #expect(fileSystem.text("out/internal/kpi/\(id)/index.html")?.contains("<table") == true, "\(id)")
            if kpi["status"] as? String == "alert" { #expect(alerts.contains(try #require(kpi["name"] as? String))) }
        }
        #expect(dashboard.contains("<h2 id=\"group-business\">ビジネス指標"))
        let roadmap = try #require(fileSystem.text("out/internal/roadmap/index.html"))
        #expect(roadmap.contains("<progress"))
        #expect(fileSystem.text("out/public/kpi/index.html") == nil)
    }

    /// The roadmap tells approval findings as Japanese sentences with the item linked and its file
    /// location small, for editors; the terminal keeps the English diagnostics.
    @Test func roadmapFindingsAreJapaneseSentences() async throws {
        let (result, fileSystem) = await TestSupport.build(try InternalTestSupport.demoSite())
        #expect(result.diagnostics.contains { $0.message == "BL-006: an Immediate item needs requests from at least 3 clinics, found 2" })
        let roadmap = try #require(fileSystem.text("out/internal/roadmap/index.html"))
        let findings = try #require(roadmap.components(separatedBy: "<ul class=\"approval-issues\">").last?.components(separatedBy: "</ul>").first)
        #expect(findings.contains("<a href=\"#item-BL-006\">BL-006</a>「"))
        #expect(findings.contains("」は要望元が2院しかありません"))
        #expect(findings.contains("要望元が2院しかありません（3院以上が必要です）。"))
        #expect(findings.contains("<p class=\"finding-source\"><span class=\"visually-hidden\">編集する場所: </span>content/data/backlog.yaml:"))
        #expect(roadmap.contains("id=\"item-BL-006\""))
        for raw in ["an Immediate item", "requested_by", "`", "horizon: short-term", "Immediate", "Short-term", "Long-term", "<code>"] {
            #expect(!roadmap.contains(raw), "\(raw)")
        }
        #expect(roadmap.contains("即時対応（1ヶ月以内）") && roadmap.contains("短期（1〜3ヶ月）") && roadmap.contains("中長期（3ヶ月以降）"))
        #expect(roadmap.contains("<td>新機能</td>") && !roadmap.contains("<td>Feature</td>"))
        // The growth phase (due 2026-10-14) says it was judged at its due date.
        #expect(roadmap.contains("期限日（<time datetime=\"2026-10-14\">"))
        #expect(fileSystem.text("out/public/kpi/index.html") == nil)
    }

    @Test func dashboardGroupsFollowThePlanOrder() {
        let groups = KPIGroups.ordered(["outcome", "", "custom", "business", "system", "business"])
        #expect(groups.map(\.group) == ["business", "system", "outcome", "custom", ""])
        #expect(groups.first?.members == [3, 5])
        #expect(KPIGroups.name(of: "security") == "セキュリティ指標")
        #expect(KPIGroups.name(of: "custom") == "custom")
        #expect(KPIGroups.name(of: "") == "その他")
        #expect(KPIGroups.anchor(of: "business") == "group-business")
        #expect(KPIGroups.anchor(of: "品質") == "group-xe59381e8b3aa")
    }

    @Test func internalLinksAreRelative() {
        #expect(InternalPaths.href("/assets/kairan.css", from: "/kpi/csat/") == "../../assets/kairan.css")
        #expect(InternalPaths.href("/roadmap/", from: "/kpi/") == "../roadmap/")
        #expect(InternalPaths.href("/kpi/#group-system", from: "/kpi/csat/") == "../../kpi/#group-system")
    }

    @Test func kpiPageShowsRulesDateTableAndChart() async throws {
        let (_, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        let page = try #require(fileSystem.text("out/internal/kpi/canary-alert/index.html"))
        for fragment in ["<html lang=\"ja\">", "社内限定", "<a class=\"skip-link\" href=\"#main\">", "<main id=\"main\"",
                         "<svg xmlns=\"http://www.w3.org/2000/svg\"", "<title id=\"chart-canary-alert-title\">CANARY-ALERT-NAME</title>",
                         "✕</span> アラート", "5%未満", "10%超", "2026年11月24日（火）", "<caption>CANARY-ALERT-NAMEの測定値（2件、新しい順）</caption>",
                         "<td>11.4%</td>", "href=\"../../assets/kairan.css\"", "<a href=\"../../kpi/\""] {
            #expect(page.contains(fragment), "\(fragment)")
        }
        #expect(!page.contains("feedback"))
        let dashboard = try #require(fileSystem.text("out/internal/kpi/index.html"))
        #expect(dashboard.contains("<strong>1</strong>件"))
        #expect(dashboard.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 32\" class=\"kpi-sparkline\""))
    }

    @Test func roadmapListsDueItemsAndMilestones() async throws {
        let (_, fileSystem) = await TestSupport.build(try InternalTestSupport.canarySite())
        let roadmap = try #require(fileSystem.text("out/internal/roadmap/index.html"))
        let due = try #require(roadmap.components(separatedBy: "id=\"due-soon\"").last?.components(separatedBy: "</section>").first)
        #expect(due.contains("CANARY-BL-TITLE") && due.contains("あと5日"))
        #expect(!due.contains("CANARY-BL2-TITLE"))
        #expect(roadmap.contains("<progress max=\"3\" value=\"2\""))
        #expect(roadmap.contains("3項目中2項目完了（67%）"))
    }
}
