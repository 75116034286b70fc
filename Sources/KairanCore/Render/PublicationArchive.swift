/// The customers' archive of mailed publications: an index and one page per weekly report and
/// newsletter (the same values the emails show, in the portal's layout), and an Atom feed of each.
struct PublicationArchive: Sendable {
    let theme: Theme
    /// The portal's page values (its base URL and navigation).
    let portal: PublicViewModels
    let models: PublicationViewModels
    let publications: Publications
    let hasTraining: Bool

    private func page(_ title: String, _ description: String, _ path: String, kind: String, crumbs: [(String, String)]) -> TemplateValue {
        TrainingPages.portal(portal.page(title: title, description: description, path: path, kind: kind, breadcrumbs: crumbs),
                             models: portal, hasTraining: hasTraining)
    }

    private func indexPath(_ kind: PublicationKind) -> String {
        kind == .weekly ? PublicationViewModels.weeklyIndexPath : PublicationViewModels.newsletterIndexPath
    }

    private func feedPath(_ kind: PublicationKind) -> String {
        kind == .weekly ? PublicationViewModels.weeklyFeedPath : PublicationViewModels.newsletterFeedPath
    }

    private func indexTitle(_ kind: PublicationKind) -> String { kind == .weekly ? "週次ステータスレポート" : "ニュースレター" }

    /// One archived issue: `report` or `newsletter`, with `feed_href`.
    func page(_ kind: PublicationKind, _ index: Int) -> OutputFile? {
        let crumbs = [(indexTitle(kind), indexPath(kind))]
        switch kind {
        case .weekly:
            let report = publications.weekly[index]
            let path = PublicationViewModels.weeklyPath(report.week.description)
            var context = page(models.title(of: report), models.summary(of: report), path, kind: "weekly-report", crumbs: crumbs)
            context["report"] = models.weekly(report)
            context["feed_href"] = .text(portal.paths.href(feedPath(kind)))
            return OutputFile(audience: .customers, path: SitePaths.file(for: path), bytes: theme.renderBytes("customers/report", context))
        case .newsletter:
            let newsletter = publications.newsletters[index]
            let path = PublicationViewModels.newsletterPath(newsletter.note.id)
            var context = page(models.title(of: newsletter), newsletter.note.summary, path, kind: "newsletter", crumbs: crumbs)
            context["newsletter"] = models.newsletter(newsletter)
            context["feed_href"] = .text(portal.paths.href(feedPath(kind)))
            return OutputFile(audience: .customers, path: SitePaths.file(for: path), bytes: theme.renderBytes("customers/newsletter", context))
        case .release, .digest:
            return nil
        }
    }

    /// The entries of an archive, newest first: `{id, title, summary, href, date}`.
    private func entries(_ kind: PublicationKind) -> [(id: String, title: String, summary: String, path: String, sendAt: LocalDateTime)] {
        switch kind {
        case .weekly:
            return publications.weekly.reversed().map { report in
                (report.week.description, models.title(of: report), models.summary(of: report),
                 PublicationViewModels.weeklyPath(report.week.description), report.sendAt)
            }
        case .newsletter:
            return publications.newsletters.reversed().map { newsletter in
                (newsletter.note.id, models.title(of: newsletter), newsletter.note.summary,
                 PublicationViewModels.newsletterPath(newsletter.note.id), newsletter.sendAt)
            }
        case .release, .digest:
            return []
        }
    }

    /// `/reports/weekly/` or `/newsletters/`.
    func index(_ kind: PublicationKind) -> OutputFile {
        let path = indexPath(kind)
        let description = kind == .weekly
            ? "毎週金曜日にお送りしている稼働状況・対応状況のレポートの一覧です。"
            : "毎月第1営業日にお送りしているニュースレターの一覧です。"
        var context = page(indexTitle(kind), description, path, kind: kind == .weekly ? "weekly-reports" : "newsletters", crumbs: [])
        context["archive"] = [
            "title": .text(indexTitle(kind)), "description": .text(description),
            "feed_href": .text(portal.paths.href(feedPath(kind))),
            "issues": .list(entries(kind).map { entry in
                ["id": .text(entry.id), "title": .text(entry.title), "summary": .text(entry.summary), "href": .text(portal.paths.href(entry.path)),
                 "date": PublicViewModels.date(entry.sendAt.date)]
            }),
        ]
        let template = kind == .weekly ? "customers/reports" : "customers/newsletters"
        return OutputFile(audience: .customers, path: SitePaths.file(for: path), bytes: theme.renderBytes(template, context))
    }

    /// The Atom feed (RFC 4287) of an archive; entry ids are tag URIs of the host and the issue id.
    func feed(_ kind: PublicationKind) -> OutputFile {
        let host = portal.paths.host
        let feed = AtomFeed(
            id: "tag:\(host),2000:\(kind.rawValue)", title: "\(portal.config.title) \(indexTitle(kind))", language: portal.config.language,
            author: portal.config.title, selfURL: portal.paths.absolute(feedPath(kind)), alternateURL: portal.paths.absolute(indexPath(kind)),
            entries: entries(kind).map { item in
                AtomFeed.Entry(id: "tag:\(host),\(item.sendAt.date.year):\(kind.rawValue)/\(item.id)", title: item.title, updated: item.sendAt.rfc3339,
                               link: portal.paths.absolute(item.path), summary: item.summary)
            })
        return OutputFile(audience: .customers, path: String(feedPath(kind).dropFirst()), text: feed.xml)
    }
}
