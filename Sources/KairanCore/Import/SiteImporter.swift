/// `kairan import`: converts a Hugo, VitePress or MkDocs site's Markdown into Kairan's layout.
///
/// Folders become categories (`content/kb/<category>/_index.md`) and, one level below, sections
/// (`content/kb/<category>/<section>/_index.md`); deeper folders are folded into their section
/// (the file name keeps the path: `a-b-page.md`, noted). A folder's own page (`_index.md`,
/// `index.md`, `README.md`) becomes its `_index.md`; pages at the top go to the category
/// `general`. Front matter is rewritten with Kairan's keys (``ImportFrontMatter``), bodies with
/// callouts and `.md` links (``ImportBody``); each page's old URL becomes an `aliases:` entry.
/// Files the pages link to are copied beside them. Nothing in the Kairan site is overwritten.
public struct SiteImporter {
    public var source: ImportSource
    /// The source site's folder and the Kairan site's folder.
    public var sourceDirectory: String
    public var siteDirectory: String
    public var fileSystem: FileSystem
    /// Whether each page's old URL is kept as an `aliases:` entry.
    public var keepsOldURLs = true

    public init(source: ImportSource, sourceDirectory: String, siteDirectory: String, fileSystem: FileSystem) {
        self.source = source
        self.sourceDirectory = sourceDirectory
        self.siteDirectory = siteDirectory
        self.fileSystem = fileSystem
    }

    /// One Markdown file of the source and where it goes.
    struct Page {
        /// Relative to the source site (`content/guide/setup.md`) and to the content root (`guide/setup.md`).
        var file: String
        var relative: String
        var text: String
        var split: FrontMatter
        var frontMatter: ImportFrontMatter
        /// The page's old URL path.
        var route: String
        /// Kairan's folders below `content/kb/` and file name (`_index.md` for a folder's page).
        var folders: [String]
        var fileName: String
        var isFolderPage: Bool
        var target: String { (["content", "kb"] + folders + [fileName]).joined(separator: "/") }
    }

    /// Imports everything, or refuses before writing anything.
    public func run() throws -> ImportResult {
        var result = ImportResult()
        let root = source.contentRoot(in: sourceDirectory, fileSystem: fileSystem)
        let contentFolder = root.isEmpty ? sourceDirectory : joinPath(sourceDirectory, root)
        guard fileSystem.kind(of: contentFolder) == .directory else {
            throw ImportRefusal(description: "\(contentFolder) is not a folder: a \(source.rawValue) site keeps its pages in \(root.isEmpty ? "its folder" : root + "/")")
        }
        var markdown: [String] = []
        var others: Set<String> = []
        walk(contentFolder, prefix: "", markdown: &markdown, others: &others)
        var pages: [Page] = []
        var notes: [ImportNote] = []
        for relative in markdown {
            let file = root.isEmpty ? relative : root + "/" + relative
            guard let bytes = try? fileSystem.read(joinPath(contentFolder, relative), limit: nil) else {
                notes.append(ImportNote(file: file, line: 0, message: "cannot be read; not imported"))
                continue
            }
            let log = DiagnosticLog()
            guard let text = SourceText.decode(bytes, file: file, log: log) else {
                notes.append(ImportNote(file: file, line: log.items.first?.location.line ?? 0, message: "not UTF-8 text; not imported"))
                continue
            }
            let split = FrontMatter.split(text, file: file, log: log)
            for item in log.items { notes.append(ImportNote(file: file, line: item.location.line, message: item.message)) }
            let frontMatter = ImportFrontMatter(split, file: file, notes: &notes)
            if let page = place(relative, file: file, text: text, split: split, frontMatter: frontMatter, notes: &notes) { pages.append(page) }
        }
        pages = distinct(pages, notes: &notes)
        addMissingFolderPages(&pages, notes: &notes)

        // Old URLs and source files → pages, for links written either way.
        var byRoute: [String: Int] = [:]
        var byFile: [String: Int] = [:]
        for (index, page) in pages.enumerated() {
            byFile[page.relative] = index
            if !page.route.isEmpty { byRoute[SiteImporter.routeKey(page.route)] = index }
        }
        var copies: [String: String] = [:]  // target in the Kairan site → source file
        var outputs: [(path: String, bytes: [UInt8])] = []
        for page in pages {
            var pageNotes: [ImportNote] = []
            let link = { (destination: String, line: Int) -> String? in
                resolveLink(destination, from: page, pages: pages, byRoute: byRoute, byFile: byFile, others: others,
                            contentRoot: root, line: line, copies: &copies, notes: &pageNotes)
            }
            var body = ImportBody(source: source, file: page.file, link: link)
            let converted = body.convert(page.split.body.text.split(separator: "\n", omittingEmptySubsequences: false),
                                         firstLine: page.split.body.lineOffset + 1)
            pageNotes += body.notes
            let newURL = "/" + (["kb"] + page.folders).joined(separator: "/") + "/" + (page.isFolderPage ? "" : String(page.fileName.dropLast(3)) + "/")
            var aliases = page.frontMatter.texts("aliases")
            if keepsOldURLs, !page.route.isEmpty, page.route != newURL, !aliases.contains(page.route) { aliases.append(page.route) }
            var lines = page.frontMatter.kairanLines(folderPage: page.isFolderPage, aliases: aliases, file: page.file, notes: &pageNotes)
            let hasTitle = lines.contains { $0.hasPrefix("title:") } || ArticleParser.firstHeading(in: page.split.body.text) != nil
            if !hasTitle {
                let name = page.isFolderPage ? (page.folders.last ?? "general") : String(page.fileName.dropLast(3))
                lines.insert("title: " + ImportFrontMatter.quoted(name), at: 0)
                pageNotes.append(ImportNote(file: page.file, line: 1, message: "no title and no `# ` heading: titled \"\(name)\""))
            }
            let front = lines.isEmpty ? "" : "---\n" + lines.joined(separator: "\n") + "\n---\n"
            outputs.append((page.target, Array((front + converted.joined(separator: "\n")).utf8)))
            notes += pageNotes
            if page.isFolderPage { if page.folders.count == 1 { result.categories += 1 } else { result.sections += 1 } } else { result.articles += 1 }
        }
        for (target, from) in copies.sorted(by: { $0.key < $1.key }) {
            if let bytes = try? fileSystem.read(joinPath(sourceDirectory, from), limit: nil) {
                outputs.append((target, bytes))
            }
        }
        let siteYAML = joinPath(siteDirectory, "site.yaml")
        if fileSystem.kind(of: siteYAML) == .missing {
            let title = ImportFrontMatter.quoted(sourceDirectory.split(separator: "/").last.map(String.init) ?? "ヘルプセンター")
            outputs.append(("site.yaml", Array("title: \(title)\nbase_url: https://help.example.com/\n".utf8)))
            notes.append(ImportNote(file: "site.yaml", line: 0, message: "written with a placeholder base_url; set the site's address"))
        }
        let existing = outputs.map(\.path).filter { fileSystem.kind(of: joinPath(siteDirectory, $0)) != .missing }
        if !existing.isEmpty {
            throw ImportRefusal(description: "these files exist in \(siteDirectory) and would be replaced: \(existing.prefix(5).joined(separator: ", "))"
                                + (existing.count > 5 ? " and \(existing.count - 5) more" : "") + "; import into an empty site or move them first")
        }
        for output in outputs {
            try fileSystem.write(joinPath(siteDirectory, output.path), output.bytes)
            result.written.append(output.path)
        }
        result.notes = notes.sorted()
        return result
    }

    /// Markdown files and other files under `folder`, sorted, relative to the content root.
    private func walk(_ folder: String, prefix: String, markdown: inout [String], others: inout Set<String>) {
        guard let names = try? fileSystem.list(folder) else { return }
        for name in names {
            let path = joinPath(folder, name)
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            switch fileSystem.kind(of: path) {
            case .directory where !source.skipsFolder(name): walk(path, prefix: relative, markdown: &markdown, others: &others)
            case .file where name.hasSuffix(".md"): markdown.append(relative)
            case .file: others.insert(relative)
            default: continue
            }
        }
    }

    /// Where a source page goes; nil for the site's home page (Kairan writes its own).
    private func place(_ relative: String, file: String, text: String, split: FrontMatter, frontMatter: ImportFrontMatter,
                       notes: inout [ImportNote]) -> Page? {
        var folders = relative.split(separator: "/").map(String.init)
        let name = folders.removeLast()
        var isFolderPage = source.isFolderPage(name)
        var slug = String(name.dropLast(3))
        if source.hasLeafBundles, name == "index.md", let folder = folders.last {  // a Hugo leaf bundle: the folder is the page
            folders.removeLast()
            slug = folder
            isFolderPage = false
        }
        if let custom = frontMatter.text("slug") { slug = custom }
        var route = source.route(folders: folders, slug: isFolderPage ? nil : slug)
        if let url = frontMatter.text("url") { route = url.hasPrefix("/") ? url : "/" + url }
        if isFolderPage && folders.isEmpty {
            notes.append(ImportNote(file: file, line: 1, message: "the site's home page is not imported: Kairan writes its own home page"))
            return nil
        }
        var kairanFolders = folders.map { SiteImporter.slug($0) }
        if kairanFolders.isEmpty { kairanFolders = ["general"] }
        if kairanFolders.count > 2 {
            if isFolderPage {
                notes.append(ImportNote(file: file, line: 1, message: "folder page nested deeper than category/section is not imported; its pages join the section `\(kairanFolders[1])`"))
                return nil
            }
            slug = kairanFolders[2...].joined(separator: "-") + "-" + slug
            notes.append(ImportNote(file: file, line: 1, message: "nested deeper than category/section: imported into section `\(kairanFolders[0])/\(kairanFolders[1])` as `\(SiteImporter.slug(slug)).md`"))
            kairanFolders = Array(kairanFolders[0..<2])
        }
        let fileName = isFolderPage ? "_index.md" : SiteImporter.slug(slug) + ".md"
        return Page(file: file, relative: relative, text: text, split: split, frontMatter: frontMatter, route: route,
                    folders: kairanFolders, fileName: fileName, isFolderPage: isFolderPage)
    }

    /// Pages that would land on one file get `-2`, `-3` (noted).
    private func distinct(_ pages: [Page], notes: inout [ImportNote]) -> [Page] {
        var taken: Set<String> = []
        return pages.map { page in
            var page = page
            var number = 2
            let stem = String(page.fileName.dropLast(3))
            while taken.contains(page.target) && !page.isFolderPage {
                page.fileName = "\(stem)-\(number).md"
                number += 1
            }
            if page.fileName != stem + ".md" && !page.isFolderPage {
                notes.append(ImportNote(file: page.file, line: 1, message: "another page has the name `\(stem)`: imported as `\(page.fileName)`"))
            }
            taken.insert(page.target)
            return page
        }
    }

    /// Every category and section needs its `_index.md`: one titled by its folder where the source had none.
    private func addMissingFolderPages(_ pages: inout [Page], notes: inout [ImportNote]) {
        var have = Set(pages.filter(\.isFolderPage).map(\.folders))
        var needed: [[String]] = []
        for page in pages {
            for depth in 1...page.folders.count where depth < page.folders.count || !page.isFolderPage {
                let folders = Array(page.folders[0..<depth])
                if !have.contains(folders) { have.insert(folders); needed.append(folders) }
            }
        }
        for folders in needed {
            let title = folders == ["general"] ? "一般" : folders.last ?? ""
            let text = "---\ntitle: \(ImportFrontMatter.quoted(title))\n---\n"
            var ignored: [ImportNote] = []
            let split = FrontMatter.split(text, file: "", log: DiagnosticLog())
            pages.append(Page(file: "", relative: "", text: text, split: split, frontMatter: ImportFrontMatter(split, file: "", notes: &ignored),
                              route: "", folders: folders, fileName: "_index.md", isFolderPage: true))
            notes.append(ImportNote(file: (["content", "kb"] + folders + ["_index.md"]).joined(separator: "/"), line: 0,
                                    message: "written for a folder without its own page, titled \"\(title)\"; give it a title and summary"))
        }
    }

    /// A folder or file name as a Kairan slug: letters, digits, `-` and `_` kept, other runs to `-`.
    static func slug(_ name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        while result.hasPrefix("-") || result.hasPrefix(".") { result.removeFirst() }
        return result.isEmpty ? "page" : result
    }

    /// The form old URLs are compared in: no slashes at the ends, no `.html`, no trailing `index`.
    static func routeKey(_ route: String) -> String {
        var key = route
        if let hash = key.firstIndex(of: "#") { key = String(key[..<hash]) }
        if let query = key.firstIndex(of: "?") { key = String(key[..<query]) }
        while key.hasPrefix("/") { key.removeFirst() }
        while key.hasSuffix("/") { key.removeLast() }
        if key.hasSuffix(".html") { key.removeLast(5) }
        if key.hasSuffix(".md") { key.removeLast(3) }
        if key == "index" { key = "" } else if key.hasSuffix("/index") { key.removeLast(6) }
        return key
    }
}
