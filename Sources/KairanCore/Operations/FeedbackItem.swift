/// One piece of customer feedback: `content/data/feedback.yaml` (seed 2.x, 3.3).
///
/// `summary` and `response` are written for customers; `clinic` is internal and reaches only
/// the team digest.
public struct FeedbackItem: Sendable, Equatable {
    public enum Channel: String, Sendable, CaseIterable {
        case email, chat, phone, inApp = "in-app", survey, interview

        /// The label shown to readers.
        public var label: String {
            switch self {
            case .email: return "メール"
            case .chat: return "チャット"
            case .phone: return "電話"
            case .inApp: return "アプリ内"
            case .survey: return "アンケート"
            case .interview: return "インタビュー"
            }
        }
    }

    public enum Status: String, Sendable, CaseIterable {
        case open, inProgress = "in-progress", resolved, declined

        public var label: String {
            switch self {
            case .open: return "受付"
            case .inProgress: return "対応中"
            case .resolved: return "対応完了"
            case .declined: return "見送り"
            }
        }

        /// Resolved or declined: the item is closed and dated.
        public var isClosed: Bool { self == .resolved || self == .declined }
    }

    public var id: String
    public var received: CivilDate
    public var channel: Channel
    /// Internal only.
    public var clinic: String
    public var summary: String
    public var status: Status
    public var resolvedOn: CivilDate?
    /// A backlog id.
    public var backlog: String?
    /// A release version.
    public var release: SemanticVersion?
    /// What was done, for customers.
    public var response: String
    public var location: SourceLocation
    /// Where `backlog:` and `release:` are written, for reference errors.
    public var backlogLocation: SourceLocation
    public var releaseLocation: SourceLocation
}
