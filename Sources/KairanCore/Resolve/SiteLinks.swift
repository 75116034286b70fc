/// The Markdown renderers of each audience's tree, with link tables made from the plan.
///
/// - Public Markdown links to public pages under the base path; a link to an internal page is an error.
/// - The customers' portal links to its own pages under its own base URL, and to the help center
///   by absolute URL (`/support/` in a training page is the help center's support page).
/// - Internal release notes link to internal pages relatively (they sit at `/releases/<v>/`) and
///   to the help center by absolute URL.
struct SiteLinks: Sendable {
    let `public`: MarkdownRenderer
    let customers: MarkdownRenderer
    let `internal`: MarkdownRenderer

    /// - Parameters:
    ///   - withheld: the scheduled articles and releases left out of this build: a link to one is an error saying when it appears.
    ///   - images: the sizes of the site's image files, read once for this build.
    init(site: ResolvedSite, plan: SitePlan, withheld: [ScheduledPublication] = [], brokenSources: Set<String> = [], images: ImageSizes? = nil) {
        let paths = site.paths
        let assets = Set(site.knowledgeBase.assets)
        let tables = plan.linkTables()
        func pages(of audience: Audience) -> [String: String] { tables[audience]?.pages ?? [:] }
        func sitePaths(of audience: Audience) -> Set<String> { tables[audience]?.paths ?? [] }
        let internalPages = pages(of: .internal)
        var publicPages = pages(of: .public)
        for (source, path) in internalPages { publicPages[source] = path }  // linked from public Markdown: an error
        let publicPaths = sitePaths(of: .public)
        let raw = site.config.allowRawHTML
        var publicLinks = LinkResolver(pages: publicPages, assets: assets, sitePaths: publicPaths, basePath: paths.basePath,
                                       internalPaths: sitePaths(of: .internal).subtracting(publicPaths), internalSources: Set(internalPages.keys))
        publicLinks.brokenSources = brokenSources
        let scheduled = Dictionary(withheld.map { ($0.source, $0.date) }) { first, _ in first }
        publicLinks.scheduledSources = scheduled
        self.public = MarkdownRenderer(allowRawHTML: raw, links: publicLinks, images: images)

        // Other trees reach help-center pages by absolute URL (worked out only when they have Markdown).
        let otherTrees = !site.training.isEmpty || site.releases.contains { $0.audience != .public }
        var absolutePublic: [String: String] = [:]
        if otherTrees { for (source, path) in pages(of: .public) { absolutePublic[source] = paths.absolute(path) } }
        func tree(_ audience: Audience, basePath: String) -> LinkResolver {
            var treePages = absolutePublic
            for (source, path) in pages(of: audience) { treePages[source] = path }
            var resolver = LinkResolver(pages: treePages, assets: [], sitePaths: sitePaths(of: audience), basePath: basePath)
            resolver.publicPaths = publicPaths
            resolver.publicBaseURL = paths.baseURL
            resolver.brokenSources = brokenSources
            resolver.scheduledSources = scheduled
            return resolver
        }
        customers = MarkdownRenderer(allowRawHTML: raw, links: tree(.customers, basePath: SitePaths(baseURL: site.config.customersBaseURL).basePath), images: images)
        self.internal = MarkdownRenderer(allowRawHTML: raw, links: tree(.internal, basePath: "../../"), images: images)
    }

    /// The renderer for Markdown published in `audience`'s tree.
    func renderer(for audience: Audience) -> MarkdownRenderer {
        switch audience {
        case .public, .email: return self.public
        case .customers: return customers
        case .internal: return self.internal
        }
    }
}
