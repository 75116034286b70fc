import Testing
@testable import KairanCore

/// `kpi/kpis.csv` (Excel: BOM, CRLF, RFC 4180) and `kpi/kpis.json`.
@Suite struct InternalExportTests {
    private let reportDate = opsDay("2026-11-25")

    private func export(_ kpis: [KPI]) -> KPIExport {
        KPIExport(kpis: kpis, evaluations: KPIEvaluator.evaluate(kpis, at: reportDate), reportDate: reportDate)
    }

    private var failures: KPI {
        var kpi = opsKPI(id: "login-failure-rate", unit: "%", target: "< 5", alert: "> 10",
                         series: [("2026-11-23", 11.6), ("2026-11-24", 11.4)])
        kpi.definition.name = "ログイン失敗率, \"速報\""
        kpi.definition.group = "security"
        return kpi
    }

    @Test func csvHasBOMCRLFAndQuoting() {
        let multiline = opsKPI(id: "mau", unit: "人", target: "wow > 0%", series: [("2026-11-24", 150)], decimals: 0)
        var named = multiline
        named.definition.name = "二行\n目"
        let text = export([failures, named]).csv()
        let bytes = Array(text.utf8)
        #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(text.hasSuffix("\r\n"))
        let lines = String(text.dropFirst()).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,name,group,unit,date,value,target,alert,status,change,change_percent,change_points")
        #expect(lines[1] == "login-failure-rate,\"ログイン失敗率, \"\"速報\"\"\",security,%,2026-11-24,11.4,< 5,> 10,alert,-0.2,-1.72,-0.2")
        #expect(lines[2] == "mau,\"二行\n目\",,人,2026-11-24,150,wow > 0%,,no-data,,,")
        #expect(lines.count == 4 && lines[3].isEmpty)
        // Every line break outside a quoted field is CRLF.
        #expect(!String(text.dropFirst()).replacing("\r\n", with: "").replacing("二行\n目", with: "").contains("\n"))
    }

    @Test func csvFieldQuotesOnlyWhenNeeded() {
        #expect(KPIExport.csvField("plain") == "plain")
        #expect(KPIExport.csvField("a,b") == "\"a,b\"")
        #expect(KPIExport.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(KPIExport.csvField("a\r\nb") == "\"a\r\nb\"")
        #expect(KPIExport.csvField("") == "")
    }

    @Test func jsonMatchesTheEvaluation() {
        let json = export([failures]).json().serialized()
        #expect(json.hasPrefix("{\n  \"report_date\": \"2026-11-25\",\n  \"kpis\": [\n"))
        for fragment in [
            "\"id\": \"login-failure-rate\"", "\"group_name\": \"セキュリティ指標\"", "\"target\": \"< 5\"",
            "\"target_label\": \"5%未満\"", "\"alert\": \"> 10\"", "\"status\": \"alert\"", "\"status_label\": \"アラート\"",
            "\"target_met\": false", "\"alert_triggered\": true",
            "\"latest\": {\n        \"date\": \"2026-11-24\",\n        \"value\": 11.4\n      }",
            "\"absolute\": -0.2", "\"percent\": -1.72", "\"points\": -0.2", "\"label\": \"-0.2pt\"", "\"age_days\": 1",
            "\"review\": null", "\"measurement_count\": 2",
        ] {
            #expect(json.contains(fragment), "\(fragment)")
        }
    }

    @Test func jsonWithoutDataHasNulls() {
        let json = export([opsKPI(id: "empty", target: ">= 1", series: [])]).json().serialized()
        for fragment in ["\"status\": \"no-data\"", "\"latest\": null", "\"previous\": null", "\"change\": null", "\"age_days\": null",
                         "\"alert\": null", "\"alert_label\": null", "\"target_met\": null"] {
            #expect(json.contains(fragment), "\(fragment)")
        }
    }
}
