import Testing
@testable import KairanCore

/// `milestones.yaml`: checklist rules, their parse errors, and progress per phase.
@Suite struct OperationsMilestoneTests {
    private let path = "content/data/milestones.yaml"

    @Test(arguments: [
        ("backlog immediate done >= 80%", MilestoneRule.backlogDone(.immediate, .greaterOrEqual, 80)),
        ("backlog short-term done >= 50%", .backlogDone(.shortTerm, .greaterOrEqual, 50)),
        ("  backlog long-term done == 100 %", .backlogDone(.longTerm, .equal, 100)),
        ("kpi csat >= 4.5", .kpi(id: "csat", .greaterOrEqual, 4.5)),
        ("kpi api-p95 < 500", .kpi(id: "api-p95", .less, 500)),
    ])
    func parses(text: String, rule: MilestoneRule) throws {
        #expect(try MilestoneRule(parsing: text) == rule)
    }

    @Test func canonicalText() throws {
        #expect(try MilestoneRule(parsing: "backlog  immediate done>=80%").description == "backlog immediate done >= 80%")
        #expect(try MilestoneRule(parsing: "kpi csat >=4.50").description == "kpi csat >= 4.5")
    }

    @Test(arguments: [
        ("", 1, "expected `backlog` or `kpi`"),
        ("release v2.0 shipped", 1, "unknown checklist rule `release`"),
        ("backlog soon done >= 80%", 9, "unknown horizon `soon`"),
        ("backlog", 8, "expected a horizon"),
        ("backlog immediate finished >= 80%", 19, "expected `done`"),
        ("backlog immediate done >= 80", 29, "expected `%`"),
        ("backlog immediate done => 80%", 24, "`=>`"),
        ("kpi", 4, "expected a KPI id"),
        ("kpi csat 4.5", 10, "expected a comparison"),
        ("kpi csat >= 4.5%", 16, "`%` is not used"),
        ("kpi csat >= 4.5 points", 17, "unexpected `p`"),
    ])
    func rejects(text: String, column: Int, fragment: String) {
        do {
            let rule = try MilestoneRule(parsing: text)
            Issue.record("\"\(text)\" parsed as \(rule)")
        } catch {
            #expect(error.column == column, "\(error)")
            #expect(error.message.contains(fragment), "\(error)")
        }
    }

    private let yaml = """
    phases:
      - id: improvement
        name: 改善期
        goal: 改善
        start: 2026-05-14
        due: 2026-07-14
        checklist:
          - title: Immediate 80%
            rule: "backlog immediate done >= 80%"
          - title: CSAT
            rule: "kpi csat >= 4.5"
          - title: 手動
            done: true
          - title: 未定義KPI
            rule: "kpi nps2 >= 50"
      - id: growth
        name: 成長期
        start: 2026-12-01
        due: 2027-02-01
        checklist:
          - title: 不明なルール
            rule: "release done"
          - title: 両方
            done: true
            rule: "kpi csat >= 4"

    """

    @Test func loadsAndEvaluates() {
        let log = DiagnosticLog()
        let milestones = MilestoneLoader.load(OperationsSourceFile(path: path, text: yaml), log: log)
        #expect(milestones.map(\.id) == ["improvement", "growth"])
        #expect(milestones.first?.checklist.count == 4)
        #expect(milestones.first?.start == opsDay("2026-05-14"))
        #expect(milestones.first?.goal == "改善")
        #expect(opsMessages(log) == [
            "\(path):22:15: error: checklist rule \"release done\" column 1: unknown checklist rule `release`",
            "\(path):25:15: error: a checklist entry has both `done:` and `rule:`",
        ])
        let backlog = [
            BacklogItem(id: "1", title: "a", horizon: .immediate, status: .done, doneOn: opsDay("2026-06-01")),
            BacklogItem(id: "2", title: "b", horizon: .immediate, status: .done, doneOn: opsDay("2026-06-01")),
            BacklogItem(id: "3", title: "c", horizon: .immediate, status: .done, doneOn: opsDay("2026-06-01")),
            BacklogItem(id: "4", title: "d", horizon: .immediate, status: .done, doneOn: opsDay("2026-07-01")),
            BacklogItem(id: "5", title: "e", horizon: .immediate, status: .inProgress),
            BacklogItem(id: "6", title: "f", horizon: .immediate, status: .dropped),
            BacklogItem(id: "7", title: "g", horizon: .shortTerm, status: .done),
        ]
        let csat = opsKPI(id: "csat", unit: "点", target: ">= 4.5", frequency: .monthly,
                          series: [("2026-06-01", 4.4), ("2026-07-01", 4.6)])
        let nps = opsKPI(id: "nps", target: ">= 50", frequency: .monthly, series: [])
        let run = { (day: String) -> [MilestoneProgress] in
            let date = opsDay(day)
            return MilestoneEvaluator.evaluate(milestones, backlog: backlog, kpis: [csat, nps],
                                               at: date, log: DiagnosticLog())
        }
        let june = run("2026-06-15")
        guard june.count == 2 else { return }
        // 3 of 5 immediate items done by mid-June (the dropped one is left out): 60%.
        #expect(june[0].checks.map(\.done) == [false, false, true, false])
        #expect(june[0].checks[0].detail == "即時対応 3/5件完了（60.0%）")
        #expect(june[0].checks[1].detail == "最新値 4.4点（2026-06-01）")
        #expect(june[0].checks[2].detail == "手動チェック")
        #expect(june[0].doneCount == 1 && june[0].total == 4 && june[0].percent == 25)
        #expect(june[0].state == .active)
        #expect(june[1].state == .upcoming)
        let july = run("2026-07-14")
        #expect(july[0].checks.map(\.done) == [true, true, true, false])
        #expect(july[0].checks[0].detail == "即時対応 4/5件完了（80.0%）")
        #expect(july[0].state == .active)
        #expect(run("2026-07-15")[0].state == .overdue)
        #expect(run("2026-12-24")[1].state == .active)
        // CSAT data stops on 07-01: by 2026-09-02 it is stale, but the phase was due on 07-14 and
        // keeps the verdict of its due date.
        let stale = run("2026-09-02")
        #expect(stale[0].checks[1].done == true)
        #expect(stale[0].checks[1].detail == "最新値 4.6点（2026-07-01）")
        #expect(stale[0].judgedAt == opsDay("2026-07-14"))
        #expect(stale[1].judgedAt == opsDay("2026-09-02"))
    }

    @Test func unknownKPIIsAWarning() {
        let log = DiagnosticLog()
        let at = SourceLocation(file: path, line: 15, column: 15)
        let milestone = Milestone(id: "m", name: "m", checklist: [
            MilestoneCheck(title: "x", kind: .rule(.kpi(id: "cstat", .greaterOrEqual, 4.5)), location: at),
        ])
        let csat = opsKPI(id: "csat", target: ">= 4.5", values: [5])
        let progress = MilestoneEvaluator.evaluate([milestone], backlog: [], kpis: [csat], at: opsDay("2026-11-01"), log: log)
        #expect(progress.first?.checks.first?.done == false)
        #expect(progress.first?.state == .active)
        #expect(opsMessages(log) == ["\(path):15:15: warning: unknown KPI `cstat` in checklist rule `kpi cstat >= 4.5`"])
        #expect(log.items.first?.hint == "did you mean `csat`? use an id from kpis.yaml")
    }

    @Test func completeAndEmptyPhases() {
        let done = Milestone(id: "a", name: "a", due: opsDay("2026-01-01"), checklist: [MilestoneCheck(title: "x", kind: .manual(done: true))])
        let empty = Milestone(id: "b", name: "b", start: opsDay("2026-01-01"))
        let progress = MilestoneEvaluator.evaluate([done, empty], backlog: [], kpis: [], at: opsDay("2026-11-01"), log: DiagnosticLog())
        #expect(progress.map(\.state) == [.complete, .active])
        #expect(progress.map(\.percent) == [100, 100])
        #expect(MilestonePhaseState.allCases.map(\.label) == ["完了", "進行中", "未着手", "期限超過"])
    }

    /// A past phase is judged with the values of its due date: a KPI that reached its goal and an
    /// item done after the due date do not tick it, and the phase stays overdue.
    @Test func pastPhaseIsJudgedAtItsDueDate() {
        let phase = Milestone(id: "p", name: "p", due: opsDay("2026-07-31"), checklist: [
            MilestoneCheck(title: "CSAT", kind: .rule(.kpi(id: "csat", .greaterOrEqual, 4.5))),
            MilestoneCheck(title: "即時対応", kind: .rule(.backlogDone(.immediate, .greaterOrEqual, 100))),
        ])
        let csat = opsKPI(id: "csat", unit: "点", target: ">= 4.5", frequency: .monthly,
                          series: [("2026-07-01", 4.2), ("2026-08-01", 4.8), ("2026-11-01", 4.9)])
        let backlog = [BacklogItem(id: "1", title: "a", horizon: .immediate, status: .done, doneOn: opsDay("2026-08-20"))]
        let later = MilestoneEvaluator.evaluate([phase], backlog: backlog, kpis: [csat], at: opsDay("2026-11-25"), log: DiagnosticLog())
        #expect(later.first?.checks.map(\.done) == [false, false])
        #expect(later.first?.checks.first?.detail == "最新値 4.2点（2026-07-01）")
        #expect(later.first?.checks.last?.detail == "即時対応 0/1件完了（0.0%）")
        #expect(later.first?.state == .overdue)
        #expect(later.first?.judgedAt == opsDay("2026-07-31"))
        #expect(later.first?.judgedAtDue(reportDate: opsDay("2026-11-25")) == true)
        // Before its due date the same phase is judged with the values of the report date.
        let before = MilestoneEvaluator.evaluate([phase], backlog: backlog, kpis: [csat], at: opsDay("2026-07-15"), log: DiagnosticLog())
        #expect(before.first?.judgedAtDue(reportDate: opsDay("2026-07-15")) == false)
    }
}
