/// Makes the site plan from the resolved site, one channel at a time, in a fixed order.
///
/// Inputs are declared generously where a list depends on many sources (a category page shows
/// its articles' titles; related-article lists are ranked over the category and shared tags):
/// an output must never change without one of its inputs changing.
struct SitePlanner {
    let site: ResolvedSite
    /// Template name → the templates it pulls in (itself, partials, parents), from the theme.
    let templates: (String) -> [String]
    /// `templates` as inputs, worked out once per page template (thousands of pages share a few).
    let templateInputs: [String: [PlanInput]]

    init(site: ResolvedSite, templates: @escaping (String) -> [String]) {
        self.site = site
        self.templates = templates
        var inputs: [String: [PlanInput]] = [:]
        for name in Theme.requiredTemplates { inputs[name] = templates(name).map(PlanInput.template) }
        templateInputs = inputs
    }

    func page(_ url: String, _ audience: Audience, _ kind: OutputKind, template: String, origin: String? = nil,
                      inputs: [PlanInput], listed: Bool = false, lastModified: CivilDate? = nil, job: RenderJob) -> PlannedOutput {
        PlannedOutput(page: url, audience: audience, kind: kind, template: template, origin: origin,
                      inputs: inputs,
                      listed: listed, lastModified: lastModified, job: job)
    }

    /// The plan of everything but the content assets (known once Markdown is rendered).
    func plan() -> SitePlan {
        var plan = SitePlan()
        plan.append(contentsOf: helpCenter())
        plan.append(contentsOf: releaseNotes())
        plan.append(contentsOf: training())
        plan.append(contentsOf: internalPages())
        plan.append(contentsOf: publications())
        plan.append(contentsOf: landingPages(plan))
        let search = search()
        plan.append(contentsOf: search.outputs)
        plan.searchable = search.pages
        plan.append(contentsOf: redirects())
        plan.append(contentsOf: staticFiles())
        plan.append(contentsOf: siteFiles(listing: plan))
        plan.groups = groups(searchable: plan.searchable)
        plan.templateInputs = templateInputs
        plan.navigation = SiteNavigation(site)
        return plan
    }

    // MARK: Help center

    /// The group inputs each source belongs to (see `SitePlan.groups`).
    private func groups(searchable: [SearchablePage]) -> [String: [PlanInput]] {
        var groups: [String: [PlanInput]] = [:]
        for entry in site.center.articles {
            let article = entry.article
            groups[article.sourcePath] = [.allArticles, .categoryArticles(article.categorySlug)]
                + (article.sectionSlug.map { [.sectionArticles(article.categorySlug + "/" + $0)] } ?? [])
                + article.tags.map(PlanInput.taggedArticles)
        }
        for release in site.releases { groups[release.sourcePath] = [.releases(release.audience)] }
        for page in searchable { groups[page.source, default: []].append(.indexedText) }
        return groups
    }

    private func helpCenter() -> [PlannedOutput] {
        let center = site.center
        let allCategories = center.categories.map { PlanInput.metadata($0.category.location.file) }
        var outputs = [page(SitePaths.home, .public, .home, template: "home", inputs: [.allArticles, .releases(.public)] + allCategories,
                            listed: true, job: .home)]
        for (index, listing) in center.categories.enumerated() {
            // The page lists its sections (their titles and articles) and its own articles.
            let sections = listing.sections.map { PlanInput.metadata(center.sections[$0].section.location.file) }
            outputs.append(page(listing.path, .public, .category, template: "category", origin: listing.category.location.file,
                                inputs: [.file(listing.category.location.file), .categoryArticles(listing.category.slug)] + sections,
                                listed: true, job: .category(index)))
        }
        for (index, listing) in center.sections.enumerated() {
            let section = listing.section
            outputs.append(page(listing.path, .public, .section, template: "section", origin: section.location.file,
                                inputs: [.file(section.location.file), .metadata(center.categories[listing.category].category.location.file),
                                         .sectionArticles(section.categorySlug + "/" + section.slug)],
                                listed: true, job: .section(index)))
        }
        // What an article page shows of its category's sections and of the other categories, made
        // once per category (thousands of articles share ten of each).
        let categorySections = center.categories.map { category in
            category.sections.map { PlanInput.metadata(center.sections[$0].section.location.file) }
        }
        let otherCategoryInputs = center.categories.indices.map { otherCategories(than: $0) }
        for (index, entry) in center.articles.enumerated() {
            let article = entry.article
            let category = center.categories[entry.category]
            // Related articles are ranked over the category and the articles sharing a tag; the
            // pager over the section's or the category's order; breadcrumbs name the section.
            // The sidebar shows the category's sections and every other category's title.
            outputs.append(page(entry.path, .public, .article, template: "article", origin: article.sourcePath,
                                inputs: [.file(article.sourcePath), .metadata(category.category.location.file), .categoryArticles(article.categorySlug)]
                                    + categorySections[entry.category] + article.tags.map(PlanInput.taggedArticles) + otherCategoryInputs[entry.category],
                                listed: !article.draft, lastModified: article.lastModified, job: .article(index)))
        }
        outputs.append(page(SitePaths.tagsIndex, .public, .tagIndex, template: "tags", inputs: [.allArticles], listed: true, job: .tagIndex))
        for (index, tag) in center.tags.enumerated() {
            outputs.append(page(tag.path, .public, .tag, template: "tag", inputs: [.taggedArticles(tag.name)], listed: true, job: .tag(index)))
        }
        outputs.append(page(SitePaths.support, .public, .support, template: "support", inputs: [], listed: true, job: .support))
        outputs.append(page(SitePaths.notFound, .public, .notFound, template: "404", inputs: [], job: .notFound))
        return outputs
    }

    /// The metadata inputs of every category but `category` (an article's sidebar lists their titles).
    private func otherCategories(than category: Int) -> [PlanInput] {
        site.center.categories.indices.filter { $0 != category }.map { PlanInput.metadata(site.center.categories[$0].category.location.file) }
    }

    // MARK: Release notes

    private func releaseNotes() -> [PlannedOutput] {
        let releases = site.releasesNewestFirst
        guard !releases.isEmpty else { return [] }
        var outputs: [PlannedOutput] = []
        let published = releases.filter { $0.audience == .public }
        if !published.isEmpty {
            let metadata: [PlanInput] = [.releases(.public)]
            outputs.append(page(ReleaseNotes.indexPath, .public, .releaseIndex, template: "releases", inputs: metadata,
                                listed: true, job: .releaseIndex(nil)))
            for type in ReleaseType.allCases {
                outputs.append(page(ReleaseNotes.typePath(type), .public, .releaseTypeIndex, template: "releases", inputs: metadata,
                                    job: .releaseIndex(type)))
            }
        }
        // Oldest first (the sitemap's order); each page's pager sees only its own audience.
        let shownBy = Dictionary(grouping: releases.indices, by: { releases[$0].audience })
        for index in releases.indices.reversed() {
            let release = releases[index]
            let shown = shownBy[release.audience] ?? []
            let position = shown.firstIndex(of: index) ?? 0
            outputs.append(page(ReleaseNotes.path(of: release.version), release.audience, .release,
                                template: ReleasePages.template(for: release.audience), origin: release.sourcePath,
                                inputs: [.file(release.sourcePath), .releases(release.audience)],
                                listed: release.audience == .public && !release.draft, lastModified: release.date,
                                job: .release(index, newer: position > 0 ? shown[position - 1] : nil,
                                              older: position + 1 < shown.count ? shown[position + 1] : nil)))
        }
        if !published.isEmpty {
            let bodies = published.map { PlanInput.file($0.sourcePath) }
            for (path, kind, job) in [("releases/atom.xml", OutputKind.atomFeed, RenderJob.atomFeed),
                                      ("releases/feed.json", .jsonFeed, .jsonFeed), ("releases/inapp.json", .inAppData, .inAppData)] {
                outputs.append(PlannedOutput(audience: .public, path: path, kind: kind, inputs: bodies + [.config], job: job))
            }
        }
        return outputs
    }

    // MARK: Training

    private func training() -> [PlannedOutput] {
        let training = site.training
        let schedule = site.config.schedule
        let events = TrainingPages.customerEvents(of: schedule)
        guard !training.isEmpty || !events.isEmpty else { return [] }
        let scheduleInput: PlanInput = schedule.source == "site.yaml" ? .config : .file(schedule.source)
        let programs = training.programs.map { PlanInput.metadata($0.sourcePath) }
        let eventPages = training.events.map { PlanInput.metadata($0.sourcePath) }
        var outputs = [page(TrainingPages.indexPath, .customers, .trainingIndex, template: "training/index",
                            inputs: programs + eventPages + [scheduleInput], job: .trainingIndex)]
        outputs.append(page(TrainingPages.materialsPath, .customers, .trainingMaterials, template: "training/materials",
                            inputs: training.materials.flatMap { material in
                                [PlanInput.file(material.sourcePath)] + (material.article.map { [.metadata($0)] } ?? [])
                            }, job: .trainingMaterials))
        for (index, program) in training.programs.enumerated() {
            outputs.append(page(TrainingPages.programPath(program.id), .customers, .trainingProgram, template: "training/program",
                                origin: program.sourcePath, inputs: [.file(program.sourcePath)], job: .trainingProgram(index)))
        }
        for (index, item) in events.enumerated() {
            let source = training.events.first { $0.id == item.id }?.sourcePath
            outputs.append(page(TrainingPages.eventPath(item.id), .customers, .trainingEvent, template: "training/event",
                                origin: source, inputs: [scheduleInput] + (source.map { [.file($0)] } ?? []), job: .trainingEvent(index)))
        }
        outputs.append(PlannedOutput(audience: .customers, path: String(TrainingPages.calendarPath.dropFirst()), kind: .calendar,
                                     inputs: [scheduleInput, .config, .clock] + eventPages, job: .trainingCalendar))
        for (index, item) in events.enumerated() {
            outputs.append(PlannedOutput(audience: .customers, path: String(TrainingPages.eventCalendarPath(item.id).dropFirst()),
                                         kind: .calendar, inputs: [scheduleInput, .config, .clock], job: .eventCalendar(index)))
        }
        return outputs
    }

    // MARK: Internal pages

    private func internalPages() -> [PlannedOutput] {
        guard let data = site.operations else { return [] }
        let all = data.sourceFiles.map(PlanInput.file)
        var outputs: [PlannedOutput] = []
        if let kpis = data.kpis {
            outputs.append(page(InternalPaths.kpiIndex, .internal, .kpiIndex, template: "internal/kpi-index", inputs: all, job: .kpiIndex))
            for (index, kpi) in kpis.enumerated() {
                let own = data.sourceFiles.filter { $0 == OperationsData.kpiDefinitionFile || $0 == OperationsData.metricsFile(of: kpi.id) }
                outputs.append(page(InternalPaths.kpi(kpi.id), .internal, .kpi, template: "internal/kpi", inputs: own.map(PlanInput.file),
                                    job: .kpi(index)))
            }
        }
        if data.hasRoadmap {
            outputs.append(page(InternalPaths.roadmap, .internal, .roadmap, template: "internal/roadmap", inputs: all, job: .roadmap))
        }
        if data.kpis != nil, !outputs.isEmpty {
            outputs.append(PlannedOutput(audience: .internal, path: String(InternalPaths.kpiJSON.dropFirst()), kind: .kpiExport,
                                         inputs: all + [.clock], job: .kpiJSON))
            outputs.append(PlannedOutput(audience: .internal, path: String(InternalPaths.kpiCSV.dropFirst()), kind: .kpiExport,
                                         inputs: all + [.clock], job: .kpiCSV))
        }
        return outputs
    }

    // MARK: Redirects

    /// A redirect page per alias (never in the sitemap) and `_redirects` listing them all.
    private func redirects() -> [PlannedOutput] {
        guard !site.redirects.isEmpty else { return [] }
        var outputs = site.redirects.enumerated().map { index, redirect in
            PlannedOutput(audience: .public, path: SitePaths.file(for: redirect.from), kind: .redirect,
                          inputs: [.metadata(redirect.source), .config], job: .redirect(index))
        }
        if site.config.generate.redirects {
            outputs.append(PlannedOutput(audience: .public, path: "_redirects", kind: .redirects,
                                         inputs: PlanInput.normalized(site.redirects.map { .metadata($0.source) }) + [.config], job: .redirects))
        }
        return outputs
    }

    // MARK: Files

    private func staticFiles() -> [PlannedOutput] {
        site.staticFiles.map { path in
            PlannedOutput(audience: .public, path: String(path.dropFirst("static/".count)), kind: .staticFile,
                          inputs: [.file(path)], job: .copy(path))
        }
    }

    /// The theme's assets for every audience with pages, the sitemap and robots.txt.
    private func siteFiles(listing plan: SitePlan) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        // Emails carry their styles inline: the email tree gets no theme assets.
        for audience in plan.audiencesWithPages where audience != .email {
            // The search client and the article script serve the public help center only.
            for asset in site.theme.files.assets.keys.sorted()
            where audience == .public || (asset != SearchIndex.script && asset != SitePages.articleScript) {
                outputs.append(PlannedOutput(audience: audience, path: "assets/" + asset, kind: .themeAsset,
                                             inputs: [.file("templates/assets/" + asset)], job: .themeAsset(asset)))
            }
        }
        let categories = site.center.categories.map { PlanInput.metadata($0.category.location.file) }
            + site.center.sections.map { PlanInput.metadata($0.section.location.file) }
        // A site that ships its own (static/) opts out of the generated file in site.yaml (`generate:`).
        if site.config.generate.sitemap {
            outputs.append(PlannedOutput(audience: .public, path: "sitemap.xml", kind: .sitemap,
                                         inputs: categories + [.allArticles, .releases(.public), .config], job: .sitemap))
        }
        if site.config.generate.robots {
            outputs.append(PlannedOutput(audience: .public, path: "robots.txt", kind: .robots, inputs: [.config], job: .robots))
        }
        return outputs
    }

    /// Whether the internal tree gets the content-health page: the site has internal pages and articles.
    static func hasContentHealth(_ site: ResolvedSite) -> Bool { site.operations != nil && !site.center.articles.isEmpty }

    /// The content-health page, planned once every page is rendered (it reads what each links to):
    /// every Markdown source (bodies and links), the known issues, the releases and the build date.
    static func contentHealth(_ site: ResolvedSite) -> [PlannedOutput] {
        guard hasContentHealth(site) else { return [] }
        let center = site.center
        let sources = center.articles.map { PlanInput.file($0.article.sourcePath) } + center.categories.map { PlanInput.file($0.category.location.file) }
            + center.sections.map { PlanInput.file($0.section.location.file) } + site.releases.map { PlanInput.file($0.sourcePath) }
            + site.training.programs.map { PlanInput.file($0.sourcePath) } + site.training.events.map { PlanInput.file($0.sourcePath) }
            + site.training.materials.map { PlanInput.file($0.sourcePath) }
        return [PlannedOutput(page: ContentHealthPage.path, audience: .internal, kind: .contentHealth, template: "internal/content",
                              inputs: sources + [.allArticles, .file(StatusData.knownIssuesFile), .clock]
                                  + Audience.allCases.map(PlanInput.releases),
                              job: .contentHealth)]
    }

    /// The content assets published pages link to (Markdown is rendered by then).
    static func contentAssets(_ linked: Set<String>, assets: [String]) -> [PlannedOutput] {
        assets.filter(linked.contains).map { path in
            PlannedOutput(audience: .public, path: String(path.dropFirst("content/".count)), kind: .contentAsset,
                          inputs: [.file(path)], job: .copy(path))
        }
    }
}
