/// The public help center's pages, one method per page kind (Publish's theme style).
public struct SitePages: Sendable {
    public let theme: Theme
    public let models: PublicViewModels

    public init(theme: Theme, models: PublicViewModels) {
        self.theme = theme
        self.models = models
    }

    private var center: HelpCenter { models.center }

    /// The article pages' script (`templates/assets/article.js`): the table of contents' current
    /// heading, copy buttons, the feedback's thank-you. Public only, like the search client.
    static let articleScript = "article.js"

    private func file(_ path: String, template: String, _ context: TemplateValue) -> OutputFile {
        OutputFile(audience: .public, path: SitePaths.file(for: path), bytes: theme.renderBytes(template, context))
    }

    /// `/`: categories with counts, newest and recently updated articles, the latest release.
    public func home(latestRelease: TemplateValue? = nil) -> OutputFile {
        var context = models.page(title: "", description: models.config.description, path: SitePaths.home, kind: "home")
        context["categories"] = .list(center.categories.map { listing in
            ["title": .text(listing.category.title), "summary": .text(listing.category.summary),
             "href": .text(models.paths.href(listing.path)), "count": .number(listing.members.count)]
        })
        context["article_count"] = .number(center.articles.count)
        context["newest"] = models.summaries(center.newest(5))
        context["updated"] = models.summaries(center.recentlyUpdated(5))
        context["latest_release"] = latestRelease
        return file(SitePaths.home, template: "home", context)
    }

    /// `/kb/<category>/`: the category's text, its sections (each with its articles) and its own articles.
    public func category(_ index: Int, content: RenderedMarkdown) -> OutputFile {
        let listing = center.categories[index]
        var context = models.page(title: listing.category.title, description: listing.category.summary, path: listing.path,
                                  kind: "category", breadcrumbs: [("ホーム", SitePaths.home)],
                                  facts: PageFacts(source: listing.category.location.file, questions: questions(ofCategory: index)))
        let sections: [TemplateValue] = listing.sections.map { position in
            let section = center.sections[position]
            // `description`, not `summary`: an article of the list without a summary must not show the section's.
            return ["title": .text(section.section.title), "description": .text(section.section.summary),
                    "href": .text(models.paths.href(section.path)), "count": .number(section.articles.count),
                    "articles": models.summaries(section.articles)]
        }
        context["category"] = [
            "title": .text(listing.category.title), "summary": .text(listing.category.summary),
            "href": .text(models.paths.href(listing.path)), "content": .htmlBytes(content.htmlBytes),
            "count": .number(listing.members.count), "articles": models.summaries(listing.articles),
            "has_articles": .flag(!listing.articles.isEmpty), "sections": .list(sections), "has_sections": .flag(!sections.isEmpty),
        ]
        return file(listing.path, template: "category", context)
    }

    /// `/kb/<category>/<section>/`: the section's text and its articles.
    public func section(_ index: Int, content: RenderedMarkdown) -> OutputFile {
        let listing = center.sections[index]
        let category = center.categories[listing.category]
        var context = models.page(title: listing.section.title, description: listing.section.summary, path: listing.path,
                                  kind: "section", breadcrumbs: [("ホーム", SitePaths.home), (category.category.title, category.path)],
                                  facts: PageFacts(source: listing.section.location.file))
        context["section"] = [
            "title": .text(listing.section.title), "summary": .text(listing.section.summary),
            "href": .text(models.paths.href(listing.path)), "content": .htmlBytes(content.htmlBytes),
            "count": .number(listing.articles.count), "articles": models.summaries(listing.articles),
            "category": ["title": .text(category.category.title), "href": .text(models.paths.href(category.path))],
        ]
        return file(listing.path, template: "section", context)
    }

    /// `/kb/<category>/<slug>/`: the article with its table of contents, tags, video, neighbours and related articles.
    public func article(_ index: Int, content: RenderedMarkdown) -> OutputFile {
        let entry = center.articles[index]
        let article = entry.article
        let category = center.categories[entry.category]
        let facts = PageFacts(source: article.sourcePath, isArticle: true, published: article.date, modified: article.lastModified,
                              image: PageFacts.previewImage(of: content.images, paths: models.paths))
        var context = models.page(title: article.title, description: article.summary, path: entry.path, kind: "article",
                                  breadcrumbs: breadcrumbs(ofArticle: index),
                                  draft: article.draft, facts: facts)
        let paths = models.paths
        func link(_ index: Int?) -> TemplateValue {
            guard let index else { return .flag(false) }
            return ["title": .text(center.articles[index].article.title), "href": .text(models.articleHrefs[index])]
        }
        let tags: [TemplateValue] = article.tags.compactMap { name in
            center.tagIndex[name].map { ["name": .text(name), "href": .text(paths.href(center.tags[$0].path))] }
        }
        var video: TemplateValue = .flag(false)
        if let clip = article.video, let kind = VideoEmbed.kind(of: clip.url.text) {
            video = ["src": .text(clip.url.text), "frame": .flag(kind == .frame), "file": .flag(kind == .file),
                     "minutes": clip.minutes.map { .number($0) } ?? .flag(false)]
        }
        let toc = SitePages.tableOfContents(content.headings)
        // Related articles leave out what the body already links to; no list when nothing is left.
        let linked = Set(content.linkedSources)
        let ranked = center.related(of: index)
        let related = linked.isEmpty ? ranked : ranked.filter { !linked.contains(center.articles[$0].article.sourcePath) }
        context["article"] = [
            "title": .text(article.title), "summary": .text(article.summary), "href": .text(models.articleHrefs[index]),
            "category": ["title": .text(category.category.title), "href": .text(paths.href(category.path))],
            "section": entry.section.map { position -> TemplateValue in
                ["title": .text(center.sections[position].section.title), "href": .text(paths.href(center.sections[position].path))]
            } ?? .flag(false),
            "tags": .list(tags), "has_tags": .flag(!tags.isEmpty),
            "date": models.articleDate(article.date), "updated": models.articleDate(article.lastModified),
            "content": .htmlBytes(content.htmlBytes), "toc": .list(toc), "has_toc": .flag(toc.count >= 2),
            "related": models.summaries(related), "has_related": .flag(!related.isEmpty),
            "previous": link(entry.previous), "next": link(entry.next), "has_pager": .flag(entry.previous != nil || entry.next != nil),
            "video": video, "draft": .flag(article.draft), "sidebar": sidebar(ArticleSidebar(article: index, in: center, published: models.sidebarLists)),
        ]
        return file(entry.path, template: "article", context)
    }

    /// The `article.sidebar` value: the category with its own articles, its sections with theirs
    /// (each list with its whole `count`, and `cut` when it shows only some), and the other categories.
    private func sidebar(_ sidebar: ArticleSidebar) -> TemplateValue {
        let paths = models.paths
        let category = center.categories[sidebar.category]
        func articles(_ list: ArticleSidebar.List) -> TemplateValue {
            .list(list.articles.map { models.sidebarEntry($0, onPageOf: sidebar.current) })
        }
        let sections: [TemplateValue] = sidebar.sections.compactMap { list in
            guard let position = list.section else { return nil }
            let section = center.sections[position]
            return ["title": .text(section.section.title), "href": .text(paths.href(section.path)), "count": .number(list.total),
                    "current": .flag(list.holdsCurrent), "articles": articles(list), "cut": .flag(list.isCut)]
        }
        return [
            "category": ["title": .text(category.category.title), "href": .text(paths.href(category.path))],
            "articles": articles(sidebar.own), "has_articles": .flag(!sidebar.own.articles.isEmpty),
            "count": .number(sidebar.own.total), "cut": .flag(sidebar.own.isCut),
            "sections": .list(sections), "has_sections": .flag(!sections.isEmpty),
            "categories": models.sidebarCategories(besides: sidebar.category), "has_categories": .flag(!sidebar.otherCategories.isEmpty),
        ]
    }

    /// The FAQ category's questions (its folder is `faq`): each of its articles with a summary is
    /// a question, its title the question and its summary the answer (schema.org `FAQPage`).
    private func questions(ofCategory index: Int) -> [PageFacts.Question] {
        let listing = center.categories[index]
        guard listing.category.slug == SitePages.faqCategory else { return [] }
        return listing.members.compactMap { member in
            let entry = center.articles[member]
            guard !entry.article.summary.isEmpty else { return nil }
            return PageFacts.Question(name: entry.article.title, answer: entry.article.summary, url: models.paths.absolute(entry.path))
        }
    }

    /// The folder of the category whose page carries schema.org `FAQPage` data.
    public static let faqCategory = "faq"

    /// Home, the article's category and, in a section, its section.
    private func breadcrumbs(ofArticle index: Int) -> [(String, String)] {
        let entry = center.articles[index]
        let category = center.categories[entry.category]
        var crumbs = [("ホーム", SitePaths.home), (category.category.title, category.path)]
        if let section = entry.section { crumbs.append((center.sections[section].section.title, center.sections[section].path)) }
        return crumbs
    }

    /// h2 entries with their h3 children; an h3 before any h2 stands on its own.
    static func tableOfContents(_ headings: [RenderedMarkdown.Heading]) -> [TemplateValue] {
        var items: [TemplateValue] = []
        var children: [TemplateValue] = []
        var current: TemplateValue?
        func close() {
            guard var item = current else { return }
            item["children"] = .list(children)
            item["has_children"] = .flag(!children.isEmpty)
            items.append(item)
            current = nil
            children = []
        }
        for heading in headings where heading.level == 2 || heading.level == 3 {
            let value: TemplateValue = ["text": .text(heading.text), "id": .text(heading.id)]
            if heading.level == 2 {
                close()
                current = value
            } else if current != nil {
                children.append(value)
            } else {
                var item = value
                item["has_children"] = .flag(false)
                items.append(item)
            }
        }
        close()
        return items
    }

    /// `/tags/<tag>/`.
    public func tag(_ index: Int) -> OutputFile {
        let tag = center.tags[index]
        var context = models.page(title: "タグ: \(tag.name)", description: "「\(tag.name)」のタグが付いた記事の一覧", path: tag.path,
                                  kind: "tag", breadcrumbs: [("ホーム", SitePaths.home), ("タグ一覧", SitePaths.tagsIndex)])
        context["tag"] = ["name": .text(tag.name), "href": .text(models.paths.href(tag.path)), "count": .number(tag.articles.count),
                          "articles": models.summaries(tag.articles)]
        return file(tag.path, template: "tag", context)
    }

    /// `/tags/`.
    public func tags() -> OutputFile {
        var context = models.page(title: "タグ一覧", description: "タグから記事を探す", path: SitePaths.tagsIndex, kind: "tags",
                                  breadcrumbs: [("ホーム", SitePaths.home)])
        context["tags"] = .list(center.tags.map { ["name": .text($0.name), "href": .text(models.paths.href($0.path)), "count": .number($0.articles.count)] })
        return file(SitePaths.tagsIndex, template: "tags", context)
    }

    /// `/support/`: channels, hours and the SLA table from site.yaml.
    public func support() -> OutputFile {
        let context = models.page(title: "お問い合わせ・サポート", description: "サポート窓口、受付時間、応答時間の目安",
                                  path: SitePaths.support, kind: "support", breadcrumbs: [("ホーム", SitePaths.home)])
        return file(SitePaths.support, template: "support", context)
    }

    /// `/search/`: the results page; the client (`assets/search.js`) fills it from the index.
    public func search() -> OutputFile {
        let context = models.page(title: "検索", description: "ヘルプセンターの記事を検索", path: SearchIndex.pagePath, kind: "search",
                                  breadcrumbs: [("ホーム", SitePaths.home)], noindex: true)
        return file(SearchIndex.pagePath, template: "search", context)
    }

    /// `/404.html`.
    public func notFound() -> OutputFile {
        let context = models.page(title: "ページが見つかりません", description: "", path: SitePaths.notFound, kind: "404", noindex: true)
        return file(SitePaths.notFound, template: "404", context)
    }
}
