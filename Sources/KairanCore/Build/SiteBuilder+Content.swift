/// Every Markdown body of the site rendered once, its links resolved against the plan.
struct SiteContent: Sendable {
    /// Category and article bodies by source file.
    var helpCenter: [String: RenderedMarkdown] = [:]
    /// The release notes with their rendered sections, newest first.
    var releases = ReleaseNotes(entries: [])
    /// Training program, event and material bodies (HTML) by source file.
    var training: [String: String] = [:]
    /// Source file → the Markdown files and assets it links to.
    var links: [String: [String]] = [:]
    /// Links to `#anchors` of other pages, checked once every page has its headings.
    var anchorReferences: [RenderedMarkdown.AnchorReference] = []

    /// Heading ids of every help-center page by source file.
    var anchors: [String: Set<String>] { helpCenter.mapValues { Set($0.headings.map(\.id)) } }

    /// Everything the published pages link to.
    var linkedSources: Set<String> { Set(links.values.joined()) }
}

extension SiteBuilder {
    /// One Markdown body to render, with the tree its page is published in.
    private enum ContentJob: Sendable {
        case category(Int), article(Int), release(Int)
    }

    /// What one content job hands back.
    private struct RenderedContent: Sendable {
        var source: String
        var markdown: [RenderedMarkdown]
        var diagnostics: [Diagnostic]
    }

    /// Step 4 — content: every category, article and release body rendered in parallel (links
    /// resolved against the plan's pages of its audience's tree), and the training bodies.
    func renderContent(_ site: ResolvedSite, plan: SitePlan, log: DiagnosticLog) async -> SiteContent {
        let center = site.center
        let releases = SitePlanner(site: site, templates: { [$0] }).releasesNewestFirst
        // Files with errors so far failed to load (or were left out): links to them say nothing more.
        let broken = Set(log.items.filter { $0.severity == .error }.map(\.location.file))
        let links = SiteLinks(site: site, plan: plan, brokenSources: broken)
        let jobs = center.sections.indices.map(ContentJob.category) + center.articles.indices.map(ContentJob.article)
            + releases.indices.map(ContentJob.release)
        let rendered = await ParallelMap.map(jobs, concurrency: options.concurrency) { job -> RenderedContent in
            let log = DiagnosticLog()
            switch job {
            case .category(let index):
                let category = center.sections[index].category
                let source = category.location.file
                return RenderedContent(source: source, markdown: [links.public.render(category.body, file: source, log: log)],
                                       diagnostics: log.items)
            case .article(let index):
                let article = center.articles[index].article
                let body = links.public.render(article.body, file: article.sourcePath, dropFirstHeading: article.titleFromHeading, log: log)
                return RenderedContent(source: article.sourcePath, markdown: [body], diagnostics: log.items)
            case .release(let index):
                let release = releases[index]
                let markdown = links.renderer(for: release.audience)
                let bodies = [release.introduction] + release.sections.map(\.body)
                return RenderedContent(source: release.sourcePath, markdown: bodies.map { markdown.render($0, file: release.sourcePath, log: log) },
                                       diagnostics: log.items)
            }
        }
        var content = SiteContent()
        var releaseBodies: [String: [RenderedMarkdown]] = [:]
        for (job, page) in zip(jobs, rendered) {
            log.append(page.diagnostics)
            content.links[page.source] = page.markdown.flatMap(\.linkedSources)
            content.anchorReferences += page.markdown.flatMap(\.anchorReferences)
            if case .release = job { releaseBodies[page.source] = page.markdown } else { content.helpCenter[page.source] = page.markdown.first }
        }
        let articleIndex = Dictionary(uniqueKeysWithValues: center.articles.enumerated().map { ($1.article.sourcePath, $0) })
        content.releases = ReleaseNotes(entries: releases.map { release in
            let bodies = releaseBodies[release.sourcePath] ?? []
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
            content.links[source] = rendered.linkedSources
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

        // Other trees reach help-center pages by absolute URL.
        var absolutePublic: [String: String] = [:]
        for (source, path) in plan.pages(of: .public) { absolutePublic[source] = paths.absolute(path) }
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
