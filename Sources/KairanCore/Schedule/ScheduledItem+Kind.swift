extension ScheduledItem {
    /// What sort of item a schedule entry is. Raw values are the `kind:` spellings.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// 週次ステータスレポート, a publication.
        case weeklyReport = "weekly-report"
        /// ニュースレター, a publication.
        case newsletter
        /// 定期リリース, a publication.
        case release
        /// ウェビナー, an event.
        case webinar
        /// オフィスアワー, an event.
        case officeHours = "office-hours"
        /// 社内レビュー, an event.
        case review
        /// オンボーディング講座, an event.
        case onboarding

        /// Whether this is a publication (a point in time with a deadline) rather than an event
        /// people attend.
        public var isPublication: Bool {
            switch self {
            case .weeklyReport, .newsletter, .release: true
            case .webinar, .officeHours, .review, .onboarding: false
            }
        }

        /// The policy used when `policy:` is not written: a publication moves to the business day
        /// before (前営業日, its deadline still holds); an event is cancelled (``HolidayPolicy/skip``).
        public var defaultPolicy: HolidayPolicy { isPublication ? .previousBusinessDay : .skip }
    }
}

extension ScheduledItem.Kind {
    /// The label readers see.
    public var label: String {
        switch self {
        case .weeklyReport: return "週次レポート"
        case .newsletter: return "ニュースレター"
        case .release: return "定期リリース"
        case .webinar: return "ウェビナー"
        case .officeHours: return "オフィスアワー"
        case .review: return "社内レビュー"
        case .onboarding: return "オンボーディング講座"
        }
    }
}
