extension SiteBuilder {
    /// What one parallel render job hands back.
    struct RenderedPage: Sendable {
        var source: String
        var headingIDs: [String]
        var anchorReferences: [RenderedMarkdown.AnchorReference]
        var diagnostics: [Diagnostic]
    }

    private enum PageJob: Sendable {
        case category(Int)
        case article(Int)
        case tag(Int)
        case fixed(Int)
    }

    /// Step 4 — the help center: every category and article page (Markdown, then template), the
    /// tag pages and the fixed pages (home, tags, support, 404), all in one parallel pass and
    /// written at once so memory stays flat however large the site is. Returns the page count.
    func renderHelpCenter(_ site: ResolvedSite, latestRelease: TemplateValue?, sink: OutputSink, log: DiagnosticLog) async -> Int {
        let center = site.center
        let pages = SitePages(theme: site.theme, models: site.models)
        let markdown = site.markdown
        // Tag pages first: they are the largest, so the parallel map balances better.
        let jobs = center.tags.indices.map(PageJob.tag) + (0..<4).map(PageJob.fixed)
            + center.sections.indices.map(PageJob.category) + center.articles.indices.map(PageJob.article)
        let rendered = await ParallelMap.map(jobs, concurrency: options.concurrency) { job -> RenderedPage in
            let log = DiagnosticLog()
            let source: String
            let content: RenderedMarkdown
            let file: OutputFile
            switch job {
            case .tag(let index):
                sink.write(pages.tag(index), log: log)
                return RenderedPage(source: "", headingIDs: [], anchorReferences: [], diagnostics: log.items)
            case .fixed(let index):
                let fixed = [{ pages.home(latestRelease: latestRelease) }, pages.tags, pages.support, pages.notFound][index]()
                sink.write(fixed, log: log)
                return RenderedPage(source: "", headingIDs: [], anchorReferences: [], diagnostics: log.items)
            case .category(let index):
                let category = center.sections[index].category
                source = category.location.file
                content = markdown.render(category.body, file: source, log: log)
                file = pages.category(index, content: content)
            case .article(let index):
                let article = center.articles[index].article
                source = article.sourcePath
                content = markdown.render(article.body, file: source, dropFirstHeading: article.titleFromHeading, log: log)
                file = pages.article(index, content: content)
            }
            sink.write(file, log: log)
            return RenderedPage(source: source, headingIDs: content.headings.map(\.id),
                                anchorReferences: content.anchorReferences, diagnostics: log.items)
        }
        var anchors: [String: Set<String>] = [:]
        var references: [RenderedMarkdown.AnchorReference] = []
        for page in rendered {
            log.append(page.diagnostics)
            if !page.source.isEmpty { anchors[page.source] = Set(page.headingIDs) }
            references += page.anchorReferences
        }
        SiteBuilder.checkAnchors(references, anchors: anchors, log: log)
        return rendered.count
    }

    /// Step 7 — files: theme assets, content assets, static/, sitemap, robots. Returns the file count.
    func copyFiles(_ site: ResolvedSite, sink: OutputSink, log: DiagnosticLog) -> Int {
        var files = site.theme.assetFiles(for: .public)
        // Copied files are read once each and written at once, so only one is in memory at a time.
        var copied = 0
        for (source, prefix) in site.knowledgeBase.assets.map({ ($0, "content/") }) + site.staticFiles.map({ ($0, "static/") }) {
            guard let bytes = read(source, log: log) else { continue }
            sink.write(OutputFile(audience: .public, path: String(source.dropFirst(prefix.count)), bytes: bytes), log: log)
            copied += 1
        }
        var entries = SiteBuilder.sitemapEntries(site.center)
        if site.releases.contains(where: { $0.audience == .public }) {
            entries.append(.init(path: ReleaseNotes.indexPath, lastModified: nil))
            for release in site.releases where release.audience == .public && !release.draft {
                entries.append(.init(path: ReleaseNotes.path(of: release.version), lastModified: release.date))
            }
        }
        files.append(Sitemap.xml(entries, paths: site.paths))
        files.append(Sitemap.robots(paths: site.paths))
        for file in files { sink.write(file, log: log) }
        return copied + files.count
    }

    /// Links with `#fragment` must name a heading of the target page.
    static func checkAnchors(_ references: [RenderedMarkdown.AnchorReference], anchors: [String: Set<String>], log: DiagnosticLog) {
        for reference in references {
            guard let ids = anchors[reference.targetSource] else { continue }  // a draft, a release or a category page
            let fragment = LinkResolver.percentDecoded(reference.fragment)
            if ids.contains(fragment) || ["k-toc", "k-related", "k-feedback", "main"].contains(fragment) || fragment.hasPrefix("fn") { continue }
            let known = ids.sorted().prefix(8).joined(separator: ", ")
            log.error(reference.location, "anchor #\(fragment) does not exist in \(reference.targetSource)",
                      hint: known.isEmpty ? "that page has no headings" : "headings there have the ids: \(known)")
        }
    }

    /// Source path → URL path of every published page that comes from Markdown.
    static func pageSources(_ center: HelpCenter) -> [String: String] {
        var pages: [String: String] = [:]
        for section in center.sections { pages[section.category.location.file] = section.path }
        for entry in center.articles { pages[entry.article.sourcePath] = entry.path }
        return pages
    }

    /// Every path the public site will have, for checking site-absolute links.
    static func sitePaths(_ center: HelpCenter, staticFiles: [String]) -> Set<String> {
        var paths: Set<String> = [SitePaths.home, SitePaths.tagsIndex, SitePaths.support, SitePaths.notFound, "/sitemap.xml", "/robots.txt"]
        for section in center.sections { paths.insert(section.path) }
        for entry in center.articles { paths.insert(entry.path) }
        for tag in center.tags { paths.insert(tag.path) }
        for file in staticFiles { paths.insert("/" + file.dropFirst("static/".count)) }
        return paths
    }

    /// Sitemap entries: home, categories, articles (with their last change), tags.
    static func sitemapEntries(_ center: HelpCenter) -> [Sitemap.Entry] {
        var entries = [Sitemap.Entry(path: SitePaths.home, lastModified: nil)]
        for section in center.sections { entries.append(.init(path: section.path, lastModified: nil)) }
        for entry in center.articles where !entry.article.draft { entries.append(.init(path: entry.path, lastModified: entry.article.lastModified)) }
        entries.append(.init(path: SitePaths.tagsIndex, lastModified: nil))
        for tag in center.tags { entries.append(.init(path: tag.path, lastModified: nil)) }
        entries.append(.init(path: SitePaths.support, lastModified: nil))
        return entries
    }
}
