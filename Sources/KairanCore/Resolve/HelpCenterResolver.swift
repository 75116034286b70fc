/// Builds the `HelpCenter` from a loaded knowledge base, and reports what only shows across
/// files: duplicate URLs (two articles, or an article and a section, on one path).
public enum HelpCenterResolver {
    /// How many related articles a page lists.
    public static let relatedCount = 5

    /// - Parameters:
    ///   - today: the build date: articles dated after it are listed in `scheduled`.
    ///   - includeFuture: publish them too (`--future`); else they are left out until their day.
    public static func resolve(_ base: KnowledgeBase, includeDrafts: Bool, today: CivilDate? = nil, includeFuture: Bool = false,
                               log: DiagnosticLog) -> HelpCenter {
        var categoryIndex: [String: Int] = [:]
        var categories: [HelpCenter.CategoryPage] = []
        // Every page path of the help center and the file that makes it: two files, one URL, is an error.
        var owners: [String: String] = [:]
        for category in base.categories {
            categoryIndex[category.slug] = categories.count
            let path = SitePaths.category(category.slug)
            owners[path] = category.location.file
            categories.append(.init(category: category, path: path, articles: []))
        }
        var sectionIndex: [String: Int] = [:]
        var sections: [HelpCenter.SectionPage] = []
        for section in base.sections {
            guard let category = categoryIndex[section.categorySlug] else { continue }  // reported by the loader
            let path = SitePaths.section(category: section.categorySlug, slug: section.slug)
            owners[path] = section.location.file
            sectionIndex[section.categorySlug + "/" + section.slug] = sections.count
            categories[category].sections.append(sections.count)
            sections.append(.init(section: section, path: path, category: category, articles: []))
        }
        var entries: [HelpCenter.Entry] = []
        var scheduled: [ScheduledPublication] = []
        for article in base.articles where includeDrafts || !article.draft {
            guard let category = categoryIndex[article.categorySlug] else { continue }  // reported by the loader
            let section = article.sectionSlug.flatMap { sectionIndex[article.categorySlug + "/" + $0] }
            if article.sectionSlug != nil && section == nil { continue }  // its section failed to load (reported)
            let path = article.sectionSlug.map { SitePaths.article(category: article.categorySlug, section: $0, slug: article.slug) }
                ?? SitePaths.article(category: article.categorySlug, slug: article.slug)
            if let first = owners[path] {
                log.error(article.slugLocation ?? SourceLocation(file: article.sourcePath), "\(article.sourcePath) and \(first) both publish \(path)",
                          hint: "give one of them another file name or `slug:`")
                continue
            }
            owners[path] = article.sourcePath
            if let date = article.date, ScheduledPublication.waits(date, today: today) {
                scheduled.append(.init(kind: .article, source: article.sourcePath, title: article.title, path: path, date: date))
                if !includeFuture { continue }
            }
            if let section { sections[section].articles.append(entries.count) } else { categories[category].articles.append(entries.count) }
            entries.append(.init(article: article, path: path, category: category, section: section, previous: nil, next: nil))
        }
        for index in categories.indices {
            categories[index].members = categories[index].articles + categories[index].sections.flatMap { sections[$0].articles }
        }
        for list in categories.map(\.articles) + sections.map(\.articles) {
            for (position, index) in list.enumerated() {
                entries[index].previous = position > 0 ? list[position - 1] : nil
                entries[index].next = position + 1 < list.count ? list[position + 1] : nil
            }
        }
        var tags: [HelpCenter.Tag] = []
        var tagIndex: [String: Int] = [:]
        var tagSlugOwner: [String: String] = [:]
        // By index: an entry copied whole per article retained every field of it.
        for index in entries.indices {
            for name in entries[index].article.tags {
                if let existing = tagIndex[name] { tags[existing].articles.append(index); continue }
                let slug = SitePaths.tagSlug(name)
                if let other = tagSlugOwner[slug] {
                    log.warning(SourceLocation(file: entries[index].article.sourcePath), "tag \"\(name)\" and tag \"\(other)\" share the page \(SitePaths.tag(slug))",
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

        var center = HelpCenter(categories: categories, sections: sections, articles: entries, tags: tags, tagIndex: tagIndex)
        center.scheduled = scheduled.sorted { ($0.date, $0.source) < ($1.date, $1.source) }
        return center
    }
}
