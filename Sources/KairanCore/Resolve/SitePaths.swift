/// The URL scheme of the public site: where each page lives and how links to it are written.
public struct SitePaths: Sendable, Equatable {
    /// The absolute base URL with a trailing slash: `https://help.example.com/`.
    public var baseURL: String
    /// The base URL's path: `/` or `/help/`.
    public var basePath: String

    public init(baseURL: String) {
        self.baseURL = SiteConfigLoader.normalizedBaseURL(baseURL)
        if let schemeEnd = self.baseURL.range(of: "://"),
           let pathStart = self.baseURL[schemeEnd.upperBound...].firstIndex(of: "/") {
            basePath = String(self.baseURL[pathStart...])
        } else {
            basePath = "/"
        }
    }

    public static let home = "/"
    public static let support = "/support/"
    public static let tagsIndex = "/tags/"
    public static let notFound = "/404.html"

    public static func category(_ slug: String) -> String { "/kb/\(slug)/" }
    public static func article(category: String, slug: String) -> String { "/kb/\(category)/\(slug)/" }
    public static func section(category: String, slug: String) -> String { "/kb/\(category)/\(slug)/" }
    public static func article(category: String, section: String, slug: String) -> String { "/kb/\(category)/\(section)/\(slug)/" }
    public static func tag(_ slug: String) -> String { "/tags/\(slug)/" }

    /// The folder-safe slug of a tag: lowercase, spaces to `-`, characters other than letters,
    /// digits, `-`, `_` dropped. `初心者` stays `初心者`.
    public static func tagSlug(_ tag: String) -> String {
        var result = ""
        for scalar in tag.lowercased().unicodeScalars {
            if scalar == " " || scalar == "\u{3000}" || scalar == "/" { result.unicodeScalars.append("-") }
            else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? "tag" : result
    }

    /// `https://help.example.com` of `https://help.example.com/help/`: what a site path is appended to.
    public var origin: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return baseURL }
        let hostEnd = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") ?? baseURL.endIndex
        return String(baseURL[..<hostEnd])
    }

    /// `help.example.com` (no port): for tag URIs, Message-IDs and calendar UIDs.
    public var host: String {
        let authority = origin.range(of: "://").map { String(origin[$0.upperBound...]) } ?? origin
        let host = authority.split(separator: ":").first.map(String.init) ?? authority
        return host.isEmpty ? "localhost" : host
    }

    /// Rendered HTML whose site-path `href="/…"` and `src="/…"` are made absolute against
    /// `origin` (protocol-relative `//…` left alone): for feeds and email, read away from the site.
    public func absolutized(_ html: String) -> String {
        guard html.contains("=\"/") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 256)
        var rest = Substring(html)
        while let range = rest.firstRange(of: "=\"/") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let attribute = rest[..<range.lowerBound].suffix(4)
            out += (attribute.hasSuffix("href") || attribute.hasSuffix("src")) && !after.hasPrefix("/") ? "=\"" + origin + "/" : "=\"/"
            rest = after
        }
        return out + rest
    }

    /// A link to a site path, as written in pages: base path + percent-encoded path.
    public func href(_ path: String) -> String { basePath + SitePaths.percentEncoded(String(path.dropFirst())) }

    /// The absolute URL of a site path, for canonical links, sitemaps and feeds.
    public func absolute(_ path: String) -> String { baseURL + SitePaths.percentEncoded(String(path.dropFirst())) }

    /// The output file of a site path, relative to the audience folder: `/kb/x/` → `kb/x/index.html`.
    public static func file(for path: String) -> String {
        let relative = String(path.dropFirst())
        if relative.isEmpty { return "index.html" }
        return relative.hasSuffix("/") ? relative + "index.html" : relative
    }

    /// Percent-encodes everything but unreserved ASCII and `/` (UTF-8 paths become valid URLs).
    public static func percentEncoded(_ path: String) -> String {
        var needs = false
        for byte in path.utf8 where !isUnreserved(byte) { needs = true; break }
        if !needs { return path }
        let encodedCount = path.utf8.reduce(0) { $0 + (isUnreserved($1) ? 1 : 3) }
        // The result is ASCII: written straight into the string.
        return String(unsafeUninitializedCapacity: encodedCount) { out in
            var written = 0
            for byte in path.utf8 {
                if isUnreserved(byte) {
                    out[written] = byte
                    written += 1
                } else {
                    out[written] = 37
                    out[written + 1] = hexDigit(byte >> 4)
                    out[written + 2] = hexDigit(byte & 15)
                    written += 3
                }
            }
            return written
        }
    }

    /// `0`–`9`, `A`–`F` for 0…15.
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 48 + value : 55 + value }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            || byte == 45 || byte == 46 || byte == 95 || byte == 126 || byte == 47
    }
}
