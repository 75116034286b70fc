/// `/` of the internal tree (`output/internal/index.html`): where each internal page is and what
/// it says at a glance — the KPIs by status with the alerting ones, the milestones' states with
/// the roadmap's findings and items due, the content-health page, the internal release notes and
/// the KPI downloads — in the internal layout, with relative links.
struct InternalHomePage: Sendable {
    static let template = "internal/index"
    static let path = SitePaths.home

    let theme: Theme
    let models: InternalViewModels
    let notes: ReleaseNotes

    func page() -> OutputFile {
        let path = InternalHomePage.path
        let data = models.data
        var context = models.page(title: "社内ページ", description: "KPI、ロードマップ、コンテンツの健全性、社内向けリリースノートの入口",
                                  path: path, kind: "internal-home")
        func href(_ target: String) -> TemplateValue { .text(InternalPaths.href(target, from: path)) }
        let dashboard = data.kpis == nil ? nil : models.dashboard()
        let roadmap = data.hasRoadmap ? models.roadmap() : nil
        let milestones: [TemplateValue] = (data.milestones ?? []).enumerated().map { index, progress in
            let anchor = SVGFormat.isSafeID("phase-" + progress.milestone.id) ? "phase-" + progress.milestone.id : "phase-\(index + 1)"
            return ["name": .text(progress.milestone.name), "href": href(InternalPaths.roadmap + "#" + anchor),
                    "state": ["key": .text(progress.state.rawValue), "label": .text(progress.state.label), "icon": .text(progress.state.icon)]]
        }
        let releases = notes.entries.filter { $0.release.audience == .internal }.map { entry -> TemplateValue in
            let release = entry.release
            return ["version_label": .text("v\(release.version)"), "title": .text(release.title), "summary": .text(release.summary),
                    "href": href(entry.path), "date": PublicViewModels.date(release.date)]
        }
        context["home"] = [
            "has_kpis": .flag(dashboard != nil), "kpi_href": href(InternalPaths.kpiIndex),
            "kpi_total": dashboard?["total"] ?? .number(0), "summary": dashboard?["summary"] ?? .list([]),
            "alerts": dashboard?["alerts"] ?? .list([]), "has_alerts": dashboard?["has_alerts"] ?? .flag(false),
            "kpi_json": href(InternalPaths.kpiJSON), "kpi_csv": href(InternalPaths.kpiCSV),
            "has_roadmap": .flag(roadmap != nil), "roadmap_href": href(InternalPaths.roadmap),
            "milestones": .list(milestones), "has_milestones": .flag(!milestones.isEmpty),
            "finding_count": .number(data.approvalFindings.count), "approval_href": href(InternalPaths.roadmap + "#approval"),
            "due_count": .number(roadmap?["due_soon"].map(InternalHomePage.count) ?? 0), "due_href": href(InternalPaths.roadmap + "#due-soon"),
            "has_content_health": .flag(models.hasContentHealth), "content_href": href(ContentHealthPage.path),
            "releases": .list(releases), "has_releases": .flag(!releases.isEmpty),
        ]
        return OutputFile(audience: .internal, path: SitePaths.file(for: path), bytes: theme.renderBytes(InternalHomePage.template, context))
    }

    /// The number of entries of a list value.
    private static func count(_ value: TemplateValue) -> Int {
        if case .list(let items) = value.unshared { return items.count }
        return 0
    }
}
