/// Builds the `HelpCenter` from a loaded knowledge base, and reports what only shows across
/// files: duplicate URLs, articles of unknown categories.
public enum HelpCenterResolver {
    /// How many related articles a page lists.
    public static let relatedCount = 5

    public static func resolve(_ base: KnowledgeBase, includeDrafts: Bool, concurrency: Int, log: DiagnosticLog) async -> HelpCenter {
        var sectionIndex: [String: Int] = [:]
        var sections: [HelpCenter.Section] = []
        for category in base.categories {
            sectionIndex[category.slug] = sections.count
            sections.append(.init(category: category, path: SitePaths.category(category.slug), articles: []))
        }
        var entries: [HelpCenter.Entry] = []
        var owners: [String: Article] = [:]
        for article in base.articles where includeDrafts || !article.draft {
            guard let section = sectionIndex[article.categorySlug] else { continue }  // reported by the loader
            let path = SitePaths.article(category: article.categorySlug, slug: article.slug)
            if let first = owners[path] {
                log.error(article.slugLocation ?? SourceLocation(file: article.sourcePath), "\(article.sourcePath) and \(first.sourcePath) both publish \(path)",
                          hint: "give one of them another file name or `slug:`")
                continue
            }
            owners[path] = article
            sections[section].articles.append(entries.count)
            entries.append(.init(article: article, path: path, section: section, related: [], previous: nil, next: nil))
        }
        for section in sections {
            for (position, index) in section.articles.enumerated() {
                entries[index].previous = position > 0 ? section.articles[position - 1] : nil
                entries[index].next = position + 1 < section.articles.count ? section.articles[position + 1] : nil
            }
        }
        var tags: [HelpCenter.Tag] = []
        var tagIndex: [String: Int] = [:]
        var tagSlugOwner: [String: String] = [:]
        for (index, entry) in entries.enumerated() {
            for name in entry.article.tags {
                if let existing = tagIndex[name] { tags[existing].articles.append(index); continue }
                let slug = SitePaths.tagSlug(name)
                if let other = tagSlugOwner[slug] {
                    log.warning(SourceLocation(file: entry.article.sourcePath), "tag \"\(name)\" and tag \"\(other)\" share the page \(SitePaths.tag(slug))",
                                hint: "spell the tag the same way everywhere")
                    if let existing = tagIndex[other] { tags[existing].articles.append(index); tagIndex[name] = existing }
                    continue
                }
                tagSlugOwner[slug] = name
                tagIndex[name] = tags.count
                tags.append(.init(name: name, slug: slug, path: SitePaths.tag(slug), articles: [index]))
            }
        }
        let order = tags.indices.sorted { (tags[$0].name.utf8.lexicographicallyPrecedes(tags[$1].name.utf8)) }
        tags = order.map { tags[$0] }
        tagIndex = [:]
        for (position, tag) in tags.enumerated() { tagIndex[tag.name] = position }

        var center = HelpCenter(sections: sections, articles: entries, tags: tags, tagIndex: tagIndex)
        let related = await RelatedArticles.rank(center, count: relatedCount, concurrency: concurrency)
        for index in center.articles.indices { center.articles[index].related = related[index] }
        return center
    }
}
