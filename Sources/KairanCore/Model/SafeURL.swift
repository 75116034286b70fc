/// An address from site data that is safe to write into `href` or `src`: an `https:`, `http:`,
/// `mailto:` or `tel:` URL, or a path of the site (`/…`, not `//…`).
///
/// Every URL read from data (site.yaml, front matter, schedule) becomes a `SafeURL` when it is
/// loaded, through ``init(_:)`` and ``URLPolicy``, so the model cannot hold a `javascript:` link.
public struct SafeURL: Hashable, Sendable, CustomStringConvertible {
    /// What an address leads to.
    public enum Kind: Sendable, Hashable {
        /// `https:` or `http:`.
        case web
        /// `mailto:`.
        case mail
        /// `tel:`.
        case phone
        /// A path of the site, `/support/`.
        case sitePath
    }

    /// The address as written.
    public let text: String
    public let kind: Kind

    /// `text` when ``URLPolicy`` accepts it.
    public init(_ text: String) throws(URLPolicy.Violation) {
        self.text = text
        self.kind = try URLPolicy.check(text)
    }

    /// A path Kairan makes itself (`SitePaths`, `ReleaseNotes`); never for data.
    init(sitePath: String) {
        self.text = sitePath
        self.kind = .sitePath
    }

    public var description: String { text }
}

/// The one rule for URL schemes, shared by data values (``SafeURL``) and links in Markdown
/// (`LinkResolver`): a URL is read as a browser reads it — leading and trailing C0 controls and
/// spaces removed, every tab, CR and LF removed, the scheme compared without case — so
/// ` JaVa\tScRiPt:` is `javascript:`.
public enum URLPolicy {
    /// Why a value is not a safe URL, for a located error.
    public struct Violation: Error, Equatable, Sendable {
        public var message: String
        public var hint: String
        /// True when the value is well-formed text but neither a safe URL nor a site path
        /// (`example.com/x`): fields with a narrower rule state that rule instead.
        public var isUnknownForm = false
    }

    /// The schemes a link may use and what each leads to.
    public static let safeSchemes: [String: SafeURL.Kind] = ["https": .web, "http": .web, "mailto": .mail, "tel": .phone]

    static let hint = "write a full address such as https://example.com/form, mailto:support@example.com, tel:0120000000, "
        + "or a path of this site such as /support/"

    /// The scheme a browser reads in `text`, lowercased (`javascript`), or nil for a relative URL.
    public static func scheme(of text: String) -> String? {
        var scheme = ""
        var started = false
        for scalar in text.unicodeScalars {
            if isIgnoredAnywhere(scalar) { continue }
            if !started {
                if scalar.value <= 0x20 { continue }  // leading C0 controls and spaces
                started = true
            }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            guard isLetter || (!scheme.isEmpty && (("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."))
            else { return nil }
            scheme.unicodeScalars.append(isLetter ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)  // lowercased
        }
        return nil
    }

    /// Whether links may use `scheme` (as ``scheme(of:)`` gives it).
    public static func isSafe(scheme: String) -> Bool { safeSchemes[scheme] != nil }

    /// What `text` leads to, or why it may not be written into a page.
    public static func check(_ text: String) throws(Violation) -> SafeURL.Kind {
        if text.isEmpty { throw Violation(message: "is empty", hint: hint) }
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, first.value <= 0x20 || last.value <= 0x20 {
            throw Violation(message: "starts or ends with a space or control character", hint: "remove the spaces around the address")
        }
        if let bad = text.unicodeScalars.first(where: { isIgnoredAnywhere($0) || ForbiddenCharacter.isForbidden($0) }) {
            throw Violation(message: "contains the character \(ForbiddenCharacter.name(bad.value))",
                            hint: "write the address on one line without tabs or control characters")
        }
        if let scheme = scheme(of: text) {
            guard let kind = safeSchemes[scheme] else {
                throw Violation(message: "uses the scheme `\(scheme):`, which pages may not link to", hint: hint)
            }
            return kind
        }
        guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\") else {
            throw Violation(message: "is neither an https:, http:, mailto: or tel: address nor a site path starting with a single /",
                            hint: hint, isUnknownForm: true)
        }
        return .sitePath
    }

    /// Tab, LF and CR: browsers remove them anywhere in a URL.
    private static func isIgnoredAnywhere(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
}
