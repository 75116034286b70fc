/// The team's internal pages made from the operations data: the KPI dashboard, one page per KPI
/// and the roadmap, rendered with the `internal/…` templates (their own layout, labelled 社内限定).
///
/// Audience separation by construction: every file this type makes has the internal audience, and
/// its values come from `InternalViewModels`, which nothing public receives. See `InternalPaths`
/// for the URL scheme.
struct InternalPages: Sendable {
    let theme: Theme
    let models: InternalViewModels

    init(theme: Theme, models: InternalViewModels) {
        self.theme = theme
        self.models = models
    }

    private var data: OperationsData { models.data }

    /// `/kpi/`: the dashboard.
    func kpiIndex() -> OutputFile {
        var context = models.page(title: "KPIダッシュボード", description: "監視メトリクスと成功指標の最新値と状態",
                                  path: InternalPaths.kpiIndex, kind: "kpi-index")
        context["dashboard"] = models.dashboard()
        return file(InternalPaths.kpiIndex, template: "internal/kpi-index", context)
    }

    /// `/kpi/<id>/`: the chart, the rules and every measurement of KPI `index`.
    func kpi(_ index: Int) -> OutputFile {
        let kpi = models.kpis[index]
        let path = InternalPaths.kpi(kpi.id)
        let group = kpi.definition.group
        var context = models.page(title: kpi.definition.name, description: "KPI「\(kpi.definition.name)」の推移と測定値",
                                  path: path, kind: "kpi",
                                  breadcrumbs: [("KPIダッシュボード", InternalPaths.kpiIndex),
                                                (KPIGroups.name(of: group), InternalPaths.kpiIndex + "#" + KPIGroups.anchor(of: group))])
        context["kpi"] = models.kpiDetail(index)
        return file(path, template: "internal/kpi", context)
    }

    /// `/roadmap/`: milestones, items due soon, approval-rule violations and the backlog by horizon.
    func roadmap() -> OutputFile {
        var context = models.page(title: "ロードマップ", description: "改善バックログとマイルストーンの進捗",
                                  path: InternalPaths.roadmap, kind: "roadmap")
        context["roadmap"] = models.roadmap()
        return file(InternalPaths.roadmap, template: "internal/roadmap", context)
    }

    /// Renders a page with its template (which extends `internal-layout`).
    private func file(_ path: String, template: String, _ context: TemplateValue) -> OutputFile {
        OutputFile(audience: .internal, path: SitePaths.file(for: path), bytes: theme.renderBytes(template, context))
    }
}
