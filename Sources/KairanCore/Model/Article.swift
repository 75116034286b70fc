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
    /// Old URLs of the category that redirect to it (`aliases:`).
    public var aliases: [Alias] = []
}

/// A section of a category: a folder `content/kb/<category>/<section>/` with its `_index.md`
/// (Zendesk Guide's category → section → article), one level below its category.
public struct Section: Sendable, Equatable {
    public var categorySlug: String
    /// The folder name, used in URLs: `/kb/<category>/<slug>/`.
    public var slug: String
    public var title: String
    public var summary: String
    public var weight: Int
    /// The `_index.md` body as Markdown.
    public var body: MarkdownSource
    public var location: SourceLocation
    /// Old URLs of the section that redirect to it (`aliases:`).
    public var aliases: [Alias] = []
    /// True when the title came from the body's first H1 (that heading is then not rendered twice).
    public var titleFromHeading = false
}

/// One entry of `aliases:`: an old site path (`/kb/old/page/`) or an old URL of the site, as
/// written, with where it is written. `RedirectResolver` turns it into a `Redirect`.
public struct Alias: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
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

/// A help article: `content/kb/<category>/<slug>.md` or `content/kb/<category>/<section>/<slug>.md`.
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
    /// The section folder the article is in, if any.
    public var sectionSlug: String? = nil
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
    /// Old URLs of the article that redirect to it (`aliases:`).
    public var aliases: [Alias] = []

    /// How data files name the article: `<category>/<slug>`, or `<category>/<section>/<slug>` in a section.
    public var reference: String { ([categorySlug] + (sectionSlug.map { [$0] } ?? []) + [slug]).joined(separator: "/") }

    /// The date shown as "last updated": `updated`, else `date`.
    public var lastModified: CivilDate? { updated ?? date }
}
