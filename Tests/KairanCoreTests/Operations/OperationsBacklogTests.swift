import Testing
@testable import KairanCore

/// `backlog.yaml` decoding and the Immediate approval criteria.
@Suite struct OperationsBacklogTests {
    private let path = "content/data/backlog.yaml"

    private func load(_ entries: String, log: DiagnosticLog) -> [BacklogItem] {
        BacklogLoader.load(OperationsSourceFile(path: path, text: "items:\n" + entries), log: log)
    }

    private let full = """
      - id: BL-001
        title: モバイル最適化
        category: Enhancement
        priority: Critical
        estimate: M
        value: 9
        owner: Frontend
        horizon: immediate
        due: 2026-05-12
        status: done
        done_on: 2026-05-12
        requested_by:
          - A院
          - B院
          - C院
        approved_by: Tech Lead
        notes: メモ
      - id: BL-020
        title: AI
        priority: Low
        estimate: XL
        value: 9
        horizon: long-term
        milestone: "v2.0"
        status: in-progress
        requested_by: [A院]

    """

    @Test func decodesEveryKey() {
        let log = DiagnosticLog()
        let items = load(full, log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(items.count == 2)
        guard items.count == 2 else { return }
        let item = items[0]
        #expect(item.id == "BL-001")
        #expect(item.title == "モバイル最適化")
        #expect(item.category == "Enhancement")
        #expect(item.priority == .critical)
        #expect(item.estimate == "M")
        #expect(item.value == 9)
        #expect(item.owner == "Frontend")
        #expect(item.horizon == .immediate)
        #expect(item.due == opsDay("2026-05-12"))
        #expect(item.milestone == nil)
        #expect(item.status == .done)
        #expect(item.doneOn == opsDay("2026-05-12"))
        #expect(item.requestedBy == ["A院", "B院", "C院"])
        #expect(item.approvedBy == "Tech Lead")
        #expect(item.notes == "メモ")
        #expect(item.location == SourceLocation(file: path, line: 2, column: 5))
        #expect(items[1].milestone == "v2.0")
        #expect(items[1].due == nil)
        #expect(items[1].approvedBy == nil)
        #expect(items[1].horizon == .longTerm)
        #expect(items[1].status == .inProgress)
        #expect(items[1].requestedBy == ["A院"])
        #expect(item.isDone(at: opsDay("2026-05-12")))
        #expect(!item.isDone(at: opsDay("2026-05-11")))
        #expect(!items[1].isDone(at: nil))
    }

    @Test func strictDecoding() {
        let log = DiagnosticLog()
        let entries = """
          - id: X-1
            title: t
            priority: Urgent
            estimate: XXL
            value: 11
            horizon: soon
            status: done
            owner: me
          - id: X-2
            title: t
            priority: Low
            estimate: S
            value: 3
            horizon: short-term
            due: 2026-13-01
            milestone: v2
            status: approved
            done_on: 2026-11-01
            assignee: me
          - id: X-2
            title: dup
            priority: Low
            estimate: S
            value: 3
            horizon: short-term
            due: 2026-12-01
            status: proposed

        """
        let items = load(entries, log: log)
        #expect(items.map(\.id) == ["X-2"])
        let messages = opsMessages(log)
        #expect(messages.contains("\(path):4:15: error: `priority` must be one of Critical, High, Medium, Low, found \"Urgent\""))
        #expect(messages.contains("\(path):5:15: error: `estimate` must be one of XS, S, M, L, XL, found \"XXL\""))
        #expect(messages.contains("\(path):6:12: error: `value` must be between 1 and 10, found 11"))
        #expect(messages.contains("\(path):7:14: error: `horizon` must be one of immediate, short-term, long-term, found \"soon\""))
        #expect(messages.contains("\(path):2:5: error: backlog item `X-1` needs `due:` or `milestone:`"))
        #expect(messages.contains("\(path):8:13: warning: backlog item `X-1` is done but has no `done_on:` date"))
        #expect(messages.contains("\(path):20:5: error: unknown key `assignee` in `items` entry 2"))
        #expect(messages.contains("\(path):16:10: error: `due` 2026-13-01 is not a day: there is no month 13"))
        #expect(messages.contains("\(path):17:16: error: backlog item `X-2` has both `due:` and `milestone:`"))
        #expect(messages.contains("\(path):19:14: warning: backlog item `X-2` has `done_on:` but status `approved`"))
        #expect(messages.contains { $0.hasPrefix("\(path):21:9: error: duplicate backlog id `X-2`") })
    }

    @Test func approvalCriteria() {
        let at = SourceLocation(file: path, line: 40, column: 5)
        let clinics = ["A院", "B院", "C院"]
        let items = [
            BacklogItem(id: "OK", title: "ok", value: 7, horizon: .immediate, requestedBy: clinics, approvedBy: "Tech Lead"),
            BacklogItem(id: "FEW", title: "few", value: 7, horizon: .immediate, requestedBy: ["A院", "B院", "A院"],
                        approvedBy: "Tech Lead", location: at),
            BacklogItem(id: "LOW", title: "low", value: 6, horizon: .immediate, requestedBy: clinics, approvedBy: "Tech Lead", location: at),
            BacklogItem(id: "PM", title: "pm", value: 8, horizon: .immediate, requestedBy: clinics, approvedBy: "Product Manager", location: at),
            BacklogItem(id: "NONE", title: "none", value: 1, horizon: .immediate, location: at),
            BacklogItem(id: "DROP", title: "dropped", value: 1, horizon: .immediate, status: .dropped),
            BacklogItem(id: "LATER", title: "later", value: 1, horizon: .shortTerm),
        ]
        let diagnostics = ApprovalRules.check(items)
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location == at })
        #expect(diagnostics.map(\.message) == [
            "FEW: an Immediate item needs requests from at least 3 clinics, found 2",
            "LOW: an Immediate item needs business value 7 or more, found 6",
            "PM: an Immediate item must be approved by Tech Lead, approved by Product Manager",
            "NONE: an Immediate item needs requests from at least 3 clinics, found 0",
            "NONE: an Immediate item needs business value 7 or more, found 1",
            "NONE: an Immediate item must be approved by Tech Lead, not approved",
        ])
        #expect(diagnostics[0].description.hasPrefix("\(path):40:5: warning: FEW:"))
        let lenient = ApprovalRules(minimumClinics: 2, minimumValue: 1, approver: "Product Manager")
        #expect(lenient.check(items).map(\.message) == [
            "OK: an Immediate item must be approved by Product Manager, approved by Tech Lead",
            "FEW: an Immediate item must be approved by Product Manager, approved by Tech Lead",
            "LOW: an Immediate item must be approved by Product Manager, approved by Tech Lead",
            "NONE: an Immediate item needs requests from at least 2 clinics, found 0",
            "NONE: an Immediate item must be approved by Product Manager, not approved",
        ])
    }

    @Test func vocabularyLabels() {
        #expect(BacklogStatus.allCases.map(\.label) == ["提案", "承認済み", "対応中", "完了", "取り下げ"])
        #expect(BacklogHorizon.allCases.map(\.periodLabel) == ["1ヶ月以内", "1〜3ヶ月", "3ヶ月以降"])
        #expect(BacklogPriority.allCases.map(\.label) == ["緊急", "高", "中", "低"])
    }
}
