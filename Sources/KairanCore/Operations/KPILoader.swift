/// Joins `kpis.yaml` with the measurements files `metrics/<id>.csv` into KPIs.
///
/// The caller reads the files and passes their text; a CSV is matched to its definition by file
/// name. A definition without a CSV is kept (its evaluation is `.noData`) with a warning; a CSV
/// without a definition is left out with a warning that suggests the nearest id.
public enum KPILoader {
    /// The KPIs of `definitions` (the text of `kpis.yaml`) in definition order, with the
    /// measurements of the matching `metrics` files.
    public static func load(definitions: OperationsSourceFile, metrics: [OperationsSourceFile], log: DiagnosticLog) -> [KPI] {
        var rejected = Set<String>()
        let decoded = KPIDefinitionDecoder.decode(definitions, log: log, rejected: &rejected)
        let ids = decoded.map(\.id)
        var byID: [String: (measurements: [KPIMeasurement], decimals: Int, path: String)] = [:]
        for file in metrics.sorted(by: { $0.path < $1.path }) {
            let id = file.stem
            if rejected.contains(id) { continue }  // its definition's error was reported
            guard ids.contains(id) else {
                let suggestion = YAMLFields.closest(to: id, in: ids).map { "rename the file to \($0).csv, or " } ?? ""
                log.warning(SourceLocation(file: file.path), "no KPI `\(id)` in \(definitions.path) for this metrics file",
                            hint: "\(suggestion)add a `- id: \(id)` entry to \(definitions.path)")
                continue
            }
            if let other = byID[id] {
                log.error(SourceLocation(file: file.path), "a second measurements file for KPI `\(id)` (also \(other.path))",
                          hint: "keep one file per KPI")
                continue
            }
            let parsed = MetricsCSV.parse(file, log: log)
            byID[id] = (parsed.measurements, parsed.decimals, file.path)
        }
        return decoded.map { definition in
            guard let data = byID[definition.id] else {
                log.warning(definition.location, "KPI `\(definition.id)` has no measurements file",
                            hint: "add metrics/\(definition.id).csv starting with the header `date,value`")
                return KPI(definition: definition, measurements: [])
            }
            return KPI(definition: definition, measurements: data.measurements, decimals: data.decimals, source: data.path)
        }
    }
}
