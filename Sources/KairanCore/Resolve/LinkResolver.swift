/// Decides what a link in Markdown becomes: a page URL, an asset URL, an untouched external
/// link, or a problem to report. Built once per build from the resolved site, shared by all pages.
public struct LinkResolver: Sendable {
    /// What happens to one link.
    public enum Resolution: Sendable, Equatable {
        /// Leave the link as written.
        case keep
        /// Point the link at `url`; `targetSource` names the linked Markdown file when there is one.
        case rewrite(url: String, targetSource: String?, fragment: String?)
        /// Remove the link, keep its text: an unsafe scheme.
        case drop(reason: String)
        /// A link to something that does not exist.
        case broken(message: String, hint: String)
    }

    /// Markdown source path → page URL path (`content/kb/faq/login.md` → `/kb/faq/login/`).
    public var pages: [String: String] { didSet { sourcesByPath = LinkResolver.inverted(pages) } }
    /// Page URL path → its Markdown source, for checking the `#fragment` of a site-absolute link.
    private var sourcesByPath: [String: String]
    /// Files under `content/` that are copied to the output (relative to the site folder).
    public var assets: Set<String>
    /// Every page path the build writes (`/kb/faq/`), for checking site-absolute links.
    public var sitePaths: Set<String>
    /// The base URL's path, `/` or `/help/`.
    public var basePath: String
    /// Paths of internal pages and files (`/kpi/`, `/kpi/<id>/`, `/kpi/kpis.json`, `/roadmap/`, internal
    /// release notes), written in the same site-absolute form as `sitePaths` though they live in the
    /// internal tree. A link from public Markdown to one of them is broken: public pages cannot link
    /// to internal ones.
    public var internalPaths: Set<String>
    /// Markdown files whose own pages are internal (internal release notes): they may link to internal pages.
    public var internalSources: Set<String>
    /// Site paths of the public help center, for a tree that is not the public one (the customers'
    /// portal): a `/…` link to one of them becomes an absolute URL under `publicBaseURL`.
    public var publicPaths: Set<String> = []
    /// Markdown files that failed to load (their errors are reported): a link to one says nothing more.
    public var brokenSources: Set<String> = []
    /// Markdown files dated after the build date (left out until then) → that date: a link to one
    /// is an error saying so, as the page would link to a page that does not exist yet.
    public var scheduledSources: [String: CivilDate] = [:]
    public var publicBaseURL = ""

    public init(pages: [String: String], assets: Set<String>, sitePaths: Set<String>, basePath: String,
                internalPaths: Set<String> = [], internalSources: Set<String> = []) {
        self.pages = pages
        self.sourcesByPath = LinkResolver.inverted(pages)
        self.assets = assets
        self.sitePaths = sitePaths
        self.basePath = basePath
        self.internalPaths = internalPaths
        self.internalSources = internalSources
    }

    /// How a page is linked: a site path under the base path, percent-encoded (`/kb/請求/` →
    /// `/help/kb/%E8%AB%8B%E6%B1%82/`); an absolute URL (another tree's page) as it is.
    func href(_ url: String) -> String {
        url.hasPrefix("/") ? basePath + SitePaths.percentEncoded(String(url.dropFirst())) : url
    }

    /// Whether the site path `path` (`/kpi/`, `/kpi/index.html`) is an internal page.
    func isInternal(_ path: String) -> Bool {
        let folder = path.hasSuffix("/index.html") ? String(path.dropLast("index.html".count)) : path
        return internalPaths.contains(path) || internalPaths.contains(folder)
    }

    private static func internalLink(_ destination: String, _ path: String) -> Resolution {
        .broken(message: "link to \(destination): \(path) is an internal page; public pages cannot link to internal ones",
                hint: "remove the link; internal pages (KPIs, roadmap, internal release notes) are only for the team")
    }

    /// Resolves `destination` written in the Markdown file `source`.
    public func resolve(_ destination: String, from source: String) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") { return .keep }
        // The scheme as a browser reads it (URLPolicy, the rule data URLs follow too).
        if let scheme = URLPolicy.scheme(of: destination) {
            return URLPolicy.isSafe(scheme: scheme)
                ? .keep : .drop(reason: "link scheme `\(scheme):` is not allowed; the link was removed and its text kept")
        }
        if destination.hasPrefix("//") { return .keep }
        var path = destination
        var fragment: String?
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = LinkResolver.percentDecoded(path)
        if path.hasPrefix("/") {
            let normalized = path.hasSuffix("/") || path.utf8.contains(UInt8(ascii: ".")) ? path : path + "/"
            let internalTarget = isInternal(normalized)
            if internalTarget && !internalSources.contains(source) { return LinkResolver.internalLink(destination, normalized) }
            if !internalTarget && !sitePaths.contains(normalized) && !sitePaths.contains(path) {
                for candidate in [normalized, path] where publicPaths.contains(candidate) {
                    return .rewrite(url: publicBaseURL + SitePaths.percentEncoded(String(candidate.dropFirst())) + (fragment.map { "#" + $0 } ?? ""),
                                    targetSource: nil, fragment: fragment)
                }
                return .broken(message: "link to \(destination) matches no page of the site",
                               hint: "link to the Markdown file instead, e.g. ../faq/login.md")
            }
            return .rewrite(url: basePath + normalized.dropFirst() + (fragment.map { "#" + $0 } ?? ""), targetSource: nil, fragment: fragment)
        }
        let target = LinkResolver.join(directory: LinkResolver.directory(of: source), path)
        if target.hasSuffix(".md") {
            guard let url = pages[target] else {
                if brokenSources.contains(target) { return .keep }
                if let date = scheduledSources[target] {
                    return .broken(message: "link to \(destination): \(target) is scheduled for \(date.iso) and not published before then",
                                   hint: "remove the link until \(date.iso), date this page \(date.iso) or later too, or build with --future")
                }
                return .broken(message: "link to \(destination) points to \(target), which does not exist",
                               hint: "check the file name, or create \(target)")
            }
            if isInternal(url) && !internalSources.contains(source) { return LinkResolver.internalLink(destination, url) }
            return .rewrite(url: href(url) + (fragment.map { "#" + $0 } ?? ""), targetSource: target, fragment: fragment)
        }
        if assets.contains(target) {
            let published = target.hasPrefix("content/") ? String(target.dropFirst("content".count)) : "/" + target
            // The asset is named as the link's target so that only assets a published page uses are published.
            return .rewrite(url: basePath + published.dropFirst(), targetSource: target, fragment: fragment)
        }
        return .broken(message: "link to \(destination) points to \(target), which does not exist",
                       hint: "put the file under content/ next to the article, or fix the path")
    }

    /// The Markdown source of the page a site-absolute link (`/kb/a/b/#手順`) names, if it is one.
    public func pageSource(ofSitePath destination: String) -> String? {
        guard destination.hasPrefix("/"), !destination.hasPrefix("//") else { return nil }
        var path = destination
        if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = LinkResolver.percentDecoded(path)
        if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
        if !path.hasSuffix("/") { path += "/" }
        return sourcesByPath[path]
    }

    private static func inverted(_ pages: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        // Sorted, so that two sources of one path (an error reported elsewhere) pick the same one each build.
        for (source, path) in pages.sorted(by: { $0.key < $1.key }) where result[path] == nil { result[path] = source }
        return result
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Joins a relative path to a folder, resolving `.` and `..`; `..` above the root stays out.
    static func join(directory: String, _ relative: String) -> String {
        var parts = directory.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() } else { parts.append("..") }; continue }
            parts.append(String(part))
        }
        return parts.joined(separator: "/")
    }

    /// `%E8%AB%8B` → `請`; invalid escapes are left as they are.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
