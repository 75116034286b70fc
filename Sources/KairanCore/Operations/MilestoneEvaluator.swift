/// Decides milestone checklists at a report date from the backlog and the KPIs.
///
/// A phase whose due date has passed is judged with what was true on its due date: backlog items
/// done by then and the KPIs' values as of then. Later values neither tick nor untick it, so a
/// phase that missed its goal stays 期限超過 even once the goal is reached later.
public enum MilestoneEvaluator {
    /// Every phase with its checklist decided at `date` (at its due date when that is earlier). A
    /// rule naming a KPI that is not among `kpis` is a warning at the rule's place and counts as not done.
    public static func evaluate(_ milestones: [Milestone], backlog: [BacklogItem], kpis: [KPI],
                                at date: CivilDate, log: DiagnosticLog) -> [MilestoneProgress] {
        var evaluations: [CivilDate: [KPIEvaluation]] = [:]
        return milestones.map { milestone in
            let judged = milestone.due.map { min($0, date) } ?? date
            if evaluations[judged] == nil { evaluations[judged] = KPIEvaluator.evaluate(kpis, at: judged) }
            let checks = milestone.checklist.map { decide($0, backlog: backlog, kpis: evaluations[judged] ?? [], at: judged, log: log) }
            let complete = !checks.isEmpty && checks.allSatisfy(\.done)
            let state: MilestonePhaseState
            if complete {
                state = .complete
            } else if let due = milestone.due, date > due {
                state = .overdue
            } else if let start = milestone.start, date < start {
                state = .upcoming
            } else {
                state = .active
            }
            return MilestoneProgress(milestone: milestone, checks: checks, state: state, judgedAt: judged)
        }
    }

    static func decide(_ check: MilestoneCheck, backlog: [BacklogItem], kpis: [KPIEvaluation], at date: CivilDate,
                       log: DiagnosticLog) -> MilestoneCheckResult {
        switch check.kind {
        case .manual(let done):
            return MilestoneCheckResult(check: check, done: done, detail: "手動チェック")
        case .rule(.backlogDone(let horizon, let comparison, let threshold)):
            let items = backlog.filter { $0.horizon == horizon && $0.status != .dropped }
            let done = items.filter { $0.isDone(at: date) }.count
            let share = items.isEmpty ? 0 : Double(done) / Double(items.count) * 100
            let met = !items.isEmpty && comparison.holds((share * 1e9).rounded() / 1e9, threshold)
            let detail = "\(horizon.label) \(done)/\(items.count)件完了（\(FixedDecimal.format(share, decimals: 1))%）"
            return MilestoneCheckResult(check: check, done: met, detail: detail)
        case .rule(.kpi(let id, let comparison, let threshold)):
            guard let evaluation = kpis.first(where: { $0.id == id }) else {
                let suggestion = YAMLFields.closest(to: id, in: kpis.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
                log.warning(check.location, "unknown KPI `\(id)` in checklist rule `\(MilestoneRule.kpi(id: id, comparison, threshold))`",
                            hint: "\(suggestion)use an id from kpis.yaml")
                return MilestoneCheckResult(check: check, done: false, detail: "KPI「\(id)」が見つかりません")
            }
            guard let latest = evaluation.latest, evaluation.status != .stale else {
                return MilestoneCheckResult(check: check, done: false, detail: "\(evaluation.definition.name): \(evaluation.status.label)")
            }
            let detail = "最新値 \(evaluation.latestLabel)（\(latest.date.iso)）"
            return MilestoneCheckResult(check: check, done: comparison.holds(latest.value, threshold), detail: detail)
        }
    }
}
