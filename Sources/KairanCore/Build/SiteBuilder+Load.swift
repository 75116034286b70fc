/// Everything read from the site folder.
struct SiteSources: Sendable {
    var config: SiteConfig?
    var theme: Theme?
    var knowledgeBase: KnowledgeBase
    var releases: [Release]
    var training: Training
    var newsletters: [ScheduleRules.Publication]
    var staticFiles: [String]
    var operations: OperationsData?
}

/// The site after resolution: every page has its URL, every link can be resolved.
struct ResolvedSite: Sendable {
    var config: SiteConfig
    var paths: SitePaths
    var theme: Theme
    var knowledgeBase: KnowledgeBase
    var center: HelpCenter
    var releases: [Release]
    var training: Training
    var staticFiles: [String]
    var models: PublicViewModels
    var markdown: MarkdownRenderer
    var operations: OperationsData?
}

extension SiteBuilder {
    /// Step 1 — load: site.yaml, the theme, the help center, release notes, training, newsletter
    /// dates, operations data, static files.
    func loadSources(log: DiagnosticLog) async -> SiteSources {
        let config = SiteConfigLoader.load(siteDirectory: options.siteDirectory, fileSystem: fileSystem, log: log)
        // Everything read as text is refused over `limits.max_file_size`, before it is read whole.
        let maxFileSize = config?.limits.maxFileSize ?? SiteLimits.defaultMaxFileSize
        let content = LimitedFileSystem(fileSystem, maxFileSize: maxFileSize)
        // The theme is read and compiled while the content loads.
        async let themed: (Theme?, [Diagnostic]) = {
            let themeLog = DiagnosticLog()
            let files = ThemeFiles.load(siteDirectory: options.siteDirectory, fileSystem: fileSystem, maxTemplateSize: maxFileSize, log: themeLog)
            let theme = Theme(files: files, reference: options.referenceTemplates, log: themeLog)
            return (theme, themeLog.items)
        }()
        async let knowledgeBase = KnowledgeBaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: content,
                                                           concurrency: options.concurrency)
        // The small sources are read here while the help center loads on the other tasks.
        let releases = ReleaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let training = TrainingLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let newsletters = NewsletterDates.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let staticFiles = KnowledgeBaseLoader.collectFiles(siteDirectory: options.siteDirectory, folder: "static", fileSystem: fileSystem)
        let operations = loadOperations(from: content, log: log)
        let (base, baseDiagnostics) = await knowledgeBase
        let (theme, themeDiagnostics) = await themed
        log.append(themeDiagnostics)
        log.append(baseDiagnostics)
        return SiteSources(config: config, theme: theme, knowledgeBase: base, releases: releases, training: training,
                           newsletters: newsletters, staticFiles: staticFiles, operations: operations)
    }

    /// Step 2 — validate and resolve: URLs, related articles, release rules, the link table.
    func resolve(_ source: SiteSources, log: DiagnosticLog) async -> ResolvedSite? {
        let center = await HelpCenterResolver.resolve(source.knowledgeBase, includeDrafts: options.includeDrafts, concurrency: options.concurrency, log: log)
        log.append(ReleaseRules.check(source.releases, backlogIDs: source.operations?.backlogIDs))
        guard var config = source.config, let theme = source.theme else { return nil }
        log.append(ScheduleRules.check(source.releases, newsletters: source.newsletters, schedule: config.schedule))
        if let override = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(override) }
        let paths = SitePaths(baseURL: config.baseURL)
        let releases = source.releases.filter { options.includeDrafts || !$0.draft }
        let extraNavigation = releases.contains { $0.audience == .public }
            ? [SiteConfig.NavigationItem(title: "リリースノート", url: ReleaseNotes.indexPath)] : []
        let models = PublicViewModels(config: config, paths: paths, center: center, clock: options.clock, extraNavigation: extraNavigation)
        var pages = SiteBuilder.pageSources(center)
        var sitePaths = SiteBuilder.sitePaths(center, staticFiles: source.staticFiles)
        for release in releases {
            pages[release.sourcePath] = ReleaseNotes.path(of: release.version)
            sitePaths.insert(ReleaseNotes.path(of: release.version))
        }
        sitePaths.insert(ReleaseNotes.indexPath)
        let internalReleases = releases.filter { $0.audience == .internal }
        let internalPaths = source.operations.map(InternalPaths.all) ?? []
        let links = LinkResolver(pages: pages, assets: Set(source.knowledgeBase.assets), sitePaths: sitePaths, basePath: paths.basePath,
                                 internalPaths: internalPaths.union(internalReleases.map { ReleaseNotes.path(of: $0.version) }),
                                 internalSources: Set(internalReleases.map(\.sourcePath)))
        return ResolvedSite(config: config, paths: paths, theme: theme, knowledgeBase: source.knowledgeBase, center: center,
                            releases: releases, training: source.training, staticFiles: source.staticFiles, models: models,
                            markdown: MarkdownRenderer(allowRawHTML: config.allowRawHTML, links: links), operations: source.operations)
    }
}
