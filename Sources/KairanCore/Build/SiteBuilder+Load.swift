/// Everything read from the site folder.
struct SiteSources: Sendable {
    var config: SiteConfig?
    var theme: Theme?
    var knowledgeBase: KnowledgeBase
    var releases: [Release]
    var training: Training
    var weeklyNotes: [PublicationNote]
    var newsletters: [PublicationNote]
    var staticFiles: [String]
    var operations: OperationsData?
    var status: StatusData
    var synonyms: SearchSynonyms
}

/// The site after resolution: every page has its URL, lists are in order, related articles ranked
/// (once `ranked(_:)` has them).
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
    var status: StatusData
    /// The mailed publications as of the build date.
    var publications: Publications
    var synonyms: SearchSynonyms
    /// `content/data/synonyms.yaml`, when the site has it.
    var synonymsSource: String? { synonyms.source }
    /// Old URLs (`aliases:`) and the pages they lead to.
    var redirects: [Redirect] = []
    /// Articles and releases dated after the build date: left out, or published with `--future`.
    var scheduled: [ScheduledPublication] = []

    /// The releases newest first, as `ReleaseNotes` orders them (indices of `RenderJob.release`).
    var releasesNewestFirst: [Release] { releases.reversed() }

    /// The site with its articles' related articles (`RelatedArticles.rank`), in the help center
    /// and in the public pages' values.
    func ranked(_ related: [[Int]]) -> ResolvedSite {
        var site = self
        site.center.related = related
        site.models.center.related = related
        return site
    }
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
                                                           concurrency: options.concurrency, cache: parseCache)
        // The small sources are read here while the help center loads on the other tasks.
        let releases = ReleaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let training = TrainingLoader.load(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let weeklyNotes = PublicationNoteLoader.weeklyReports(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let newsletters = PublicationNoteLoader.newsletters(siteDirectory: options.siteDirectory, fileSystem: content, log: log)
        let staticFiles = KnowledgeBaseLoader.collectFiles(siteDirectory: options.siteDirectory, folder: "static", fileSystem: siteFiles, log: log)
        let operations = loadOperations(from: content, log: log)
        let status = loadStatusData(from: content, log: log)
        let synonyms = operationsFile(SynonymsLoader.file, from: content, log: log).map { SynonymsLoader.load($0, log: log) } ?? SearchSynonyms()
        let (base, baseDiagnostics) = await knowledgeBase
        let (theme, themeDiagnostics) = await themed
        log.append(themeDiagnostics)
        log.append(baseDiagnostics)
        return SiteSources(config: config, theme: theme, knowledgeBase: base, releases: releases, training: training,
                           weeklyNotes: weeklyNotes, newsletters: newsletters, staticFiles: staticFiles, operations: operations, status: status,
                           synonyms: synonyms)
    }

    /// Step 2 — validate and resolve: URLs, related articles, release, schedule and training rules.
    func resolve(_ source: SiteSources, log: DiagnosticLog) async -> ResolvedSite? {
        guard let (site, ranking) = await resolveRankingLater(source, log: log) else { return nil }
        return site.ranked(await ranking.value)
    }

    /// `resolve`, with the related articles still being ranked by `ranking` (for
    /// `ResolvedSite.ranked(_:)`): nothing reads them before the pages render, so `run` plans the
    /// site meanwhile, and the ranking's work fills the core the planner's serial steps leave idle.
    func resolveRankingLater(_ source: SiteSources, log: DiagnosticLog) async -> (site: ResolvedSite, ranking: Task<[[Int]], Never>)? {
        // cmark-gfm's extension setup is process-wide: done once, before any page renders in parallel.
        MarkdownExtensions.prepare()
        let today = options.clock.today
        let center = HelpCenterResolver.resolve(source.knowledgeBase, includeDrafts: options.includeDrafts, today: today,
                                                includeFuture: options.includeFuture, log: log)
        log.append(ReleaseRules.check(source.releases, backlogIDs: source.operations?.backlogIDs))
        guard var config = source.config, let theme = source.theme else { return nil }
        // The ranking takes half the tasks: the other half assembles and plans the site meanwhile,
        // one task's work that would otherwise wait for the ranking to let go of every core.
        let rankingTasks = max(1, options.concurrency / 2)
        let ranking = Task { await RelatedArticles.rank(center, count: HelpCenterResolver.relatedCount, concurrency: rankingTasks) }
        let newsletterDates = source.newsletters.compactMap { note in
            note.date.map { ScheduleRules.Publication(label: "newsletter \(note.id)", date: $0, location: note.location) }
        }
        log.append(ScheduleRules.check(source.releases, newsletters: newsletterDates, schedule: config.schedule))
        log.append(TrainingRules.check(source.training, schedule: config.schedule, articles: Set(center.articles.map(\.article.sourcePath))))
        // Aliases name the site's old URLs under its own base URL, whatever `--base-url` previews it at.
        let aliasPaths = SitePaths(baseURL: config.baseURL)
        if let override = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(override) }
        let paths = SitePaths(baseURL: config.baseURL)
        let listed = source.releases.filter { options.includeDrafts || !$0.draft }
        let releases = listed.filter { options.includeFuture || !ScheduledPublication.waits($0.date, today: today) }
        let scheduled = center.scheduled + listed.filter { ScheduledPublication.waits($0.date, today: today) }.map {
            ScheduledPublication(kind: .release, source: $0.sourcePath, title: $0.title, path: ReleaseNotes.path(of: $0.version), date: $0.date)
        }
        let extraNavigation = releases.contains { $0.audience == .public }
            ? [SiteConfig.NavigationItem(title: "リリースノート", url: SafeURL(sitePath: ReleaseNotes.indexPath))] : []
        // The public pages' shared values are laid out while the rest is checked and assembled.
        let clock = options.clock, modelsConfig = config
        async let models = PublicViewModels(config: modelsConfig, paths: paths, center: center, clock: clock, extraNavigation: extraNavigation)
        StatusRules.check(source.status, backlogIDs: source.operations?.backlogIDs, releases: source.releases,
                          articles: Set(center.articles.map(\.article.reference)), log: log)
        let publications = PublicationAssembler(schedule: config.schedule, weeklyNotes: source.weeklyNotes, newsletterNotes: source.newsletters,
                                                releases: releases.reversed(), center: center, operations: source.operations,
                                                status: source.status, today: options.clock.today, includeDrafts: options.includeDrafts)
            .assemble(log: log)
        if config.mail != nil {
            var audiences: [MailingLists.Audience: PublicationKind] = [:]
            if !publications.weekly.isEmpty { audiences[.clinicAdmins] = .weekly }
            if !publications.newsletters.isEmpty { audiences[.allUsers] = .newsletter }
            for mail in publications.releases where audiences[mail.audience] == nil { audiences[mail.audience] = .release }
            if !publications.digests.isEmpty { audiences[.team] = .digest }
            for audience in MailingLists.Audience.allCases {
                guard let kind = audiences[audience], source.status.lists[audience].isEmpty else { continue }
                log.warning(SourceLocation(file: StatusData.recipientsFile, line: 1, column: 1),
                            "no mailing list for `\(audience.rawValue)`: the \(kind.rawValue) emails are not built",
                            hint: "add `\(audience.rawValue):` with `- address: …` under `lists:` in \(StatusData.recipientsFile)")
            }
        }
        var targets = RedirectResolver.targets(of: center)
        for release in releases where !release.aliases.isEmpty {
            guard release.audience == .public else {
                log.error(release.aliases[0].location, "only public releases may have `aliases:`; this one is for \(release.audience.rawValue)",
                          hint: "remove `aliases:`: redirects are written in the public help center only")
                continue
            }
            targets.append(.init(aliases: release.aliases, path: ReleaseNotes.path(of: release.version), title: release.title, source: release.sourcePath))
        }
        let redirects = RedirectResolver.resolve(targets, paths: aliasPaths, log: log)
        let site = ResolvedSite(config: config, paths: paths, theme: theme, knowledgeBase: source.knowledgeBase, center: center,
                                releases: releases, training: source.training, staticFiles: source.staticFiles, models: await models,
                                operations: source.operations, status: source.status, publications: publications,
                                synonyms: source.synonyms, redirects: redirects,
                                scheduled: scheduled.sorted { ($0.date, $0.source) < ($1.date, $1.source) })
        return (site, ranking)
    }
}
