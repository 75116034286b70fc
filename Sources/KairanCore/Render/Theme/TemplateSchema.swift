/// What each template Kairan renders receives: the README's "Templates" tables written once in
/// Swift. The theme check (`TemplateVariableCheck`) accepts only these names, and a test builds
/// the demo site and requires every value really passed to a template to be declared here, so the
/// schema, the view models (`PublicViewModels`, `SitePages`, `ReleasePages`, `TrainingPages`,
/// `InternalViewModels`) and the README cannot drift apart.
///
/// Layouts and partials have no entry: they are checked with the values of the page that uses them.
public enum TemplateSchema {
    /// The shape of the whole context of each page template, by template name.
    public static let pages: [String: TemplateShape] = {
        var pages: [String: TemplateShape] = [:]
        for (name, own) in publicPages { pages[name] = .map(publicPage.merging(own) { _, new in new }) }
        for (name, own) in trainingPages { pages[name] = .map(customersPage.merging(own) { _, new in new }) }
        for (name, own) in internalPages { pages[name] = .map(internalPage.merging(own) { _, new in new }) }
        // Releases for customers and for the team, in their tree's layout.
        pages["customers/release"] = .map(customersPage.merging(["release": releasePage]) { _, new in new })
        pages["internal/release"] = .map(internalPage.merging(["release": releasePage]) { _, new in new })
        for (name, own) in publicationPages { pages[name] = .map(customersPage.merging(own) { _, new in new }) }
        pages[PortalHomePage.template] = .map(customersPage.merging(["portal": portalHome]) { _, new in new })
        pages[InternalHomePage.template] = .map(internalPage.merging(["home": internalHome]) { _, new in new })
        for (name, own) in emailPages { pages[name] = .map(own) }
        return pages
    }()

    /// The layouts, which pages extend with `{{<layout}}` and which are never rendered alone.
    public static let layouts: Set<String> = ["layout", "customers-layout", "internal-layout", "email-layout"]

    // MARK: - Shared shapes

    /// `{iso, ja, ja_long, era}`.
    static let date: TemplateShape = .map(["iso": .value, "ja": .value, "ja_long": .value, "era": .value])

    /// A date, or `false` when there is none.
    static let optionalDate: TemplateShape = .orFalse(date)

    /// An article list entry.
    static let articleEntry: TemplateShape = .map([
        "title": .value, "href": .value, "summary": .value, "updated": optionalDate, "video": .flag,
    ])

    /// A release entry.
    static let releaseEntry: TemplateShape = .map([
        "version": .value, "version_label": .value, "title": .value, "summary": .value, "href": .value, "type": .value,
        "type_label": .value, "is_major": .flag, "is_minor": .flag, "is_hotfix": .flag, "date": date,
    ])

    /// `{title, href}`: breadcrumbs, neighbours, related help articles of a release.
    static let link: TemplateShape = .map(["title": .value, "href": .value])

    static let navigation: TemplateShape = .list(.map(["title": .value, "href": .value, "current": .flag]))

    // MARK: - Public pages (help center, release notes)

    /// `site` on every public and customers page.
    static let publicSite: [String: TemplateShape] = [
        "title": .value, "description": .value, "language": .value, "base_url": .value, "copyright": .value,
        "year": .value, "generator": .value, "feedback_url": .value, "nav": navigation,
        "links": .map(["home": .value, "support": .value, "tags": .value, "releases": .value, "css": .value,
                       "favicon": .value, "sitemap": .value, "search": .value, "search_index": .value, "search_script": .value, "article_script": .value,
                       "root": .value]),
        "support": .map([
            "hours": .value, "intro": .value, "has_sla": .flag,
            "channels": .list(.map(["name": .value, "kind": .value, "address": .value, "href": .value, "hours": .value,
                                    "response": .value, "note": .value])),
            "sla": .list(.map(["tier": .value, "scope": .value, "first_response": .value, "resolution": .value])),
        ]),
    ]

    /// What every public page receives: `site` and `page`.
    static let publicPage: [String: TemplateShape] = [
        "site": .map(publicSite),
        "page": .map([
            "title": .value, "description": .value, "href": .value, "canonical": .value, "kind": .value, "noindex": .flag,
            "draft": .flag, "feedback_href": .value, "feedback_yes": .value, "feedback_no": .value,
            "has_breadcrumbs": .flag, "breadcrumbs": .list(link),
            "social": .map(["title": .value, "description": .value, "type": .value, "locale": .value, "image": .value,
                            "image_width": .value, "image_height": .value, "card": .value]),
            "structured_data": .list(.map(["json": .html])), "edit_href": .value,
        ]),
    ]

    /// An article's `sidebar`: its category's lists and the other categories.
    static let articleSidebar: TemplateShape = {
        let articles: TemplateShape = .list(.map(["title": .value, "href": .value, "current": .flag]))
        return .map([
            "category": link, "articles": articles, "has_articles": .flag, "count": .value, "cut": .flag,
            "sections": .list(.map(["title": .value, "href": .value, "count": .value, "current": .flag, "articles": articles, "cut": .flag])),
            "has_sections": .flag, "categories": .list(link), "has_categories": .flag,
        ])
    }()

    static let feeds: TemplateShape = .map(["atom": .value, "json": .value])

    /// Each public page template's own values.
    static let publicPages: [String: [String: TemplateShape]] = [
        "home": [
            "categories": .list(.map(["title": .value, "summary": .value, "href": .value, "count": .value])),
            "article_count": .value, "newest": .list(articleEntry), "updated": .list(articleEntry),
            "latest_release": .orFalse(releaseEntry),
        ],
        "category": [
            "category": .map(["title": .value, "summary": .value, "href": .value, "content": .html, "count": .value,
                              "articles": .list(articleEntry), "has_articles": .flag, "has_sections": .flag,
                              "sections": .list(.map(["title": .value, "description": .value, "href": .value, "count": .value,
                                                      "articles": .list(articleEntry)]))]),
        ],
        "section": [
            "section": .map(["title": .value, "summary": .value, "href": .value, "content": .html, "count": .value,
                             "articles": .list(articleEntry), "category": link]),
        ],
        "article": [
            "article": .map([
                "title": .value, "summary": .value, "href": .value, "category": link, "section": .orFalse(link),
                "tags": .list(.map(["name": .value, "href": .value])), "has_tags": .flag,
                "date": optionalDate, "updated": optionalDate, "content": .html,
                "toc": .list(.map(["text": .value, "id": .value, "has_children": .flag,
                                   "children": .list(.map(["text": .value, "id": .value]))])),
                "has_toc": .flag, "related": .list(articleEntry), "has_related": .flag,
                "previous": .orFalse(link), "next": .orFalse(link), "has_pager": .flag,
                "video": .mapOrFalse(["src": .value, "frame": .flag, "file": .flag, "minutes": .orFalse(.value)]),
                "draft": .flag, "sidebar": articleSidebar,
            ]),
        ],
        "tag": ["tag": .map(["name": .value, "href": .value, "count": .value, "articles": .list(articleEntry)])],
        "tags": ["tags": .list(.map(["name": .value, "href": .value, "count": .value]))],
        "support": [:],
        "404": [:],
        "search": [:],
        "releases": [
            "releases": .map([
                "months": .list(.map(["id": .value, "label": .value, "releases": .list(releaseEntry)])),
                "filters": .list(.map(["label": .value, "href": .value, "current": .flag, "count": .value])),
                "count": .value, "atom_href": .value, "json_href": .value,
            ]),
            "feeds": feeds,
        ],
        "release": ["release": releasePage, "feeds": feeds],
    ]

    /// A release page's `release` value, the same in every tree (`partials/release-body` shows it).
    static let releasePage: TemplateShape = releaseEntry.adding([
        "highlights": .list(.value), "has_highlights": .flag, "introduction": .html,
        "sections": .list(.map(["heading": .value, "kind": .value, "id": .value, "content": .html])),
        "articles": .list(link), "has_articles": .flag,
        "newer": .orFalse(releaseEntry), "older": .orFalse(releaseEntry),
    ])

    // MARK: - Customers' training pages

    /// What every customers page receives: the public values, `site.help_center` and `training`.
    static let customersPage: [String: TemplateShape] = publicPage.merging([
        "site": .map(publicSite.merging(["help_center": .value]) { _, new in new }),
        "training": .map(["home": .value, "materials": .value, "ics": .value]),
    ]) { _, new in new }

    static let calendarEntry: TemplateShape = .map([
        "iso": .value, "when": .value, "title": .value, "href": .value, "skipped": .flag, "moved": .flag, "reason": .value,
    ])

    static let programEntry: TemplateShape = .map([
        "title": .value, "summary": .value, "href": .value, "when": .value, "audience": .value, "total": .value,
    ])

    static let eventEntry: TemplateShape = .map([
        "title": .value, "summary": .value, "rule": .value, "href": .value, "ics": .value,
    ])

    static let trainingPages: [String: [String: TemplateShape]] = [
        "training/index": [
            "programs": .list(programEntry), "events": .list(eventEntry),
            "calendar": .list(.map(["id": .value, "label": .value, "entries": .list(calendarEntry)])),
        ],
        "training/program": [
            "program": programEntry.adding([
                "sessions": .list(.map(["title": .value, "duration": .value, "topics": .list(.value)])), "content": .html,
            ]),
        ],
        "training/materials": [
            "groups": .list(.map(["id": .value, "label": .value, "materials": .list(.map([
                "title": .value, "summary": .value, "format": .value, "minutes": .orFalse(.value), "href": .value,
                "updated": optionalDate, "content": .html,
            ]))])),
        ],
        "training/event": [
            "event": eventEntry.adding([
                "dates": .list(calendarEntry), "themes": .list(.map(["month": .value, "title": .value])),
                "has_themes": .flag, "url": .value, "location": .value, "content": .html,
            ]),
        ],
    ]

    /// `portal` of the customers' home page (`customers/index`).
    static let portalHome: TemplateShape = .map([
        "has_training": .flag, "training_href": .value, "materials_href": .value, "ics_href": .value,
        "programs": .list(programEntry), "events": .list(eventEntry), "has_releases": .flag, "releases": .list(releaseEntry),
        "has_reports": .flag, "reports_href": .value, "has_newsletters": .flag, "newsletters_href": .value, "help_center": .value,
    ])

    // MARK: - Internal pages

    /// `home` of the internal home page (`internal/index`).
    static let internalHome: TemplateShape = .map([
        "has_kpis": .flag, "kpi_href": .value, "kpi_total": .value, "summary": .list(kpiStatus.adding(["count": .value])),
        "alerts": .list(kpiCard), "has_alerts": .flag, "kpi_json": .value, "kpi_csv": .value,
        "has_roadmap": .flag, "roadmap_href": .value, "has_milestones": .flag,
        "milestones": .list(.map(["name": .value, "href": .value, "state": .map(["key": .value, "label": .value, "icon": .value])])),
        "finding_count": .value, "approval_href": .value, "due_count": .value, "due_href": .value,
        "has_content_health": .flag, "content_href": .value, "has_releases": .flag,
        "releases": .list(.map(["version_label": .value, "title": .value, "summary": .value, "href": .value, "date": date])),
    ])

    /// What every internal page receives (never the public values).
    static let internalPage: [String: TemplateShape] = [
        "site": .map([
            "title": .value, "label": .value, "generator": .value, "report_date": date, "nav": navigation,
            "links": .map(["home": .value, "kpi": .value, "roadmap": .value, "kpi_json": .value, "kpi_csv": .value,
                           "css": .value, "favicon": .value]),
        ]),
        "page": .map([
            "title": .value, "description": .value, "kind": .value, "path": .value, "has_breadcrumbs": .flag,
            "breadcrumbs": .list(link),
        ]),
    ]

    static let kpiStatus: TemplateShape = .map(["key": .value, "label": .value, "icon": .value, "class": .value])

    /// A KPI card (`internal/partials/kpi-card`).
    static let kpiCard: TemplateShape = .map([
        "id": .value, "name": .value, "href": .value, "group": .value, "group_name": .value, "unit": .value, "value": .value,
        "has_value": .flag, "target": .value, "alert": .value, "status": kpiStatus, "change": .value, "change_title": .value, "has_change": .flag,
        "date": optionalDate, "sparkline": .html,
    ])

    static let keyAndLabel: TemplateShape = .map(["key": .value, "label": .value])

    static let backlogItem: TemplateShape = .map([
        "id": .value, "anchor": .value, "title": .value, "category": .value, "category_key": .value, "priority": keyAndLabel, "estimate": .value,
        "value": .value, "owner": .value, "due": optionalDate, "milestone": .value, "status": keyAndLabel, "done": .flag,
        "done_on": optionalDate, "requested_by": .list(.value), "requested_count": .value, "approved_by": .value,
        "notes": .value,
    ])

    /// An article on the content-health page.
    static let contentItem: TemplateShape = .map([
        "title": .value, "href": .value, "source": .value, "updated": optionalDate, "reason": .value,
    ])

    static let internalPages: [String: [String: TemplateShape]] = [
        "internal/content": [
            "health": .map([
                "stale_months": .value, "article_count": .value, "recent_days": .value,
                "stale": .list(contentItem), "has_stale": .flag, "orphans": .list(contentItem), "has_orphans": .flag,
                "missing_summaries": .list(contentItem), "has_missing_summaries": .flag,
                "videos": .list(contentItem), "has_videos": .flag,
                "single_tags": .list(.map(["name": .value, "href": .value, "articles": .list(contentItem)])), "has_single_tags": .flag,
                "known_issues": .list(.map(["id": .value, "title": .value, "status": .value, "article": contentItem])),
                "has_known_issues": .flag,
                "releases": .list(.map(["version_label": .value, "title": .value, "date": date, "articles": .list(contentItem),
                                        "has_articles": .flag])),
                "has_releases": .flag,
            ]),
        ],
        "internal/kpi-index": [
            "dashboard": .map([
                "total": .value, "summary": .list(kpiStatus.adding(["count": .value])), "alerts": .list(kpiCard),
                "has_alerts": .flag,
                "groups": .list(.map(["id": .value, "anchor": .value, "name": .value, "count": .value, "kpis": .list(kpiCard)])),
            ]),
        ],
        "internal/kpi": [
            "kpi": kpiCard.adding([
                "chart": .html, "chart_compact": .html, "target_input": .value, "alert_input": .value, "direction": .value, "method": .value,
                "frequency": .value, "review": .value, "audience": .value, "source": .value, "age": .value,
                "measurements": .list(.map(["date": date, "value": .value])), "measurement_count": .value,
                "has_measurements": .flag,
            ]),
        ],
        "internal/roadmap": [
            "roadmap": .map([
                "has_backlog": .flag,
                "horizons": .list(.map(["id": .value, "label": .value, "period": .value, "count": .value, "has_items": .flag,
                                        "done_count": .value, "active_count": .value, "items": .list(backlogItem)])),
                "has_milestones": .flag,
                "milestones": .list(.map([
                    "id": .value, "anchor": .value, "name": .value, "goal": .value, "start": optionalDate, "due": optionalDate,
                    "state": .map(["key": .value, "label": .value, "icon": .value]), "done": .value, "total": .value,
                    "percent": .value, "progress_max": .value, "progress_value": .value, "progress_label": .value, "judged_at_due": optionalDate,
                    "checks": .list(.map(["title": .value, "done": .flag, "icon": .value, "label": .value, "detail": .value])),
                ])),
                "due_soon": .list(.map(["id": .value, "href": .value, "title": .value, "owner": .value, "due": date,
                                        "days_left": .value, "overdue": .flag, "status": .value])),
                "has_due_soon": .flag, "due_window": .value,
                "approval": .map([
                    "horizon": .value, "criteria": .value, "has_issues": .flag,
                    "issues": .list(.map(["id": .value, "href": .value, "title": .value, "message": .value, "advice": .value,
                                          "location": .value])),
                ]),
            ]),
        ],
    ]

    // MARK: - Mailed publications (emails and the customers' archive)

    static let send: TemplateShape = .map(["iso": .value, "ja": .value])
    static let upcoming: TemplateShape = .list(.map(["when": .value, "title": .value, "label": .value, "detail": .value, "href": .value]))
    static let incident: TemplateShape = .map([
        "id": .value, "priority": .value, "is_p0": .flag, "when": .value, "duration": .value, "status": .value, "impact": .value,
        "clinics": .value, "summary": .html,
    ])
    static let completedWork: TemplateShape = .list(.map(["id": .value, "title": .value, "done_on": date, "release": .orFalse(link)]))

    /// `report`: a weekly status report.
    static let weeklyReport: TemplateShape = .map([
        "id": .value, "title": .value, "summary": .value, "week_label": .value, "send": send, "note": .html, "has_note": .flag,
        "uptime": .orFalse(.map(["percent": .value, "target": .value, "met": .flag, "days": .value,
                                 "worst": .orFalse(.map(["date": date, "value": .value]))])),
        "incidents": .list(incident), "has_incidents": .flag, "has_p0": .flag,
        "maintenance": .list(.map(["title": .value, "when": .value, "status": .value])), "has_maintenance": .flag,
        "feedback": .list(.map(["summary": .value, "channel": .value, "response": .value, "resolved_on": optionalDate, "release": .orFalse(link)])),
        "has_feedback": .flag, "completed": completedWork, "has_completed": .flag,
        "known_issues": .list(.map(["id": .value, "title": .value, "since": date, "status": .value, "workaround": .value,
                                    "article": .orFalse(.map(["title": .value, "summary": .value, "href": .value]))])),
        "has_known_issues": .flag, "next_week": upcoming, "has_next_week": .flag, "archive_url": .value,
    ])

    /// `newsletter`: a monthly newsletter.
    static let newsletter: TemplateShape = .map([
        "id": .value, "title": .value, "summary": .value, "covered_label": .value, "send": send, "note": .html,
        "releases": .list(.map(["version_label": .value, "title": .value, "summary": .value, "type_label": .value, "date": date,
                                "href": .value, "highlights": .list(.value), "has_highlights": .flag])),
        "has_releases": .flag, "tips": .list(.map(["title": .value, "summary": .value, "href": .value])), "has_tips": .flag,
        "tips_intro": .value,
        "events": upcoming, "has_events": .flag, "archive_url": .value,
    ])

    static let publicationPages: [String: [String: TemplateShape]] = [
        "customers/report": ["report": weeklyReport, "feed_href": .value],
        "customers/newsletter": ["newsletter": newsletter, "feed_href": .value],
        "customers/reports": ["archive": archive],
        "customers/newsletters": ["archive": archive],
    ]

    static let archive: TemplateShape = .map([
        "title": .value, "description": .value, "feed_href": .value,
        "issues": .list(.map(["id": .value, "title": .value, "summary": .value, "href": .value, "date": date])),
    ])

    /// `site` and `email` of every email.
    static let emailSite: TemplateShape = .map([
        "title": .value, "help_center": .value, "portal": .value, "support": .value, "copyright": .value, "releases": .value,
    ])

    static let emailCommon: [String: TemplateShape] = [
        "site": emailSite,
        "email": .map(["subject": .value, "preheader": .value, "kind": .value, "kind_label": .value, "archive_url": .value, "button_label": .value,
                       "unsubscribe_url": .value, "reply_to": .value, "internal": .flag, "css": .html]),
    ]

    static let emailPages: [String: [String: TemplateShape]] = [
        "email/weekly": emailCommon.merging(["report": weeklyReport]) { _, new in new },
        "email/newsletter": emailCommon.merging(["newsletter": newsletter]) { _, new in new },
        "email/release": emailCommon.merging(["release": .map([
            "version_label": .value, "title": .value, "summary": .value, "type_label": .value, "is_major": .flag, "date": date,
            "highlights": .list(.value), "has_highlights": .flag, "introduction": .html,
            "sections": .list(.map(["heading": .value, "content": .html])), "href": .value, "send": send,
        ])]) { _, new in new },
        "email/digest": emailCommon.merging(["digest": .map([
            "id": .value, "title": .value, "covered_label": .value, "send": send,
            "kpis": .list(.map(["name": .value, "value": .value, "change": .value, "status": .value, "icon": .value, "target": .value])),
            "has_kpis": .flag,
            "feedback_received": digestFeedback, "has_feedback_received": .flag,
            "feedback_resolved": digestFeedback, "has_feedback_resolved": .flag,
            "completed": completedWork, "has_completed": .flag,
            "due_soon": .list(.map(["id": .value, "title": .value, "owner": .value, "due": optionalDate])), "has_due_soon": .flag,
            "incidents": .list(incident.adding(["internal_notes": .value, "postmortem": .value])), "has_incidents": .flag,
        ])]) { _, new in new },
        "email/index": [
            "site": emailSite,
            "emails": .list(.map(["kind": .value, "kind_label": .value, "id": .value, "subject": .value, "send": .value,
                                  "audience": .value, "lists": .value, "html": .value, "text": .value, "eml": .value])),
            "count": .value,
        ],
    ]

    static let digestFeedback: TemplateShape = .list(.map([
        "id": .value, "received": date, "channel": .value, "clinic": .value, "summary": .value, "status": .value,
        "backlog": .value, "release": .orFalse(link),
    ]))
}
