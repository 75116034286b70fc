/// A help-center category: a folder under `content/kb/` with its `_index.md`.
public struct Category: Sendable, Equatable {
    /// The folder name, used in URLs: `/kb/<slug>/`.
    public var slug: String
    public var title: String
    public var summary: String
    public var weight: Int
    /// The `_index.md` body as Markdown.
    public var body: MarkdownSource
    public var location: SourceLocation
    /// True when the title came from the body's first H1 (that heading is then not rendered twice).
    public var titleFromHeading = false
}

/// Markdown text and where it starts in its file, so body errors can name their line.
public struct MarkdownSource: Sendable, Equatable {
    public var text: String
    /// Lines before the body in the file (front matter and its fences).
    public var lineOffset: Int

    public init(text: String, lineOffset: Int) {
        self.text = text
        self.lineOffset = lineOffset
    }
}

/// A help article: `content/kb/<category>/<slug>.md`.
public struct Article: Sendable, Equatable {
    /// A video tutorial attached to an article.
    public struct Video: Sendable, Equatable {
        public var url: SafeURL
        /// Length in minutes, when known.
        public var minutes: Int?
    }

    /// The path relative to the site folder: `content/kb/faq/login.md`.
    public var sourcePath: String
    public var categorySlug: String
    public var slug: String
    public var title: String
    /// True when the title came from the body's first H1 (that heading is then not rendered twice).
    public var titleFromHeading: Bool
    public var summary: String
    public var tags: [String]
    public var date: CivilDate?
    public var updated: CivilDate?
    public var weight: Int
    public var draft: Bool
    public var video: Video?
    public var body: MarkdownSource
    /// Where `slug:` is written, when the slug does not come from the file name.
    public var slugLocation: SourceLocation? = nil

    /// The date shown as "last updated": `updated`, else `date`.
    public var lastModified: CivilDate? { updated ?? date }
}
