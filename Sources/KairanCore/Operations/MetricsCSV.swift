/// Reads a measurements file `metrics/<id>.csv`: a `date,value` header, then one `date,value`
/// row per measurement. Dates are `YYYY-MM-DD` or an ISO date-time (`2026-11-24T09:00:00+09:00`,
/// whose date part is taken as written); values are plain decimal numbers. Blank lines are
/// skipped; fields may be wrapped in double quotes. Each bad row is an error naming `file:line`.
public enum MetricsCSV {
    /// The measurements of `file` in file order and the most decimals used by its values.
    public static func parse(_ file: OperationsSourceFile, log: DiagnosticLog) -> (measurements: [KPIMeasurement], decimals: Int) {
        var measurements: [KPIMeasurement] = []
        var decimals = 0
        var sawHeader = false
        var lineOfDate: [CivilDate: Int] = [:]
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so both line ends are named.
        for rawLine in file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let at = SourceLocation(file: file.path, line: lineNumber)
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(clean)
            if !sawHeader {
                sawHeader = true
                if fields == ["date", "value"] { continue }
                log.error(at, "the first line of a metrics file must be the header `date,value`, found \"\(line)\"",
                          hint: "put `date,value` on the first line, then one `2026-11-24,95.2` row per measurement")
                // A missing header: still read the line as a row when it looks like one.
                guard fields.count == 2, isoDate(fields[0]) != nil else { continue }
            }
            guard let row = parseRow(fields, line: line, at: at, log: log) else { continue }
            if let first = lineOfDate[row.measurement.date] {
                log.error(at, "a second value for \(row.measurement.date.iso) (the first is on line \(first))",
                          hint: "keep one row per date")
                continue
            }
            lineOfDate[row.measurement.date] = lineNumber
            measurements.append(row.measurement)
            decimals = max(decimals, row.decimals)
        }
        if !sawHeader {
            log.error(SourceLocation(file: file.path, line: 1), "the metrics file is empty",
                      hint: "put `date,value` on the first line, then one `2026-11-24,95.2` row per measurement")
        }
        return (measurements, min(decimals, 4))
    }

    private static func parseRow(_ fields: [Substring], line: Substring, at: SourceLocation,
                                 log: DiagnosticLog) -> (measurement: KPIMeasurement, decimals: Int)? {
        guard fields.count == 2 else {
            log.error(at, "expected 2 fields `date,value`, found \(fields.count): \"\(line)\"",
                      hint: "write one measurement per line, e.g. `2026-11-24,95.2`, without thousands separators")
            return nil
        }
        guard let date = isoDate(fields[0]) else {
            log.error(at, "\"\(fields[0])\" is not a date", hint: "write the date as YYYY-MM-DD (or an ISO date-time like 2026-11-24T09:00:00+09:00)")
            return nil
        }
        guard let (value, decimals) = number(fields[1]) else {
            log.error(at, "\"\(fields[1])\" is not a number",
                      hint: fields[1].isEmpty ? "fill in the value or delete the row"
                          : "write the value as a plain number like 95.2 — no units, % signs or thousands separators")
            return nil
        }
        return (KPIMeasurement(date: date, value: value), decimals)
    }

    /// The field without surrounding spaces and double quotes.
    private static func clean(_ field: Substring) -> Substring {
        var field = field.drop { $0 == " " || $0 == "\t" }
        while let last = field.last, last == " " || last == "\t" { field = field.dropLast() }
        if field.count >= 2, field.first == "\"", field.last == "\"" { field = field.dropFirst().dropLast() }
        return field
    }

    /// `YYYY-MM-DD`, or a date-time starting with it and `T` (or a space) and a time.
    static func isoDate(_ text: Substring) -> CivilDate? {
        guard text.count >= 10, let date = CivilDate(iso: text.prefix(10)) else { return nil }
        let rest = text.dropFirst(10)
        if rest.isEmpty { return date }
        guard let separator = rest.first, separator == "T" || separator == " " else { return nil }
        let time = rest.dropFirst()
        guard time.count >= 5, time.allSatisfy({ $0.isASCII && ($0.isNumber || ":.+-Z".contains($0)) }),
              let first = time.first, first.isNumber
        else { return nil }
        return date
    }

    /// A plain decimal number and how many decimals it was written with.
    static func number(_ text: Substring) -> (Double, Int)? {
        var digits = 0
        var decimals = 0
        var seenPoint = false
        for (offset, character) in text.enumerated() {
            switch character {
            case "-", "+":
                if offset != 0 { return nil }
            case ".":
                if seenPoint { return nil }
                seenPoint = true
            case "0"..."9":
                digits += 1
                if seenPoint { decimals += 1 }
            default: return nil
            }
        }
        guard digits > 0, let value = Double(String(text)), value.isFinite else { return nil }
        return (value, decimals)
    }
}
