/// What `kairan new` makes: one source file with its front matter filled, ready to edit.
public enum ScaffoldKind: Sendable, Equatable {
    /// A help article in a category (`content/kb/<category>/<slug>.md`), weighted after the others.
    case article(category: String, slug: String?)
    /// A release note: `nil` or `major` for the next major (x.y+1.0, dated the schedule's next
    /// release day), `minor` or `hotfix` for the next patch, or an explicit version.
    case release(String?)
    /// This ISO week's note of the weekly status report.
    case weekly
    /// Next month's newsletter, dated its first business day (第1営業日).
    case newsletter
}

/// A file to create: its path relative to the site folder and its text.
public struct Scaffold: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// Why `kairan new` made nothing (a usage error: exit 2).
public enum ScaffoldError: Error, Equatable, CustomStringConvertible {
    case siteDoesNotLoad([Diagnostic])
    case unknownCategory(String, known: [String])
    case invalidSlug(String, problem: String)
    case invalidVersion(String)
    case versionNotAfterLatest(String, latest: String)
    case exists(String)

    public var description: String {
        switch self {
        case .siteDoesNotLoad(let diagnostics):
            return (diagnostics.map(\.description) + ["error: the site does not load; fix site.yaml first"]).joined(separator: "\n")
        case .unknownCategory(let category, let known):
            return "error: no category `\(category)` (content/kb/\(category)/_index.md)\n    hint: one of: \(known.joined(separator: ", "))"
        case .invalidSlug(let slug, let problem):
            return "error: `\(slug)` cannot be a slug: \(problem)\n    hint: \(SlugRules.hint(for: slug))"
        case .invalidVersion(let text):
            return "error: `\(text)` is not a version\n    hint: give a version such as 1.8.0, or major, minor or hotfix"
        case .versionNotAfterLatest(let version, let latest):
            return "error: v\(version) is not after the latest release v\(latest)\n    hint: leave the version out to get the next one"
        case .exists(let path):
            return "error: \(path) already exists; refusing to overwrite it\n    hint: edit it, or give another name"
        }
    }
}
