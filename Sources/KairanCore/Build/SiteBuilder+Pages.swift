extension SiteBuilder {
    /// What one parallel render job hands back.
    struct RenderedPage: Sendable {
        var source: String
        var headingIDs: [String]
        var anchorReferences: [RenderedMarkdown.AnchorReference]
        var diagnostics: [Diagnostic]
    }

    private enum MarkdownJob: Sendable {
        case category(Int)
        case article(Int)
    }

    /// Renders every category and article page (Markdown, then template) and writes it at once,
    /// so memory stays flat however large the site is.
    func renderMarkdownPages(center: HelpCenter, pages: SitePages, markdown: MarkdownRenderer, sink: OutputSink) async -> [RenderedPage] {
        let jobs = center.sections.indices.map(MarkdownJob.category) + center.articles.indices.map(MarkdownJob.article)
        return await ParallelMap.map(jobs, concurrency: options.concurrency) { job -> RenderedPage in
            let log = DiagnosticLog()
            let source: String
            let content: RenderedMarkdown
            let file: OutputFile
            switch job {
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
    }

    /// Links with `#fragment` must name a heading of the target page.
    static func checkAnchors(_ references: [RenderedMarkdown.AnchorReference], anchors: [String: Set<String>], log: DiagnosticLog) {
        for reference in references {
            guard let ids = anchors[reference.targetSource] else { continue }  // a draft or a category page
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
