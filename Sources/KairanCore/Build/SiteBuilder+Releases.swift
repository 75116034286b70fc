extension SiteBuilder {
    /// What the release-notes step produced.
    struct ReleaseOutput {
        var pages = 0
        var files = 0
        /// The newest public release, for the home page.
        var latest: TemplateValue?
        /// Every source file the releases link to.
        var linkedSources: Set<String> = []
    }

    /// Step 5 — release notes: one page per release, the index and type filters, Atom, JSON Feed, in-app data.
    func renderReleaseNotes(_ site: ResolvedSite, sink: OutputSink, log: DiagnosticLog) -> ReleaseOutput {
        guard !site.releases.isEmpty else { return ReleaseOutput() }
        var allLinked = Set<String>()
        let articleIndex = Dictionary(uniqueKeysWithValues: site.center.articles.enumerated().map { ($1.article.sourcePath, $0) })
        let entries: [ReleaseNotes.Entry] = site.releases.reversed().map { release in
            var linked: [String] = []
            func render(_ source: MarkdownSource) -> String {
                let rendered = site.markdown.render(source, file: release.sourcePath, log: log)
                linked += rendered.linkedSources
                allLinked.formUnion(rendered.linkedSources)
                return rendered.html
            }
            let introduction = render(release.introduction)
            let sections = release.sections.map { (kind: $0.kind, html: render($0.body)) }
            var articles: [Int] = []
            for source in linked { if let index = articleIndex[source], !articles.contains(index) { articles.append(index) } }
            return ReleaseNotes.Entry(release: release, path: ReleaseNotes.path(of: release.version), introduction: introduction,
                                      sections: sections, articles: articles)
        }
        let notes = ReleaseNotes(entries: entries)
        let pages = ReleasePages(theme: site.theme, models: site.models, notes: notes)
        let feeds = ReleaseFeeds(config: site.config, paths: site.paths, notes: notes)
        let pageFiles = pages.pages() + (notes.published.isEmpty ? [] : pages.indexes())
        let dataFiles = notes.published.isEmpty ? [] : [feeds.atom(), feeds.jsonFeed(), feeds.inApp()]
        for file in pageFiles + dataFiles { sink.write(file, log: log) }
        return ReleaseOutput(pages: pageFiles.count, files: dataFiles.count, latest: pages.latest, linkedSources: allLinked)
    }
}
