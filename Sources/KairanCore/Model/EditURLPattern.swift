/// `edit_url` of site.yaml: the address of a page's source in the team's repository, with
/// `{path}` standing for the source file's path relative to the site
/// (`https://github.com/org/repo/edit/main/{path}` → `…/edit/main/content/kb/faq/login.md`).
public struct EditURLPattern: Sendable, Equatable {
    /// What stands for the source path.
    public static let placeholder = "{path}"

    /// The pattern as written.
    public let pattern: String

    /// A pattern is a web address (`https:` or `http:`) that holds `{path}` once, in its path,
    /// query or fragment, and no other `{` or `}`.
    public init(_ text: String) throws(URLPolicy.Violation) {
        let example = "e.g. `edit_url: https://github.com/org/repo/edit/main/{path}`"
        let url = try SafeURL(text)
        guard url.kind == .web else {
            throw URLPolicy.Violation(message: "must be a web address (https:// or http://) holding {path}", hint: example)
        }
        let pieces = text.split(separator: EditURLPattern.placeholder, omittingEmptySubsequences: false)
        guard pieces.count == 2 else {
            throw URLPolicy.Violation(message: pieces.count < 2 ? "must hold {path}, the source file's path" : "must hold {path} only once",
                                      hint: example)
        }
        guard !pieces.joined().contains(where: { $0 == "{" || $0 == "}" }) else {
            throw URLPolicy.Violation(message: "may hold no placeholder but {path}", hint: example)
        }
        // `{path}` after the host: `https://{path}` would make the source path a host name.
        let afterScheme = pieces[0].firstRange(of: "://").map { pieces[0][$0.upperBound...] } ?? pieces[0]
        guard afterScheme.contains("/") || afterScheme.contains("?") || afterScheme.contains("#") else {
            throw URLPolicy.Violation(message: "must hold {path} after the host name", hint: example)
        }
        pattern = text
    }

    /// The address for the source `source` (relative to the site), its segments percent-encoded.
    public func url(for source: String) -> String {
        pattern.replacing(EditURLPattern.placeholder, with: SitePaths.percentEncoded(source))
    }
}
