/// `sitemap.xml` and `robots.txt` for the public site.
public enum Sitemap {
    /// One URL of the sitemap.
    public struct Entry: Sendable {
        public var path: String
        public var lastModified: CivilDate?

        public init(path: String, lastModified: CivilDate?) {
            self.path = path
            self.lastModified = lastModified
        }
    }

    /// The sitemap protocol 0.9 document, entries in the order given.
    public static func xml(_ entries: [Entry], paths: SitePaths) -> OutputFile {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for entry in entries {
            text += "<url><loc>\(HTMLEscaping.escape(paths.absolute(entry.path)))</loc>"
            if let date = entry.lastModified { text += "<lastmod>\(date.iso)</lastmod>" }
            text += "</url>\n"
        }
        text += "</urlset>\n"
        return OutputFile(audience: .public, path: "sitemap.xml", text: text)
    }

    /// Allows every crawler and names the sitemap.
    public static func robots(paths: SitePaths) -> OutputFile {
        OutputFile(audience: .public, path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(paths.absolute("/sitemap.xml"))\n")
    }
}
