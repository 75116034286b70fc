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
    public func summary(_ entry: ReleaseNotes.Entry) -> TemplateValue {
        let release = entry.release
        return [
            "version": .text(release.version.description), "version_label": .text("v\(release.version)"),
            "title": .text(release.title), "summary": .text(release.summary), "href": .text(models.paths.href(entry.path)),
            "type": .text(release.type.rawValue), "type_label": .text(release.type.label),
            "is_major": .flag(release.type == .major), "is_minor": .flag(release.type == .minor),
            "is_hotfix": .flag(release.type == .hotfix), "date": PublicViewModels.date(release.date),
        ]
    }

    /// The newest public release, for the help center's home page.
    public var latest: TemplateValue? { notes.published.first.map(summary) }

    /// `/releases/` and `/releases/type/<type>/`.
    public func indexes() -> [OutputFile] {
        [index(type: nil)] + ReleaseType.allCases.map { index(type: $0) }
    }

    private func index(type: ReleaseType?) -> OutputFile {
        let path = type.map(ReleaseNotes.typePath) ?? ReleaseNotes.indexPath
        let shown = notes.published.filter { type == nil || $0.release.type == type }
        let title = type.map { "リリースノート（\($0.label)）" } ?? "リリースノート"
        var context = models.page(title: title, description: "整骨院クラウドの新機能・改善・修正のお知らせ", path: path, kind: "releases",
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
        return OutputFile(audience: .public, path: SitePaths.file(for: path), text: theme.render("releases", context))
    }

    private var feedLinks: TemplateValue {
        ["atom": .text(models.paths.href("/releases/atom.xml")), "json": .text(models.paths.href("/releases/feed.json"))]
    }

    /// `/releases/<version>/` for every release (non-public ones go to their audience's folder).
    /// The newer/older pager of a page only ever sees releases of that page's audience.
    public func pages() -> [OutputFile] {
        Audience.allCases.flatMap { audience in
            let shown = notes.entries.filter { $0.release.audience == audience }
            return shown.indices.map { page(shown[$0], newer: $0 > 0 ? shown[$0 - 1] : nil, older: $0 + 1 < shown.count ? shown[$0 + 1] : nil) }
        }
    }

    private func page(_ entry: ReleaseNotes.Entry, newer: ReleaseNotes.Entry?, older: ReleaseNotes.Entry?) -> OutputFile {
        let release = entry.release
        var context = models.page(title: "v\(release.version) \(release.title)", description: release.summary, path: entry.path,
                                  kind: "release", breadcrumbs: [("ホーム", SitePaths.home), ("リリースノート", ReleaseNotes.indexPath)],
                                  draft: release.draft)
        var value = summary(entry)
        value["highlights"] = .list(release.highlights.map { .text($0) })
        value["has_highlights"] = .flag(!release.highlights.isEmpty)
        value["has_articles"] = .flag(!entry.articles.isEmpty)
        value["introduction"] = .html(entry.introduction)
        value["sections"] = .list(entry.sections.map { section in
            ["heading": .text(section.kind.heading), "kind": .text(section.kind.rawValue), "content": .html(section.html),
             "id": .text(section.kind.rawValue)]
        })
        let center = models.center
        value["articles"] = .list(entry.articles.map { ["title": .text(center.articles[$0].article.title),
                                                        "href": .text(models.paths.href(center.articles[$0].path))] })
        value["newer"] = newer.map(summary) ?? .flag(false)
        value["older"] = older.map(summary) ?? .flag(false)
        context["release"] = value
        context["feeds"] = feedLinks
        return OutputFile(audience: release.audience, path: SitePaths.file(for: entry.path), text: theme.render("release", context))
    }
}
