/// The release-notes pages: an index grouped by month with a type filter that needs no
/// JavaScript (one static page per type), and one page per release.
public struct ReleasePages: Sendable {
    public let theme: Theme
    public let models: PublicViewModels
    public let notes: ReleaseNotes

    public init(theme: Theme, models: PublicViewModels, notes: ReleaseNotes) {
        self.theme = theme
        self.models = models
        self.notes = notes
    }

    /// The list entry of a release: `{version, version_label, title, summary, href, type, type_label, is_major, is_minor, is_hotfix, date}`.
    public func summary(_ entry: ReleaseNotes.Entry) -> TemplateValue { summary(entry, href: models.paths.href) }

    private func summary(_ entry: ReleaseNotes.Entry, href: (String) -> String) -> TemplateValue {
        let release = entry.release
        return [
            "version": .text(release.version.description), "version_label": .text("v\(release.version)"),
            "title": .text(release.title), "summary": .text(release.summary), "href": .text(href(entry.path)),
            "type": .text(release.type.rawValue), "type_label": .text(release.type.label),
            "is_major": .flag(release.type == .major), "is_minor": .flag(release.type == .minor),
            "is_hotfix": .flag(release.type == .hotfix), "date": PublicViewModels.date(release.date),
        ]
    }

    /// The newest public release, for the help center's home page.
    public var latest: TemplateValue? { notes.published.first.map(summary) }

    /// `/releases/` (type nil) or `/releases/type/<type>/`.
    func index(type: ReleaseType?) -> OutputFile {
        let path = type.map(ReleaseNotes.typePath) ?? ReleaseNotes.indexPath
        let shown = notes.published.filter { type == nil || $0.release.type == type }
        let title = type.map { "リリースノート（\($0.label)）" } ?? "リリースノート"
        var context = models.page(title: title, description: "新機能・改善・修正のお知らせ", path: path, kind: "releases",
                                  breadcrumbs: type == nil ? [("ホーム", SitePaths.home)] : [("ホーム", SitePaths.home), ("リリースノート", ReleaseNotes.indexPath)])
        var months: [(key: String, label: String, items: [TemplateValue])] = []
        for entry in shown {
            let date = entry.release.date
            let key = String(date.iso.prefix(7))
            if months.last?.key != key { months.append((key, JapaneseDateFormat.yearMonth(date), [])) }
            months[months.count - 1].items.append(summary(entry))
        }
        let all = notes.published
        var filters: [TemplateValue] = [["label": "すべて", "href": .text(models.paths.href(ReleaseNotes.indexPath)),
                                         "current": .flag(type == nil), "count": .number(all.count)]]
        for kind in ReleaseType.allCases {
            filters.append(["label": .text(kind.label), "href": .text(models.paths.href(ReleaseNotes.typePath(kind))),
                            "current": .flag(type == kind), "count": .number(all.filter { $0.release.type == kind }.count)])
        }
        context["releases"] = [
            "months": .list(months.map { ["id": .text("m-" + $0.key), "label": .text($0.label), "releases": .list($0.items)] }),
            "filters": .list(filters), "count": .number(shown.count),
            "atom_href": .text(models.paths.href("/releases/atom.xml")), "json_href": .text(models.paths.href("/releases/feed.json")),
        ]
        context["feeds"] = feedLinks
        return OutputFile(audience: .public, path: SitePaths.file(for: path), bytes: theme.renderBytes("releases", context))
    }

    private var feedLinks: TemplateValue {
        ["atom": .text(models.paths.href("/releases/atom.xml")), "json": .text(models.paths.href("/releases/feed.json"))]
    }

    /// The page template of a release in `audience`'s tree: each extends that tree's layout and
    /// includes `partials/release-body`.
    public static func template(for audience: Audience) -> String {
        switch audience {
        case .customers: return "customers/release"
        case .internal: return "internal/release"
        case .public, .email: return "release"
        }
    }

    /// `/releases/<version>/` of entry `index`, with its pager neighbours (of the same audience).
    ///
    /// Public pages use the help center's layout; customers' pages the portal's (`models` is then
    /// the portal's); internal pages the internal layout with relative links (`internalModels`).
    func page(_ index: Int, newer: Int?, older: Int?, internalModels: InternalViewModels? = nil, portalHasTraining: Bool = false) -> OutputFile {
        let entry = notes.entries[index]
        let release = entry.release
        let title = "v\(release.version) \(release.title)"
        // Links as this tree writes them: relative inside the internal tree, else under its base path.
        let paths = models.paths
        let href: (String) -> String = { target in
            internalModels == nil ? paths.href(target) : InternalPaths.href(target, from: entry.path)
        }
        var context: TemplateValue
        if let internalModels {
            context = internalModels.page(title: title, description: release.summary, path: entry.path, kind: "release")
        } else {
            context = models.page(title: title, description: release.summary, path: entry.path, kind: "release",
                                  breadcrumbs: release.audience == .public ? [("ホーム", SitePaths.home), ("リリースノート", ReleaseNotes.indexPath)] : [],
                                  draft: release.draft,
                                  facts: PageFacts(source: release.sourcePath, isArticle: true, published: release.date))
            if release.audience == .customers { context = TrainingPages.portal(context, models: models, hasTraining: portalHasTraining) }
        }
        var value = summary(entry, href: href)
        value["highlights"] = .list(release.highlights.map { .text($0) })
        value["has_highlights"] = .flag(!release.highlights.isEmpty)
        value["has_articles"] = .flag(!entry.articles.isEmpty)
        value["introduction"] = .html(entry.introduction)
        value["sections"] = .list(entry.sections.map { section in
            ["heading": .text(section.kind.heading), "kind": .text(section.kind.rawValue), "content": .html(section.html),
             "id": .text(section.kind.rawValue)]
        })
        let center = models.center
        let publicPaths = models.helpCenterPaths
        value["articles"] = .list(entry.articles.map { article in
            ["title": .text(center.articles[article].article.title),
             "href": .text(release.audience == .public ? publicPaths.href(center.articles[article].path) : publicPaths.absolute(center.articles[article].path))]
        })
        value["newer"] = newer.map { summary(notes.entries[$0], href: href) } ?? .flag(false)
        value["older"] = older.map { summary(notes.entries[$0], href: href) } ?? .flag(false)
        context["release"] = value
        if release.audience == .public { context["feeds"] = feedLinks }
        return OutputFile(audience: release.audience, path: SitePaths.file(for: entry.path),
                          bytes: theme.renderBytes(ReleasePages.template(for: release.audience), context))
    }
}
