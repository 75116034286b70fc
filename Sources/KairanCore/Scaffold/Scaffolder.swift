/// Works out `kairan new`'s file from the site as it is: the next article weight of a category,
/// the next release version and date, this week's report, next month's newsletter.
///
/// Reads the site through the build's loaders (inside the site folder); writes nothing.
public struct Scaffolder: Sendable {
    public let options: BuildOptions
    public let fileSystem: FileSystem

    public init(options: BuildOptions, fileSystem: FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    public func scaffold(_ kind: ScaffoldKind) async throws(ScaffoldError) -> Scaffold {
        let builder = SiteBuilder(options: options, fileSystem: fileSystem)
        let log = DiagnosticLog()
        let sources = await builder.loadSources(log: log)
        guard let config = sources.config else { throw .siteDoesNotLoad(log.items.filter { $0.severity == .error }) }
        let today = options.clock.today
        let scaffold: Scaffold
        switch kind {
        case .article(let category, let slug):
            scaffold = try article(in: category, slug: slug, sources.knowledgeBase, today: today, exists: { exists($0, builder) })
        case .release(let request):
            scaffold = try release(request, sources.releases, schedule: config.schedule, today: today)
        case .weekly:
            let week = ISOWeek(containing: today)
            scaffold = Scaffold(path: "content/reports/weekly/\(week).md", text: """
                ---
                # title: the default is 週次ステータスレポート（\(PublicationViewModels.weekLabel(week))）
                summary: 今週のサービスの状況とお知らせです。
                ---
                今週のお知らせを書きます（障害・メンテナンス・KPIはデータから自動で入ります）。

                """)
        case .newsletter:
            let month = today.month == 12 ? (year: today.year + 1, month: 1) : (year: today.year, month: today.month + 1)
            let date = Scaffolder.firstBusinessDay(month.year, month.month, schedule: config.schedule)
            let id = "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
            scaffold = Scaffold(path: "content/newsletters/\(id).md", text: """
                ---
                date: \(date.iso)
                title: \(config.title) \(month.year)年\(month.month)月号
                summary: 今月のお知らせの概要を一文で書きます。
                ---
                ## 今月のハイライト

                今月のお知らせを書きます。

                """)
        }
        if exists(scaffold.path, builder) { throw .exists(scaffold.path) }
        return scaffold
    }

    private func exists(_ path: String, _ builder: SiteBuilder) -> Bool {
        builder.siteFiles.kind(of: joinPath(options.siteDirectory, path)) != .missing
    }

    // MARK: Articles

    func article(in category: String, slug: String?, _ base: KnowledgeBase, today: CivilDate,
                 exists: (String) -> Bool) throws(ScaffoldError) -> Scaffold {
        guard base.categories.contains(where: { $0.slug == category }) else {
            throw .unknownCategory(category, known: base.categories.map(\.slug).sorted())
        }
        let weight = (base.articles.filter { $0.categorySlug == category }.map(\.weight).max() ?? 0) + 1
        let folder = "content/kb/\(category)/"
        let chosen: String
        if let slug {
            if let problem = SlugRules.problem(with: slug) { throw .invalidSlug(slug, problem: problem) }
            chosen = slug
        } else {
            // The first free `new-article`, `new-article-2`, …
            var number = 1
            while exists(folder + (number == 1 ? "new-article" : "new-article-\(number)") + ".md") { number += 1 }
            chosen = number == 1 ? "new-article" : "new-article-\(number)"
        }
        return Scaffold(path: folder + chosen + ".md", text: """
            ---
            title: 新しい記事
            summary: この記事で分かることを一文で書きます。
            tags: []
            date: \(today.iso)
            weight: \(weight)
            ---
            ## 手順

            1. 最初の手順を書きます。

            """)
    }

    // MARK: Releases

    func release(_ request: String?, _ releases: [Release], schedule: SiteSchedule, today: CivilDate) throws(ScaffoldError) -> Scaffold {
        let latest = releases.max { $0.version < $1.version }
        let current = latest?.version ?? SemanticVersion(major: 0, minor: 0, patch: 0)
        let version: SemanticVersion
        let type: ReleaseType
        switch request {
        case nil, "major":
            version = latest == nil ? SemanticVersion(major: 1, minor: 0, patch: 0) : SemanticVersion(major: current.major, minor: current.minor + 1, patch: 0)
            type = .major
        case "minor", "hotfix":
            version = SemanticVersion(major: current.major, minor: current.minor, patch: current.patch + 1)
            type = request == "hotfix" ? .hotfix : .minor
        case let text?:
            guard let parsed = SemanticVersion(text) else { throw .invalidVersion(text) }
            if let latest, parsed <= latest.version { throw .versionNotAfterLatest(parsed.description, latest: latest.version.description) }
            version = parsed
            // A major raises the major or minor number to x.y.0; minors and hotfixes only the patch.
            type = parsed.patch == 0 ? .major : .minor
        }
        // A higher version never has an earlier date; a major lands on the schedule's release day.
        let earliest = max(today, latest?.date ?? today)
        let date = type == .major ? Scaffolder.nextReleaseDay(from: earliest, schedule: schedule) : earliest
        let sections = type == .hotfix
            ? "## 修正内容\n\n- 修正した不具合を書きます。\n\n## 影響範囲\n\n- 影響を受けた機能と期間を書きます。\n"
            : "## 新機能\n\n- 新しい機能を書きます。\n\n## 改善\n\n- 改善した点を書きます。\n\n## バグ修正\n\n- 修正した不具合を書きます。\n"
        return Scaffold(path: "content/releases/v\(version).md", text: """
            ---
            version: "\(version)"
            date: \(date.iso)
            type: \(type.rawValue)
            title: "v\(version) のリリース"
            summary: "このリリースの概要を一文で書きます。"
            highlights:
              - "いちばん大きな変更を書きます。"
            ---
            \(sections)
            """)
    }

    /// The schedule's first `release` day on or after `date` (holiday policy applied); `date`
    /// itself when the schedule has no release item.
    static func nextReleaseDay(from date: CivilDate, schedule: SiteSchedule) -> CivilDate {
        guard let item = schedule.item(kind: .release) else { return date }
        return item.occurrences(from: date.adding(days: -7), through: date.adding(days: 400), calendar: schedule.calendar)
            .compactMap(\.date).first { $0 >= date } ?? date
    }

    /// The date of the schedule's `newsletter` item in that month, else its first business day.
    static func firstBusinessDay(_ year: Int, _ month: Int, schedule: SiteSchedule) -> CivilDate {
        let first = CivilDate(year: year, month: month, day: 1)!
        let last = CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))!
        if let item = schedule.item(kind: .newsletter),
           let planned = item.occurrences(from: first.adding(days: -7), through: last, calendar: schedule.calendar)
            .compactMap(\.date).first(where: { $0.year == year && $0.month == month }) {
            return planned
        }
        return schedule.calendar.businessDay(1, ofMonth: month, year: year) ?? first
    }
}
