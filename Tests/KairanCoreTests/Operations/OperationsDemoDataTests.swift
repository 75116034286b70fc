import Foundation
import Testing
@testable import KairanCore

/// The demo operations data under `content/data`, judged at 2026-11-24.
@Suite struct OperationsDemoDataTests {
    private let root = opsRepositoryRoot()
    private let reportDate = opsDay("2026-11-24")

    private func source(_ relative: String) throws -> OperationsSourceFile {
        let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
        return OperationsSourceFile(path: relative, text: text)
    }

    private func loadKPIs(log: DiagnosticLog) throws -> [KPI] {
        let folder = "content/data/metrics"
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder).filter { $0.hasSuffix(".csv") }.sorted()
        let metrics = try names.map { try source(folder + "/" + $0) }
        return KPILoader.load(definitions: try source("content/data/kpis.yaml"), metrics: metrics, log: log)
    }

    @Test func kpisLoadCleanly() throws {
        let log = DiagnosticLog()
        let kpis = try loadKPIs(log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(kpis.count == 24)
        #expect(kpis.allSatisfy { !$0.measurements.isEmpty })
        #expect(kpis.first { $0.id == "uptime" }?.decimals == 2)
    }

    @Test func evaluationsOnReportDate() throws {
        let log = DiagnosticLog()
        let evaluations = KPIEvaluator.evaluate(try loadKPIs(log: log), at: reportDate)
        let byStatus = Dictionary(grouping: evaluations, by: \.status).mapValues { $0.map(\.id).sorted() }
        let alerts = byStatus[.alert] ?? []
        #expect(alerts.count >= 2, "\(byStatus)")
        #expect(alerts.contains("login-failure-rate"))
        #expect(alerts.contains("p1-mttr"))
        #expect(byStatus[.stale] == ["avg-session"])
        #expect((byStatus[.onTarget] ?? []).count >= 5, "\(byStatus)")
        #expect((byStatus[.offTarget] ?? []).contains("api-p95"))
        #expect(byStatus[.noData] == nil)
        let byID = Dictionary(uniqueKeysWithValues: evaluations.map { ($0.id, $0) })
        #expect(byID["login-failure-rate"]?.latestLabel == "11.4%")
        #expect(byID["login-failure-rate"]?.changeLabel == "-0.2pt")
        #expect(byID["uptime"]?.status == .onTarget)
        #expect(byID["expansion"]?.status == .onTarget)
        #expect(byID["csat"]?.status == .onTarget)
    }

    @Test func approvalRulesFlagBL006() throws {
        let log = DiagnosticLog()
        let items = BacklogLoader.load(try source("content/data/backlog.yaml"), log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(items.count == 20)
        let diagnostics = ApprovalRules.check(items)
        #expect(diagnostics.map(\.message) == ["BL-006: an Immediate item needs requests from at least 3 clinics, found 2"])
        #expect(diagnostics.first?.location.file == "content/data/backlog.yaml")
        #expect((diagnostics.first?.location.line ?? 0) > 1)
    }

    @Test func milestoneProgress() throws {
        let log = DiagnosticLog()
        let kpis = try loadKPIs(log: log)
        let backlog = BacklogLoader.load(try source("content/data/backlog.yaml"), log: log)
        let milestones = MilestoneLoader.load(try source("content/data/milestones.yaml"), log: log)
        let progress = MilestoneEvaluator.evaluate(milestones, backlog: backlog, kpis: kpis,
                                                   at: reportDate, log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(progress.map(\.milestone.id) == ["stabilization", "improvement", "growth"])
        #expect(progress.map(\.state) == [.complete, .complete, .overdue])
        #expect(progress.map(\.doneCount) == [4, 4, 3])
        // The growth phase was due on 2026-10-14: judged with what was done by then (a fourth
        // short-term item was done later, and does not count).
        #expect(progress.last?.checks.first?.detail == "短期 3/6件完了（50.0%）")
    }
}
