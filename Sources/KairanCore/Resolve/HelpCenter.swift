/// The help center after resolution: every page's URL, lists in display order, tags, related
/// articles and neighbours. Indices point into `articles`, so the structure is cheap to share.
public struct HelpCenter: Sendable {
    /// A category with its published articles and sections.
    public struct CategoryPage: Sendable {
        public var category: Category
        public var path: String
        /// The articles directly in the category: indices into `articles`, in display order.
        public var articles: [Int]
        /// Its sections: indices into `sections`, in display order.
        public var sections: [Int] = []
        /// Every article of the category, its own then its sections', in display order.
        public var members: [Int] = []
    }

    /// A section of a category with its published articles.
    public struct SectionPage: Sendable {
        public var section: Section
        public var path: String
        /// Index into `categories`.
        public var category: Int
        /// Indices into `articles`, in display order.
        public var articles: [Int]
    }

    /// A published article with everything that depends on the rest of the site.
    public struct Entry: Sendable {
        public var article: Article
        public var path: String
        /// Index into `categories`.
        public var category: Int
        /// Index into `sections`, for an article in a section.
        public var section: Int?
        /// The neighbours in the article's list (its section's, or its category's own articles).
        public var previous: Int?
        public var next: Int?
    }

    /// A tag and the articles that carry it.
    public struct Tag: Sendable {
        public var name: String
        public var slug: String
        public var path: String
        public var articles: [Int]
    }

    public var categories: [CategoryPage]
    public var sections: [SectionPage] = []
    public var articles: [Entry]
    public var tags: [Tag]
    /// Tag name → index into `tags`.
    public var tagIndex: [String: Int]
    /// Articles dated after the build date: left out until then, or published with `--future`.
    public var scheduled: [ScheduledPublication] = []
    /// Each article's related articles, best first, indexed as `articles` (`RelatedArticles.rank`;
    /// ranked beside the rest of the build, as nothing reads them before the pages render).
    public var related: [[Int]] = []

    /// The related articles of `articles[article]`, best first. Read only once they are ranked
    /// (`ResolvedSite.ranked`): a debug build stops at a read before, which would otherwise
    /// show no related articles at all.
    public func related(of article: Int) -> [Int] {
        assert(related.count == articles.count, "related articles read before they were ranked (ResolvedSite.ranked)")
        return related.indices.contains(article) ? related[article] : []
    }


    /// Articles newest first by publication date (then display order).
    public func newest(_ count: Int) -> [Int] { latest(count) { $0.date } }

    /// Articles most recently updated first (then display order).
    public func recentlyUpdated(_ count: Int) -> [Int] { latest(count) { $0.lastModified } }

    /// The first `count` articles by `date` descending; undated ones last; ties in display order.
    private func latest(_ count: Int, by date: (Article) -> CivilDate?) -> [Int] {
        let days = articles.map { date($0.article)?.daysSinceEpoch ?? Int.min }
        return articles.indices.sorted { days[$0] != days[$1] ? days[$0] > days[$1] : $0 < $1 }.prefix(count).map { $0 }
    }
}
