/// A semantic version: `1.2.0`.
public struct SemanticVersion: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var major: Int
    public var minor: Int
    public var patch: Int

    public init(major: Int, minor: Int, patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `1.2.0` (a leading `v` is accepted); nil for anything else.
    public init?(_ text: String) {
        let trimmed = text.hasPrefix("v") ? text.dropFirst() : Substring(text)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let major = Int(parts[0]), let minor = Int(parts[1]), let patch = Int(parts[2]),
              major >= 0, minor >= 0, patch >= 0, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && ($0 == "0" || !$0.hasPrefix("0")) })
        else { return nil }
        self.init(major: major, minor: minor, patch: patch)
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

/// The kind of a release (seed 5.2): monthly majors, minors and hotfixes as needed.
public enum ReleaseType: String, Sendable, CaseIterable {
    case major, minor, hotfix

    /// The label shown to readers.
    public var label: String {
        switch self {
        case .major: return "メジャーリリース"
        case .minor: return "マイナーリリース"
        case .hotfix: return "ホットフィックス"
        }
    }
}

/// A section of release notes with a fixed meaning.
public enum ReleaseSectionKind: String, Sendable, CaseIterable {
    case features, improvements, fixes, limitations, fixed, impact

    /// The H2 heading that introduces the section in Markdown.
    public var heading: String {
        switch self {
        case .features: return "新機能"
        case .improvements: return "改善"
        case .fixes: return "バグ修正"
        case .limitations: return "既知の制限"
        case .fixed: return "修正内容"
        case .impact: return "影響範囲"
        }
    }

    /// The kind for an H2 heading, if it is one of the known ones.
    public static func named(_ heading: String) -> ReleaseSectionKind? { allCases.first { $0.heading == heading } }
}

/// One release: `content/releases/<version>.md`.
public struct Release: Sendable, Equatable {
    /// A section's Markdown with its place in the file.
    public struct Section: Sendable, Equatable {
        public var kind: ReleaseSectionKind
        public var body: MarkdownSource
    }

    public var sourcePath: String
    public var version: SemanticVersion
    public var date: CivilDate
    public var type: ReleaseType
    public var title: String
    public var summary: String
    public var highlights: [String]
    public var audience: Audience
    /// Backlog ids the release delivers (internal: never published).
    public var backlog: [String]
    public var draft: Bool
    /// Markdown before the first section heading.
    public var introduction: MarkdownSource
    public var sections: [Section]
    public var location: SourceLocation
    /// Where `backlog:` is written (for errors about its ids).
    public var backlogLocation: SourceLocation? = nil
    /// `email: true` mails a minor release or hotfix too (majors are always mailed).
    public var email: Bool = false
    /// Old URLs of a public release's page that redirect to it (`aliases:`).
    public var aliases: [Alias] = []

    /// Whether the release goes out by email (seed 5.2: majors, and others "when important").
    public var isMailed: Bool { audience != .internal && (type == .major || email) }
}
