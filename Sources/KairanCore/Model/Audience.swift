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
    /// The content: bytes, or text kept as a `String` so it is written without a copy.
    public var content: Content

    /// A file's content.
    public enum Content: Sendable, Equatable {
        case bytes([UInt8])
        case text(String)
    }

    /// The content as bytes.
    public var bytes: [UInt8] {
        switch content {
        case .bytes(let bytes): return bytes
        case .text(let text): return Array(text.utf8)
        }
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
