/// Loads `content/kb/`: one folder per category, optionally one level of section folders below
/// it, one Markdown file per article, read in parallel.
public enum KnowledgeBaseLoader {
    /// A file to parse, with its place in the result.
    private struct Job: Sendable {
        var path: String
        var category: String
        /// The section folder, for a section's `_index.md` and its articles.
        var section: String? = nil
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
                    jobs += sectionJobs(path, category: name, categoryFolder: folder, siteDirectory: siteDirectory, fileSystem: fileSystem,
                                        assets: &assets, log: diagnostics)
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
        var results = await ParallelMap.map(jobs, concurrency: concurrency) { job -> (Parsed?, [Diagnostic]) in
            let log = DiagnosticLog()
            guard let text = SourceText.read(job.path, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log) else {
                return (nil, log.items)
            }
            if let cache, let (parsed, found) = cache.parsed(job.path, text: text) { return (parsed, log.items + found) }
            let parsed: Parsed?
            let parseLog = DiagnosticLog()
            if job.isIndex, let section = job.section {
                parsed = ArticleParser.section(text: text, path: job.path, categorySlug: job.category, slug: section, log: parseLog)
                    .map(Parsed.section)
            } else if job.isIndex {
                parsed = ArticleParser.category(text: text, path: job.path, slug: job.category, log: parseLog).map(Parsed.category)
            } else {
                let fileSlug = String(job.path.split(separator: "/").last?.dropLast(3) ?? "")
                parsed = ArticleParser.article(text: text, path: job.path, categorySlug: job.category, sectionSlug: job.section,
                                               fileSlug: fileSlug, log: parseLog)
                    .map(Parsed.article)
            }
            cache?.store(job.path, text: text, parsed: parsed, diagnostics: parseLog.items)
            return (parsed, log.items + parseLog.items)
        }
        var base = KnowledgeBase(assets: assets.sorted())
        var all = diagnostics.items
        base.articles.reserveCapacity(results.count)
        // Moved out of the results in job order (`popLast` after a reversal), not copied: each
        // parse holds a dozen strings.
        results.reverse()
        while let (parsed, found) = results.popLast() {
            all += found
            switch parsed {
            case .article(let article): base.articles.append(article)
            case .category(let category): base.categories.append(category)
            case .section(let section): base.sections.append(section)
            case nil: break
            }
        }
        base.categories.sort { ($0.weight, $0.slug) < ($1.weight, $1.slug) }
        let order = Dictionary(uniqueKeysWithValues: base.categories.enumerated().map { ($1.slug, $0) })
        base.sections.sort {
            (order[$0.categorySlug] ?? .max, $0.weight, $0.slug) < (order[$1.categorySlug] ?? .max, $1.weight, $1.slug)
        }
        base.articles.sort(by: articleOrder(of: base))
        return (base, all)
    }

    /// `base` with `articles` (by source file, each an article of `base` parsed again) in place of
    /// the ones it has: what `load` gives when only those files changed.
    static func replacing(_ articles: [String: Article], in base: KnowledgeBase) -> KnowledgeBase {
        var base = base
        base.articles.removeAll { articles[$0.sourcePath] != nil }
        let precedes = articleOrder(of: base)
        for article in articles.values {
            // The order is total: the article's place is where a sort puts it.
            base.articles.insert(article, at: base.articles.partitioningIndex { !precedes($0, article) })
        }
        return base
    }

    /// The order of `base`'s articles (its categories and sections sorted): by category, the
    /// category's own articles before its sections', then weight, title, slug and file, so no
    /// two articles are equal.
    static func articleOrder(of base: KnowledgeBase) -> (Article, Article) -> Bool {
        let order = Dictionary(base.categories.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        // An article's section's place: articles directly in a category (-1) before its sections' articles.
        let sectionOrder = Dictionary(base.sections.enumerated().map { ($1.categorySlug + "/" + $1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        func place(_ article: Article) -> Int { article.sectionSlug.map { sectionOrder[article.categorySlug + "/" + $0] ?? .max } ?? -1 }
        return {
            (order[$0.categorySlug] ?? .max, place($0), $0.weight, $0.title, $0.slug, $0.sourcePath)
                < (order[$1.categorySlug] ?? .max, place($1), $1.weight, $1.title, $1.slug, $1.sourcePath)
        }
    }

    /// The files of the folder `path` inside a category: a section when it holds `_index.md` (its
    /// articles become jobs, other files assets); otherwise only assets, and Markdown in it, which
    /// can make no page, is an error at that file. Markdown below a section is an error too:
    /// sections are one level deep.
    private static func sectionJobs(_ path: String, category: String, categoryFolder: String, siteDirectory: String, fileSystem: FileSystem,
                                    assets: inout [String], log: DiagnosticLog) -> [Job] {
        let name = String(path.split(separator: "/").last ?? "")
        let entries = SourceFolder.entries(path, siteDirectory: siteDirectory, fileSystem: fileSystem, log: log).filter { !$0.name.hasPrefix(".") }
        guard entries.contains(where: { $0.name == "_index.md" && !$0.isDirectory }) else {
            for file in collectFiles(siteDirectory: siteDirectory, folder: path, fileSystem: fileSystem, log: log) {
                if file.hasSuffix(".md") {
                    // Never copied: its draft front matter and notes would be published raw.
                    log.error(SourceLocation(file: file), "Markdown in a sub-folder of a category makes no page: \(path) has no _index.md",
                              hint: "add \(path)/_index.md with `title:` to make the folder a section, or move the file to \(categoryFolder)/")
                } else {
                    assets.append(file)
                }
            }
            return []
        }
        if let problem = SlugRules.problem(with: name) {
            log.error(SourceLocation(file: joinPath(path, "_index.md")), "section folder name \"\(name)\" \(problem)", hint: SlugRules.hint(for: name))
            return []
        }
        var jobs: [Job] = []
        for entry in entries {
            let file = joinPath(path, entry.name)
            if entry.isDirectory {
                for nested in collectFiles(siteDirectory: siteDirectory, folder: file, fileSystem: fileSystem, log: log) {
                    if nested.hasSuffix(".md") {
                        log.error(SourceLocation(file: nested), "Markdown nested below the section \(path) makes no page: sections are one level below categories",
                                  hint: "move it to \(path)/ (an article of the section) or to \(categoryFolder)/")
                    } else {
                        assets.append(nested)
                    }
                }
            } else if entry.name.hasSuffix(".md") {
                jobs.append(Job(path: file, category: category, section: name, isIndex: entry.name == "_index.md"))
            } else {
                assets.append(file)
            }
        }
        return jobs
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
