/// What a public page says about itself beyond its own template: link previews (OpenGraph and
/// the Twitter card), schema.org data as JSON-LD, and where its source is edited. The values
/// are `page.social`, `page.structured_data` and `page.edit_href` (README "Templates").
public struct PageFacts: Sendable {
    /// A question of an FAQ page with its answer (schema.org `Question` / `Answer`).
    public struct Question: Sendable, Equatable {
        public var name: String
        public var answer: String
        /// The absolute URL of the page that answers it in full.
        public var url: String
    }

    /// An image of the page for link previews: an absolute URL and its size.
    public struct Image: Sendable, Equatable {
        public var url: String
        public var size: ImageSize
    }

    /// The Markdown file the page is made from, relative to the site (its 「このページを編集」 link).
    public var source: String?
    /// A dated piece of writing (a help article, a release note): og:type `article`, schema.org `Article`.
    public var isArticle = false
    public var published: CivilDate?
    public var modified: CivilDate?
    /// The page's own preview image; else the site's `social_image`.
    public var image: Image?
    /// The questions of an FAQ page (schema.org `FAQPage`); none: no FAQPage.
    public var questions: [Question] = []

    public init(source: String? = nil, isArticle: Bool = false, published: CivilDate? = nil, modified: CivilDate? = nil,
                image: Image? = nil, questions: [Question] = []) {
        self.source = source
        self.isArticle = isArticle
        self.published = published
        self.modified = modified
        self.image = image
        self.questions = questions
    }

    /// The smallest image a large preview card shows (Twitter's `summary_large_image` minimum).
    public static let smallestPreview = ImageSize(width: 300, height: 157)

    /// The preview image of a page among its body's images: the first PNG, JPEG, GIF or WebP
    /// (link previews show no SVG) of at least ``smallestPreview``, published under `content/`.
    public static func previewImage(of images: [RenderedMarkdown.Image], paths: SitePaths) -> Image? {
        let raster = [".png", ".jpg", ".jpeg", ".gif", ".webp"]
        for image in images {
            guard let size = image.size, size.width >= smallestPreview.width, size.height >= smallestPreview.height,
                  image.source.hasPrefix("content/"), raster.contains(where: { image.source.lowercased().hasSuffix($0) }) else { continue }
            return Image(url: paths.absolute(String(image.source.dropFirst("content".count))), size: size)
        }
        return nil
    }
}

extension PublicViewModels {
    /// `page.social`: `{title, description, type, locale, image, image_width, image_height, card}`.
    func social(title: String, description: String, facts: PageFacts) -> TemplateValue {
        var image = ""
        var width = ""
        var height = ""
        if let own = facts.image {
            image = own.url
            width = String(own.size.width)
            height = String(own.size.height)
        } else if let site = config.socialImage {
            image = site.kind == .sitePath ? paths.absolute(site.text) : site.text
        }
        return [
            "title": .text(title.isEmpty ? config.title : title), "description": .text(description),
            "type": .text(facts.isArticle ? "article" : "website"), "locale": .text(PublicViewModels.openGraphLocale(config.language)),
            "image": .text(image), "image_width": .text(width), "image_height": .text(height),
            "card": .text(image.isEmpty ? "summary" : "summary_large_image"),
        ]
    }

    /// OpenGraph's `language_TERRITORY` for the site's language: `ja` → `ja_JP`.
    static func openGraphLocale(_ language: String) -> String {
        let known = ["ja": "ja_JP", "en": "en_US", "zh": "zh_CN", "ko": "ko_KR"]
        if let locale = known[language.lowercased()] { return locale }
        return language.replacing("-", with: "_")
    }

    /// `page.structured_data`: one `{json}` per schema.org node — `BreadcrumbList` always, `Article`
    /// for dated writing, `FAQPage` when the page has questions.
    func structuredData(title: String, description: String, path: String, canonical: String,
                        breadcrumbs: [(String, String)], facts: PageFacts) -> TemplateValue {
        let context: (String, JSONValue) = ("@context", .string("https://schema.org"))
        var crumbs = breadcrumbs.map { ($0.0, paths.absolute($0.1)) }
        crumbs.append((path == SitePaths.home ? "ホーム" : title, canonical))
        var nodes: [JSONValue] = [
            .object([
                context, ("@type", .string("BreadcrumbList")),
                ("itemListElement", .array(crumbs.enumerated().map { index, crumb in
                    .object([("@type", .string("ListItem")), ("position", .integer(index + 1)), ("name", .string(crumb.0)),
                             ("item", .string(crumb.1))])
                })),
            ]),
        ]
        let publisher: JSONValue = .object([("@type", .string("Organization")), ("name", .string(config.title)),
                                            ("url", .string(paths.baseURL))])
        if facts.isArticle {
            var members: [(String, JSONValue)] = [context, ("@type", .string("Article")), ("headline", .string(title))]
            if !description.isEmpty { members.append(("description", .string(description))) }
            members += [("inLanguage", .string(config.language)), ("url", .string(canonical)), ("mainEntityOfPage", .string(canonical))]
            if let published = facts.published { members.append(("datePublished", .string(published.iso))) }
            if let modified = facts.modified ?? facts.published { members.append(("dateModified", .string(modified.iso))) }
            if let image = facts.image { members.append(("image", .string(image.url))) }
            members += [("author", publisher), ("publisher", publisher)]
            nodes.append(.object(members))
        }
        if !facts.questions.isEmpty {
            nodes.append(.object([
                context, ("@type", .string("FAQPage")), ("inLanguage", .string(config.language)), ("url", .string(canonical)),
                ("mainEntity", .array(facts.questions.map { question in
                    .object([("@type", .string("Question")), ("name", .string(question.name)),
                             ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(question.answer)),
                                                         ("url", .string(question.url))]))])
                })),
            ]))
        }
        return .list(nodes.map { ["json": .html(StructuredData.scriptText($0))] })
    }

    /// `page.edit_href`: the `edit_url` address of the page's source; empty without either.
    func editHref(_ facts: PageFacts) -> String {
        guard let source = facts.source, let pattern = config.editURL else { return "" }
        return pattern.url(for: source)
    }
}

/// JSON-LD written inside `<script type="application/ld+json">`.
public enum StructuredData {
    /// Compact JSON that cannot end its script element or open a comment in it: `<`, `>` and `&`
    /// are written as `\u003c`, `\u003e` and `\u0026` (they occur only inside strings, where JSON
    /// reads the escapes as the same characters); U+2028 and U+2029 are escaped by `JSONValue`.
    public static func scriptText(_ value: JSONValue) -> String {
        var text = value.compact()
        if text.hasSuffix("\n") { text.removeLast() }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
