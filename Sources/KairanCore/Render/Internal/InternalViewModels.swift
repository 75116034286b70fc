/// Builds the values internal templates receive, from the operations data. This type is the one
/// door from `OperationsData` to pages: public renderers (`SitePages`, `ReleasePages`,
/// `PublicViewModels`) never receive it, and `InternalPages` writes what it builds to the internal
/// audience only. Links are relative (see `InternalPaths`), so every value that holds a link is
/// built for the page that shows it.
struct InternalViewModels: Sendable {
    let data: OperationsData
    /// The site's title, shown in the header.
    let siteTitle: String
    /// Whether the tree has the content-health page (`/content/`), linked from the navigation.
    let hasContentHealth: Bool

    init(data: OperationsData, siteTitle: String, hasContentHealth: Bool = false) {
        self.data = data
        self.siteTitle = siteTitle
        self.hasContentHealth = hasContentHealth
    }

    /// The KPIs with their evaluations, index for index.
    var kpis: [KPI] { data.kpis ?? [] }

    /// A page's common values: `site` (title, report date, links and `nav` relative to `path`) and
    /// `page` (with `breadcrumbs`, `(title, path)` pairs before the page itself).
    func page(title: String, description: String, path: String, kind: String, breadcrumbs: [(String, String)] = []) -> TemplateValue {
        func href(_ target: String) -> TemplateValue { .text(InternalPaths.href(target, from: path)) }
        var nav: [TemplateValue] = [["title": "ホーム", "href": href(InternalHomePage.path), "current": .flag(path == InternalHomePage.path)]]
        if data.kpis != nil {
            nav.append(["title": "KPI", "href": href(InternalPaths.kpiIndex), "current": .flag(path.hasPrefix(InternalPaths.kpiIndex))])
        }
        if data.hasRoadmap {
            nav.append(["title": "ロードマップ", "href": href(InternalPaths.roadmap), "current": .flag(path == InternalPaths.roadmap)])
        }
        if hasContentHealth {
            nav.append(["title": "コンテンツ", "href": href(ContentHealthPage.path), "current": .flag(path == ContentHealthPage.path)])
        }
        return [
            "site": [
                "title": .text(siteTitle), "generator": .text("Kairan \(Kairan.version)"), "label": "社内限定",
                "report_date": PublicViewModels.date(data.reportDate), "nav": .list(nav),
                "links": [
                    "home": href(InternalHomePage.path), "kpi": href(InternalPaths.kpiIndex), "roadmap": href(InternalPaths.roadmap),
                    "kpi_json": href(InternalPaths.kpiJSON), "kpi_csv": href(InternalPaths.kpiCSV),
                    "css": href(InternalPaths.css), "favicon": href(InternalPaths.favicon),
                ],
            ],
            "page": [
                "title": .text(title), "description": .text(description), "kind": .text(kind), "path": .text(path),
                "has_breadcrumbs": .flag(!breadcrumbs.isEmpty),
                "breadcrumbs": .list(breadcrumbs.map { ["title": .text($0.0), "href": .text(InternalPaths.href($0.1, from: path))] }),
            ],
        ]
    }

    /// `{key, label, icon, class}` of a KPI status: the icon and the label go together, never colour alone.
    static func status(_ status: KPIStatus) -> TemplateValue {
        ["key": .text(status.rawValue), "label": .text(status.label), "icon": .text(status.icon), "class": .text(status.cssClass)]
    }

    /// The card of KPI `index` as shown on the page at `path`: name, latest value, target, status,
    /// change, update date, sparkline and link.
    func kpiCard(_ index: Int, from path: String) -> TemplateValue {
        let kpi = kpis[index]
        let evaluation = data.evaluations[index]
        let definition = kpi.definition
        let sparkline = SparklineSVG(kpi: kpi, evaluation: evaluation, id: "spark-\(kpi.id)").render()
        return [
            "id": .text(kpi.id), "name": .text(definition.name), "href": .text(InternalPaths.href(InternalPaths.kpi(kpi.id), from: path)),
            "group": .text(definition.group), "group_name": .text(KPIGroups.name(of: definition.group)),
            "unit": .text(definition.unit), "value": .text(evaluation.latestLabel), "has_value": .flag(evaluation.latest != nil),
            "target": .text(definition.target.japanese(unit: definition.unit)),
            "alert": .text(definition.alert?.japanese(unit: definition.unit) ?? ""),
            "status": InternalViewModels.status(evaluation.status),
            "change": .text(evaluation.changeLabel), "change_title": .text(evaluation.changeTitle), "has_change": .flag(evaluation.change != nil),
            "date": evaluation.latest.map { PublicViewModels.date($0.date) } ?? .flag(false),
            "sparkline": .html(sparkline),
        ]
    }

    /// Everything the page of KPI `index` shows: the card's values, the chart, the rule details and every measurement.
    func kpiDetail(_ index: Int) -> TemplateValue {
        let path = InternalPaths.kpi(kpis[index].id)
        var value = kpiCard(index, from: path)
        let kpi = kpis[index]
        let evaluation = data.evaluations[index]
        let definition = kpi.definition
        func input(_ rule: KPIRule?, _ measured: Double?) -> TemplateValue {
            guard let period = rule?.period, let measured else { return .text("") }
            return .text("\(period.label) \(FixedDecimal.signed(measured, decimals: 1))%")
        }
        // Both forms: the theme shows the compact chart on phones and the wide one from 40rem.
        value["chart"] = .html(KPIChartSVG(kpi: kpi, evaluation: evaluation, id: "chart-\(kpi.id)").render())
        value["chart_compact"] = .html(KPIChartSVG(kpi: kpi, evaluation: evaluation, id: "chart-\(kpi.id)-compact", form: .compact).render())
        value["target_input"] = input(definition.target, evaluation.targetValue)
        value["alert_input"] = input(definition.alert, evaluation.alertValue)
        value["direction"] = .text(definition.direction.label)
        value["method"] = .text(definition.method)
        value["frequency"] = .text(definition.frequency.label)
        value["review"] = .text(definition.review?.label ?? "")
        value["audience"] = .text(definition.audience == .customers ? "顧客向けにも公開" : "社内のみ")
        value["source"] = .text(kpi.source)
        value["age"] = .text(evaluation.ageDays.map { $0 == 0 ? "基準日当日" : "基準日の\($0)日前" } ?? "")
        let rows: [TemplateValue] = kpi.measurements(through: data.reportDate).reversed().map { measurement in
            ["date": PublicViewModels.date(measurement.date),
             "value": .text(FixedDecimal.format(measurement.value, decimals: kpi.decimals) + definition.unit)]
        }
        value["measurements"] = .list(rows)
        value["measurement_count"] = .number(rows.count)
        value["has_measurements"] = .flag(!rows.isEmpty)
        return value
    }

    /// The dashboard's values: `summary` (count per status, most urgent first), `alerts` (cards of
    /// alerting KPIs), `groups` (cards by group in dashboard order) and `total`.
    func dashboard() -> TemplateValue {
        let path = InternalPaths.kpiIndex
        let statuses = KPIStatus.allCases.sorted { $0.urgency < $1.urgency }
        let summary: [TemplateValue] = statuses.map { status in
            var value = InternalViewModels.status(status)
            value["count"] = .number(data.evaluations.filter { $0.status == status }.count)
            return value
        }
        let alerts = data.evaluations.indices.filter { data.evaluations[$0].status == .alert }.map { kpiCard($0, from: path) }
        let groups: [TemplateValue] = KPIGroups.ordered(kpis.map(\.definition.group)).map { entry in
            ["id": .text(entry.group), "anchor": .text(KPIGroups.anchor(of: entry.group)), "name": .text(KPIGroups.name(of: entry.group)),
             "count": .number(entry.members.count), "kpis": .list(entry.members.map { kpiCard($0, from: path) })]
        }
        return ["summary": .list(summary), "alerts": .list(alerts), "has_alerts": .flag(!alerts.isEmpty),
                "groups": .list(groups), "total": .number(kpis.count)]
    }
}
