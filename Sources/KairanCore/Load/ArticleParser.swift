/// Turns the text of one `content/kb/**.md` file into an `Article` or a `Category`.
public enum ArticleParser {
    /// The front matter keys an article may hold.
    public static let articleKeys = ["title", "summary", "tags", "date", "updated", "weight", "draft", "slug", "video", "duration", "aliases"]
    /// The front matter keys a category's or a section's `_index.md` may hold.
    public static let categoryKeys = ["title", "summary", "weight", "aliases"]

    /// Parses an article. `path` is relative to the site folder; `fileSlug` is the file name without `.md`.
    public static func article(text: String, path: String, categorySlug: String, sectionSlug: String? = nil, fileSlug: String,
                               log: DiagnosticLog) -> Article? {
        let (read, split) = FrontMatter.read(text, file: path, keys: articleKeys, log: log)
        guard let fields = read else { return nil }
        var title = fields.string("title")
        var titleFromHeading = false
        if title == nil || title?.isEmpty == true {
            if let heading = firstHeading(in: split.body.text) {
                title = MarkdownPlainText.inline(heading)
                titleFromHeading = true
            } else {
                log.error(SourceLocation(file: path, line: 1, column: 1), "article has no title",
                          hint: "add `title:` to the front matter or start the body with a `# 見出し` line")
            }
        }
        let slug = fields.string("slug") ?? fileSlug
        let slugProblem = SlugRules.problem(with: slug)
        if let slugProblem {
            log.error(fields.has("slug") ? fields.location(of: "slug") : SourceLocation(file: path),
                      "slug \"\(slug)\" \(slugProblem)", hint: SlugRules.hint(for: slug))
        }
        let date = fields.date("date")
        let updated = fields.date("updated")
        if let date, let updated, updated < date {
            log.warning(fields.location(of: "updated"), "`updated` (\(updated)) is before `date` (\(date))",
                        hint: "`updated` is when the article last changed; it cannot precede publication")
        }
        var video: Article.Video?
        if fields.string("video") != nil {
            let embeddable = "an https URL of a YouTube/Vimeo embed or an .mp4/.webm file"
            if let url = fields.url("video", example: "https://www.youtube-nocookie.com/embed/<id>", kinds: [.web], rule: "be \(embeddable)") {
                if VideoEmbed.kind(of: url.text) == nil {
                    fields.reject("video", url.text, URLPolicy.Violation(message: "must be \(embeddable)", hint: "e.g. `video: https://www.youtube-nocookie.com/embed/<id>`"))
                } else {
                    video = Article.Video(url: url, minutes: fields.int("duration", range: 1...600))
                }
            }
        } else if fields.has("duration") {
            log.warning(fields.location(of: "duration"), "`duration` without `video` is ignored")
        }
        var tags: [String] = []
        for tag in fields.strings("tags") where !tag.isEmpty && !tags.contains(tag) {
            // A tag's page is a folder named by its slug: one the file system cannot create is refused here.
            let bytes = SitePaths.tagSlug(tag).utf8.count
            if bytes > SlugRules.maxBytes {
                log.error(fields.location(of: "tags"), "tag \"\(tag.prefix(20))…\" is too long: its page's folder name would be \(bytes) bytes",
                          hint: "a tag may be \(SlugRules.lengthHint)")
                continue
            }
            tags.append(tag)
        }
        // Read every field before giving up, so one run reports every problem of the file.
        let summary = fields.string("summary") ?? ""
        let weight = fields.int("weight") ?? 0
        let draft = fields.bool("draft") ?? false
        let aliases = self.aliases(fields)
        // A bad slug was reported above; the article is left out so nothing tries to write its folder.
        guard let title, slugProblem == nil else { return nil }
        return Article(
            sourcePath: path, categorySlug: categorySlug, sectionSlug: sectionSlug, slug: slug, title: title, titleFromHeading: titleFromHeading,
            summary: summary, tags: tags, date: date, updated: updated, weight: weight, draft: draft, video: video, body: split.body,
            slugLocation: fields.has("slug") ? fields.location(of: "slug") : nil, aliases: aliases)
    }

    /// Parses a category's `_index.md`.
    public static func category(text: String, path: String, slug: String, log: DiagnosticLog) -> Category? {
        let (read, split) = FrontMatter.read(text, file: path, keys: categoryKeys, log: log)
        guard let fields = read else { return nil }
        // Like an article, a category may take its title from its first `# ` heading.
        var title = fields.string("title")
        var titleFromHeading = false
        if title == nil || title?.isEmpty == true, let heading = firstHeading(in: split.body.text) {
            title = MarkdownPlainText.inline(heading)
            titleFromHeading = true
        } else if title == nil {
            _ = fields.string("title", required: true, example: "はじめに")
        }
        return Category(slug: slug, title: title ?? slug, summary: fields.string("summary") ?? "", weight: fields.int("weight") ?? 0,
                        body: split.body, location: SourceLocation(file: path), titleFromHeading: titleFromHeading, aliases: aliases(fields))
    }

    /// Parses a section's `_index.md` (the same keys as a category's).
    public static func section(text: String, path: String, categorySlug: String, slug: String, log: DiagnosticLog) -> Section? {
        guard let category = category(text: text, path: path, slug: slug, log: log) else { return nil }
        return Section(categorySlug: categorySlug, slug: slug, title: category.title, summary: category.summary, weight: category.weight,
                       body: category.body, location: category.location, aliases: category.aliases, titleFromHeading: category.titleFromHeading)
    }

    /// `aliases:` as written; they are checked against the site when it is resolved (`RedirectResolver`).
    static func aliases(_ fields: YAMLFields) -> [Alias] {
        fields.locatedStrings("aliases").filter { !$0.text.isEmpty }.map { Alias(text: $0.text, location: $0.location) }
    }

    /// The Markdown of the first ATX `# ` heading outside fenced code, if any (``MarkdownPlainText``
    /// makes it a title).
    public static func firstHeading(in markdown: String) -> String? {
        var fence: Substring?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") { fence = "```"; continue }
            if trimmed.hasPrefix("~~~") { fence = "~~~"; continue }
            if line.hasPrefix("# ") {
                var text = line.dropFirst(2)
                while text.last == " " || text.last == "#" { text = text.dropLast() }
                return text.isEmpty ? nil : String(text.drop { $0 == " " })
            }
        }
        return nil
    }
}
