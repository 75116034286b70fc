/// Who may read an output. Each audience is its own folder under the output folder, so what
/// is internal can never be published by linking or copying into the wrong tree.
public enum Audience: String, Sendable, CaseIterable, Comparable {
    /// Anyone: the help center, release notes, feeds (`output/public/`).
    case `public`
    /// Clinic administrators: status reports, newsletters, training (`output/customers/`).
    case customers
    /// The team: KPI dashboards, roadmap (`output/internal/`).
    case `internal`
    /// Mail-ready HTML and text (`output/email/`).
    case email

    /// The folder under the output folder.
    public var folder: String { rawValue }

    public static func < (lhs: Audience, rhs: Audience) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One file of the build's output.
public struct OutputFile: Sendable, Equatable {
    public var audience: Audience
    /// Path inside the audience folder, `/`-separated, e.g. `kb/faq/login/index.html`.
    public var path: String
    /// The content: bytes, text kept as a `String` so it is written without a copy, or a site
    /// file copied piece by piece as it is written.
    public var content: Content

    /// A file's content.
    public enum Content: Sendable, Equatable {
        case bytes([UInt8])
        case text(String)
        /// The site file at `source` (checked inside the site and readable by `SiteFileSystem.copied`),
        /// copied when the file is written: a copied file's size costs no memory. `followingLinks`:
        /// `source` was a link (inside the site) when checked; otherwise a link there now fails the copy.
        case copy(source: String, followingLinks: Bool)
    }

    /// The content as bytes; nil for a copy, whose bytes are read only as it is written.
    public var bytes: [UInt8]? {
        switch content {
        case .bytes(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        case .copy: return nil
        }
    }

    public init(audience: Audience, path: String, content: Content) {
        self.audience = audience
        self.path = path
        self.content = content
    }

    public init(audience: Audience, path: String, bytes: [UInt8]) {
        self.audience = audience
        self.path = path
        self.content = .bytes(bytes)
    }

    public init(audience: Audience, path: String, text: String) {
        self.audience = audience
        self.path = path
        self.content = .text(text)
    }
}
