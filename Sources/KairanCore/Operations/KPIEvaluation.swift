/// A KPI judged at a report date: its latest value, the previous one, the change and the status.
public struct KPIEvaluation: Hashable, Sendable {
    /// The KPI's definition.
    public var definition: KPIDefinition
    /// The report date.
    public var date: CivilDate
    /// The newest measurement on or before `date`.
    public var latest: KPIMeasurement?
    /// What `change` is measured from: the measurement before `latest`, or for a relative target
    /// the newest one on or before one target period before `latest` (see `changePeriod`).
    public var previous: KPIMeasurement?
    /// `latest` against `previous`.
    public var change: KPIChange?
    /// The period `change` spans when the target is relative (`wow` → week over week); nil when it is against the previous measurement.
    public var changePeriod: KPIPeriod?
    /// What the target rule was compared with: the latest value (absolute rules) or the
    /// percentage change over the rule's period (relative rules); nil when it could not be computed.
    public var targetValue: Double?
    /// What the alert rule was compared with, like `targetValue`.
    public var alertValue: Double?
    /// Whether the target rule holds; nil when it could not be judged.
    public var targetMet: Bool?
    /// Whether the alert rule matches.
    public var alertTriggered: Bool
    /// The state at `date`.
    public var status: KPIStatus
    /// Days from the latest measurement to `date`; nil without data.
    public var ageDays: Int?
    /// Decimals to show values with (from the CSV).
    public var decimals: Int

    public init(definition: KPIDefinition, date: CivilDate, latest: KPIMeasurement? = nil, previous: KPIMeasurement? = nil,
                change: KPIChange? = nil, changePeriod: KPIPeriod? = nil, targetValue: Double? = nil, alertValue: Double? = nil, targetMet: Bool? = nil,
                alertTriggered: Bool = false, status: KPIStatus, ageDays: Int? = nil, decimals: Int = 0) {
        self.definition = definition
        self.date = date
        self.latest = latest
        self.previous = previous
        self.change = change
        self.changePeriod = changePeriod
        self.targetValue = targetValue
        self.alertValue = alertValue
        self.targetMet = targetMet
        self.alertTriggered = alertTriggered
        self.status = status
        self.ageDays = ageDays
        self.decimals = decimals
    }

    /// The KPI's id.
    public var id: String { definition.id }

    /// The latest value with its unit, `74.2%`, `618ms`; `–` without data.
    public var latestLabel: String {
        guard let latest else { return "–" }
        return FixedDecimal.format(latest.value, decimals: decimals) + definition.unit
    }

    /// The change label (`+1.2pt`, `+30人（+20.0%）`); empty without a previous value.
    public var changeLabel: String {
        change?.label(unit: definition.unit, decimals: decimals) ?? ""
    }

    /// What the change is against: `前週比` (and the like) for a relative target, else `前回比`.
    public var changeTitle: String { changePeriod?.label ?? "前回比" }

    /// `✓ 目標達成` — icon and label together.
    public var statusText: String { "\(status.icon) \(status.label)" }
}
