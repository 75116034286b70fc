/// Judges KPIs at a report date.
///
/// - The latest value is the newest measurement on or before the date; the previous value, which
///   the change is measured from, is the measurement just before it (measurements are taken once
///   per `frequency` period) or, for a relative target, the baseline of the target's period (a
///   `wow` target's card shows the change against the week before, as the target judges it).
/// - An absolute rule compares the latest value. A relative rule compares the percentage change of
///   the latest value against the baseline: the newest measurement on or before one period before
///   the latest (`KPIPeriod.baselineDate(before:)`). With no baseline the rule cannot be judged;
///   from a baseline of 0 any rise is +∞% and any fall −∞%.
/// - The status, first match wins: `.noData` (nothing on or before the date), `.stale` (latest
///   value more than `frequency.staleAfterDays` days old — old values are not judged, though
///   `targetMet` and `alertTriggered` still tell how the old value fared), `.alert` (the alert
///   rule matches), `.noData` (the target cannot be judged, e.g. a `wow` target with one
///   measurement), `.onTarget`, `.offTarget`. A value exactly on a threshold meets `>=`, `<=` and
///   `==` and misses `>` and `<`.
public enum KPIEvaluator {
    /// `kpi` judged at `date`.
    public static func evaluate(_ kpi: KPI, at date: CivilDate) -> KPIEvaluation {
        let definition = kpi.definition
        let history = kpi.measurements.filter { $0.date <= date }
        guard let latest = history.last else {
            return KPIEvaluation(definition: definition, date: date, status: .noData, decimals: kpi.decimals)
        }
        // The change is told in the target's terms: against one period earlier for a relative
        // target (`wow > 0%`: the week before), else against the measurement before.
        let changePeriod = definition.target.period
        let previous: KPIMeasurement?
        if let changePeriod {
            let baselineDate = changePeriod.baselineDate(before: latest.date)
            previous = history.last { $0.date <= baselineDate }
        } else {
            previous = history.count >= 2 ? history[history.count - 2] : nil
        }
        let change = previous.map { KPIChange(from: $0.value, to: latest.value, inPoints: definition.isPercentUnit) }
        let targetValue = ruleInput(definition.target, history: history)
        let targetMet = targetValue.map { definition.target.comparison.holds($0, definition.target.threshold) }
        let alertValue = definition.alert.flatMap { ruleInput($0, history: history) }
        var alertTriggered = false
        if let alert = definition.alert, let alertValue { alertTriggered = alert.comparison.holds(alertValue, alert.threshold) }
        let age = date.daysSinceEpoch - latest.date.daysSinceEpoch
        let status: KPIStatus
        if age > definition.frequency.staleAfterDays {
            status = .stale
        } else if alertTriggered {
            status = .alert
        } else if let targetMet {
            status = targetMet ? .onTarget : .offTarget
        } else {
            status = .noData
        }
        return KPIEvaluation(definition: definition, date: date, latest: latest, previous: previous, change: change, changePeriod: changePeriod,
                             targetValue: targetValue, alertValue: alertValue, targetMet: targetMet,
                             alertTriggered: alertTriggered, status: status, ageDays: age, decimals: kpi.decimals)
    }

    /// Every KPI judged at `date`, in the given order.
    public static func evaluate(_ kpis: [KPI], at date: CivilDate) -> [KPIEvaluation] {
        kpis.map { evaluate($0, at: date) }
    }

    /// What `rule` compares for a history that ends with the latest measurement (oldest first):
    /// the latest value, or the percentage change over the rule's period; nil when it cannot be computed.
    public static func ruleInput(_ rule: KPIRule, history: [KPIMeasurement]) -> Double? {
        guard let latest = history.last else { return nil }
        guard let period = rule.period else { return latest.value }
        let baselineDate = period.baselineDate(before: latest.date)
        guard let baseline = history.last(where: { $0.date <= baselineDate }) else { return nil }
        return percentChange(from: baseline.value, to: latest.value)
    }

    /// The percentage change from `old` to `new`, rounded to 1e-9 so that exact thresholds
    /// (90 → 81 is −10%) are not missed by binary rounding.
    public static func percentChange(from old: Double, to new: Double) -> Double {
        if old == 0 { return new == old ? 0 : (new > 0 ? .infinity : -.infinity) }
        return ((new - old) / abs(old) * 100 * 1e9).rounded() / 1e9
    }
}
