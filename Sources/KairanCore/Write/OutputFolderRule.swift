/// Which folders `build` may manage as its output, judged by their real path (a link is judged by
/// what it points to) before anything is written.
///
/// The output folder is the site's own `output/`, or a folder that is missing (then created),
/// empty, or marked by Kairan (`.kairan-output`). It is never `/`, a home folder, the site or an
/// ancestor of it, or inside the site's `content/`, `static/` or `templates/`: Kairan replaces
/// what it finds there on every build.
public enum OutputFolderRule {
    static let hint = "choose an empty or missing folder, or the site's output/ (the default); Kairan replaces the audience folders of its output folder on every build"

    /// The real path of the output folder `output` of the site at `site`, or the refusal.
    /// `home` is the user's home folder (`$HOME`).
    public static func check(_ output: String, site: String, home: String?, fileSystem: FileSystem) throws(OutputRefusal) -> String {
        guard let real = resolve(output, fileSystem) else {
            throw refusal(output, "its path cannot be resolved (a dangling link, or `..` after a missing folder)")
        }
        let shown = real == output ? output : "\(output) (\(real))"
        func refuse(_ reason: String, hint: String = hint) -> OutputRefusal { refusal(shown, reason, hint: hint) }
        if real == "/" { throw refuse("it is the file-system root") }
        let homes = [home.flatMap { resolve($0, fileSystem) }, "/root"].compactMap { $0 }
        if homes.contains(real) || isHomeFolder(real) { throw refuse("it is a home folder") }
        let siteReal = resolve(site, fileSystem) ?? site
        if real == siteReal { throw refuse("it is the site folder") }
        if contains(real, siteReal) { throw refuse("it holds the site folder \(site)") }
        for folder in ["content", "static", "templates"] where real == joinPath(siteReal, folder) || contains(joinPath(siteReal, folder), real) {
            throw refuse(real == joinPath(siteReal, folder) ? "it is the site's \(folder)/ folder" : "it is inside the site's \(folder)/ folder")
        }
        if real.split(separator: "/").contains(".kairan") { throw refuse("it is inside the .kairan/ folder of an output folder") }

        switch fileSystem.entryKind(of: real) {
        case .missing: return real
        case .file, .symbolicLink: throw refuse("it is a file; --output must be a folder")
        case .directory: break
        }
        if fileSystem.entryKind(of: joinPath(real, "site.yaml")) != .missing || fileSystem.entryKind(of: joinPath(real, "content")) == .directory {
            throw refuse("it looks like a site folder (it has site.yaml or content/)")
        }
        if fileSystem.entryKind(of: OutputLayout(root: real).marker) == .file { return real }
        for audience in Audience.allCases where fileSystem.entryKind(of: joinPath(real, audience.folder)) == .directory {
            throw refuse("its \(audience.folder)/ was not written by Kairan (there is no .kairan-output marker)",
                         hint: "move \(joinPath(output, audience.folder)) away, or choose another --output")
        }
        // The site's own output/ may hold other things; any other folder must be empty (`.kairan…`
        // names alone are a first build under way, or interrupted before its marker).
        if real != joinPath(siteReal, "output"), ((try? fileSystem.list(real)) ?? []).contains(where: { !$0.hasPrefix(".kairan") }) {
            throw refuse("it is not empty and Kairan did not write it (there is no .kairan-output marker)")
        }
        return real
    }

    private static func refusal(_ shown: String, _ reason: String, hint: String = hint) -> OutputRefusal {
        OutputRefusal("refusing --output \(shown): \(reason)", hint: hint)
    }

    /// The real path of `path`; for a missing one, the real path of its nearest existing ancestor
    /// with the missing names after it. Nil for a dangling link or a `.`/`..` after a missing name.
    static func resolve(_ path: String, _ fileSystem: FileSystem) -> String? {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if let real = fileSystem.realPath(path) { return real }
        guard fileSystem.entryKind(of: path) == .missing else { return nil }
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        guard !name.isEmpty, name != ".", name != ".." else { return nil }
        let parent = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        return resolve(parent, fileSystem).map { joinPath($0, name) }
    }

    /// Whether `inner` is strictly inside `outer` (both real paths).
    private static func contains(_ outer: String, _ inner: String) -> Bool {
        outer == "/" ? inner != "/" : inner.hasPrefix(outer + "/")
    }

    /// `/home/<name>`.
    private static func isHomeFolder(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        return path.hasPrefix("/home/") && parts.count == 2
    }
}
