/// One measured value of a KPI: the civil date it belongs to and the value in the KPI's unit.
public struct KPIMeasurement: Hashable, Sendable {
    public var date: CivilDate
    public var value: Double

    public init(date: CivilDate, value: Double) {
        self.date = date
        self.value = value
    }
}

/// A KPI definition with its measurements, oldest first, one per date.
public struct KPI: Hashable, Sendable {
    public var definition: KPIDefinition
    /// Sorted by date, oldest first; dates are unique.
    public var measurements: [KPIMeasurement]
    /// The most decimals written in the CSV's values (at most 4), for showing values as measured:
    /// `100.00` → 2, `4.5` → 1, `176` → 0.
    public var decimals: Int
    /// The measurements file, e.g. `content/data/metrics/csat.csv`; empty when there is none.
    public var source: String

    public init(definition: KPIDefinition, measurements: [KPIMeasurement], decimals: Int = 0, source: String = "") {
        self.definition = definition
        self.measurements = measurements.sorted { $0.date < $1.date }
        self.decimals = decimals
        self.source = source
    }

    /// The definition's id.
    public var id: String { definition.id }

    /// The measurements dated from `start` through `end`, both included.
    public func measurements(from start: CivilDate? = nil, through end: CivilDate) -> [KPIMeasurement] {
        measurements.filter { measurement in
            measurement.date <= end && (start.map { $0 <= measurement.date } ?? true)
        }
    }
}
