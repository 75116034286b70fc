/// The help center's source: categories, their sections and articles as loaded, in a stable order.
public struct KnowledgeBase: Sendable, Equatable {
    /// Categories by weight, then slug.
    public var categories: [Category] = []
    /// Sections by category order, weight, then slug.
    public var sections: [Section] = []
    /// Articles by category order, weight, title, then slug (drafts included; the build filters them).
    public var articles: [Article] = []
    /// Other files under `content/` (images, PDFs), relative to the site folder, copied beside the pages.
    public var assets: [String] = []

    public init(categories: [Category] = [], sections: [Section] = [], articles: [Article] = [], assets: [String] = []) {
        self.categories = categories
        self.sections = sections
        self.articles = articles
        self.assets = assets
    }
}
