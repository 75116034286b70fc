/// An old URL that sends readers on to a page: one entry of a page's `aliases:`, checked and
/// made a site path. Each is a redirect page at `from` (see `RedirectPages`) and a line of `_redirects`.
public struct Redirect: Sendable, Equatable {
    /// The old site path: `/kb/old-category/old-slug/` (a folder) or `/old/page.html` (a file).
    public var from: String
    /// The site path of the page it leads to.
    public var to: String
    /// The title of that page, for the redirect page's visible link.
    public var title: String
    /// The Markdown file whose `aliases:` lists it.
    public var source: String
    /// Where the alias is written.
    public var location: SourceLocation
}

/// Turns `aliases:` into redirects: an alias is a site path (under the base path, like a
/// site-absolute link) or a full URL that starts with `base_url`; a query, a fragment, `.`/`..`
/// segments, another host and a file name other than `*.html` are located errors. Collisions
/// with pages, files and other aliases are found with the plan (`PlanRules`).
public enum RedirectResolver {
    /// The page a list of aliases leads to.
    public struct Target: Sendable {
        public var aliases: [Alias]
        public var path: String
        public var title: String
        public var source: String

        public init(aliases: [Alias], path: String, title: String, source: String) {
            self.aliases = aliases
            self.path = path
            self.title = title
            self.source = source
        }
    }

    /// The redirects of `targets`, in their order (an alias that is wrong is logged and left out).
    public static func resolve(_ targets: [Target], paths: SitePaths, log: DiagnosticLog) -> [Redirect] {
        var redirects: [Redirect] = []
        for target in targets {
            for alias in target.aliases {
                guard let from = sitePath(of: alias, paths: paths, log: log) else { continue }
                if from == target.path {
                    log.error(alias.location, "alias \(alias.text) is the page's own URL", hint: "remove it: an alias names an old URL the page no longer has")
                    continue
                }
                redirects.append(Redirect(from: from, to: target.path, title: target.title, source: target.source, location: alias.location))
            }
        }
        return redirects
    }

    /// The targets of the help center: categories, sections and articles with `aliases:`.
    public static func targets(of center: HelpCenter) -> [Target] {
        var targets: [Target] = []
        for page in center.categories where !page.category.aliases.isEmpty {
            targets.append(Target(aliases: page.category.aliases, path: page.path, title: page.category.title, source: page.category.location.file))
        }
        for page in center.sections where !page.section.aliases.isEmpty {
            targets.append(Target(aliases: page.section.aliases, path: page.path, title: page.section.title, source: page.section.location.file))
        }
        for entry in center.articles where !entry.article.aliases.isEmpty {
            targets.append(Target(aliases: entry.article.aliases, path: entry.path, title: entry.article.title, source: entry.article.sourcePath))
        }
        return targets
    }

    /// The site path an alias names, or nil after logging why it cannot be one.
    static func sitePath(of alias: Alias, paths: SitePaths, log: DiagnosticLog) -> String? {
        let hint = "write the old path as it was under the site, e.g. `/kb/old-category/old-slug/`, or the old full URL starting with \(paths.baseURL)"
        var text = alias.text
        if URLPolicy.scheme(of: text) != nil || text.hasPrefix("//") {
            let baseWithoutSlash = String(paths.baseURL.dropLast())
            if text.hasPrefix(paths.baseURL) {
                text = "/" + text.dropFirst(paths.baseURL.count)
            } else if text == baseWithoutSlash {
                text = "/"
            } else {
                log.error(alias.location, "alias \(alias.text) is not a URL of this site (base_url \(paths.baseURL))", hint: hint)
                return nil
            }
        }
        guard text.hasPrefix("/") else {
            log.error(alias.location, "alias \"\(alias.text)\" must start with `/` or with the site's URL", hint: hint)
            return nil
        }
        if text.contains("?") || text.contains("#") {
            log.error(alias.location, "alias \(alias.text) has a query or a fragment; a redirect page can only stand at a path", hint: hint)
            return nil
        }
        let decoded = LinkResolver.percentDecoded(text)
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (position, segment) in segments.enumerated() {
            let last = position == segments.count - 1
            if segment.isEmpty && last { continue }
            if segment.isEmpty || segment.hasPrefix(".") || segment.utf8.count > SlugRules.maxBytes
                || segment.unicodeScalars.contains(where: { $0 == "\\" || $0.properties.generalCategory == .control }) {
                log.error(alias.location, "alias \(alias.text) has a path segment \"\(segment)\" that cannot be a folder or file name",
                          hint: "no empty, `.` or `..` segments, no leading `.`, at most \(SlugRules.maxBytes) bytes each")
                return nil
            }
        }
        if decoded.hasSuffix("/") { return decoded }
        let name = decoded.split(separator: "/").last ?? ""
        if name.hasSuffix(".html") || name.hasSuffix(".htm") { return decoded }
        if name.contains(".") {
            log.error(alias.location, "alias \(alias.text) names a file that is not a page; a redirect page is HTML",
                      hint: "an alias is a folder path (`/kb/old/`) or an `.html` file; send other files on with your host's own rules")
            return nil
        }
        return decoded + "/"
    }

    /// `_redirects` (Netlify, Cloudflare Pages): `/old /new 301`, one per line, sorted by old path;
    /// paths are written as links are (base path, percent-encoded).
    public static func redirectsFile(_ redirects: [Redirect], paths: SitePaths) -> String {
        let lines = redirects.map { paths.href($0.from) + " " + paths.href($0.to) + " 301" }
        return lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { $0 + "\n" }.joined()
    }
}
