/// Release notes as feeds: Atom (RFC 4287), JSON Feed 1.1 and the in-app "what's new" data.
///
/// Entry ids are tag URIs built from the site's host, the release year and the version only,
/// so editing a release's title, text or summary never changes its id.
public struct ReleaseFeeds: Sendable {
    public let config: SiteConfig
    public let paths: SitePaths
    public let notes: ReleaseNotes
    /// How many releases the in-app data lists.
    public static let inAppCount = 20

    public init(config: SiteConfig, paths: SitePaths, notes: ReleaseNotes) {
        self.config = config
        self.paths = paths
        self.notes = notes
    }

    /// The stable id of a release's entry.
    public func id(_ release: Release) -> String { "tag:\(paths.host),\(release.date.year):release/\(release.version)" }

    /// RFC 3339 time of a release: midnight in Japan.
    public static func timestamp(_ date: CivilDate) -> String { "\(date.iso)T00:00:00+09:00" }

    /// Site-relative links made absolute, so feed readers resolve them.
    func absolutized(_ html: String) -> String { paths.absolutized(html) }

    private func content(_ entry: ReleaseNotes.Entry) -> String {
        var html = ""
        if !entry.release.highlights.isEmpty {
            html += "<ul>" + entry.release.highlights.map { "<li>\(HTMLEscaping.escape($0))</li>" }.joined() + "</ul>\n"
        }
        return absolutized(html + entry.bodyHTML)
    }

    /// `releases/atom.xml`.
    public func atom() -> OutputFile {
        let feed = AtomFeed(
            id: "tag:\(paths.host),2000:releases", title: "\(config.title) リリースノート", language: config.language, author: config.title,
            selfURL: paths.absolute("/releases/atom.xml"), alternateURL: paths.absolute(ReleaseNotes.indexPath),
            entries: notes.published.map { entry in
                let release = entry.release
                return AtomFeed.Entry(id: id(release), title: "v\(release.version) \(release.title)", updated: ReleaseFeeds.timestamp(release.date),
                                      link: paths.absolute(entry.path), category: (release.type.rawValue, release.type.label),
                                      summary: release.summary, contentHTML: content(entry))
            })
        return OutputFile(audience: .public, path: "releases/atom.xml", text: feed.xml)
    }

    /// `releases/feed.json` (JSON Feed 1.1) with `_kairan: {version, type}` on every item.
    public func jsonFeed() -> OutputFile {
        let items: [JSONValue] = notes.published.map { entry in
            let release = entry.release
            return .object([
                ("id", .string(id(release))), ("url", .string(paths.absolute(entry.path))),
                ("title", .string("v\(release.version) \(release.title)")), ("summary", .string(release.summary)),
                ("content_html", .string(content(entry))), ("date_published", .string(ReleaseFeeds.timestamp(release.date))),
                ("tags", .array([.string(release.type.rawValue)])),
                ("_kairan", .object([("about", .string("https://github.com/kairan/kairan#release-notes")),
                                     ("version", .string(release.version.description)), ("type", .string(release.type.rawValue))])),
            ])
        }
        let feed: JSONValue = .object([
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string("\(config.title) リリースノート")),
            ("home_page_url", .string(paths.absolute(ReleaseNotes.indexPath))),
            ("feed_url", .string(paths.absolute("/releases/feed.json"))),
            ("language", .string(config.language)),
            ("authors", .array([.object([("name", .string(config.title))])])),
            ("items", .array(items)),
        ])
        return OutputFile(audience: .public, path: "releases/feed.json", text: feed.serialized())
    }

    /// `releases/inapp.json`: what the product's notification widget reads (schema in the README).
    public func inApp() -> OutputFile {
        let entries = notes.published.prefix(ReleaseFeeds.inAppCount)
        let items: [JSONValue] = entries.map { entry in
            let release = entry.release
            return .object([
                ("id", .string(id(release))), ("version", .string(release.version.description)),
                ("type", .string(release.type.rawValue)), ("title", .string(release.title)),
                ("summary", .string(release.summary)), ("url", .string(paths.absolute(entry.path))),
                ("published", .string(ReleaseFeeds.timestamp(release.date))),
                ("categories", .array(entry.sections.map { .string($0.kind.rawValue) })),
                ("highlights", .array(release.highlights.map { .string($0) })),
            ])
        }
        let data: JSONValue = .object([
            ("schema", .integer(1)),
            ("latest", entries.first.map { .string(ReleaseFeeds.timestamp($0.release.date)) } ?? .null),
            ("items", .array(items)),
        ])
        return OutputFile(audience: .public, path: "releases/inapp.json", text: data.serialized())
    }
}
