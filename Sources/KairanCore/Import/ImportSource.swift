/// The documentation tools `kairan import` reads, and what differs between them: where the
/// Markdown lives, which file is a folder's own page, and the URL each page had.
public enum ImportSource: String, CaseIterable, Sendable {
    case hugo, vitepress, mkdocs

    /// The folder holding the Markdown, relative to the source site (`content` for Hugo, `docs`
    /// for MkDocs and, when there is one, VitePress; MkDocs' `docs_dir:` in mkdocs.yml is honoured).
    func contentRoot(in source: String, fileSystem: FileSystem) -> String {
        switch self {
        case .hugo: return "content"
        case .vitepress: return fileSystem.kind(of: joinPath(source, "docs")) == .directory ? "docs" : ""
        case .mkdocs:
            if let bytes = try? fileSystem.read(joinPath(source, "mkdocs.yml"), limit: 1_000_000) {
                for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix("docs_dir:") {
                    let value = line.dropFirst("docs_dir:".count).trimmingPrefix(" ")
                    let folder = String(value).trimmedOfWhitespace.trimmingQuotes
                    if !folder.isEmpty { return folder }
                }
            }
            return "docs"
        }
    }

    /// Whether `name` is the page of its folder (Hugo's `_index.md`; `index.md` elsewhere, and MkDocs' `README.md`).
    func isFolderPage(_ name: String) -> Bool {
        switch self {
        case .hugo: return name == "_index.md"
        case .vitepress: return name == "index.md"
        case .mkdocs: return name == "index.md" || name == "README.md"
        }
    }

    /// Whether a Hugo leaf bundle (`setup/index.md`) is the page named by its folder.
    var hasLeafBundles: Bool { self == .hugo }

    /// The URL path the page at `folders` + `slug` had (`isFolderPage`: the folder's page).
    func route(folders: [String], slug: String?) -> String {
        let base = folders.isEmpty ? "/" : "/" + folders.joined(separator: "/") + "/"
        guard let slug else { return base }
        switch self {
        case .hugo, .mkdocs: return base + slug + "/"
        case .vitepress: return base + slug + ".html"
        }
    }

    /// Folders that hold no content pages.
    func skipsFolder(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "node_modules" || (self == .vitepress && name == "public")
    }

    /// Where site-absolute files (`/images/a.png`) live in the source, relative to the source site.
    func staticRoot(contentRoot: String) -> String {
        switch self {
        case .hugo: return "static"
        case .vitepress: return contentRoot.isEmpty ? "public" : contentRoot + "/public"
        case .mkdocs: return contentRoot
        }
    }
}

extension String {
    /// The text without one pair of surrounding quotes.
    var trimmingQuotes: String {
        if count >= 2, let first, let last, first == last, first == "\"" || first == "'" { return String(dropFirst().dropLast()) }
        return self
    }
}
