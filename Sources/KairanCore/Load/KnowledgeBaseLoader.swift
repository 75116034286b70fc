/// Loads `content/kb/`: one folder per category, one Markdown file per article, read in parallel.
public enum KnowledgeBaseLoader {
    /// A file to parse, with its place in the result.
    private struct Job: Sendable {
        var path: String
        var category: String
        var isIndex: Bool
    }

    private typealias Parsed = ArticleParseCache.Parsed

    /// Reads every category and article under `siteDirectory/content/kb`.
    public static func load(siteDirectory: String, fileSystem: FileSystem, concurrency: Int) async -> (KnowledgeBase, [Diagnostic]) {
        await load(siteDirectory: siteDirectory, fileSystem: fileSystem, concurrency: concurrency, cache: nil)
    }

    /// `cache`: the parses of an earlier build of the session, reused for files whose text is unchanged.
    static func load(siteDirectory: String, fileSystem: FileSystem, concurrency: Int, cache: ArticleParseCache?) async -> (KnowledgeBase, [Diagnostic]) {
        let root = "content/kb"
        let diagnostics = DiagnosticLog()
        guard fileSystem.kind(of: joinPath(siteDirectory, root)) == .directory else { return (KnowledgeBase(), []) }
        var jobs: [Job] = []
        var assets: [String] = []
        for top in SourceFolder.entries(root, siteDirectory: siteDirectory, fileSystem: fileSystem, log: diagnostics) where !top.name.hasPrefix(".") {
            let name = top.name
            let folder = joinPath(root, name)
            guard top.isDirectory else {
                if name.hasSuffix(".md") {
                    diagnostics.error(SourceLocation(file: folder), "articles must be inside a category folder",
                                      hint: "move it to content/kb/<category>/\(name)")
                } else {
                    assets.append(folder)
                }
                continue
            }
            if let problem = SlugRules.problem(with: name) {
                diagnostics.error(SourceLocation(file: folder), "category folder name \"\(name)\" \(problem)", hint: SlugRules.hint(for: name))
                continue
            }
            var hasIndex = false
            for entry in SourceFolder.entries(folder, siteDirectory: siteDirectory, fileSystem: fileSystem, log: diagnostics)
            where !entry.name.hasPrefix(".") {
                let file = entry.name
                let path = joinPath(folder, file)
                if entry.isDirectory {
                    for file in collectFiles(siteDirectory: siteDirectory, folder: path, fileSystem: fileSystem, log: diagnostics) {
                        if file.hasSuffix(".md") {
                            // Never copied: its draft front matter and notes would be published raw.
                            diagnostics.error(SourceLocation(file: file), "Markdown in a sub-folder of a category makes no page",
                                              hint: "articles live directly in their category folder: move it to \(folder)/")
                        } else {
                            assets.append(file)
                        }
                    }
                } else if file == "_index.md" {
                    hasIndex = true
                    jobs.append(Job(path: path, category: name, isIndex: true))
                } else if file.hasSuffix(".md") {
                    jobs.append(Job(path: path, category: name, isIndex: false))
                } else {
                    assets.append(path)
                }
            }
            if !hasIndex {
                diagnostics.error(SourceLocation(file: folder), "category \"\(name)\" has no _index.md",
                                  hint: "add \(folder)/_index.md with `title:` (and `summary:`, `weight:`)")
            }
        }
        let results = await ParallelMap.map(jobs, concurrency: concurrency) { job -> (Parsed?, [Diagnostic]) in
            let log = DiagnosticLog()
            guard let text = SourceText.read(job.path, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) else {
                return (nil, log.items)
            }
            if let cache, let (parsed, found) = cache.parsed(job.path, text: text) { return (parsed, log.items + found) }
            let parsed: Parsed?
            let parseLog = DiagnosticLog()
            if job.isIndex {
                parsed = ArticleParser.category(text: text, path: job.path, slug: job.category, log: parseLog).map(Parsed.category)
            } else {
                let fileSlug = String(job.path.split(separator: "/").last!.dropLast(3))
                parsed = ArticleParser.article(text: text, path: job.path, categorySlug: job.category, fileSlug: fileSlug, log: parseLog)
                    .map(Parsed.article)
            }
            cache?.store(job.path, text: text, parsed: parsed, diagnostics: parseLog.items)
            return (parsed, log.items + parseLog.items)
        }
        var base = KnowledgeBase(assets: assets.sorted())
        var all = diagnostics.items
        for (parsed, found) in results {
            all += found
            switch parsed {
            case .article(let article): base.articles.append(article)
            case .category(let category): base.categories.append(category)
            case nil: break
            }
        }
        base.categories.sort { ($0.weight, $0.slug) < ($1.weight, $1.slug) }
        let order = Dictionary(uniqueKeysWithValues: base.categories.enumerated().map { ($1.slug, $0) })
        base.articles.sort {
            (order[$0.categorySlug] ?? .max, $0.weight, $0.title, $0.slug, $0.sourcePath)
                < (order[$1.categorySlug] ?? .max, $1.weight, $1.title, $1.slug, $1.sourcePath)
        }
        return (base, all)
    }

    /// Every file below `folder`, recursively, relative to the site folder (names that are not UTF-8 are logged).
    static func collectFiles(siteDirectory: String, folder: String, fileSystem: FileSystem, log: DiagnosticLog) -> [String] {
        var found: [String] = []
        for entry in SourceFolder.entries(folder, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) where !entry.name.hasPrefix(".") {
            let path = joinPath(folder, entry.name)
            if entry.isDirectory {
                found += collectFiles(siteDirectory: siteDirectory, folder: path, fileSystem: fileSystem, log: log)
            } else {
                found.append(path)
            }
        }
        return found
    }
}
