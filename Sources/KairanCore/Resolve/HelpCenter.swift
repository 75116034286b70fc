/// The help center after resolution: every page's URL, lists in display order, tags, related
/// articles and neighbours. Indices point into `articles`, so the structure is cheap to share.
public struct HelpCenter: Sendable {
    /// A category with its published articles.
    public struct Section: Sendable {
        public var category: Category
        public var path: String
        /// Indices into `articles`, in display order.
        public var articles: [Int]
    }

    /// A published article with everything that depends on the rest of the site.
    public struct Entry: Sendable {
        public var article: Article
        public var path: String
        /// Index into `sections`.
        public var section: Int
        /// Related articles, best first.
        public var related: [Int]
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

    public var sections: [Section]
    public var articles: [Entry]
    public var tags: [Tag]
    /// Tag name → index into `tags`.
    public var tagIndex: [String: Int]

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
