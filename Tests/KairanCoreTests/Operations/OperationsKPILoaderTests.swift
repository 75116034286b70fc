import Testing
@testable import KairanCore

/// `kpis.yaml` decoding and joining with `metrics/<id>.csv`.
@Suite struct OperationsKPILoaderTests {
    private let yamlPath = "content/data/kpis.yaml"

    private func yaml(_ entries: String) -> OperationsSourceFile {
        OperationsSourceFile(path: yamlPath, text: "kpis:\n" + entries)
    }

    private func csv(_ id: String, _ text: String) -> OperationsSourceFile {
        OperationsSourceFile(path: "content/data/metrics/\(id).csv", text: text)
    }

    private let csat = """
      - id: csat
        name: 顧客満足度 (CSAT)
        group: business
        unit: 点
        target: ">= 4.5"
        alert: "< 4.0"
        direction: higher
        frequency: monthly
        method: 定期アンケート
        review: monthly
        audience: internal

    """

    @Test func decodesEveryKey() {
        let log = DiagnosticLog()
        let kpis = KPILoader.load(definitions: yaml(csat), metrics: [csv("csat", "date,value\n2026-10-01,4.5\n2026-11-01,4.60\n")], log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(kpis.count == 1)
        guard let kpi = kpis.first else { return }
        let definition = kpi.definition
        #expect(definition.id == "csat")
        #expect(definition.name == "顧客満足度 (CSAT)")
        #expect(definition.group == "business")
        #expect(definition.unit == "点")
        #expect(definition.target == .absolute(.greaterOrEqual, 4.5))
        #expect(definition.alert == .absolute(.less, 4.0))
        #expect(definition.direction == .higher)
        #expect(definition.frequency == .monthly)
        #expect(definition.method == "定期アンケート")
        #expect(definition.review == .monthly)
        #expect(definition.audience == .internal)
        #expect(definition.location == SourceLocation(file: yamlPath, line: 2, column: 5))
        #expect(kpi.measurements == [KPIMeasurement(date: opsDay("2026-10-01"), value: 4.5),
                                     KPIMeasurement(date: opsDay("2026-11-01"), value: 4.6)])
        #expect(kpi.decimals == 2)
        #expect(kpi.source == "content/data/metrics/csat.csv")
    }

    @Test func directionDerivedWhenAbsent() {
        let log = DiagnosticLog()
        let entries = """
          - {id: p95, name: p95, target: "< 500", frequency: realtime}
          - {id: up, name: up, target: ">= 99.9", frequency: realtime}
          - {id: p0, name: p0, target: "== 0", frequency: monthly}
          - {id: mau, name: MAU, target: "wow > 0%", frequency: daily}

        """
        let ids = ["p95", "up", "p0", "mau"]
        let kpis = KPILoader.load(definitions: yaml(entries), metrics: ids.map { csv($0, "date,value\n") }, log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(kpis.map(\.definition.direction) == [.lower, .higher, .lower, .higher])
        #expect(kpis.map(\.definition.alert) == [nil, nil, nil, nil])
        #expect(kpis.map(\.definition.audience) == [.internal, .internal, .internal, .internal])
    }

    @Test func strictKeysAndValues() {
        let log = DiagnosticLog()
        let entries = """
          - id: a
            name: A
            target: ">= 95"
            frequency: hourly
            colour: red
          - id: b
            name: B
            target: "wow <= -10"
            frequency: daily
          - id: c
            name: C
            target: "< 5"
            direction: higher
            frequency: daily
          - id: Bad_Id
            name: D
            target: "< 5"
            frequency: daily
          - id: c
            name: C2
            target: "< 5"
            frequency: daily
          - name: no id
            frequency: daily

        """
        let kpis = KPILoader.load(definitions: yaml(entries), metrics: [csv("c", "date,value\n")], log: log)
        #expect(kpis.map(\.id) == ["c"])
        let messages = opsMessages(log)
        #expect(messages.contains("\(yamlPath):5:16: error: `frequency` must be one of realtime, daily, weekly, monthly, quarterly, found \"hourly\""))
        #expect(messages.contains("\(yamlPath):6:5: error: unknown key `colour` in `kpis` entry 1"))
        #expect(messages.contains { $0.hasPrefix("\(yamlPath):9:13: error: `target` rule \"wow <= -10\" column 11: expected `%`") })
        #expect(messages.contains { $0.hasPrefix("\(yamlPath):14:16: warning: KPI `c` has `direction: higher` but its target `< 5` means lower") })
        #expect(messages.contains { $0.hasPrefix("\(yamlPath):16:9: error: KPI id \"Bad_Id\" must be lowercase") })
        #expect(messages.contains { $0.hasPrefix("\(yamlPath):20:9: error: duplicate KPI id `c` (first defined at \(yamlPath):11:9)") })
        #expect(messages.contains("\(yamlPath):24:5: error: missing required key `id`"))
        #expect(messages.contains("\(yamlPath):24:5: error: missing required key `target`"))
    }

    @Test func csvRowsAndDateTimes() {
        let log = DiagnosticLog()
        let text = "\u{FEFF}date,value\r\n2026-11-24T09:00:00+09:00,12\r\n\r\n\"2026-11-22\", 10.25 \r\n2026-11-23 18:30,-1\n"
        let result = MetricsCSV.parse(csv("x", text), log: log)
        #expect(log.items.isEmpty, "\(opsMessages(log))")
        #expect(result.measurements.map(\.date.iso) == ["2026-11-24", "2026-11-22", "2026-11-23"])
        #expect(result.measurements.map(\.value) == [12, 10.25, -1])
        #expect(result.decimals == 2)
        let kpi = KPI(definition: KPIDefinition(id: "x", name: "x", target: opsRule("> 0"), frequency: .daily),
                      measurements: result.measurements)
        #expect(kpi.measurements.map(\.date.iso) == ["2026-11-22", "2026-11-23", "2026-11-24"])
    }

    @Test func badRowsNameFileAndLine() {
        let log = DiagnosticLog()
        let text = """
        date,value
        2026-11-01,1
        2026/11/02,2
        2026-11-03,
        2026-11-04,3%
        2026-11-05,1,200
        2026-11-31,5
        2026-11-06T,4
        2026-11-01,9
        2026-11-07,1e3
        2026-11-08,NaN
        2026-11-09,7
        """
        let result = MetricsCSV.parse(csv("x", text), log: log)
        #expect(result.measurements.map(\.date.iso) == ["2026-11-01", "2026-11-09"])
        let file = "content/data/metrics/x.csv"
        #expect(opsMessages(log) == [
            "\(file):3: error: \"2026/11/02\" is not a date",
            "\(file):4: error: \"\" is not a number",
            "\(file):5: error: \"3%\" is not a number",
            "\(file):6: error: expected 2 fields `date,value`, found 3: \"2026-11-05,1,200\"",
            "\(file):7: error: \"2026-11-31\" is not a date",
            "\(file):8: error: \"2026-11-06T\" is not a date",
            "\(file):9: error: a second value for 2026-11-01 (the first is on line 2)",
            "\(file):10: error: \"1e3\" is not a number",
            "\(file):11: error: \"NaN\" is not a number",
        ])
        #expect(log.items[1].hint == "fill in the value or delete the row")
        #expect(log.items[2].hint.contains("no units, % signs or thousands separators"))
        #expect(log.items[0].hint.contains("YYYY-MM-DD"))
    }

    @Test func headerIsRequired() {
        let log = DiagnosticLog()
        let wrong = MetricsCSV.parse(csv("x", "day,amount\n2026-11-01,1\n"), log: log)
        #expect(wrong.measurements.count == 1)
        let missing = MetricsCSV.parse(csv("y", "2026-11-01,1\n2026-11-02,2\n"), log: log)
        #expect(missing.measurements.count == 2)
        _ = MetricsCSV.parse(csv("z", "\n\n"), log: log)
        #expect(opsMessages(log) == [
            "content/data/metrics/x.csv:1: error: the first line of a metrics file must be the header `date,value`, found \"day,amount\"",
            "content/data/metrics/y.csv:1: error: the first line of a metrics file must be the header `date,value`, found \"2026-11-01,1\"",
            "content/data/metrics/z.csv:1: error: the metrics file is empty",
        ])
    }

    @Test func unmatchedFilesAndDefinitions() {
        let log = DiagnosticLog()
        let entries = """
          - {id: uptime, name: 稼働率, target: ">= 99.9", frequency: realtime}
          - {id: csat, name: CSAT, target: ">= 4.5", frequency: monthly}

        """
        let kpis = KPILoader.load(definitions: yaml(entries),
                                  metrics: [csv("uptme", "date,value\n"), csv("csat", "date,value\n2026-11-01,4.6\n"),
                                            csv("zzz-unknown", "date,value\n")],
                                  log: log)
        #expect(kpis.map(\.id) == ["uptime", "csat"])
        #expect(kpis[0].measurements.isEmpty)
        #expect(kpis[0].source == "")
        #expect(opsMessages(log) == [
            "content/data/metrics/uptme.csv: warning: no KPI `uptme` in content/data/kpis.yaml for this metrics file",
            "content/data/metrics/zzz-unknown.csv: warning: no KPI `zzz-unknown` in content/data/kpis.yaml for this metrics file",
            "\(yamlPath):2:5: warning: KPI `uptime` has no measurements file",
        ])
        #expect(log.items[0].hint.hasPrefix("rename the file to uptime.csv, or add"))
        #expect(log.items[2].hint == "add metrics/uptime.csv starting with the header `date,value`")
    }

    @Test func emptyAndMalformedDocuments() {
        let log = DiagnosticLog()
        #expect(KPIDefinitionDecoder.decode(OperationsSourceFile(path: "k.yaml", text: ""), log: log).isEmpty)
        #expect(KPIDefinitionDecoder.decode(OperationsSourceFile(path: "k.yaml", text: "metrics: []\n"), log: log).isEmpty)
        #expect(KPIDefinitionDecoder.decode(OperationsSourceFile(path: "k.yaml", text: "kpis:\n  - id: [\n"), log: log).isEmpty)
        let messages = opsMessages(log)
        #expect(messages[0] == "k.yaml:1: error: kpis.yaml is empty")
        #expect(messages.contains("k.yaml:1:1: error: unknown key `metrics` in kpis.yaml"))
        #expect(messages.contains("k.yaml:1:1: error: kpis.yaml has no `kpis:` list"))
        #expect(messages.contains { $0.hasPrefix("k.yaml:") && $0.contains("YAML syntax") })
    }
}
