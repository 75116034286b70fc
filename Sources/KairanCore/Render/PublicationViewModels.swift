/// Builds the values the publication templates receive — the emails (`templates/email/`) and the
/// customers' archive pages show the same values. This type is the one door from the status data
/// to publications: customers' values (`weekly`, `newsletter`, `release`) read public fields only;
/// `digest` alone reads internal ones (clinic names, internal notes, postmortems, internal KPIs).
struct PublicationViewModels: Sendable {
    let site: ResolvedSite
    /// Rendered Markdown by key: a note's source path, `incident:<id>` for an incident's summary.
    let bodies: [String: String]
    /// The customers' portal (archive pages) and the help center, for absolute links.
    let customers: SitePaths
    let helpCenter: SitePaths

    init(site: ResolvedSite, bodies: [String: String]) {
        self.site = site
        self.bodies = bodies
        customers = SitePaths(baseURL: site.config.customersBaseURL)
        helpCenter = site.paths
    }

    // MARK: Paths

    static let weeklyIndexPath = "/reports/weekly/"
    static let newsletterIndexPath = "/newsletters/"
    static func weeklyPath(_ id: String) -> String { "/reports/weekly/\(id)/" }
    static func newsletterPath(_ id: String) -> String { "/newsletters/\(id)/" }
    static let weeklyFeedPath = "/reports/weekly/atom.xml"
    static let newsletterFeedPath = "/newsletters/atom.xml"

    // MARK: Shared values

    /// `2026年11月20日（金）17:00`.
    static func when(_ time: LocalDateTime) -> String { "\(JapaneseDateFormat.long(time.date)) \(time.clockText)" }

    /// `11月16日（月）〜22日（日）`, or across months `11月30日（月）〜12月6日（日）`.
    static func weekLabel(_ week: ISOWeek) -> String {
        let days = week.days
        let first = days.lowerBound, last = days.upperBound
        let head = "\(first.year)年\(first.month)月\(first.day)日"
        let tail = first.month == last.month ? "\(last.day)日" : (first.year == last.year ? "\(last.month)月\(last.day)日" : "\(last.year)年\(last.month)月\(last.day)日")
        return "\(head)〜\(tail)"
    }

    /// `9:12`–`9:47` style time range of an upcoming item or incident, in Japanese.
    static func span(_ start: LocalDateTime, _ end: LocalDateTime?) -> String {
        let head = "\(start.date.month)月\(start.date.day)日（\(JapaneseDateFormat.weekdaySymbols[start.date.weekday])）\(start.clockText)"
        guard let end else { return head }
        if end.date == start.date { return "\(head)〜\(end.clockText)" }
        return "\(head)〜\(end.date.month)月\(end.date.day)日 \(end.clockText)"
    }

    /// `11月23日（月）`.
    static func day(_ date: CivilDate) -> String { "\(date.month)月\(date.day)日（\(JapaneseDateFormat.weekdaySymbols[date.weekday])）" }

    /// `1時間25分`, `35分`.
    static func duration(_ minutes: Int) -> String {
        let hours = minutes / 60, rest = minutes % 60
        if hours == 0 { return "\(rest)分" }
        return rest == 0 ? "\(hours)時間" : "\(hours)時間\(rest)分"
    }

    /// A help article by `<category>/<slug>` or index, as an absolute link.
    private func article(_ index: Int) -> TemplateValue {
        let entry = site.center.articles[index]
        return ["title": .text(entry.article.title), "summary": .text(entry.article.summary), "href": .text(helpCenter.absolute(entry.path))]
    }

    private func article(slug: String) -> TemplateValue {
        guard let index = site.center.articles.firstIndex(where: { $0.article.reference == slug }) else { return .flag(false) }
        return article(index)
    }

    private func releaseLink(_ index: Int?) -> TemplateValue {
        guard let index else { return .flag(false) }
        let release = site.releasesNewestFirst[index]
        let paths = release.audience == .customers ? customers : helpCenter
        return ["title": .text("v\(release.version) \(release.title)"), "href": .text(paths.absolute(ReleaseNotes.path(of: release.version)))]
    }

    private func releaseLink(version: SemanticVersion?) -> TemplateValue {
        guard let version, let index = site.releasesNewestFirst.firstIndex(where: { $0.version == version }) else { return .flag(false) }
        return releaseLink(index)
    }

    private func upcoming(_ items: [UpcomingItem]) -> TemplateValue {
        .list(items.map { item in
            ["when": .text(item.allDay ? PublicationViewModels.day(item.start.date) : PublicationViewModels.span(item.start, item.end)),
             "title": .text(item.title), "label": .text(item.label == item.title ? "" : item.label),
             "detail": .text(item.detail), "href": .text(item.url?.text ?? "")]
        })
    }

    private func incident(_ incident: Incident) -> TemplateValue {
        [
            "id": .text(incident.id), "priority": .text(incident.priority?.rawValue ?? ""), "is_p0": .flag(incident.priority == .p0),
            "when": .text(PublicationViewModels.span(incident.start, incident.end)),
            "duration": .text(incident.durationMinutes.map(PublicationViewModels.duration) ?? "継続中"),
            "status": .text(incident.status.label), "impact": .text(incident.impact), "clinics": .number(incident.clinicsAffected),
            "summary": .html(bodies["incident:\(incident.id)"] ?? ""),
        ]
    }

    private func completed(_ work: [CompletedWork]) -> TemplateValue {
        .list(work.map { ["id": .text($0.id), "title": .text($0.title), "done_on": PublicViewModels.date($0.doneOn), "release": releaseLink($0.release)] })
    }

    /// `site` of every email: the help center's name and addresses.
    var mailSite: TemplateValue {
        [
            "title": .text(site.config.title), "help_center": .text(helpCenter.baseURL), "portal": .text(customers.baseURL),
            "support": .text(helpCenter.absolute(SitePaths.support)), "copyright": .text(site.config.copyright),
            "releases": .text(helpCenter.absolute(ReleaseNotes.indexPath)),
        ]
    }

    // MARK: Weekly report

    func title(of report: WeeklyReport) -> String {
        report.note?.title ?? "週次ステータスレポート（\(PublicationViewModels.weekLabel(report.week))）"
    }

    func summary(of report: WeeklyReport) -> String {
        if let summary = report.note?.summary, !summary.isEmpty { return summary }
        let uptime = report.uptime.map { "稼働率 \(FixedDecimal.format($0.percent, decimals: $0.decimals, rounding: .down))%" } ?? ""
        let incidents = report.incidents.isEmpty ? "障害の発生はありませんでした" : "障害 \(report.incidents.count)件"
        return [uptime, incidents].filter { !$0.isEmpty }.joined(separator: "、") + "。"
    }

    /// `report`: the week's values (public fields only).
    func weekly(_ report: WeeklyReport) -> TemplateValue {
        let id = report.week.description
        var uptime: TemplateValue = .flag(false)
        if let figure = report.uptime {
            uptime = [
                "percent": .text(FixedDecimal.format(figure.percent, decimals: figure.decimals, rounding: .down)), "target": .text(FixedDecimal.trimmed(figure.target)),
                "met": .flag(figure.meetsTarget), "days": .number(figure.days),
                "worst": figure.worstDay.map { ["date": PublicViewModels.date($0.date), "value": .text(FixedDecimal.format($0.value, decimals: figure.decimals))] } ?? .flag(false),
            ]
        }
        return [
            "id": .text(id), "title": .text(title(of: report)), "summary": .text(summary(of: report)),
            "week_label": .text(PublicationViewModels.weekLabel(report.week)),
            "send": ["iso": .text(report.sendAt.rfc3339), "ja": .text(PublicationViewModels.when(report.sendAt))],
            "note": .html(report.note.flatMap { bodies[$0.sourcePath] } ?? ""), "has_note": .flag(report.note != nil),
            "uptime": uptime,
            "incidents": .list(report.incidents.map(incident)), "has_incidents": .flag(!report.incidents.isEmpty),
            "has_p0": .flag(report.incidents.contains { $0.priority == .p0 }),
            "maintenance": .list(report.maintenance.map { ["title": .text($0.impact), "when": .text(PublicationViewModels.span($0.start, $0.end)), "status": .text($0.status.label)] }),
            "has_maintenance": .flag(!report.maintenance.isEmpty),
            "feedback": .list(report.resolvedFeedback.map { item in
                ["summary": .text(item.summary), "channel": .text(item.channel.label), "response": .text(item.response),
                 "resolved_on": item.resolvedOn.map(PublicViewModels.date) ?? .flag(false), "release": releaseLink(version: item.release)]
            }),
            "has_feedback": .flag(!report.resolvedFeedback.isEmpty),
            "completed": completed(report.completedWork), "has_completed": .flag(!report.completedWork.isEmpty),
            "known_issues": .list(report.knownIssues.map { issue in
                ["id": .text(issue.id), "title": .text(issue.title), "since": PublicViewModels.date(issue.since), "status": .text(issue.status.label),
                 "workaround": .text(issue.workaround), "article": issue.article.map { article(slug: $0) } ?? .flag(false)]
            }),
            "has_known_issues": .flag(!report.knownIssues.isEmpty),
            "next_week": upcoming(report.nextWeek), "has_next_week": .flag(!report.nextWeek.isEmpty),
            "archive_url": .text(customers.absolute(PublicationViewModels.weeklyPath(id))),
        ]
    }

    // MARK: Newsletter

    func title(of newsletter: Newsletter) -> String {
        newsletter.note.title ?? "\(site.config.title) ニュースレター \(newsletter.note.date.map { JapaneseDateFormat.yearMonth($0) } ?? newsletter.note.id)号"
    }

    /// `newsletter`: the month's values.
    func newsletter(_ newsletter: Newsletter) -> TemplateValue {
        let note = newsletter.note
        let covered = newsletter.coveredMonth
        return [
            "id": .text(note.id), "title": .text(title(of: newsletter)), "summary": .text(note.summary),
            "covered_label": .text("\(covered.year)年\(covered.month)月"),
            "send": ["iso": .text(newsletter.sendAt.rfc3339), "ja": .text(PublicationViewModels.when(newsletter.sendAt))],
            "note": .html(bodies[note.sourcePath] ?? ""),
            "releases": .list(newsletter.releases.map { index in
                let release = site.releasesNewestFirst[index]
                return ["version_label": .text("v\(release.version)"), "title": .text(release.title), "summary": .text(release.summary),
                        "type_label": .text(release.type.label), "date": PublicViewModels.date(release.date),
                        "href": .text(helpCenter.absolute(ReleaseNotes.path(of: release.version))),
                        "highlights": .list(release.highlights.map { .text($0) }), "has_highlights": .flag(!release.highlights.isEmpty)]
            }),
            "has_releases": .flag(!newsletter.releases.isEmpty),
            "tips": .list(newsletter.tips.map(article)), "has_tips": .flag(!newsletter.tips.isEmpty), "tips_intro": .text(note.tipsIntro),
            "events": upcoming(newsletter.events), "has_events": .flag(!newsletter.events.isEmpty),
            "archive_url": .text(customers.absolute(PublicationViewModels.newsletterPath(note.id))),
        ]
    }

    // MARK: Release

    func title(of mail: ReleaseMail) -> String {
        let release = site.releasesNewestFirst[mail.release]
        return "v\(release.version) \(release.title)"
    }

    /// `release`: the release note, with absolute links.
    func release(_ mail: ReleaseMail, notes: ReleaseNotes) -> TemplateValue {
        let entry = notes.entries[mail.release]
        let release = entry.release
        let paths = release.audience == .customers ? customers : helpCenter
        return [
            "version_label": .text("v\(release.version)"), "title": .text(release.title), "summary": .text(release.summary),
            "type_label": .text(release.type.label), "is_major": .flag(release.type == .major), "date": PublicViewModels.date(release.date),
            "highlights": .list(release.highlights.map { .text($0) }), "has_highlights": .flag(!release.highlights.isEmpty),
            "introduction": .html(paths.absolutized(entry.introduction)),
            "sections": .list(entry.sections.map { section in
                ["heading": .text(section.kind.heading),
                 "content": .html(paths.absolutized(section.html))]
            }),
            "href": .text(paths.absolute(entry.path)),
            "send": ["iso": .text(mail.sendAt.rfc3339), "ja": .text(PublicationViewModels.when(mail.sendAt))],
        ]
    }

    // MARK: Team digest (internal)

    func title(of digest: TeamDigest) -> String { "週次レビュー ダイジェスト（\(PublicationViewModels.weekLabel(digest.covered))）" }

    /// `digest`: the week under review, internal fields included.
    func digest(_ digest: TeamDigest) -> TemplateValue {
        func feedback(_ items: [FeedbackItem]) -> TemplateValue {
            .list(items.map { item in
                ["id": .text(item.id), "received": PublicViewModels.date(item.received), "channel": .text(item.channel.label),
                 "clinic": .text(item.clinic), "summary": .text(item.summary), "status": .text(item.status.label),
                 "backlog": .text(item.backlog ?? ""), "release": releaseLink(version: item.release)]
            })
        }
        return [
            "id": .text(digest.week.description), "title": .text(title(of: digest)),
            "covered_label": .text(PublicationViewModels.weekLabel(digest.covered)),
            "send": ["iso": .text(digest.sendAt.rfc3339), "ja": .text(PublicationViewModels.when(digest.sendAt))],
            "kpis": .list(digest.kpis.map { evaluation in
                ["name": .text(evaluation.definition.name), "value": .text(evaluation.latestLabel), "change": .text(evaluation.changeLabel),
                 "status": .text(evaluation.status.label), "icon": .text(evaluation.status.icon),
                 "target": .text(evaluation.definition.target.description)]
            }),
            "has_kpis": .flag(!digest.kpis.isEmpty),
            "feedback_received": feedback(digest.feedbackReceived), "has_feedback_received": .flag(!digest.feedbackReceived.isEmpty),
            "feedback_resolved": feedback(digest.feedbackResolved), "has_feedback_resolved": .flag(!digest.feedbackResolved.isEmpty),
            "completed": completed(digest.completedWork), "has_completed": .flag(!digest.completedWork.isEmpty),
            "due_soon": .list(digest.dueSoon.map { item in
                ["id": .text(item.id), "title": .text(item.title), "owner": .text(item.owner), "due": item.due.map(PublicViewModels.date) ?? .flag(false)]
            }),
            "has_due_soon": .flag(!digest.dueSoon.isEmpty),
            "incidents": .list(digest.incidents.map { item in
                var value = incident(item)
                value["internal_notes"] = .text(item.internalNotes)
                value["postmortem"] = .text(item.postmortem?.text ?? "")
                return value
            }),
            "has_incidents": .flag(!digest.incidents.isEmpty),
        ]
    }
}

/// Absolute links for mail: site paths in rendered HTML made absolute against a site's origin.
enum EmailLinks {
    /// The HTML without the `#` links Markdown headings carry for the web (a mail reader has no use for them).
    static func withoutHeadingAnchors(_ html: String) -> String {
        guard html.contains("<a class=\"anchor\"") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<a class=\"anchor\""), let end = rest[start.upperBound...].range(of: "</a>") {
            out += rest[..<start.lowerBound]
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// Images rendered from Markdown replaced by their alt text in brackets: a mail client needs
    /// absolute, sized images, which a note's images are not (the archive page keeps them).
    static func imagesAsText(_ html: String) -> String {
        guard html.contains("<img ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<img "), let end = rest[start.upperBound...].firstIndex(of: ">") {
            out += rest[..<start.lowerBound]
            let tag = rest[start.lowerBound...end]
            if let alt = tag.range(of: "alt=\""), let close = tag[alt.upperBound...].firstIndex(of: "\"") {
                let text = tag[alt.upperBound..<close]
                if !text.isEmpty { out += "［画像: " + text + "］" }
            }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }
}
