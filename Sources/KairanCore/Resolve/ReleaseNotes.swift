/// Published releases with their rendered sections, newest first, and their URLs.
public struct ReleaseNotes: Sendable {
    /// A release ready for every channel (page, feeds, in-app, email).
    public struct Entry: Sendable {
        public var release: Release
        public var path: String
        /// HTML of the text before the first section.
        public var introduction: String
        /// Section kind → HTML, in the fixed section order.
        public var sections: [(kind: ReleaseSectionKind, html: String)]
        /// Help articles the release links to (indices into the help center's articles).
        public var articles: [Int]

        /// The whole body as HTML: introduction, then each section under its heading.
        public var bodyHTML: String {
            var html = introduction
            for section in sections {
                html += "<h2>\(HTMLEscaping.escape(section.kind.heading))</h2>\n" + section.html
            }
            return html
        }
    }

    /// Newest first.
    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// `/releases/1.2.0/`.
    public static func path(of version: SemanticVersion) -> String { "/releases/\(version)/" }
    public static let indexPath = "/releases/"
    public static func typePath(_ type: ReleaseType) -> String { "/releases/type/\(type.rawValue)/" }

    /// The public entries.
    public var published: [Entry] { entries.filter { $0.release.audience == .public } }
}
