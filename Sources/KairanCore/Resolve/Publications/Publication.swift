/// The kinds of mailed publications (seed 5.1, 5.2, 3.3), each with its mailing list audience.
public enum PublicationKind: String, Sendable, CaseIterable, Comparable {
    case weekly, newsletter, release, digest

    /// Who it is mailed to.
    public var audience: MailingLists.Audience {
        switch self {
        case .weekly: return .clinicAdmins
        case .newsletter, .release: return .allUsers
        case .digest: return .team
        }
    }

    /// The label readers see.
    public var label: String {
        switch self {
        case .weekly: return "週次ステータスレポート"
        case .newsletter: return "ニュースレター"
        case .release: return "リリースのお知らせ"
        case .digest: return "週次レビュー ダイジェスト"
        }
    }

    public static func < (lhs: PublicationKind, rhs: PublicationKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An upcoming item a publication announces: a release, a webinar, office hours, a maintenance window.
public struct UpcomingItem: Sendable, Equatable {
    public var start: LocalDateTime
    /// nil when the item has no length.
    public var end: LocalDateTime?
    public var title: String
    /// `定期リリース`, `ウェビナー`, `メンテナンス` …
    public var label: String
    public var detail: String
    public var url: SafeURL?
    /// A whole day (a holiday): shown without a time.
    public var allDay: Bool
}

/// A backlog item finished in a period, with the release that shipped it (its `backlog:` list names it).
public struct CompletedWork: Sendable, Equatable {
    public var id: String
    public var title: String
    public var doneOn: CivilDate
    /// Index into `ResolvedSite.releasesNewestFirst`.
    public var release: Int?
}

/// A week's uptime from the `uptime` KPI's daily measurements.
public struct UptimeFigure: Sendable, Equatable {
    /// The mean of the week's daily values, in percent.
    public var percent: Double
    /// The target in percent (the KPI's `>=` target, or 99.9).
    public var target: Double
    /// Measured days in the week.
    public var days: Int
    /// Decimals shown (the CSV's, at least 2).
    public var decimals: Int
    /// The lowest day, when below 100.
    public var worstDay: KPIMeasurement?

    public var meetsTarget: Bool { percent + 1e-9 >= target }
}

/// One weekly status report (seed 5.1): the writer's note and the week's figures.
public struct WeeklyReport: Sendable {
    public var week: ISOWeek
    public var note: PublicationNote?
    public var sendAt: LocalDateTime
    public var uptime: UptimeFigure?
    /// Incidents overlapping the week, P0 first, then by priority and start.
    public var incidents: [Incident]
    /// Maintenance windows of the week.
    public var maintenance: [Incident]
    public var resolvedFeedback: [FeedbackItem]
    public var completedWork: [CompletedWork]
    /// Open and monitored known issues at the week's end.
    public var knownIssues: [KnownIssue]
    public var nextWeek: [UpcomingItem]
}

/// One monthly newsletter (seed 5.1).
public struct Newsletter: Sendable {
    public var note: PublicationNote
    public var sendAt: LocalDateTime
    /// The month the newsletter looks back on (the previous calendar month).
    public var coveredMonth: (year: Int, month: Int)
    /// Indices into `ResolvedSite.releasesNewestFirst`: public releases of the covered month, newest first.
    public var releases: [Int]
    /// Article indices of the help center.
    public var tips: [Int]
    public var events: [UpcomingItem]
}

/// One release email: a major release, or one marked `email: true`.
public struct ReleaseMail: Sendable {
    /// Index into `ResolvedSite.releasesNewestFirst`.
    public var release: Int
    public var sendAt: LocalDateTime
    public var audience: MailingLists.Audience
}

/// The team's digest for the Monday weekly review (seed 3.3). Internal: it alone shows internal fields.
public struct TeamDigest: Sendable {
    /// The week of the Monday it is sent.
    public var week: ISOWeek
    public var sendAt: LocalDateTime
    /// The week it reviews (the one before).
    public var covered: ISOWeek
    /// KPIs in alert or off target at the covered week's end, most urgent first.
    public var kpis: [KPIEvaluation]
    public var feedbackReceived: [FeedbackItem]
    public var feedbackResolved: [FeedbackItem]
    public var completedWork: [CompletedWork]
    /// Backlog items not done and due within two weeks of the Monday.
    public var dueSoon: [BacklogItem]
    public var incidents: [Incident]
}

/// Every mailed publication of the build.
public struct Publications: Sendable {
    public var weekly: [WeeklyReport] = []
    public var newsletters: [Newsletter] = []
    public var releases: [ReleaseMail] = []
    public var digests: [TeamDigest] = []

    public var isEmpty: Bool { weekly.isEmpty && newsletters.isEmpty && releases.isEmpty && digests.isEmpty }
}
