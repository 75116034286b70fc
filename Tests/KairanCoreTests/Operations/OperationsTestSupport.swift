import Testing
@testable import KairanCore

/// Parses a `YYYY-MM-DD` literal for operations tests; records an issue for a bad literal.
func opsDay(_ iso: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CivilDate {
    guard let date = CivilDate(iso: iso) else {
        Issue.record("bad date literal \(iso)", sourceLocation: sourceLocation)
        return CivilDate(daysSinceEpoch: 0)
    }
    return date
}

/// Parses a rule literal for operations tests; records an issue when it does not parse.
func opsRule(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> KPIRule {
    do {
        return try KPIRule(parsing: text)
    } catch {
        Issue.record("rule \(text) did not parse: \(error)", sourceLocation: sourceLocation)
        return .absolute(.equal, 0)
    }
}

/// A KPI with `values` measured on consecutive dates from `start` (a `step` of days apart).
func opsKPI(id: String = "k", unit: String = "", target: String, alert: String? = nil, frequency: KPIFrequency = .daily,
            start: String = "2026-11-01", step: Int = 1, values: [Double], decimals: Int = 1) -> KPI {
    let first = opsDay(start)
    let definition = KPIDefinition(id: id, name: "テスト指標", unit: unit, target: opsRule(target),
                                   alert: alert.map { opsRule($0) }, frequency: frequency)
    let measurements = values.enumerated().map { KPIMeasurement(date: first.adding(days: $0.offset * step), value: $0.element) }
    return KPI(definition: definition, measurements: measurements, decimals: decimals)
}

/// A KPI with measurements at the given dates.
func opsKPI(id: String = "k", unit: String = "", target: String, alert: String? = nil, frequency: KPIFrequency = .daily,
            series: [(String, Double)], decimals: Int = 1) -> KPI {
    let definition = KPIDefinition(id: id, name: "テスト指標", unit: unit, target: opsRule(target),
                                   alert: alert.map { opsRule($0) }, frequency: frequency)
    return KPI(definition: definition, measurements: series.map { KPIMeasurement(date: opsDay($0.0), value: $0.1) },
               decimals: decimals)
}

/// The repository root, found from this file's path (`Tests/KairanCoreTests/Operations/…`).
func opsRepositoryRoot(_ file: String = #filePath) -> String {
    var parts = file.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
}

/// The messages of `log`, as `file:line: severity: message` lines.
func opsMessages(_ log: DiagnosticLog) -> [String] {
    log.items.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
}
