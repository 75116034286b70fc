/// The help-center editor's weekly list (`/content/` in the internal tree), worked out once every
/// page's links are known:
///
/// - **stale**: articles whose `updated` (else `date`) is more than `content_health.stale_months`
///   months (default 6) before the build date, or before a published release that links to them
///   (release notes have no tags: a link is how a release names its subject);
/// - **orphans**: articles no other Markdown links to — not another article, a category or
///   section page, release notes, training or a publication note — and that no known issue
///   names; their category or section list, tag pages and related-article lists do not count;
/// - **missing summaries**; **videos** without `duration` (the length shown in lists), and
///   articles tagged 動画 without a `video`;
/// - **tags used once**;
/// - the articles **known issues** link to, and those **recent releases** (the last 30 days) link to.
public struct ContentHealth: Sendable {
    /// One finding about an article (an index into the help center's articles).
    public struct Finding: Sendable, Equatable {
        public var article: Int
        public var reason: String
    }

    /// A known issue and the article it names.
    public struct IssueArticle: Sendable, Equatable {
        public var issue: KnownIssue
        public var article: Int
    }

    /// A recent release and the articles it links to.
    public struct ReleaseArticles: Sendable {
        public var release: Release
        public var articles: [Int]
    }

    public var staleMonths: Int
    public var stale: [Finding] = []
    public var orphans: [Finding] = []
    public var missingSummaries: [Finding] = []
    public var videos: [Finding] = []
    /// Indices into the help center's tags.
    public var singleTags: [Int] = []
    public var knownIssues: [IssueArticle] = []
    public var recentReleases: [ReleaseArticles] = []

    /// How many days back a release counts as recent.
    public static let recentDays = 30
    /// The tag that marks a video tutorial.
    public static let videoTag = "動画"

    /// - Parameters:
    ///   - releases: the published releases, newest first, with the articles each links to.
    ///   - links: Markdown source → the sources it links to (`SitePlan.links`).
    public static func assess(_ center: HelpCenter, releases: [ReleaseNotes.Entry], knownIssues: [KnownIssue], links: [String: [String]],
                              today: CivilDate, staleMonths: Int) -> ContentHealth {
        var health = ContentHealth(staleMonths: staleMonths)
        let staleBefore = monthsBefore(today, staleMonths)
        let bySource = Dictionary(center.articles.enumerated().map { ($1.article.sourcePath, $0) }) { first, _ in first }
        let byReference = Dictionary(center.articles.enumerated().map { ($1.article.reference, $0) }) { first, _ in first }
        let published = releases.filter { $0.release.audience == .public && $0.release.date <= today }
        var inbound = Set<Int>()
        for (source, targets) in links {
            for target in targets { if let index = bySource[target], target != source { inbound.insert(index) } }
        }
        for issue in knownIssues {
            guard let reference = issue.article, let index = byReference[reference] else { continue }
            inbound.insert(index)
            health.knownIssues.append(IssueArticle(issue: issue, article: index))
        }
        for (index, entry) in center.articles.enumerated() {
            let article = entry.article
            if let last = article.lastModified {
                if last < staleBefore {
                    health.stale.append(Finding(article: index, reason: "\(staleMonths)か月以上更新されていません（最終更新 \(last.iso)）"))
                } else if let release = published.first(where: { $0.articles.contains(index) && last < $0.release.date }) {
                    health.stale.append(Finding(article: index, reason: "v\(release.release.version)（\(release.release.date.iso)）がこの記事にリンクしていますが、記事はその後更新されていません"))
                }
            } else {
                health.stale.append(Finding(article: index, reason: "日付（date / updated）がありません"))
            }
            if !inbound.contains(index) {
                health.orphans.append(Finding(article: index, reason: "ほかのページからリンクされていません"))
            }
            if article.summary.isEmpty {
                health.missingSummaries.append(Finding(article: index, reason: "summary がありません"))
            }
            if let video = article.video {
                if video.minutes == nil { health.videos.append(Finding(article: index, reason: "動画の再生時間（duration）がありません")) }
            } else if article.tags.contains(videoTag) {
                health.videos.append(Finding(article: index, reason: "「\(videoTag)」タグがありますが video がありません"))
            }
        }
        health.singleTags = center.tags.indices.filter { center.tags[$0].articles.count == 1 }
        let recentFrom = today.adding(days: -recentDays)
        health.recentReleases = published.filter { $0.release.date >= recentFrom }.map { ReleaseArticles(release: $0.release, articles: $0.articles) }
        return health
    }

    /// The same day `months` months before `date` (the month's last day when it is shorter).
    static func monthsBefore(_ date: CivilDate, _ months: Int) -> CivilDate {
        let total = date.year * 12 + (date.month - 1) - months
        let year = total / 12
        let month = total % 12 + 1
        let day = min(date.day, CivilDate.daysIn(month: month, year: year))
        return CivilDate(year: year, month: month, day: day) ?? date
    }
}
