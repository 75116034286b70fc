import KairanCore

/// What a request path names on one of the preview's ports.
enum PreviewRoute: Equatable {
    /// A file of a built tree.
    case file(Audience, String)
    case redirect(String)
    case notFound
    /// The live-reload event stream (server-sent events).
    case events
    /// The live-reload script injected into HTML responses.
    case script
}

/// Maps request paths to the built trees without changing a byte of them: the help center at `/`
/// (under its base path), the internal tree at `/_internal/` and the email tree at `/_email/` (both
/// link relatively), and the customers' portal on a port of its own (its links are site-absolute
/// and would collide with the help center's: `/releases/…`, `/assets/…`).
struct PreviewRouter: Sendable {
    enum Port: Sendable { case main, customers }

    static let internalPrefix = "/_internal/"
    static let emailPrefix = "/_email/"
    static let customersPrefix = "/_customers/"
    static let eventsPath = "/_kairan/events"
    static let scriptPath = "/_kairan/live-reload.js"

    let port: Port
    /// The path each tree's links start with (`/`, or `/help/` when `base_url` has a path).
    var basePaths: [Audience: String] = [:]
    /// `http://127.0.0.1:1314`: where `/_customers/` on the main port redirects.
    var customersOrigin: String?

    /// The route of `path` (percent-decoded, starting with `/`); `exists` says whether a tree holds a file.
    func route(_ path: String, exists: (Audience, String) -> Bool) -> PreviewRoute {
        if path == PreviewRouter.eventsPath { return .events }
        if path == PreviewRouter.scriptPath { return .script }
        switch port {
        case .customers:
            return tree(.customers, path, base: basePaths[.customers] ?? "/", exists: exists)
        case .main:
            if path + "/" == PreviewRouter.internalPrefix || path + "/" == PreviewRouter.emailPrefix { return .redirect(path + "/") }
            if path.hasPrefix(PreviewRouter.internalPrefix) { return tree(.internal, path, base: PreviewRouter.internalPrefix, exists: exists) }
            if path.hasPrefix(PreviewRouter.emailPrefix) { return tree(.email, path, base: PreviewRouter.emailPrefix, exists: exists) }
            if let origin = customersOrigin, path + "/" == PreviewRouter.customersPrefix || path.hasPrefix(PreviewRouter.customersPrefix) {
                let rest = path.dropFirst(min(path.count, PreviewRouter.customersPrefix.count))
                return .redirect(origin + (basePaths[.customers] ?? "/") + rest)
            }
            return tree(.public, path, base: basePaths[.public] ?? "/", exists: exists)
        }
    }

    private func tree(_ audience: Audience, _ path: String, base: String, exists: (Audience, String) -> Bool) -> PreviewRoute {
        if path == "/" && base != "/" { return .redirect(base) }
        if path + "/" == base { return .redirect(base) }
        guard path.hasPrefix(base) else { return .notFound }
        let rest = String(path.dropFirst(base.count))
        if rest.isEmpty || rest.hasSuffix("/") {
            let index = rest + "index.html"
            return exists(audience, index) ? .file(audience, index) : .notFound
        }
        if exists(audience, rest) { return .file(audience, rest) }
        if exists(audience, rest + "/index.html") { return .redirect(path + "/") }
        return .notFound
    }
}
