/// The HTML of one Markdown document and what the build needs to know about it.
public struct RenderedMarkdown: Sendable, Equatable {
    /// A heading with the anchor id it got.
    public struct Heading: Sendable, Equatable {
        public var level: Int
        public var text: String
        public var id: String
    }

    /// A link to another page's anchor, checked once every page has its anchors.
    public struct AnchorReference: Sendable, Equatable {
        /// The source file of the linked page (`content/kb/accounts/mfa.md`).
        public var targetSource: String
        public var fragment: String
        public var location: SourceLocation
    }

    /// An image of the document that is a file of the site, with its size when it could be read.
    public struct Image: Sendable, Equatable {
        /// The file, relative to the site (`content/kb/faq/images/login.png`).
        public var source: String
        public var size: ImageSize?
    }

    /// The HTML's UTF-8 bytes (cmark-gfm's output: valid UTF-8), as pages show it: kept as bytes,
    /// so thousands of bodies are never validated again as strings on their way into pages.
    public var htmlBytes: [UInt8]
    /// The HTML as a string.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    public var headings: [Heading]
    public var anchorReferences: [AnchorReference]
    /// Markdown files this document links to, in link order without repeats.
    public var linkedSources: [String] = []
    /// Ids other than headings' that links may name: footnotes (`fn-1`, `fnref-1`) and, with raw
    /// HTML kept, elements with an `id`.
    public var otherAnchors: [String] = []
    /// The site files the document's `<img>` tags show, in document order.
    public var images: [Image] = []

    public init(htmlBytes: [UInt8], headings: [Heading], anchorReferences: [AnchorReference], linkedSources: [String] = [],
                otherAnchors: [String] = [], images: [Image] = []) {
        self.htmlBytes = htmlBytes
        self.headings = headings
        self.anchorReferences = anchorReferences
        self.linkedSources = linkedSources
        self.otherAnchors = otherAnchors
        self.images = images
    }

    public init(html: String, headings: [Heading], anchorReferences: [AnchorReference], linkedSources: [String] = [],
                otherAnchors: [String] = [], images: [Image] = []) {
        self.init(htmlBytes: Array(html.utf8), headings: headings, anchorReferences: anchorReferences, linkedSources: linkedSources,
                  otherAnchors: otherAnchors, images: images)
    }

    /// Every id a link to this document may name.
    public var anchorIDs: Set<String> { Set(headings.map(\.id)).union(otherAnchors) }
}
