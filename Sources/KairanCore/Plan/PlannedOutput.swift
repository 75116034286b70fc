/// One file the build writes: what it is, for whom, where, and what it is made from.
///
/// Every output of a build is one `PlannedOutput` of the `SitePlan`: the link table, the sitemap,
/// each audience's assets, `kairan outputs` and the counts are all read from the plan, so a new
/// kind of output is added in one place and is at once linkable, listed and styled.
public struct PlannedOutput: Sendable, Equatable {
    public var audience: Audience
    /// The file inside its audience folder: `kb/faq/login/index.html`, `releases/atom.xml`.
    public var path: String
    public var kind: OutputKind
    /// The page template, for outputs rendered from one.
    public var template: String?
    /// The Markdown file a page is made from: a link to that file resolves to this page.
    public var origin: String?
    /// What the file is made from, as declared for it: a page's template (with its partials and
    /// parents), `site.yaml` and the build date are added by `SitePlan.inputs(of:)`, which lists
    /// everything, sorted.
    public private(set) var inputs: [PlanInput]
    /// Listed in the sitemap (published, indexable public pages).
    public var listed: Bool
    /// When the page last changed, for the sitemap.
    public var lastModified: CivilDate?
    /// How the dispatcher renders it.
    let job: RenderJob

    init(audience: Audience, path: String, kind: OutputKind, template: String? = nil, origin: String? = nil,
         inputs: [PlanInput], listed: Bool = false, lastModified: CivilDate? = nil, job: RenderJob) {
        self.audience = audience
        self.path = path
        self.kind = kind
        self.template = template
        self.origin = origin
        self.inputs = inputs
        self.listed = listed
        self.lastModified = lastModified
        self.job = job
    }

    /// A page at the site path `url` (`/kb/faq/`): its file is `kb/faq/index.html`.
    init(page url: String, audience: Audience, kind: OutputKind, template: String, origin: String? = nil,
         inputs: [PlanInput], listed: Bool = false, lastModified: CivilDate? = nil, job: RenderJob) {
        self.init(audience: audience, path: SitePaths.file(for: url), kind: kind, template: template, origin: origin,
                  inputs: inputs, listed: listed, lastModified: lastModified, job: job)
    }

    /// The site path readers and links use: `/kb/faq/login/` for a page, `/releases/atom.xml` for a file.
    public var url: String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// Whether the file is a page rendered from a template (counted as a page).
    public var isPage: Bool { template != nil }


    public static func == (lhs: PlannedOutput, rhs: PlannedOutput) -> Bool {
        lhs.audience == rhs.audience && lhs.path == rhs.path && lhs.kind == rhs.kind && lhs.template == rhs.template
            && lhs.origin == rhs.origin && lhs.inputs == rhs.inputs && lhs.listed == rhs.listed && lhs.lastModified == rhs.lastModified
    }
}

/// What kind of file an output is.
public enum OutputKind: String, Sendable, CaseIterable {
    case home, category, section, article, tag, tagIndex = "tag-index", support, notFound = "not-found"
    /// A page at an old URL (`aliases:`) that sends readers on, and the `_redirects` file listing them all.
    case redirect, redirects
    case releaseIndex = "release-index", releaseTypeIndex = "release-type-index", release
    case atomFeed = "atom-feed", jsonFeed = "json-feed", inAppData = "in-app-data"
    case trainingIndex = "training-index", trainingProgram = "training-program", trainingMaterials = "training-materials"
    case trainingEvent = "training-event", calendar
    case kpiIndex = "kpi-index", kpi, roadmap, kpiExport = "kpi-export", contentHealth = "content-health"
    /// The home pages of the customers' portal and of the internal tree (`index.html` of each).
    case portalHome = "portal-home", internalHome = "internal-home"
    case themeAsset = "theme-asset", contentAsset = "content-asset", staticFile = "static-file"
    case sitemap, robots
    case emailMessage = "email-message", emailHTML = "email-html", emailText = "email-text", outbox, emailIndex = "email-index"
    case weeklyReport = "weekly-report", weeklyReportIndex = "weekly-report-index"
    case newsletter, newsletterIndex = "newsletter-index", publicationFeed = "publication-feed"
    case searchPage = "search-page", searchIndex = "search-index"

    /// One of the many outputs made alike, one per source (article and release pages, training
    /// events, KPI pages, emails, copied files, search index files): each is quick. The
    /// dispatcher starts the others first (lists of many pages, the sitemap, one-off pages whose
    /// template is parsed on first use), so no core is left drawing them alone at the end.
    var isBulk: Bool {
        switch self {
        case .article, .release, .redirect, .trainingProgram, .trainingMaterials, .trainingEvent, .kpi, .kpiExport,
             .themeAsset, .contentAsset, .staticFile, .emailMessage, .emailHTML, .emailText, .weeklyReport, .newsletter,
             .searchIndex:
            return true
        case .home, .category, .section, .tag, .tagIndex, .support, .notFound, .redirects, .releaseIndex, .releaseTypeIndex,
             .atomFeed, .jsonFeed, .inAppData, .trainingIndex, .calendar, .kpiIndex, .roadmap, .contentHealth, .portalHome,
             .internalHome, .sitemap, .robots, .outbox, .emailIndex, .weeklyReportIndex, .newsletterIndex, .publicationFeed,
             .searchPage:
            return false
        }
    }
}

/// One thing an output is made from.
public enum PlanInput: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// A file of the site, read whole (a Markdown source, a data file, a static file, a template asset).
    case file(String)
    /// What other pages show of a Markdown source: its title, summary, dates, tags, order and URL.
    case metadata(String)
    /// `site.yaml`.
    case config
    /// What other pages show of every article of a category (its list, pagers, related-article
    /// ranking): one input for what would otherwise be hundreds of `metadata` inputs.
    case categoryArticles(String)
    /// What other pages show of every article of a section (`<category>/<section>`).
    case sectionArticles(String)
    /// What other pages show of every article carrying a tag.
    case taggedArticles(String)
    /// What other pages show of every article (the home page's lists, tag counts, the sitemap).
    case allArticles
    /// What other pages show of every release of an audience (lists, pagers, the latest release).
    case releases(Audience)
    /// A template by name (`article`, `partials/footer`); an output lists its page template and
    /// every partial and parent that template pulls in.
    case template(String)
    /// The build date (`--date`, `SOURCE_DATE_EPOCH`).
    case clock
    /// What every page's navigation shows besides `site.yaml`: links to release notes while a
    /// public release exists, the portal's links to training and the report archives while they
    /// have pages. Reached by no single file: `SitePlan.navigation` holds its value, and an
    /// incremental build compares it (a release leaving the public site changes every page).
    case navigation
    /// The text of every page the search indexes (help articles, categories, sections, public
    /// release notes), bodies included: what the index's shards and manifest are made from, as
    /// one input instead of thousands of `file` inputs. A body edit reaches it too.
    case indexedText

    public var description: String {
        switch self {
        case .file(let path): return path
        case .metadata(let path): return "\(path) (title, date, tags)"
        case .config: return "site.yaml"
        case .categoryArticles(let slug): return "content/kb/\(slug)/**.md (title, date, tags)"
        case .sectionArticles(let key): return "content/kb/\(key)/*.md (title, date, tags)"
        case .taggedArticles(let tag): return "articles tagged \(tag) (title, date, tags)"
        case .allArticles: return "content/kb/**.md (title, date, tags)"
        case .releases(let audience): return "content/releases/*.md of audience \(audience.rawValue) (version, title, date)"
        case .template(let name): return "templates/\(name).mustache"
        case .clock: return "(build date)"
        case .navigation: return "(navigation: release notes, training, reports)"
        case .indexedText: return "(the text of every page the search indexes)"
        }
    }

    /// The site file this input is read from (nil for the clock).
    public var sourceFile: String? {
        switch self {
        case .file(let path), .metadata(let path): return path
        case .config: return "site.yaml"
        case .template(let name): return "templates/\(name).mustache"
        case .clock, .navigation, .categoryArticles, .sectionArticles, .taggedArticles, .allArticles, .releases, .indexedText:
            return nil  // see `SitePlan.groups`
        }
    }

    static func normalized(_ inputs: [PlanInput]) -> [PlanInput] { Array(Set(inputs)).sorted() }
}
