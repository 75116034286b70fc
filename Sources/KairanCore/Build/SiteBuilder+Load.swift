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

/// The site after resolution: every page has its URL, lists are in order, related articles ranked.
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
    var operations: OperationsData?

    /// The releases newest first, as `ReleaseNotes` orders them (indices of `RenderJob.release`).
    var releasesNewestFirst: [Release] { releases.reversed() }
}

extension SiteBuilder {
    /// Step 1 — load: site.yaml, the theme, the help center, release notes, training, newsletter
    /// dates, operations data, static files.
    func loadSources(log: DiagnosticLog) async -> SiteSources {
        let config = SiteConfigLoader.load(siteDirectory: options.siteDirectory, fileSystem: siteFiles, log: log)
        // Everything read as text is refused over `limits.max_file_size`, before it is read whole.
        let maxFileSize = config?.limits.maxFileSize ?? SiteLimits.defaultMaxFileSize
        let content = siteFiles.limitingReads(to: maxFileSize)
        // The theme is read and compiled while the content loads.
        async let themed: (Theme?, [Diagnostic]) = {
            let themeLog = DiagnosticLog()
            let files = ThemeFiles.load(siteDirectory: options.siteDirectory, fileSystem: siteFiles, maxTemplateSize: maxFileSize, log: themeLog)
            let theme = Theme(files: files, reference: options.referenceTemplates, log: themeLog)
            return (theme, themeLog.items)
        }()
        async let knowledgeBase = KnowledgeBaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: content,
                                                           concurrency: options.concurrency)
        // The small sources are read here while the help center loads on the other tasks.
        let releases = ReleaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let training = TrainingLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let newsletters = NewsletterDates.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let staticFiles = KnowledgeBaseLoader.collectFiles(siteDirectory: options.siteDirectory, folder: "static", fileSystem: siteFiles, log: log)
        let operations = loadOperations(from: content, log: log)
        let (base, baseDiagnostics) = await knowledgeBase
        let (theme, themeDiagnostics) = await themed
        log.append(themeDiagnostics)
        log.append(baseDiagnostics)
        return SiteSources(config: config, theme: theme, knowledgeBase: base, releases: releases, training: training,
                           newsletters: newsletters, staticFiles: staticFiles, operations: operations)
    }

    /// Step 2 — validate and resolve: URLs, related articles, release, schedule and training rules.
    func resolve(_ source: SiteSources, log: DiagnosticLog) async -> ResolvedSite? {
        // cmark-gfm's extension setup is process-wide: done once, before any page renders in parallel.
        MarkdownExtensions.prepare()
        let center = await HelpCenterResolver.resolve(source.knowledgeBase, includeDrafts: options.includeDrafts, concurrency: options.concurrency, log: log)
        log.append(ReleaseRules.check(source.releases, backlogIDs: source.operations?.backlogIDs))
        guard var config = source.config, let theme = source.theme else { return nil }
        log.append(ScheduleRules.check(source.releases, newsletters: source.newsletters, schedule: config.schedule))
        log.append(TrainingRules.check(source.training, schedule: config.schedule, articles: Set(center.articles.map(\.article.sourcePath))))
        if let override = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(override) }
        let paths = SitePaths(baseURL: config.baseURL)
        let releases = source.releases.filter { options.includeDrafts || !$0.draft }
        let extraNavigation = releases.contains { $0.audience == .public }
            ? [SiteConfig.NavigationItem(title: "リリースノート", url: SafeURL(sitePath: ReleaseNotes.indexPath))] : []
        let models = PublicViewModels(config: config, paths: paths, center: center, clock: options.clock, extraNavigation: extraNavigation)
        return ResolvedSite(config: config, paths: paths, theme: theme, knowledgeBase: source.knowledgeBase, center: center,
                            releases: releases, training: source.training, staticFiles: source.staticFiles, models: models,
                            operations: source.operations)
    }
}
