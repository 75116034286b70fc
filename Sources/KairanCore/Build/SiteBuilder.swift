/// Runs a build as a list of named steps: load → validate → resolve → render → write.
///
/// Every step adds its diagnostics to the result and the build goes on as far as it can, so one
/// run reports every problem. Output goes to a staging folder that replaces the old output only
/// when the run has no errors.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let fileSystem: FileSystem

    public init(options: BuildOptions, fileSystem: FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds the site (or, with `writeOutput == false`, checks it).
    public func run() async -> BuildResult {
        var result = BuildResult()
        result.strict = options.strict
        let log = DiagnosticLog()

        // 1. Load.
        let config = SiteConfigLoader.load(siteDirectory: options.siteDirectory, fileSystem: fileSystem, log: log)
        let themeFiles = ThemeFiles.load(siteDirectory: options.siteDirectory, fileSystem: fileSystem, log: log)
        let theme = Theme(files: themeFiles, log: log)
        let (base, loadDiagnostics) = await KnowledgeBaseLoader.load(siteDirectory: options.siteDirectory, fileSystem: fileSystem,
                                                                     concurrency: options.concurrency)
        log.append(loadDiagnostics)
        let staticFiles = KnowledgeBaseLoader.collectFiles(siteDirectory: options.siteDirectory, folder: "static", fileSystem: fileSystem)

        // 2. Resolve (validation across files happens here).
        let (center, resolveDiagnostics) = await HelpCenterResolver.resolve(base, includeDrafts: options.includeDrafts,
                                                                            concurrency: options.concurrency)
        log.append(resolveDiagnostics)
        guard var config, let theme else { return finish(result, log) }
        if let override = options.baseURL { config.baseURL = SiteConfigLoader.normalizedBaseURL(override) }
        let paths = SitePaths(baseURL: config.baseURL)
        let models = PublicViewModels(config: config, paths: paths, center: center, clock: options.clock)
        let pages = SitePages(theme: theme, models: models)
        let links = LinkResolver(pages: SiteBuilder.pageSources(center), assets: Set(base.assets),
                                 sitePaths: SiteBuilder.sitePaths(center, staticFiles: staticFiles), basePath: paths.basePath)
        let markdown = MarkdownRenderer(allowRawHTML: config.allowRawHTML, links: links)

        // 3. Open the output.
        let writer = OutputWriter(fileSystem: fileSystem, outputDirectory: options.outputDirectory)
        if options.writeOutput {
            do { try writer.prepare(siteDirectory: options.siteDirectory) } catch {
                result.refusal = "\(error)"
                return finish(result, log)
            }
        }
        let sink = OutputSink(writer: options.writeOutput ? writer : nil)

        // 4. Render and write the pages that carry Markdown, in parallel.
        let rendered = await renderMarkdownPages(center: center, pages: pages, markdown: markdown, sink: sink)
        var anchors: [String: Set<String>] = [:]
        var references: [RenderedMarkdown.AnchorReference] = []
        for page in rendered {
            log.append(page.diagnostics)
            anchors[page.source] = Set(page.headingIDs)
            references += page.anchorReferences
            result.pages += 1
        }
        SiteBuilder.checkAnchors(references, anchors: anchors, log: log)

        // 5. Lists and fixed pages.
        var listPages = [pages.home(), pages.tags(), pages.support(), pages.notFound()]
        listPages += await ParallelMap.map(Array(center.tags.indices), concurrency: options.concurrency) { pages.tag($0) }
        for file in listPages { sink.write(file, log: log) }
        result.pages += listPages.count

        // 6. Files: theme assets, content assets, static/, sitemap, robots.
        var files = pages.assets()
        for asset in base.assets {
            guard let bytes = read(asset, log: log) else { continue }
            files.append(OutputFile(audience: .public, path: String(asset.dropFirst("content/".count)), bytes: bytes))
        }
        for path in staticFiles {
            guard let bytes = read(path, log: log) else { continue }
            files.append(OutputFile(audience: .public, path: String(path.dropFirst("static/".count)), bytes: bytes))
        }
        files.append(Sitemap.xml(SiteBuilder.sitemapEntries(center), paths: paths))
        files.append(Sitemap.robots(paths: paths))
        for file in files { sink.write(file, log: log) }
        result.files += files.count
        log.append(sink.diagnostics)

        // 7. Swap in, or throw away.
        result = finish(result, log)
        if options.writeOutput {
            if result.failed {
                writer.discard()
            } else {
                do {
                    try writer.commit()
                    result.committed = true
                } catch {
                    writer.discard()
                    result.diagnostics.append(.error(SourceLocation(file: options.outputDirectory), "cannot replace the output: \(error)"))
                }
            }
        }
        return result
    }

    private func finish(_ result: BuildResult, _ log: DiagnosticLog) -> BuildResult {
        var result = result
        result.diagnostics = SiteBuilder.unique(log.items).sortedForReport()
        return result
    }

    private func read(_ path: String, log: DiagnosticLog) -> [UInt8]? {
        do { return try fileSystem.read(joinPath(options.siteDirectory, path)) } catch {
            log.error(SourceLocation(file: path), "cannot read: \(error)")
            return nil
        }
    }
}

extension SiteBuilder {
    /// The diagnostics without repeats (a problem found by two steps is reported once).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
