/// A computed checklist rule of `milestones.yaml`:
///
/// - `backlog <horizon> done <comparison> <number>%` — the share of that horizon's backlog items
///   that are done (dropped items are left out), e.g. `backlog immediate done >= 80%`;
/// - `kpi <id> <comparison> <number>` — the KPI's latest value at the report date, e.g.
///   `kpi csat >= 4.5`. A KPI without a current value (no data, stale) does not meet it.
public enum MilestoneRule: Hashable, Sendable, CustomStringConvertible {
    /// Share of done items of a horizon, in percent.
    case backlogDone(BacklogHorizon, KPIComparison, Double)
    /// The latest value of a KPI.
    case kpi(id: String, KPIComparison, Double)

    /// Parses rule text; throws a `KPIRuleError` naming the column of the problem.
    public init(parsing text: String) throws(KPIRuleError) {
        var scanner = RuleScanner(text)
        let forms = "write `backlog immediate done >= 80%` or `kpi csat >= 4.5`"
        scanner.skipSpaces()
        let subjectColumn = scanner.column
        switch scanner.word() {
        case "backlog":
            scanner.skipSpaces()
            let horizonColumn = scanner.column
            let word = scanner.word() ?? ""
            guard let horizon = BacklogHorizon(rawValue: word) else {
                throw scanner.error(word.isEmpty ? "expected a horizon after `backlog`" : "unknown horizon `\(word)`",
                                    hint: "use immediate, short-term or long-term", at: horizonColumn)
            }
            scanner.skipSpaces()
            let statusColumn = scanner.column
            guard scanner.word() == "done" else {
                throw scanner.error("expected `done` after the horizon", hint: forms, at: statusColumn)
            }
            scanner.skipSpaces()
            let comparison = try scanner.comparison()
            scanner.skipSpaces()
            let threshold = try scanner.number()
            scanner.skipSpaces()
            guard scanner.consume("%") else {
                throw scanner.error("expected `%` after the number", hint: "the share of done items is a percentage, e.g. `>= 80%`")
            }
            try scanner.expectEnd()
            self = .backlogDone(horizon, comparison, threshold)
        case "kpi":
            scanner.skipSpaces()
            let idColumn = scanner.column
            guard let id = scanner.word() else {
                throw scanner.error("expected a KPI id after `kpi`", hint: forms, at: idColumn)
            }
            scanner.skipSpaces()
            let comparison = try scanner.comparison()
            scanner.skipSpaces()
            let threshold = try scanner.number()
            scanner.skipSpaces()
            if scanner.peek == "%" {
                throw scanner.error("`%` is not used in KPI checklist rules",
                                    hint: "compare the latest value in the KPI's unit, e.g. `kpi \(id) \(comparison.rawValue) \(FixedDecimal.trimmed(threshold))`")
            }
            try scanner.expectEnd()
            self = .kpi(id: id, comparison, threshold)
        case let other:
            throw scanner.error(other.map { "unknown checklist rule `\($0)`" } ?? "expected `backlog` or `kpi`", hint: forms, at: subjectColumn)
        }
    }

    /// The rule in its canonical written form.
    public var description: String {
        switch self {
        case .backlogDone(let horizon, let comparison, let threshold):
            return "backlog \(horizon.rawValue) done \(comparison.rawValue) \(FixedDecimal.trimmed(threshold))%"
        case .kpi(let id, let comparison, let threshold):
            return "kpi \(id) \(comparison.rawValue) \(FixedDecimal.trimmed(threshold))"
        }
    }
}
