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
        switch language {
        case "ja", "ja-JP", "ja_JP": return "ja_JP"
        case "en": return "en_US"
        default: return language.replacing("-", with: "_")
        }
    }

    /// `page.structured_data`: one `{json}` per schema.org node — `BreadcrumbList` always, `Article`
    /// for dated writing, `FAQPage` when the page has questions. Written straight as text (every
    /// page has some, so no value tree is built), each string through `JSONValue`'s quoting.
    func structuredData(title: String, description: String, path: String, canonical: String,
                        breadcrumbs: [(String, String)], facts: PageFacts) -> TemplateValue {
        var json = JSONText()
        json.open("BreadcrumbList")
        json.raw(#","itemListElement":["#)
        for (index, crumb) in breadcrumbs.enumerated() {
            json.listItem(position: index + 1, name: crumb.0, url: paths.absolute(crumb.1))
        }
        json.listItem(position: breadcrumbs.count + 1, name: path == SitePaths.home ? "ホーム" : title, url: canonical)
        json.raw("]}")
        var nodes: [TemplateValue] = [["json": .html(json.finished())]]
        if facts.isArticle {
            json = JSONText()
            json.open("Article")
            json.member("headline", title)
            if !description.isEmpty { json.member("description", description) }
            json.member("inLanguage", config.language)
            json.member("url", canonical)
            json.member("mainEntityOfPage", canonical)
            if let published = facts.published { json.member("datePublished", published.iso) }
            if let modified = facts.modified ?? facts.published { json.member("dateModified", modified.iso) }
            if let image = facts.image { json.member("image", image.url) }
            json.raw(#","author":"#)
            json.raw(organizationJSON)
            json.raw(#","publisher":"#)
            json.raw(organizationJSON)
            json.raw("}")
            nodes.append(["json": .html(json.finished())])
        }
        if !facts.questions.isEmpty {
            json = JSONText()
            json.open("FAQPage")
            json.member("inLanguage", config.language)
            json.member("url", canonical)
            json.raw(#","mainEntity":["#)
            for (index, question) in facts.questions.enumerated() {
                json.raw(index == 0 ? #"{"@type":"Question","name":"# : #",{"@type":"Question","name":"#)
                json.string(question.name)
                json.raw(#","acceptedAnswer":{"@type":"Answer","text":"#)
                json.string(question.answer)
                json.member("url", question.url)
                json.raw("}}")
            }
            json.raw("]}")
            nodes.append(["json": .html(json.finished())])
        }
        return .list(nodes)
    }

    /// `page.edit_href`: the `edit_url` address of the page's source; empty without either.
    func editHref(_ facts: PageFacts) -> String {
        guard let source = facts.source, let pattern = config.editURL else { return "" }
        return pattern.url(for: source)
    }
}

/// JSON-LD written inside `<script type="application/ld+json">`.
public enum StructuredData {
    /// Compact JSON of `value` for a script element (see ``scriptSafe(_:)``).
    public static func scriptText(_ value: JSONValue) -> String {
        var text = value.compact()
        if text.hasSuffix("\n") { text.removeLast() }
        return scriptSafe(text)
    }

    /// JSON text that cannot end its script element or open a comment in it: `<`, `>` and `&`
    /// are written as `\u003c`, `\u003e` and `\u0026` (in JSON they occur only inside strings,
    /// where the escapes read as the same characters); U+2028 and U+2029 are escaped by `JSONValue`.
    public static func scriptSafe(_ text: String) -> String {
        var copy = text
        let clean = copy.withUTF8 { bytes in
            !bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }
        }
        if clean { return text }
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

/// A schema.org node written as compact JSON text, strings quoted by `JSONValue` (as bytes: a
/// few nodes on each of thousands of pages).
struct JSONText {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1024) }

    /// The site as a schema.org `Organization` (`author` and `publisher` of every article).
    static func organization(name: String, url: String) -> String {
        var json = JSONText()
        json.raw(#"{"@type":"Organization","name":"#)
        json.string(name)
        json.raw(#","url":"#)
        json.string(url)
        json.raw("}")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// `{"@context":"https://schema.org","@type":"<type>"`.
    mutating func open(_ type: String) {
        raw(#"{"@context":"https://schema.org","@type":"#)
        string(type)
    }

    mutating func raw(_ fragment: String) {
        var fragment = fragment
        fragment.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) { JSONValue.quote(value, into: &bytes) }

    /// `,"<key>":"<value>"`.
    mutating func member(_ key: String, _ value: String) {
        raw(",")
        string(key)
        raw(":")
        string(value)
    }

    mutating func listItem(position: Int, name: String, url: String) {
        raw(position == 1 ? #"{"@type":"ListItem","position":"# : #",{"@type":"ListItem","position":"#)
        raw(String(position))
        raw(#","name":"#)
        string(name)
        raw(#","item":"#)
        string(url)
        raw("}")
    }

    /// The text, safe inside a script element.
    func finished() -> String { StructuredData.scriptSafe(String(decoding: bytes, as: UTF8.self)) }
}
