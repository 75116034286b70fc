/// Loads `content/kb/`: one folder per category, one Markdown file per article, read in parallel.
public enum KnowledgeBaseLoader {
    /// A file to parse, with its place in the result.
    private struct Job: Sendable {
        var path: String
        var category: String
        var isIndex: Bool
    }

    private enum Parsed: Sendable {
        case article(Article)
        case category(Category)
    }

    /// Reads every category and article under `siteDirectory/content/kb`.
    public static func load(siteDirectory: String, fileSystem: FileSystem, concurrency: Int) async -> (KnowledgeBase, [Diagnostic]) {
        let root = "content/kb"
        let diagnostics = DiagnosticLog()
        guard fileSystem.kind(of: joinPath(siteDirectory, root)) == .directory else { return (KnowledgeBase(), []) }
        var jobs: [Job] = []
        var assets: [String] = []
        for name in (try? fileSystem.list(joinPath(siteDirectory, root))) ?? [] where !name.hasPrefix(".") {
            let folder = joinPath(root, name)
            guard fileSystem.kind(of: joinPath(siteDirectory, folder)) == .directory else {
                if name.hasSuffix(".md") {
                    diagnostics.error(SourceLocation(file: folder), "articles must be inside a category folder",
                                      hint: "move it to content/kb/<category>/\(name)")
                } else {
                    assets.append(folder)
                }
                continue
            }
            if let problem = SlugRules.problem(with: name) {
                diagnostics.error(SourceLocation(file: folder), "category folder name \"\(name)\" \(problem)", hint: SlugRules.hint)
                continue
            }
            var hasIndex = false
            for entry in (try? fileSystem.entries(joinPath(siteDirectory, folder))) ?? [] where !entry.name.hasPrefix(".") {
                let file = entry.name
                let path = joinPath(folder, file)
                if entry.isDirectory {
                    assets += collectFiles(siteDirectory: siteDirectory, folder: path, fileSystem: fileSystem)
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
            let text: String
            do {
                text = String(decoding: try fileSystem.read(joinPath(siteDirectory, job.path)), as: UTF8.self)
            } catch {
                log.cannotRead(job.path, error)
                return (nil, log.items)
            }
            if job.isIndex {
                return (ArticleParser.category(text: text, path: job.path, slug: job.category, log: log).map(Parsed.category), log.items)
            }
            let fileSlug = String(job.path.split(separator: "/").last!.dropLast(3))
            return (ArticleParser.article(text: text, path: job.path, categorySlug: job.category, fileSlug: fileSlug, log: log)
                .map(Parsed.article), log.items)
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

    /// Every file below `folder`, recursively, relative to the site folder.
    static func collectFiles(siteDirectory: String, folder: String, fileSystem: FileSystem) -> [String] {
        var found: [String] = []
        for entry in (try? fileSystem.entries(joinPath(siteDirectory, folder))) ?? [] where !entry.name.hasPrefix(".") {
            let path = joinPath(folder, entry.name)
            if entry.isDirectory {
                found += collectFiles(siteDirectory: siteDirectory, folder: path, fileSystem: fileSystem)
            } else {
                found.append(path)
            }
        }
        return found
    }
}
