/// The URL scheme of the internal tree (`output/internal/`), which is served on its own host:
///
/// - `/` — the tree's home page (`InternalHomePage`);
/// - `/kpi/` — the KPI dashboard; `/kpi/<id>/` — one page per KPI (ids are slugs);
/// - `/kpi/kpis.json`, `/kpi/kpis.csv` — the evaluated KPIs;
/// - `/roadmap/` — backlog, milestones, due items and approval-rule violations;
/// - `/assets/` — the theme's assets, copied next to the pages.
///
/// Pages link to each other with relative URLs (`../roadmap/`), so the tree works at any host
/// and under any folder. Public pages never link here: `LinkResolver` reports a link from public
/// Markdown to any of these paths as an error.
enum InternalPaths {
    static let kpiIndex = "/kpi/"
    static let roadmap = "/roadmap/"
    static let kpiJSON = "/kpi/kpis.json"
    static let kpiCSV = "/kpi/kpis.csv"
    static let css = "/assets/kairan.css"
    static let favicon = "/assets/favicon.svg"

    /// `/kpi/<id>/`.
    static func kpi(_ id: String) -> String { "/kpi/\(id)/" }

    /// Every internal page and data file the operations data produces.
    static func all(_ data: OperationsData) -> Set<String> {
        var paths: Set<String> = []
        if let kpis = data.kpis {
            paths.formUnion([kpiIndex, kpiJSON, kpiCSV])
            for entry in kpis { paths.insert(kpi(entry.id)) }
        }
        if data.hasRoadmap { paths.insert(roadmap) }
        return paths
    }

    /// A relative link from the page at `page` (a folder path such as `/kpi/csat/`) to `target`
    /// (which may end in `#fragment`): `../../assets/kairan.css`.
    static func href(_ target: String, from page: String) -> String {
        let depth = page.split(separator: "/").count - (page.hasSuffix("/") ? 0 : 1)
        let up = depth == 0 ? "./" : String(repeating: "../", count: depth)
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return up + SitePaths.percentEncoded(String(parts[0].dropFirst())) + fragment
    }
}

extension OperationsData {
    /// Whether there is a roadmap page: the site has a backlog or milestones.
    var hasRoadmap: Bool { backlog != nil || milestones != nil }
}
