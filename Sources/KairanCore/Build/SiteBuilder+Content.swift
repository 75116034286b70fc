/// What rendering the Markdown of the site found, and the bodies pages other than the help
/// center's show (release notes and training are few: they are rendered before the pages that
/// list them; category and article bodies are rendered with their page, see `SiteRenderer`).
struct SiteContent: Sendable {
    /// The release notes with their rendered sections, newest first.
    var releases = ReleaseNotes(entries: [])
    /// Training program, event and material bodies (HTML) by source file.
    var training: [String: String] = [:]
    /// Source file → the Markdown files and assets it links to.
    var links: [String: [String]] = [:]
    /// Heading ids of every help-center page by source file (the anchors other pages may link to).
    var anchors: [String: Set<String>] = [:]
    /// Links to `#anchors` of other pages, checked once every page has its headings.
    var anchorReferences: [RenderedMarkdown.AnchorReference] = []

    /// Everything the published pages link to.
    var linkedSources: Set<String> { Set(links.values.joined()) }

    /// Adds what another render found.
    mutating func merge(_ other: SiteContent) {
        for (source, linked) in other.links { links[source, default: []] += linked }
        anchors.merge(other.anchors) { _, new in new }
        anchorReferences += other.anchorReferences
    }

    /// Adds what one rendered body of `source` found.
    mutating func record(_ source: String, _ markdown: [RenderedMarkdown], anchors: Bool) {
        links[source, default: []] += markdown.flatMap(\.linkedSources)
        anchorReferences += markdown.flatMap(\.anchorReferences)
        if anchors { self.anchors[source] = Set(markdown.flatMap { $0.headings.map(\.id) }) }
    }
}

extension SiteBuilder {
    /// Step 4 — the bodies other pages show: release notes (the home page shows the latest, feeds
    /// carry them) and training pages, rendered with the link table of the tree they are published in.
    func renderListedContent(_ site: ResolvedSite, links: SiteLinks, log: DiagnosticLog) -> SiteContent {
        var content = SiteContent()
        let center = site.center
        let releases = SitePlanner(site: site, templates: { [$0] }).releasesNewestFirst
        let articleIndex = Dictionary(uniqueKeysWithValues: center.articles.enumerated().map { ($1.article.sourcePath, $0) })
        content.releases = ReleaseNotes(entries: releases.map { release in
            let markdown = links.renderer(for: release.audience)
            let bodies = ([release.introduction] + release.sections.map(\.body)).map { markdown.render($0, file: release.sourcePath, log: log) }
            content.record(release.sourcePath, bodies, anchors: false)
            var articles: [Int] = []
            for source in content.links[release.sourcePath] ?? [] {
                if let index = articleIndex[source], !articles.contains(index) { articles.append(index) }
            }
            return ReleaseNotes.Entry(release: release, path: ReleaseNotes.path(of: release.version),
                                      introduction: bodies.first?.html ?? "",
                                      sections: zip(release.sections, bodies.dropFirst()).map { (kind: $0.kind, html: $1.html) },
                                      articles: articles)
        })
        let training = site.training
        for (source, body) in training.programs.map({ ($0.sourcePath, $0.body) }) + training.events.map({ ($0.sourcePath, $0.body) })
            + training.materials.map({ ($0.sourcePath, $0.body) }) {
            let rendered = links.customers.render(body, file: source, log: log)
            content.training[source] = rendered.html
            content.record(source, [rendered], anchors: false)
        }
        return content
    }
}

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

    init(site: ResolvedSite, plan: SitePlan, brokenSources: Set<String> = []) {
        let paths = site.paths
        let assets = Set(site.knowledgeBase.assets)
        let internalPages = plan.pages(of: .internal)
        var publicPages = plan.pages(of: .public)
        for (source, path) in internalPages { publicPages[source] = path }  // linked from public Markdown: an error
        let publicPaths = plan.paths(of: .public)
        let raw = site.config.allowRawHTML
        var publicLinks = LinkResolver(pages: publicPages, assets: assets, sitePaths: publicPaths, basePath: paths.basePath,
                                       internalPaths: plan.paths(of: .internal).subtracting(publicPaths), internalSources: Set(internalPages.keys))
        publicLinks.brokenSources = brokenSources
        self.public = MarkdownRenderer(allowRawHTML: raw, links: publicLinks)

        // Other trees reach help-center pages by absolute URL (worked out only when they have Markdown).
        let otherTrees = !site.training.isEmpty || site.releases.contains { $0.audience != .public }
        var absolutePublic: [String: String] = [:]
        if otherTrees { for (source, path) in plan.pages(of: .public) { absolutePublic[source] = paths.absolute(path) } }
        func tree(_ audience: Audience, basePath: String) -> LinkResolver {
            var pages = absolutePublic
            for (source, path) in plan.pages(of: audience) { pages[source] = path }
            var resolver = LinkResolver(pages: pages, assets: [], sitePaths: plan.paths(of: audience), basePath: basePath)
            resolver.publicPaths = publicPaths
            resolver.publicBaseURL = paths.baseURL
            resolver.brokenSources = brokenSources
            return resolver
        }
        customers = MarkdownRenderer(allowRawHTML: raw, links: tree(.customers, basePath: SitePaths(baseURL: site.config.customersBaseURL).basePath))
        self.internal = MarkdownRenderer(allowRawHTML: raw, links: tree(.internal, basePath: "../../"))
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
