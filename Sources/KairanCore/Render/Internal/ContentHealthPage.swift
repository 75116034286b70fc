/// `/content/` of the internal tree: the content-health list (`ContentHealth`) in the internal
/// layout. Articles are linked by their public absolute URL and named with their source file.
struct ContentHealthPage: Sendable {
    static let path = "/content/"

    let theme: Theme
    let models: InternalViewModels
    let center: HelpCenter
    let paths: SitePaths
    let health: ContentHealth

    func page() -> OutputFile {
        var context = models.page(title: "コンテンツの健全性", description: "更新が必要な記事、孤立した記事、要約や動画情報の不足など、編集者が毎週見直す一覧",
                                  path: ContentHealthPage.path, kind: "content")
        func item(_ index: Int, reason: String = "") -> TemplateValue {
            let entry = center.articles[index]
            return ["title": .text(entry.article.title), "href": .text(paths.absolute(entry.path)), "source": .text(entry.article.sourcePath),
                    "updated": entry.article.lastModified.map(PublicViewModels.date) ?? .flag(false), "reason": .text(reason)]
        }
        func findings(_ list: [ContentHealth.Finding]) -> TemplateValue { .list(list.map { item($0.article, reason: $0.reason) }) }
        let tags: [TemplateValue] = health.singleTags.map { index in
            let tag = center.tags[index]
            return ["name": .text(tag.name), "href": .text(paths.absolute(tag.path)), "articles": .list(tag.articles.map { item($0) })]
        }
        let issues: [TemplateValue] = health.knownIssues.map { found in
            ["id": .text(found.issue.id), "title": .text(found.issue.title), "status": .text(found.issue.status.label), "article": item(found.article)]
        }
        let releases: [TemplateValue] = health.recentReleases.map { found in
            ["version_label": .text("v\(found.release.version)"), "title": .text(found.release.title),
             "date": PublicViewModels.date(found.release.date), "articles": .list(found.articles.map { item($0) }),
             "has_articles": .flag(!found.articles.isEmpty)]
        }
        context["health"] = [
            "stale_months": .number(health.staleMonths), "article_count": .number(center.articles.count),
            "stale": findings(health.stale), "has_stale": .flag(!health.stale.isEmpty),
            "orphans": findings(health.orphans), "has_orphans": .flag(!health.orphans.isEmpty),
            "missing_summaries": findings(health.missingSummaries), "has_missing_summaries": .flag(!health.missingSummaries.isEmpty),
            "videos": findings(health.videos), "has_videos": .flag(!health.videos.isEmpty),
            "single_tags": .list(tags), "has_single_tags": .flag(!tags.isEmpty),
            "known_issues": .list(issues), "has_known_issues": .flag(!issues.isEmpty),
            "releases": .list(releases), "has_releases": .flag(!releases.isEmpty), "recent_days": .number(ContentHealth.recentDays),
        ]
        return OutputFile(audience: .internal, path: SitePaths.file(for: ContentHealthPage.path), bytes: theme.renderBytes("internal/content", context))
    }
}
