/// What the navigation beside an article shows: the article's category with its own articles,
/// its sections with theirs, and the other categories (Zendesk Guide's category → section →
/// article; MkDocs Material's navigation).
///
/// Made from the resolved help center, so it holds only what the public tree publishes; drafts
/// are left out (but for the article itself, when a build shows drafts). A long list shows a
/// window of `listLimit` articles (around the article in its own list) and links to the page that
/// lists them all, so an article page's size does not grow with its category.
public struct ArticleSidebar: Sendable, Equatable {
    /// One list: the category's own articles (`section == nil`) or a section's.
    public struct List: Sendable, Equatable {
        /// Index into `HelpCenter.sections`; `nil` for the category's own articles.
        public var section: Int?
        /// The articles shown: indices into `HelpCenter.articles`, in display order.
        public var articles: [Int]
        /// How many articles the whole list has (more than `articles.count` when it is cut).
        public var total: Int
        /// Whether the page's article is in this list.
        public var holdsCurrent: Bool

        /// Whether some of the list's articles are left out (the list's page shows them all).
        public var isCut: Bool { articles.count < total }
    }

    /// The most articles one list shows.
    public static let listLimit = 12

    /// The article the page shows: index into `HelpCenter.articles`.
    public var current: Int
    /// Index into `HelpCenter.categories`.
    public var category: Int
    /// The category's own articles.
    public var own: List
    /// The category's sections, in display order.
    public var sections: [List]
    /// Every other category, in display order: indices into `HelpCenter.categories`.
    public var otherCategories: [Int]

    /// Every category's and section's list without drafts, made once per site: thousands of
    /// article pages each show a window of one of them.
    public struct Published: Sendable {
        /// Index: the category's index.
        let categories: [[Int]]
        /// Index: the section's index.
        let sections: [[Int]]

        public init(_ center: HelpCenter) {
            let drafts = center.articles.map(\.article.draft)
            categories = center.categories.map { $0.articles.filter { !drafts[$0] } }
            sections = center.sections.map { $0.articles.filter { !drafts[$0] } }
        }
    }

    /// The sidebar of article `index`, its lists taken from `published` (made from `center`).
    public init(article index: Int, in center: HelpCenter, published: Published) {
        current = index
        category = center.articles[index].category
        // A draft's own page (a build that shows drafts) lists it among the published articles.
        let isDraft = center.articles[index].article.draft
        func list(_ published: [Int], members: [Int], section: Int?) -> List {
            let shown = isDraft ? members.filter { $0 == index || !center.articles[$0].article.draft } : published
            let position = shown.firstIndex(of: index)
            return List(section: section, articles: Self.window(shown, around: position), total: shown.count, holdsCurrent: position != nil)
        }
        let page = center.categories[category]
        own = list(published.categories[category], members: page.articles, section: nil)
        sections = page.sections.map { list(published.sections[$0], members: center.sections[$0].articles, section: $0) }
        otherCategories = Self.otherCategories(than: category, count: center.categories.count)
    }

    /// The sidebar of article `index` (its site's lists made for it alone).
    public init(article index: Int, in center: HelpCenter) {
        self.init(article: index, in: center, published: Published(center))
    }

    /// The categories a sidebar lists below its own: every other one, in display order.
    static func otherCategories(than category: Int, count: Int) -> [Int] {
        (0..<count).filter { $0 != category }
    }

    /// Every list, the category's own first.
    public var lists: [List] { [own] + sections }

    /// What the sidebar shows of other articles and of its lists, as text an incremental build
    /// compares with the last build's: each shown article's source and each list's size.
    public func shown(in center: HelpCenter) -> [String] {
        lists.flatMap { list in
            ["#\(list.section.map(String.init) ?? "-"):\(list.total)"] + list.articles.map { center.articles[$0].article.sourcePath }
        }
    }

    /// `ArticleSidebar(article: i, in: center).shown(in: center)` for every article `i`, made list
    /// by list (a category's lists are filtered once, not once per article): what an incremental
    /// build compares per edit at thousands of articles.
    public static func shownByArticle(in center: HelpCenter) -> [[String]] {
        // Each list without drafts, once; a draft article's own sidebar keeps it, so it is made alone.
        let published = Published(center)
        func part(_ section: Int?, _ shown: [Int], around index: Int) -> [String] {
            let position = shown.firstIndex(of: index)
            return ["#\(section.map(String.init) ?? "-"):\(shown.count)"]
                + window(shown, around: position).map { center.articles[$0].article.sourcePath }
        }
        // A list's part when the page is not in it is the same for every page of the category.
        var outside: [Int: [String]] = [:]
        return center.articles.indices.map { index in
            let entry = center.articles[index]
            if entry.article.draft { return ArticleSidebar(article: index, in: center, published: published).shown(in: center) }
            var shown = part(nil, published.categories[entry.category], around: index)
            for section in center.categories[entry.category].sections {
                let members = published.sections[section]
                if members.contains(index) {
                    shown += part(section, members, around: index)
                } else {
                    if outside[section] == nil { outside[section] = part(section, members, around: -1) }
                    shown += outside[section] ?? []
                }
            }
            return shown
        }
    }

    /// At most `listLimit` of `articles`: all of them, the first ones, or a window around `position`.
    static func window(_ articles: [Int], around position: Int?) -> [Int] {
        guard articles.count > listLimit else { return articles }
        let start = position.map { min(max(0, $0 - listLimit / 2), articles.count - listLimit) } ?? 0
        return Array(articles[start..<(start + listLimit)])
    }
}
