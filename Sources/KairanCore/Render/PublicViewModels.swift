/// Builds the values public templates receive. Only public fields of the model are read here:
/// this type is the one door from content to public pages (see README "Template variables").
public struct PublicViewModels: Sendable {
    public let config: SiteConfig
    public let paths: SitePaths
    public internal(set) var center: HelpCenter
    public let clock: BuildClock
    /// The `site` value without the per-page `nav`.
    private let siteBase: TemplateValue
    /// `site` with `nav` for each possible current item (index `navigation.count`: none current),
    /// built once: every page shares one of these values.
    private let siteByCurrent: [TemplateValue]
    /// One list entry per article, built once and shared by every list that shows it.
    private let summaries: [TemplateValue]
    /// Each article's `href`, made once (every article page links dozens of others).
    public let articleHrefs: [String]
    /// The lists article sidebars show, without drafts, made once.
    public let sidebarLists: ArticleSidebar.Published
    /// Each article as a sidebar entry of another article's page (`current` false), made once.
    private let sidebarEntries: [TemplateValue]
    /// For each category, the sidebar's list of the other categories, made once.
    private let sidebarCategories: [TemplateValue]
    /// The date values of every article's dates, formatted once (thousands of pages share a few hundred days).
    private let articleDates: [CivilDate: TemplateValue]
    private let navigation: [SiteConfig.NavigationItem]
    /// The site as schema.org JSON (`author` and `publisher` of every article), made once.
    let organizationJSON: String

    /// The public help center's address (customers' pages link back to it).
    public let helpCenterURL: String
    /// The public help center's URL scheme (other trees link to its pages by absolute URL).
    public let helpCenterPaths: SitePaths

    public init(config: SiteConfig, paths: SitePaths, center: HelpCenter, clock: BuildClock,
                extraNavigation: [SiteConfig.NavigationItem] = [], navigation override: [SiteConfig.NavigationItem]? = nil) {
        self.config = config
        self.paths = paths
        self.helpCenterURL = config.baseURL
        self.helpCenterPaths = SitePaths(baseURL: config.baseURL)
        self.center = center
        self.clock = clock
        organizationJSON = JSONText.organization(name: config.title, url: paths.baseURL)
        var navigation = override ?? config.navigation
        if navigation.isEmpty {
            navigation = [.init(title: "ホーム", url: SafeURL(sitePath: SitePaths.home))] + extraNavigation
                + [.init(title: "タグ一覧", url: SafeURL(sitePath: SitePaths.tagsIndex)), .init(title: "お問い合わせ", url: SafeURL(sitePath: SitePaths.support))]
        }
        self.navigation = navigation
        let support = config.support
        siteBase = [
            "title": .text(config.title), "description": .text(config.description), "language": .text(config.language),
            "base_url": .text(paths.baseURL), "copyright": .text(config.copyright), "year": .number(clock.today.year),
            "feedback_url": .text(config.feedbackURL?.text ?? ""), "generator": .text("Kairan \(Kairan.version)"),
            "links": [
                "home": .text(paths.href(SitePaths.home)), "support": .text(paths.href(SitePaths.support)),
                "tags": .text(paths.href(SitePaths.tagsIndex)), "css": .text(paths.href("/assets/kairan.css")),
                "favicon": .text(paths.href("/assets/favicon.svg")), "sitemap": .text(paths.href("/sitemap.xml")),
                "releases": .text(paths.href("/releases/")),
                "search": .text(paths.href(SearchIndex.pagePath)), "search_index": .text(paths.href("/" + SearchIndex.folder)),
                "search_script": .text(paths.href("/assets/" + SearchIndex.script)),
                "article_script": .text(paths.href("/assets/" + SitePages.articleScript)), "root": .text(paths.href(SitePaths.home)),
            ],
            "support": [
                "hours": .text(support.hours), "intro": .text(support.intro), "has_sla": .flag(!support.sla.isEmpty),
                "channels": .list(support.channels.map { channel in
                    [
                        "name": .text(channel.name), "kind": .text(channel.kind), "address": .text(channel.address),
                        "href": .text(channel.link?.text ?? ""),
                        "hours": .text(channel.hours), "response": .text(channel.response), "note": .text(channel.note),
                    ]
                }),
                "sla": .list(support.sla.map { level in
                    ["tier": .text(level.tier), "scope": .text(level.scope), "first_response": .text(level.firstResponse),
                     "resolution": .text(level.resolution)]
                }),
            ],
        ]
        var siteByCurrent: [TemplateValue] = []
        for current in 0...navigation.count {
            var site = siteBase
            site["nav"] = .list(navigation.enumerated().map { index, item in
                let href = item.url.kind == .sitePath ? paths.href(item.url.text) : item.url.text
                return ["title": .text(item.title), "href": .text(href), "current": .flag(index == current)]
            })
            siteByCurrent.append(.shared(site))
        }
        self.siteByCurrent = siteByCurrent
        var dates: [CivilDate: TemplateValue] = [:]
        for entry in center.articles {
            for date in [entry.article.date, entry.article.lastModified].compactMap({ $0 }) where dates[date] == nil {
                dates[date] = .shared(PublicViewModels.date(date))
            }
        }
        articleDates = dates
        let hrefs = center.articles.map { paths.href($0.path) }
        articleHrefs = hrefs
        sidebarLists = ArticleSidebar.Published(center)
        sidebarEntries = center.articles.indices.map { .shared(PublicViewModels.sidebarEntry($0, in: center, hrefs: hrefs, current: false)) }
        let categoryLinks: [TemplateValue] = center.categories.map { category in
            ["title": .text(category.category.title), "href": .text(paths.href(category.path))]
        }
        sidebarCategories = center.categories.indices.map { category in
            .shared(.list(ArticleSidebar.otherCategories(than: category, count: categoryLinks.count).map { categoryLinks[$0] }))
        }
        summaries = center.articles.indices.map { index in
            let entry = center.articles[index]
            return .shared([
                "title": .text(entry.article.title), "href": .text(hrefs[index]), "summary": .text(entry.article.summary),
                "updated": entry.article.lastModified.flatMap { dates[$0] } ?? .flag(false),
                "video": .flag(entry.article.video != nil),
            ])
        }
    }

    /// Article `index` as an entry of an article page's sidebar: `{title, href, current}`.
    static func sidebarEntry(_ index: Int, in center: HelpCenter, hrefs: [String], current: Bool) -> TemplateValue {
        ["title": .text(center.articles[index].article.title), "href": .text(hrefs[index]), "current": .flag(current)]
    }

    /// Article `index` in the sidebar of article `current`'s page: made once, but for the page's own.
    func sidebarEntry(_ index: Int, onPageOf current: Int) -> TemplateValue {
        index == current ? PublicViewModels.sidebarEntry(index, in: center, hrefs: articleHrefs, current: true) : sidebarEntries[index]
    }

    /// The sidebar's list of the categories other than `category`, made once.
    func sidebarCategories(besides category: Int) -> TemplateValue { sidebarCategories[category] }

    /// `date(_:)` of an article's date or update, formatted when the models were made; `false` for none.
    public func articleDate(_ date: CivilDate?) -> TemplateValue {
        guard let date else { return .flag(false) }
        return articleDates[date] ?? PublicViewModels.date(date)
    }

    /// `{iso, ja, ja_long, era}` for a date.
    public static func date(_ date: CivilDate) -> TemplateValue {
        [
            "iso": .text(date.iso), "ja": .text(JapaneseDateFormat.medium(date)), "ja_long": .text(JapaneseDateFormat.long(date)),
            "era": .text(JapaneseDateFormat.era(date) ?? ""),
        ]
    }

    /// A page's common values: `site` (with `nav` marking the current item) and `page`.
    /// - Parameter facts: what the page's link previews and structured data say (`PageMetadata`).
    public func page(title: String, description: String, path: String, kind: String,
                     breadcrumbs: [(String, String)] = [], noindex: Bool = false, draft: Bool = false,
                     facts: PageFacts = PageFacts()) -> TemplateValue {
        // The current navigation item: the first whose site path is this page or (but for `/`) contains it.
        let current = navigation.firstIndex { item in
            let url = item.url.text
            return item.url.kind == .sitePath && (url == path || (url != "/" && path.hasPrefix(url)))
        } ?? navigation.count
        let site = siteByCurrent[current]
        let canonical = paths.absolute(path)
        var feedback = ""
        if let url = config.feedbackURL?.text {
            feedback = url + (url.contains("?") ? "&" : "?") + "page=" + PublicViewModels.queryEncoded(canonical)
        }
        return [
            "site": site,
            "page": [
                "title": .text(title), "description": .text(description), "href": .text(paths.href(path)),
                "canonical": .text(canonical), "kind": .text(kind), "noindex": .flag(noindex || draft), "draft": .flag(draft),
                "feedback_href": .text(feedback),
                "feedback_yes": .text(feedback.isEmpty ? "" : feedback + "&helpful=yes"),
                "feedback_no": .text(feedback.isEmpty ? "" : feedback + "&helpful=no"), "has_breadcrumbs": .flag(!breadcrumbs.isEmpty),
                "breadcrumbs": .list(breadcrumbs.map { ["title": .text($0.0), "href": .text(paths.href($0.1))] }),
                "social": social(title: title, description: description, facts: facts),
                "structured_data": structuredData(title: title, description: description, path: path, canonical: canonical,
                                                  breadcrumbs: breadcrumbs, facts: facts),
                "edit_href": .text(editHref(facts)),
            ],
        ]
    }

    /// The list entry of article `index`: `{title, href, summary, updated, video}`.
    public func summary(_ index: Int) -> TemplateValue { summaries[index] }

    /// The list entries of several articles.
    public func summaries(_ indices: [Int]) -> TemplateValue { .list(indices.map { summaries[$0] }) }

    /// Encodes a value for a URL query component.
    static func queryEncoded(_ text: String) -> String {
        SitePaths.percentEncoded(text).replacing("/", with: "%2F")
    }
}
