extension SiteBuilder {
    /// Step 5 (training) — customers' training pages, the event calendar and `.ics` files, in
    /// `output/customers/training/`. Links in training Markdown point at the customers tree for
    /// training pages and at the public help center (absolute URLs) for help articles.
    func renderTraining(_ site: ResolvedSite, sink: OutputSink, log: DiagnosticLog) -> (pages: Int, files: Int) {
        let training = site.training
        let schedule = site.config.schedule
        let customerEvents = schedule.items.filter { $0.audience == .customers && !$0.kind.isPublication }
        guard !training.isEmpty || !customerEvents.isEmpty else { return (0, 0) }

        let paths = SitePaths(baseURL: site.config.customersBaseURL)
        // base_url was checked by URLPolicy when loaded (or as --base-url).
        let helpCenter = (try? SafeURL(site.config.baseURL)).map { [SiteConfig.NavigationItem(title: "ヘルプセンター", url: $0)] } ?? []
        let models = PublicViewModels(config: site.config, paths: paths, center: site.center, clock: options.clock, navigation: [
            .init(title: "研修・イベント", url: SafeURL(sitePath: TrainingPages.indexPath)),
            .init(title: "教材", url: SafeURL(sitePath: TrainingPages.materialsPath)),
        ] + helpCenter)
        var pages: [String: String] = [:]
        var articleURLs: [String: String] = [:]
        for entry in site.center.articles {
            articleURLs[entry.article.sourcePath] = site.paths.absolute(entry.path)
            pages[entry.article.sourcePath] = site.paths.absolute(entry.path)
        }
        for program in training.programs { pages[program.sourcePath] = paths.href(TrainingPages.programPath(program.id)) }
        for event in training.events { pages[event.sourcePath] = paths.href(TrainingPages.eventPath(event.id)) }
        let markdown = MarkdownRenderer(allowRawHTML: site.config.allowRawHTML,
                                        links: LinkResolver(pages: pages, assets: [], sitePaths: [], basePath: paths.basePath))
        var bodies: [String: String] = [:]
        for program in training.programs { bodies[program.sourcePath] = markdown.render(program.body, file: program.sourcePath, log: log).html }
        for event in training.events { bodies[event.sourcePath] = markdown.render(event.body, file: event.sourcePath, log: log).html }
        for material in training.materials {
            bodies[material.sourcePath] = markdown.render(material.body, file: material.sourcePath, log: log).html
        }
        let trainingPages = TrainingPages(theme: site.theme, models: models, training: training, schedule: schedule,
                                          bodies: bodies, articleURLs: articleURLs, today: options.clock.today)
        let files = trainingPages.files(stampSeconds: options.clock.secondsSinceEpoch)
        let assets = site.theme.assetFiles(for: .customers)
        for file in files + assets { sink.write(file, log: log) }
        let calendars = files.filter { $0.path.hasSuffix(".ics") }.count
        return (files.count - calendars, calendars + assets.count)
    }
}
