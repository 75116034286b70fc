/// An article or a release dated after the build date: left out of the build until that day
/// (unless `--future`), listed by `kairan check` and counted in the build summary.
public struct ScheduledPublication: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case article, release
    }

    public var kind: Kind
    /// The Markdown file, relative to the site folder.
    public var source: String
    public var title: String
    /// The site path it will have.
    public var path: String
    /// The day it appears (its `date`).
    public var date: CivilDate

    public init(kind: Kind, source: String, title: String, path: String, date: CivilDate) {
        self.kind = kind
        self.source = source
        self.title = title
        self.path = path
        self.date = date
    }

    /// Whether a publication dated `date` waits for a later build than one on `today` (nil: `--future`, none waits).
    public static func waits(_ date: CivilDate?, today: CivilDate?) -> Bool {
        guard let date, let today else { return false }
        return date > today
    }
}
