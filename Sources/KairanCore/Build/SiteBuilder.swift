/// Runs a build as a list of named steps: load → validate → resolve → plan → render → write.
///
/// Every step adds its diagnostics to one log and the build goes on as far as it can, so a run
/// reports every problem at once. Output goes to a staging slot that is published (one rename)
/// only when the run has no errors; see `OutputWriter`.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    /// Where the output is written.
    public let fileSystem: FileSystem
    /// The site folder, read through a guard that keeps every read inside it (one per build).
    let siteFiles: SiteFileSystem
    /// Help-center parses of an earlier build of the session (`IncrementalBuild`); nil for one build.
    var parseCache: ArticleParseCache?

    public init(options: BuildOptions, fileSystem: FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
        self.siteFiles = SiteFileSystem(base: fileSystem, root: options.siteDirectory)
    }

    /// Builds the site (or, with `writeOutput == false`, checks it).
    public func run() async -> BuildResult {
        var result = BuildResult()
        result.strict = options.strict
        let log = DiagnosticLog()

        var stopwatch = Stopwatch()
        // The output folder is judged and locked first: a refused folder is the only thing reported.
        var writer: OutputWriter?
        if options.writeOutput {
            do {
                writer = try OutputWriter.open(fileSystem: fileSystem, outputDirectory: options.outputDirectory,
                                               siteDirectory: options.siteDirectory.isEmpty ? "." : options.siteDirectory)
            } catch {
                result.refusal = "\(error)"
                return result
            }
            result.timings.append(("open output", stopwatch.lap()))
        }
        // The staging slot is readied (what the build before last left there checked) while the
        // sources load and resolve; nothing is written before.
        async let staging = Self.ready(writer)
        let source = await loadSources(log: log)
        result.timings.append(("load", stopwatch.lap()))
        guard let (resolved, ranking) = await resolveRankingLater(source, log: log) else {
            _ = await staging
            writer?.discard()
            return finish(result, log)
        }
        result.timings.append(("validate and resolve", stopwatch.lap()))

        var plan = SitePlanner(site: resolved, templates: resolved.theme.templatesUsed).plan()
        result.timings.append(("plan", stopwatch.lap()))
        // A staging slot that could not be readied takes no writes: the build goes on as a check
        // (and fails), so the previous output stays.
        var readied: OutputWriter?
        switch await staging {
        case .success(let ready): readied = ready
        case .failure(let problem):
            log.error(SourceLocation(file: options.outputDirectory), "cannot open the output folder: \(problem)", hint: "check that it is writable")
        }
        writer = readied ?? writer
        result.timings.append(("ready the staging slot", stopwatch.lap()))
        let sink = OutputSink(writer: readied)
        // The pages' templates are made ready (the built-in theme's parsed and compiled), most
        // used first, while links are resolved on one core: else the first pages of every task
        // would each compile the article template.
        let theme = resolved.theme, templates = plan.templatesByUse
        let compiling = Task { theme.prepare(templates) }
        // Links resolve against the plan's pages of each tree; files with errors so far failed to
        // load (or were left out): links to them say nothing more.
        let links = SiteLinks(site: resolved, plan: plan, withheld: options.includeFuture ? [] : resolved.scheduled, brokenSources: Set(log.items.filter { $0.severity == .error }.map(\.location.file)),
                              images: ImageSizes(files: siteFiles, root: options.siteDirectory))
        let listed = renderListedContent(resolved, links: links, log: log)
        // The related articles were ranked while the site was planned; only the pages show them.
        let site = resolved.ranked(await ranking.value)
        let renderer = SiteRenderer(site: site, plan: plan, content: listed, markdown: links.public, clock: options.clock)
        await compiling.value
        // The search index is made from the rendered pages' text.
        let pagesFound = await renderAndWrite(plan.outputs, renderer: renderer, sink: sink,
                                              searchable: options.buildSearchIndex ? Set(plan.searchable.map(\.source)) : [], log: log)
        result.timings.append(("render and write", stopwatch.lap()))
        let content = listed.merging(pagesFound)
        // The pages' text is indexed while their links to `#anchors` are checked (one core's work);
        // the index's page store is written as soon as it is made, the rest once it is planned.
        async let indexed = options.buildSearchIndex ? indexSearch(plan, content: content, site: site, writingPageStoreWith: renderer, into: sink) : nil
        validate(content, log: log)
        let made = await indexed
        let search = made?.index
        log.append(made?.diagnostics ?? [])
        result.timings.append(("index for search, check anchors, write the page store", stopwatch.lap()))
        let planned = plan.outputs.count
        if let search { plan.append(contentsOf: SitePlanner.searchFiles(search, pages: plan.searchable, synonyms: site.synonymsSource)) }
        plan = completed(plan, content: content, site: site, log: log)
        let written = made?.written ?? []
        let unwritten = plan.outputs[planned...].filter { !($0.kind == .searchIndex && written.contains($0.path)) }
        _ = await renderAndWrite(unwritten, renderer: renderer.withContentHealth(site, content: content, today: options.clock.today),
                                 sink: sink, search: search, log: log)
        result.timings.append(("validate links, copy linked files, write the index", stopwatch.lap()))
        result.pages = plan.pageCount
        result.files = plan.fileCount
        result.plan = plan
        result.scheduled = site.scheduled
        result.includedFuture = options.includeFuture

        result = finish(result, log)
        if let writer {
            commit(&result, writer: writer)
            result.timings.append(("swap output", stopwatch.lap()))
        }
        result.workingValues = [site, content, renderer, links, search, writer]
        return result
    }

    /// `writer` with its staging slot readied (nil without a writer), or what went wrong.
    private static func ready(_ writer: OutputWriter?) -> Result<OutputWriter?, any Error> {
        Result { try writer?.readied() }
    }

    private func commit(_ result: inout BuildResult, writer: OutputWriter) {
        if result.failed {
            writer.discard()
            return
        }
        do {
            try writer.commit()
            result.committed = true
        } catch {
            writer.discard()
            result.diagnostics.append(.error(SourceLocation(file: options.outputDirectory), "cannot replace the output: \(error)"))
        }
    }

    func finish(_ result: BuildResult, _ log: DiagnosticLog) -> BuildResult {
        var result = result
        // A link leading outside the site is one error; what could not be read through it says no more.
        let escaped = siteFiles.escapedPaths
        let followOns = log.items.filter { diagnostic in
            escaped.contains { diagnostic.location.file == $0 || diagnostic.location.file.hasPrefix($0 + "/") }
        }
        let kept = log.items.filter { !followOns.contains($0) }
        result.diagnostics = SiteBuilder.unique(siteFiles.diagnostics + kept).sortedForReport()
        return result
    }

    /// What the output copies of the site file `path` (relative to the site): checked now, copied
    /// piece by piece as it is written; nil when it cannot be read (logged, as `read` logs it).
    func copied(_ path: String, log: DiagnosticLog) -> OutputFile.Content? {
        do { return try siteFiles.copied(joinPath(options.siteDirectory, path)) } catch {
            log.cannotRead(path, error)
            return nil
        }
    }

    /// The bytes of a site file, read inside the site (`siteFiles`); nil after logging why not.
    func read(_ path: String, log: DiagnosticLog) -> [UInt8]? {
        do { return try siteFiles.read(joinPath(options.siteDirectory, path)) } catch {
            log.cannotRead(path, error)
            return nil
        }
    }

    /// The diagnostics without repeats (a problem found by two steps is reported once).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
