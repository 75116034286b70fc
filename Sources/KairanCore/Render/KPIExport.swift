/// The evaluated KPIs as data files in the internal tree: `kpi/kpis.json` (schema in
/// `Tests/validate/schemas/kpis.json`) and `kpi/kpis.csv` for Excel (UTF-8 with a byte order mark,
/// CRLF line ends, RFC 4180 quoting).
///
/// Values are rounded to the decimals the CSV measurements were written with; changes in percent
/// to 2 decimals. Rules are given in their canonical written form (`>= 95`, `wow <= -10%`).
struct KPIExport: Sendable {
    /// The CSV's header row.
    static let csvHeader = ["id", "name", "group", "unit", "date", "value", "target", "alert", "status", "change",
                            "change_percent", "change_points"]

    let kpis: [KPI]
    /// `kpis` judged at `reportDate`, index for index.
    let evaluations: [KPIEvaluation]
    let reportDate: CivilDate

    /// `kpi/kpis.json`.
    func jsonFile() -> OutputFile {
        OutputFile(audience: .internal, path: String(InternalPaths.kpiJSON.dropFirst()), text: json().serialized())
    }

    /// `kpi/kpis.csv`.
    func csvFile() -> OutputFile {
        OutputFile(audience: .internal, path: String(InternalPaths.kpiCSV.dropFirst()), text: csv())
    }

    /// `{report_date, kpis: [...]}` with one object per KPI in definition order.
    func json() -> JSONValue {
        .object([
            ("report_date", .string(reportDate.iso)),
            ("kpis", .array(zip(kpis, evaluations).map { kpi, evaluation in kpiJSON(kpi, evaluation) })),
        ])
    }

    private func kpiJSON(_ kpi: KPI, _ evaluation: KPIEvaluation) -> JSONValue {
        let definition = kpi.definition
        func measurement(_ value: KPIMeasurement?) -> JSONValue {
            guard let value else { return .null }
            return .object([("date", .string(value.date.iso)), ("value", number(value.value, kpi.decimals))])
        }
        var change = JSONValue.null
        if let delta = evaluation.change {
            change = .object([
                ("absolute", number(delta.absolute, kpi.decimals)), ("percent", delta.percent.map { number($0, 2) } ?? .null),
                ("points", delta.points.map { number($0, kpi.decimals) } ?? .null), ("label", .string(evaluation.changeLabel)),
            ])
        }
        return .object([
            ("id", .string(kpi.id)), ("name", .string(definition.name)), ("group", .string(definition.group)),
            ("group_name", .string(KPIGroups.name(of: definition.group))), ("unit", .string(definition.unit)),
            ("audience", .string(definition.audience.rawValue)), ("direction", .string(definition.direction.rawValue)),
            ("frequency", .string(definition.frequency.rawValue)), ("review", definition.review.map { .string($0.rawValue) } ?? .null),
            ("method", .string(definition.method)),
            ("target", .string(definition.target.description)), ("target_label", .string(definition.target.japanese(unit: definition.unit))),
            ("alert", definition.alert.map { .string($0.description) } ?? .null),
            ("alert_label", definition.alert.map { .string($0.japanese(unit: definition.unit)) } ?? .null),
            ("status", .string(evaluation.status.rawValue)), ("status_label", .string(evaluation.status.label)),
            ("target_met", evaluation.targetMet.map { .bool($0) } ?? .null), ("alert_triggered", .bool(evaluation.alertTriggered)),
            ("latest", measurement(evaluation.latest)), ("previous", measurement(evaluation.previous)), ("change", change),
            ("age_days", evaluation.ageDays.map { .integer($0) } ?? .null), ("measurement_count", .integer(kpi.measurements.count)),
        ])
    }

    /// The CSV text: a byte order mark, the header, one row per KPI, every line ended by CRLF.
    func csv() -> String {
        var rows = [KPIExport.csvHeader]
        for (kpi, evaluation) in zip(kpis, evaluations) {
            let definition = kpi.definition
            let change = evaluation.change
            rows.append([
                kpi.id, definition.name, definition.group, definition.unit, evaluation.latest?.date.iso ?? "",
                evaluation.latest.map { FixedDecimal.format($0.value, decimals: kpi.decimals) } ?? "",
                definition.target.description, definition.alert?.description ?? "", evaluation.status.rawValue,
                change.map { FixedDecimal.format($0.absolute, decimals: kpi.decimals) } ?? "",
                change?.percent.map { FixedDecimal.format($0, decimals: 2) } ?? "",
                change?.points.map { FixedDecimal.format($0, decimals: kpi.decimals) } ?? "",
            ])
        }
        return "\u{FEFF}" + rows.map { $0.map(KPIExport.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field quoted as RFC 4180 asks: in double quotes (with `"` doubled) when it holds a comma,
    /// a quote, CR or LF; otherwise as it is.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    /// `value` rounded to `decimals` places, as a JSON number (non-finite values become null).
    private func number(_ value: Double, _ decimals: Int) -> JSONValue {
        guard value.isFinite, let rounded = Double(FixedDecimal.format(value, decimals: decimals)) else { return .null }
        return .number(rounded)
    }
}
