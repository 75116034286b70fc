/// Links of an imported page, rewritten to what Kairan resolves: another page's `.md` file
/// (relative to the new file), a copied file beside the page, or kept as written.
extension SiteImporter {
    /// The new destination of `destination`, written on `line` of `page`; nil keeps it (noted when it matched nothing).
    func resolveLink(_ destination: String, from page: Page, pages: [Page], byRoute: [String: Int], byFile: [String: Int],
                     others: Set<String>, contentRoot: String, line: Int, copies: inout [String: String], notes: inout [ImportNote]) -> String? {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("//") || URLPolicy.scheme(of: destination) != nil { return nil }
        var path = destination
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = LinkResolver.percentDecoded(path)
        let folder = LinkResolver.directory(of: page.relative)
        var target: Int?
        if path.hasPrefix("/") {
            target = byRoute[SiteImporter.routeKey(path)] ?? byFile[String(path.dropFirst())]
        } else {
            let joined = LinkResolver.join(directory: folder, path)
            let stem = joined.hasSuffix(".html") ? String(joined.dropLast(5)) : joined
            for candidate in [joined, stem + ".md", stem + "/index.md", stem + "/_index.md", stem + "/README.md"] {
                if let found = byFile[candidate] { target = found; break }
            }
            // Hugo writes links relative to the page's URL (`../other/`), not to its file.
            if target == nil, !page.route.isEmpty {
                let base = page.route.hasSuffix("/") ? String(page.route.dropLast()) : LinkResolver.directory(of: page.route)
                target = byRoute[SiteImporter.routeKey(LinkResolver.join(directory: base, path))]
            }
        }
        if let target {
            return SiteImporter.relativePath(from: ["content", "kb"] + page.folders, to: pages[target].target) + fragment
        }
        // A file the page shows (an image): copied beside the new page.
        let asset = path.hasPrefix("/") ? source.staticRoot(contentRoot: contentRoot) + path
            : (contentRoot.isEmpty ? "" : contentRoot + "/") + LinkResolver.join(directory: folder, path)
        let relativeAsset = contentRoot.isEmpty ? asset : String(asset.dropFirst(contentRoot.count + 1))
        if others.contains(relativeAsset) || fileSystem.kind(of: joinPath(sourceDirectory, asset)) == .file {
            let name = asset.split(separator: "/").last.map(String.init) ?? asset
            var copy = (["content", "kb"] + page.folders + [name]).joined(separator: "/")
            if let existing = copies[copy], existing != asset {
                copy = (["content", "kb"] + page.folders + [SiteImporter.slug(LinkResolver.directory(of: asset)) + "-" + name]).joined(separator: "/")
            }
            copies[copy] = asset
            return String(copy.split(separator: "/").last ?? "") + fragment
        }
        notes.append(ImportNote(file: page.file, line: line, message: "link to \(destination) matches no page or file of the source site; kept as written"))
        return nil
    }

    /// The path from the folder `from` to the file `to` (`../billing/invoice.md`).
    static func relativePath(from folder: [String], to file: String) -> String {
        let target = file.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: folder.count - common) + target[common...]).joined(separator: "/")
    }
}
