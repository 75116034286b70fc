/// The render stage's one dispatcher: renders any planned output with its channel.
///
/// Every channel's renderer is made once per build; `render` is called in parallel for every
/// entry of the plan.
struct SiteRenderer: Sendable {
    let plan: SitePlan
    let pages: SitePages
    let releasePages: ReleasePages
    let customersReleasePages: ReleasePages
    let feeds: ReleaseFeeds
    let training: TrainingPages?
    let internalPages: InternalPages?
    let internalModels: InternalViewModels
    let export: KPIExport?
    let theme: Theme
    let paths: SitePaths
    let content: SiteContent
    /// Category and article bodies are rendered with their page, in the same parallel pass.
    let markdown: MarkdownRenderer
    let latestRelease: TemplateValue?
    let hasTraining: Bool
    let emails: PublicationEmails?
    let archive: PublicationArchive?
    let redirects: [Redirect]
    let language: String
    /// The home pages of the customers' portal and of the internal tree.
    let portalHome: PortalHomePage
    let internalHome: InternalHomePage
    /// The content-health page, once every page's links are known (`withLinks`).
    var contentHealth: ContentHealthPage?

    init(site: ResolvedSite, plan: SitePlan, content: SiteContent, markdown: MarkdownRenderer, clock: BuildClock) {
        self.plan = plan
        self.content = content
        self.markdown = markdown
        self.theme = site.theme
        self.paths = site.paths
        redirects = site.redirects
        language = site.config.language
        let notes = content.releases
        pages = SitePages(theme: site.theme, models: site.models)
        releasePages = ReleasePages(theme: site.theme, models: site.models, notes: notes)
        latestRelease = releasePages.latest
        feeds = ReleaseFeeds(config: site.config, paths: site.paths, notes: notes)
        let schedule = site.config.schedule
        hasTraining = !site.training.isEmpty || !TrainingPages.customerEvents(of: schedule).isEmpty
        // The portal's view models list every article again: made only when the portal has pages.
        let portal = plan.outputs.contains { $0.audience == .customers && $0.isPage } ? SiteRenderer.portalModels(site, clock: clock) : site.models
        customersReleasePages = ReleasePages(theme: site.theme, models: portal, notes: notes)
        var articleURLs: [String: String] = [:]
        if hasTraining { for entry in site.center.articles { articleURLs[entry.article.sourcePath] = site.paths.absolute(entry.path) } }
        training = hasTraining
            ? TrainingPages(theme: site.theme, models: portal, training: site.training, schedule: schedule, bodies: content.training,
                            articleURLs: articleURLs, today: clock.today, stampSeconds: clock.secondsSinceEpoch)
            : nil
        let data = site.operations ?? OperationsData(reportDate: clock.today)
        let internalModels = InternalViewModels(data: data, siteTitle: site.config.title, hasContentHealth: SitePlanner.hasContentHealth(site))
        self.internalModels = internalModels
        internalPages = site.operations.map { _ in InternalPages(theme: site.theme, models: internalModels) }
        let publicationModels = PublicationViewModels(site: site, bodies: content.publications)
        emails = site.config.mail.map { PublicationEmails(theme: site.theme, models: publicationModels, publications: site.publications,
                                                         notes: notes, mail: $0, lists: site.status.lists) }
        archive = site.publications.isEmpty ? nil
            : PublicationArchive(theme: site.theme, portal: portal, models: publicationModels, publications: site.publications, hasTraining: hasTraining)
        portalHome = PortalHomePage(theme: site.theme, portal: portal, training: training, notes: notes, navigation: SiteNavigation(site))
        internalHome = InternalHomePage(theme: site.theme, models: internalModels, notes: notes)
        export = site.operations.flatMap { data in
            data.kpis.map { KPIExport(kpis: $0, evaluations: data.evaluations, reportDate: data.reportDate) }
        }
    }

    /// The customers' portal: its own base URL and navigation.
    static func portalModels(_ site: ResolvedSite, clock: BuildClock) -> PublicViewModels {
        // base_url was checked by URLPolicy when loaded (or as --base-url).
        let helpCenter = (try? SafeURL(site.config.baseURL)).map { [SiteConfig.NavigationItem(title: "ヘルプセンター", url: $0)] } ?? []
        var reports: [SiteConfig.NavigationItem] = []
        if !site.publications.weekly.isEmpty { reports.append(.init(title: "ステータスレポート", url: SafeURL(sitePath: PublicationViewModels.weeklyIndexPath))) }
        if !site.publications.newsletters.isEmpty { reports.append(.init(title: "ニュースレター", url: SafeURL(sitePath: PublicationViewModels.newsletterIndexPath))) }
        let hasTraining = !site.training.isEmpty || !TrainingPages.customerEvents(of: site.config.schedule).isEmpty
        let training: [SiteConfig.NavigationItem] = hasTraining
            ? [.init(title: "研修・イベント", url: SafeURL(sitePath: TrainingPages.indexPath)),
               .init(title: "教材", url: SafeURL(sitePath: TrainingPages.materialsPath))] : []
        return PublicViewModels(config: site.config, paths: SitePaths(baseURL: site.config.customersBaseURL), center: site.center, clock: clock,
                                navigation: [.init(title: "ホーム", url: SafeURL(sitePath: SitePaths.home))] + training + reports + helpCenter)
    }

    /// This renderer with the content-health page, made from what every page links to (`content`
    /// after the first pass).
    func withContentHealth(_ site: ResolvedSite, content: SiteContent, today: CivilDate) -> SiteRenderer {
        guard SitePlanner.hasContentHealth(site) else { return self }
        var renderer = self
        let health = ContentHealth.assess(site.center, releases: self.content.releases.entries, knownIssues: site.status.knownIssues,
                                          links: content.links, today: today, staleMonths: site.config.staleMonths)
        renderer.contentHealth = ContentHealthPage(theme: theme, models: internalModels, center: site.center, paths: paths, health: health)
        return renderer
    }

    /// A rendered output, and the body it rendered on the way (a category's or an article's).
    struct Rendered {
        var file: OutputFile?
        var body: RenderedMarkdown?
    }

    /// The file of `output` and, for a help-center page, its rendered body (its links and headings
    /// are validated once every page is rendered); nil file when a copied file cannot be read (logged).
    /// `copy`: the content of a site file the output copies (its bytes, or the file to copy them from).
    func render(_ output: PlannedOutput, copy: (String) -> OutputFile.Content?, search: SearchIndex? = nil, log: DiagnosticLog) -> Rendered {
        switch output.job {
        case .searchFile(let number):
            return Rendered(file: search.map { OutputFile(audience: .public, path: output.path, bytes: $0.files[number].bytes) }, body: nil)
        case .category(let index):
            let category = pages.models.center.categories[index].category
            let body = markdown.render(category.body, file: category.location.file, dropFirstHeading: category.titleFromHeading, log: log)
            return Rendered(file: pages.category(index, content: body), body: body)
        case .section(let index):
            let section = pages.models.center.sections[index].section
            let body = markdown.render(section.body, file: section.location.file, dropFirstHeading: section.titleFromHeading, log: log)
            return Rendered(file: pages.section(index, content: body), body: body)
        case .article(let index):
            let article = pages.models.center.articles[index].article
            let body = markdown.render(article.body, file: article.sourcePath, dropFirstHeading: article.titleFromHeading,
                                       eagerLeadImage: true, log: log)
            return Rendered(file: pages.article(index, content: body), body: body)
        case .email(let kind, let index, let part):
            return Rendered(file: emails?.file(kind, index, part, path: output.path, log: log), body: nil)
        default:
            return Rendered(file: render(output, copy: copy), body: nil)
        }
    }

    /// The file of any output but the help center's Markdown pages.
    private func render(_ output: PlannedOutput, copy: (String) -> OutputFile.Content?) -> OutputFile? {
        switch output.job {
        case .home: return pages.home(latestRelease: latestRelease)
        case .category, .section, .article: return nil  // rendered with their bodies above
        case .redirect(let index): return redirects.indices.contains(index) ? RedirectPages.page(redirects[index], paths: paths, language: language) : nil
        case .redirects: return RedirectPages.redirectsFile(redirects, paths: paths)
        case .contentHealth: return contentHealth?.page()
        case .tag(let index): return pages.tag(index)
        case .tagIndex: return pages.tags()
        case .support: return pages.support()
        case .notFound: return pages.notFound()
        case .release(let index, let newer, let older):
            switch output.audience {
            case .internal: return releasePages.page(index, newer: newer, older: older, internalModels: internalModels)
            case .customers: return customersReleasePages.page(index, newer: newer, older: older, portalHasTraining: hasTraining)
            case .public, .email: return releasePages.page(index, newer: newer, older: older)
            }
        case .releaseIndex(let type): return releasePages.index(type: type)
        case .atomFeed: return feeds.atom()
        case .jsonFeed: return feeds.jsonFeed()
        case .inAppData: return feeds.inApp()
        case .trainingIndex: return training?.index()
        case .trainingMaterials: return training?.materials()
        case .trainingProgram(let index): return training?.program(index)
        case .trainingEvent(let index): return training?.event(index)
        case .trainingCalendar: return training?.calendar()
        case .eventCalendar(let index): return training?.eventCalendar(index)
        case .portalHome: return portalHome.page()
        case .internalHome: return internalHome.page()
        case .kpiIndex: return internalPages?.kpiIndex()
        case .kpi(let index): return internalPages?.kpi(index)
        case .roadmap: return internalPages?.roadmap()
        case .kpiJSON: return export?.jsonFile()
        case .kpiCSV: return export?.csvFile()
        case .themeAsset(let name):
            return theme.files.assets[name].map { OutputFile(audience: output.audience, path: output.path, bytes: $0) }
        case .copy(let source):
            return copy(source).map { OutputFile(audience: output.audience, path: output.path, content: $0) }
        case .sitemap:
            return Sitemap.xml(plan.listed.map { Sitemap.Entry(path: $0.url, lastModified: $0.lastModified) }, paths: paths)
        case .robots: return Sitemap.robots(paths: paths)
        case .email: return nil  // rendered with the log above
        case .outbox: return emails?.outbox()
        case .emailIndex: return emails?.index()
        case .publicationPage(let kind, let index): return archive?.page(kind, index)
        case .publicationIndex(let kind): return archive?.index(kind)
        case .publicationFeed(let kind): return archive?.feed(kind)
        case .searchPage: return pages.search()
        case .searchFile: return nil  // rendered from the index above
        }
    }

}
