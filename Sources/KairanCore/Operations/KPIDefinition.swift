/// One KPI as declared in `kpis.yaml`: what is measured, its target and alert rules, and how
/// often it is measured and reviewed.
public struct KPIDefinition: Hashable, Sendable {
    /// Lowercase slug; also the name of its measurements file `metrics/<id>.csv`.
    public var id: String
    /// Display name, e.g. `顧客満足度 (CSAT)`.
    public var name: String
    /// Free grouping word, e.g. `business`, `system`, `security`; empty when not given.
    public var group: String
    /// Unit shown after values: `%`, `ms`, `人`, `件`; empty when not given. With `%` changes are
    /// shown in percentage points (`pt`).
    public var unit: String
    /// The rule a good value meets.
    public var target: KPIRule
    /// The rule that raises an alert; nil when the KPI never alerts.
    public var alert: KPIRule?
    /// Which way is better: from `direction:` or implied by the target (`KPIDirection.implied(by:)`).
    public var direction: KPIDirection
    /// How often values are measured; drives the previous value and staleness.
    public var frequency: KPIFrequency
    /// How the value is measured (source and formula).
    public var method: String
    /// How often the KPI is reviewed; nil when not given.
    public var review: KPIFrequency?
    /// Who may see the KPI.
    public var audience: KPIAudience
    /// Where the entry starts in `kpis.yaml`.
    public var location: SourceLocation

    public init(id: String, name: String, group: String = "", unit: String = "", target: KPIRule, alert: KPIRule? = nil,
                direction: KPIDirection? = nil, frequency: KPIFrequency, method: String = "", review: KPIFrequency? = nil,
                audience: KPIAudience = .internal, location: SourceLocation = SourceLocation(file: "kpis.yaml")) {
        self.id = id
        self.name = name
        self.group = group
        self.unit = unit
        self.target = target
        self.alert = alert
        self.direction = direction ?? KPIDirection.implied(by: target)
        self.frequency = frequency
        self.method = method
        self.review = review
        self.audience = audience
        self.location = location
    }

    /// Whether changes are shown in percentage points: the unit is `%`.
    public var isPercentUnit: Bool { unit == "%" || unit == "％" }
}
