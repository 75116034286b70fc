/// A known problem customers may meet, with its workaround: `content/data/known_issues.yaml`. Public.
public struct KnownIssue: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case open, monitoring, fixed

        public var label: String {
            switch self {
            case .open: return "対応中"
            case .monitoring: return "経過観察中"
            case .fixed: return "修正済み"
            }
        }
    }

    public var id: String
    public var title: String
    public var since: CivilDate
    public var status: Status
    public var workaround: String
    /// `<category>/<slug>` of a help article.
    public var article: String?
    public var fixedIn: SemanticVersion?
    public var location: SourceLocation
    public var articleLocation: SourceLocation
    public var fixedInLocation: SourceLocation
}
