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
        let entries = notes.published
        let feedURL = paths.absolute("/releases/atom.xml")
        let updated = entries.first.map { ReleaseFeeds.timestamp($0.release.date) } ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLEscaping.escape(config.language))">
            <id>tag:\(paths.host),2000:releases</id>
            <title>\(HTMLEscaping.escape(config.title)) リリースノート</title>
            <updated>\(updated)</updated>
            <author><name>\(HTMLEscaping.escape(config.title))</name></author>
            <link rel="self" type="application/atom+xml" href="\(HTMLEscaping.escape(feedURL))"/>
            <link rel="alternate" type="text/html" href="\(HTMLEscaping.escape(paths.absolute(ReleaseNotes.indexPath)))"/>
            <generator uri="https://github.com/kairan" version="\(Kairan.version)">Kairan</generator>

            """
        for entry in entries {
            let release = entry.release
            xml += """
                <entry>
                <id>\(HTMLEscaping.escape(id(release)))</id>
                <title>v\(release.version) \(HTMLEscaping.escape(release.title))</title>
                <updated>\(ReleaseFeeds.timestamp(release.date))</updated>
                <published>\(ReleaseFeeds.timestamp(release.date))</published>
                <link rel="alternate" type="text/html" href="\(HTMLEscaping.escape(paths.absolute(entry.path)))"/>
                <category term="\(release.type.rawValue)" label="\(release.type.label)"/>
                <summary>\(HTMLEscaping.escape(release.summary))</summary>
                <content type="html">\(HTMLEscaping.escape(content(entry)))</content>
                </entry>

                """
        }
        xml += "</feed>\n"
        return OutputFile(audience: .public, path: "releases/atom.xml", text: xml)
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
