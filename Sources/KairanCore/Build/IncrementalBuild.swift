/// A build kept in memory between edits (`kairan serve`): after a change it re-reads the sources
/// (re-parsing only help-center files whose text changed), re-resolves and re-plans, then renders
/// again only the outputs whose declared inputs (`SitePlan.inputs(of:)`) were reached by the
/// edited files; every other output keeps the bytes of the last good build. An edit of article
/// bodies alone skips loading, resolving and planning: the last build's are patched.
///
/// The oracle: after any sequence of edits, `tree` is byte-identical to a full build of the same
/// sources with the same options (the clock is fixed for the session). Nothing is written: the
/// tree is served from memory, so a failed build never replaces what is shown.
public actor IncrementalBuild {
    private let options: BuildOptions
    private let fileSystem: FileSystem
    /// The last good build (no errors): what the next build is compared with.
    private var last: IncrementalState?
    /// Files edited since the last good build (a failed build changes nothing it is compared with).
    private var pending: Set<String> = []
    /// The bytes of edited files as of the last good build (nil: absent), so a save that changed
    /// nothing reaches nothing.
    private var known: [String: [UInt8]?] = [:]
    /// Help-center files parsed by earlier builds, reused while their text is unchanged.
    private let parseCache = ArticleParseCache()
    /// A build whose pages are done and whose search index is still to be made (`completeSearch`).
    private var deferred: DeferredSearch?
    /// Counts deferred builds: a `completeSearch` overtaken by a newer build gives up.
    private var deferrals = 0

    public init(options: BuildOptions, fileSystem: FileSystem = DiskFileSystem()) {
        var options = options
        options.writeOutput = false
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds after `changed` (paths relative to the site folder) were edited, created or
    /// deleted; the first build renders everything.
    ///
    /// With `deferSearch`, a build that must make the search index again returns first with
    /// every other output done and `searchPending` set; its tree lacks the index's files until
    /// `completeSearch()` makes them (a preview shows the edited page at once, and holds requests
    /// for the index until then). Deferred only while nothing else is planned under `search/`, so
    /// the plan's checks cannot depend on the index's files. A build pending its index when the
    /// next one starts is dropped: the next one builds from the last complete build, with the
    /// edits of both.
    public func rebuild(changed: [String] = [], deferSearch: Bool = false) async -> IncrementalResult {
        deferred = nil
        deferrals += 1
        pending.formUnion(changed.map(SitePlan.normalizedSitePath))
        var stopwatch = Stopwatch()
        let deferral = deferrals
        // One builder per run: its site-folder guard collects what this run read.
        var builder = SiteBuilder(options: options, fileSystem: fileSystem)
        builder.parseCache = parseCache
        let log = DiagnosticLog()
        var result = IncrementalResult()
        var bytesNow: [String: [UInt8]?] = [:]
        for path in pending { bytesNow[path] = try? builder.siteFiles.read(joinPath(options.siteDirectory, path)) }
        let edited = pending.filter { path in known[path].map { $0 != bytesNow[path] ?? nil } ?? true }
        // An edit of article bodies alone (the writing loop) keeps the last build's sources,
        // resolution and plan, with the new bodies; anything else loads, resolves and plans again.
        let prepared: IncrementalState.Prepared
        // Kept from the last build with the plan (an edit of bodies alone changes neither).
        var kept: (articles: [String: Article], neighbours: [String: [String]])?
        let reparsed = last.flatMap { reparsedArticles(edited, bytes: bytesNow, last: $0) }
        if let last, let reparsed, reparsed.allSatisfy({ $0.value.withoutBody == last.articles[$0.key]?.withoutBody }) {
            let bodies = reparsed.filter { $0.value != last.articles[$0.key] }
            if bodies.isEmpty, let unchanged = last.result {
                pending = []
                var same = unchanged
                same.rendered = []
                same.timings = [("compare", stopwatch.lap())]
                return same
            }
            prepared = patched(last.prepared, bodies: bodies)
            kept = (last.articles.merging(bodies) { _, new in new }, last.neighbours)
            log.append(prepared.stepDiagnostics)
            result.timings.append(("load edited articles", stopwatch.lap()))
        } else {
            let source: SiteSources
            if let last, let reparsed, var sources = last.prepared.sources {
                // Help articles' front matter edited (a title, tags): the other sources are the last
                // build's, resolved and planned again with the new articles.
                sources.knowledgeBase = KnowledgeBaseLoader.replacing(reparsed, in: sources.knowledgeBase)
                source = sources
                log.append(last.prepared.loadDiagnostics)
                result.timings.append(("load edited articles, keep the other sources", stopwatch.lap()))
            } else {
                source = await builder.loadSources(log: log)
                result.timings.append(("load", stopwatch.lap()))
            }
            let loadDiagnostics = log.items
            guard let site = await builder.resolve(source, log: log) else {
                result.diagnostics = builder.finish(BuildResult(), log).diagnostics
                return result
            }
            result.timings.append(("validate and resolve", stopwatch.lap()))
            let plan = SitePlanner(site: site, templates: site.theme.templatesUsed).plan()
            let links = SiteLinks(site: site, plan: plan, withheld: options.includeFuture ? [] : site.scheduled,
                                  brokenSources: Set(log.items.filter { $0.severity == .error }.map(\.location.file)),
                                  images: ImageSizes(files: builder.siteFiles, root: options.siteDirectory))
            let listed = builder.renderListedContent(site, links: links, log: log)
            let clean = builder.siteFiles.diagnostics.isEmpty && builder.siteFiles.escapedPaths.isEmpty
            prepared = IncrementalState.Prepared(site: site, plan: plan, links: links, listed: listed, stepDiagnostics: log.items,
                                                 patchable: clean, outputsByInput: OutputsByInput(plan), sources: source,
                                                 loadDiagnostics: loadDiagnostics)
        }
        let site = prepared.site
        var plan = prepared.plan
        var content = prepared.listed
        let articles = kept?.articles
            ?? Dictionary(site.knowledgeBase.articles.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let neighbours = kept?.neighbours ?? IncrementalState.neighbours(of: site.center)
        let changes = last.map {
            IncrementalState.Changes(edited: edited, before: $0, articlesNow: articles, neighboursNow: neighbours, plan: plan, samePlan: kept != nil)
        }
        let renderer = SiteRenderer(site: site, plan: plan, content: content, markdown: prepared.links.public, clock: options.clock)
        result.timings.append(("plan", stopwatch.lap()))

        var records: [OutputKey: IncrementalState.Record] = [:]
        // Decisions use the last build's links (known only after rendering); an output whose own
        // source changed is rendered again whatever its links.
        var provisional = plan
        provisional.links = last?.plan.links ?? [:]
        let searchable = options.buildSearchIndex ? Set(plan.searchable.map(\.source)) : []
        await render(plan.outputs, in: provisional, index: prepared.outputsByInput, changes: changes, renderer: renderer, builder: builder,
                     searchable: searchable, records: &records, rendered: &result.rendered)
        result.timings.append(("render", stopwatch.lap()))
        content = found(in: plan, listed: content, index: prepared.outputsByInput, records: records, rendered: result.rendered,
                        samePlan: kept != nil)
        builder.validate(content, log: log)
        // The search index, as a full build makes it; the last one while nothing it reads changed.
        var search: (index: SearchIndex, made: SearchIndexInput)?
        var made: SearchIndexInput?
        if options.buildSearchIndex {
            let now = SearchIndexInput(pages: plan.searchable, texts: content.searchBodies, releases: content.releaseBodies,
                                       synonyms: site.synonyms.groups)
            made = now
            // Only the texts of pages rendered again can differ from the last build's.
            let renderedOrigins = Set(result.rendered.compactMap { records[$0]?.output.origin })
            if let previous = last?.search, now.isSame(as: previous.made, checkingTextsOf: renderedOrigins) {
                search = previous
            } else if !(deferSearch && last != nil && DeferredSearch.isPossible(plan)) {
                search = (await builder.indexSearch(plan, content: content, site: site), now)
            }
        }
        result.timings.append(("index for search", stopwatch.lap()))
        let planned = plan.outputs.count
        if let search { plan.append(contentsOf: SitePlanner.searchFiles(search.index, pages: plan.searchable, synonyms: site.synonymsSource)) }
        plan = builder.completed(plan, content: content, site: site, log: log)
        // Search files are rendered again whenever the index was made again (their bytes are its).
        let remade = search.map { now in last?.search.map { $0.made != now.made } ?? true } ?? false
        let healthRenderer = renderer.withContentHealth(site, content: content, today: options.clock.today)
        await render(Array(plan.outputs[planned...]), in: plan, changes: changes, renderer: healthRenderer, builder: builder,
                     search: search?.index, forceKinds: remade ? [.searchIndex] : [], records: &records, rendered: &result.rendered)
        result.timings.append(("render linked files and the index", stopwatch.lap()))

        let step = DeferredSearch(plan: plan, site: site, content: content, changes: changes, renderer: healthRenderer, builder: builder,
                                  records: records, result: result, made: made, articles: articles, neighbours: neighbours,
                                  prepared: prepared, bytesNow: bytesNow, diagnostics: log.items)
        guard options.buildSearchIndex, search == nil else { return finish(step, search: search) }
        // The index is made later: the pages are served now, if they built.
        var partial = finish(step, search: nil, keep: false)
        if !partial.failed, deferral == deferrals {
            deferred = step
            partial.searchPending = true
        }
        return partial
    }

    /// Makes the search index of a build returned with `searchPending`, and returns that build
    /// whole (nil when none is pending, or when a newer build started meanwhile).
    public func completeSearch() async -> IncrementalResult? {
        guard var step = deferred, let made = step.made else { return nil }
        deferred = nil
        let deferral = deferrals
        var stopwatch = Stopwatch()
        // One task fewer than the build's: the index's tasks run page after page without waiting, and
        // would hold every thread of the pool, so a preview would notice the next edit (and cancel
        // this index) only once it is done.
        let index = await step.builder.indexSearch(step.plan, content: step.content, site: step.site,
                                                   concurrency: max(1, options.concurrency - 1))
        // Overtaken or cancelled: the next build starts again from the last complete one.
        guard deferral == deferrals, !Task.isCancelled else { return nil }
        step.result.timings.append(("index for search, after the pages", stopwatch.lap()))
        let files = SitePlanner.searchFiles(index, pages: step.plan.searchable, synonyms: step.site.synonymsSource)
        step.plan.append(contentsOf: files)
        await render(files, in: step.plan, changes: step.changes, renderer: step.renderer, builder: step.builder, search: index,
                     forceKinds: [.searchIndex], records: &step.records, rendered: &step.result.rendered)
        guard deferral == deferrals, !Task.isCancelled else { return nil }
        step.result.timings.append(("render the index", stopwatch.lap()))
        return finish(step, search: (index, made))
    }

    /// The result of `step`; with `keep`, it becomes the last good build when it is one.
    private func finish(_ step: DeferredSearch, search: (index: SearchIndex, made: SearchIndexInput)?, keep: Bool = true) -> IncrementalResult {
        var stopwatch = Stopwatch()
        var result = step.result
        var records = step.records
        let plan = step.plan
        // Records of outputs no longer planned (kept with the last build's, see `render`) are dropped
        // from what the next build compares with: every planned output has one, so equal counts mean
        // the same keys.
        if keep, records.count != plan.outputs.count {
            let planned = Set(plan.outputs.map(OutputKey.init))
            records = records.filter { planned.contains($0.key) }
        }
        // What the rendered outputs are made from, with the links their bodies were found to hold.
        for key in result.rendered {
            guard let record = records[key] else { continue }
            // Written only when they differ: a write copies every record still shared with the last build.
            let inputs = plan.inputs(of: record.output)
            if inputs != record.inputs { records[key]?.inputs = inputs }
        }
        let log = DiagnosticLog()
        log.append(step.diagnostics)
        for output in plan.outputs { if let items = records[OutputKey(output)]?.diagnostics, !items.isEmpty { log.append(items) } }
        result.diagnostics = step.builder.finish(BuildResult(), log).diagnostics
        result.plan = plan
        result.basePaths = [.public: step.site.paths.basePath, .customers: SitePaths(baseURL: step.site.config.customersBaseURL).basePath]
        guard !result.diagnostics.hasErrors, !(options.strict && result.diagnostics.contains { $0.severity == .warning }) else { return result }
        var files: [OutputKey: [UInt8]] = [:]
        files.reserveCapacity(plan.outputs.count)
        for output in plan.outputs { let key = OutputKey(output); files[key] = records[key]?.bytes }
        result.tree = SiteTree(files: files)
        guard keep else {
            result.timings.append(("check and gather the tree", stopwatch.lap()))
            return result
        }
        result.timings.append(("check and gather the tree", stopwatch.lap()))
        last = IncrementalState(plan: plan, records: records, articles: step.articles, neighbours: step.neighbours, prepared: step.prepared,
                                result: result, content: step.content, search: search)
        known.merge(step.bytesNow) { _, now in now }
        pending = []
        return result
    }

    /// The listed content with what the rendered bodies of `plan`'s outputs found (their links,
    /// headings and text), as a full build gathers it output by output; while the plan is the last
    /// build's, the last build's is patched at the pages rendered again.
    private func found(in plan: SitePlan, listed: SiteContent, index: OutputsByInput, records: [OutputKey: IncrementalState.Record],
                       rendered: Set<OutputKey>, samePlan: Bool) -> SiteContent {
        if samePlan, let last, var content = last.content {
            var references = true
            for key in rendered {
                guard let record = records[key], let origin = record.output.origin else { continue }
                // A source made into two outputs: which found what is the plan's order.
                guard index.byOrigin[origin]?.count == 1 else { references = false; break }
                let found = record.found
                content.links[origin] = found?.links ?? listed.links[origin]
                content.anchors[origin] = found?.anchors ?? listed.anchors[origin]
                content.searchBodies[origin] = found?.text ?? listed.searchBodies[origin]
                if (found?.references ?? []) != (last.records[key]?.found?.references ?? []) { references = false }
            }
            if references { return content }
        }
        var content = listed
        for output in plan.outputs {
            guard let found = records[OutputKey(output)]?.found, let origin = output.origin else { continue }
            content.links[origin] = found.links
            content.anchors[origin] = found.anchors
            content.anchorReferences += found.references
            if let text = found.text { content.searchBodies[origin] = text }
        }
        return content
    }

    /// Each edited file parsed again, when every one is a help article of the last build (not a
    /// category's or section's `_index.md`, not new, not deleted) that parses without a diagnostic
    /// and had none: what loading the site again would give for them. Nil when the edit needs a
    /// full load; empty when nothing was edited. `bytes` are the files as this run read them to
    /// see what changed (through the site-folder guard): they are not read again.
    private func reparsedArticles(_ edited: Set<String>, bytes: [String: [UInt8]?], last: IncrementalState) -> [String: Article]? {
        guard last.prepared.patchable, !edited.isEmpty else { return edited.isEmpty ? [:] : nil }
        let reported = Set(last.result?.diagnostics.map(\.location.file) ?? [])
        let limit = last.prepared.site.config.limits.maxFileSize
        var articles: [String: Article] = [:]
        for path in edited {
            guard let old = last.articles[path], !reported.contains(path) else { return nil }
            // Too large: the full load reports it.
            guard let contents = bytes[path] ?? nil, contents.count <= limit else { return nil }
            let log = DiagnosticLog()
            guard let text = SourceText.decode(contents, file: path, log: log),
                  let new = ArticleParser.article(text: text, path: path, categorySlug: old.categorySlug, sectionSlug: old.sectionSlug,
                                                  fileSlug: String(path.split(separator: "/").last?.dropLast(3) ?? ""), log: log),
                  log.items.isEmpty
            else { return nil }
            articles[path] = new
        }
        return articles
    }

    /// The last build's sources and resolution with new article bodies.
    private func patched(_ prepared: IncrementalState.Prepared, bodies: [String: Article]) -> IncrementalState.Prepared {
        var prepared = prepared
        var site = prepared.site
        for index in site.knowledgeBase.articles.indices {
            if let new = bodies[site.knowledgeBase.articles[index].sourcePath] { site.knowledgeBase.articles[index] = new }
        }
        for index in site.center.articles.indices {
            if let new = bodies[site.center.articles[index].article.sourcePath] {
                site.center.articles[index].article = new
                site.models.center.articles[index].article = new
            }
        }
        prepared.site = site
        prepared.sources?.knowledgeBase = site.knowledgeBase
        return prepared
    }

    /// Renders the outputs the changes reach (all on a first build), keeps the others' records.
    /// `index`: `outputs`' inputs (then `outputs` are the ones it was made of), so the reached
    /// ones are found from the edit.
    private func render(_ outputs: [PlannedOutput], in plan: SitePlan, index: OutputsByInput? = nil, changes: IncrementalState.Changes?,
                        renderer: SiteRenderer, builder: SiteBuilder, searchable: Set<String> = [], search: SearchIndex? = nil,
                        forceKinds: Set<OutputKind> = [],
                        records: inout [OutputKey: IncrementalState.Record], rendered: inout Set<OutputKey>) async {
        var outdated: [PlannedOutput] = []
        if let changes, let last, let index, index.count == outputs.count, forceKinds.isEmpty {
            let positions = changes.outdated(outputs, in: plan, index: index)
            if changes.samePlan, records.isEmpty {
                // Every output is planned as before: the last build's records, the outdated ones replaced below.
                records = last.records
            } else {
                records.reserveCapacity(records.count + outputs.count)
                let rendering = Set(positions)
                for (position, output) in outputs.enumerated() where !rendering.contains(position) {
                    let key = OutputKey(output)
                    records[key] = last.records[key]
                }
            }
            outdated = positions.map { outputs[$0] }
        } else {
            for output in outputs {
                let key = OutputKey(output)
                if let changes, let kept = last?.records[key], !forceKinds.contains(output.kind), !changes.reaches(output, in: plan) {
                    records[key] = kept
                } else {
                    outdated.append(output)
                }
            }
        }
        let stale = outdated
        let inputs = stale.map { plan.inputs(of: $0) }
        let sink = OutputSink(writer: nil)
        let results = await ParallelMap.map(Array(stale.indices), concurrency: options.concurrency) { index -> IncrementalState.Record in
            let log = DiagnosticLog()
            let output = stale[index]
            // The preview keeps every output's bytes to serve them: a copied file is read whole here.
            let made = renderer.render(output, copy: { builder.read($0, log: log).map(OutputFile.Content.bytes) }, search: search, log: log)
            if let file = made.file { sink.write(file, log: log) }
            let found = made.body.map { body in
                IncrementalState.Found(links: body.linkedSources, anchors: body.anchorIDs, references: body.anchorReferences,
                                       text: SearchDocument.body(of: body, origin: output.origin, searchable: searchable))
            }
            return IncrementalState.Record(output: output, inputs: inputs[index], bytes: made.file.flatMap(\.bytes), diagnostics: log.items, found: found)
        }
        for (output, record) in zip(stale, results) {
            records[OutputKey(output)] = record
            rendered.insert(OutputKey(output))
        }
    }
}

/// What a search index is made from: two equal inputs make the same index.
struct SearchIndexInput: Sendable, Equatable {
    var pages: [SearchablePage]
    var texts: [String: SearchDocument.Body]
    /// Release notes' bodies (HTML), which the index reads too.
    var releases: [String: String]
    var synonyms: [[String]]

    /// Whether this equals `previous`, given that only the texts of `origins` may differ (the
    /// others come from the same kept renders): megabytes of text are not compared per edit.
    func isSame(as previous: SearchIndexInput, checkingTextsOf origins: Set<String>) -> Bool {
        guard pages == previous.pages, synonyms == previous.synonyms, releases == previous.releases,
              texts.count == previous.texts.count else { return false }
        return origins.allSatisfy { texts[$0] == previous.texts[$0] }
    }
}

/// One file of the output tree: its audience folder and its path inside it.
public struct OutputKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var audience: Audience
    /// `kb/faq/login/index.html`.
    public var path: String

    public init(audience: Audience, path: String) {
        self.audience = audience
        self.path = path
    }

    init(_ output: PlannedOutput) { self.init(audience: output.audience, path: output.path) }

    public var description: String { "\(audience.folder)/\(path)" }

    /// Whether this is one of the search index's files (`search/index.json`, its shards and page
    /// store; not the results page), which an incremental build may make after the pages.
    public var isSearchIndexFile: Bool {
        audience == .public && path.hasPrefix(SearchIndex.folder) && path != SearchIndex.folder + "index.html"
    }

    public static func < (lhs: OutputKey, rhs: OutputKey) -> Bool {
        (lhs.audience, lhs.path) < (rhs.audience, rhs.path)
    }
}

/// A built site held in memory: every output's bytes.
public struct SiteTree: Sendable {
    public var files: [OutputKey: [UInt8]]

    public init(files: [OutputKey: [UInt8]] = [:]) { self.files = files }

    /// The bytes of `path` in `audience`'s folder.
    public subscript(audience: Audience, path: String) -> [UInt8]? { files[OutputKey(audience: audience, path: path)] }
}

/// What one `IncrementalBuild.rebuild` did.
public struct IncrementalResult: Sendable {
    /// Every diagnostic of the run, sorted by file and line.
    public var diagnostics: [Diagnostic] = []
    /// The built tree; nil when the build has errors (or warnings under `strict`): the last good
    /// tree stays what is served.
    public var tree: SiteTree?
    /// The plan of this run (empty when it stopped before planning).
    public var plan = SitePlan()
    /// The path each tree's links start with (`/`, `/help/` when `base_url` has a path): the public
    /// site's and the customers' portal's; the other trees link relatively.
    public var basePaths: [Audience: String] = [:]
    /// The outputs rendered by this run; every other output kept its bytes.
    public var rendered: Set<OutputKey> = []
    /// Wall and processor time of each step.
    public var timings: [(step: String, time: StepTime)] = []

    /// Whether the search index's files are still to be made (`IncrementalBuild.completeSearch`):
    /// `tree` holds every other output.
    public var searchPending = false

    public init() {}

    public var failed: Bool { tree == nil }
}

/// A build between its pages and its search index: what `IncrementalBuild.completeSearch` needs.
struct DeferredSearch: Sendable {
    var plan: SitePlan
    var site: ResolvedSite
    var content: SiteContent
    var changes: IncrementalState.Changes?
    var renderer: SiteRenderer
    var builder: SiteBuilder
    var records: [OutputKey: IncrementalState.Record]
    var result: IncrementalResult
    /// What the index is made from (nil when the build indexes nothing).
    var made: SearchIndexInput?
    var articles: [String: Article]
    var neighbours: [String: [String]]
    var prepared: IncrementalState.Prepared
    var bytesNow: [String: [UInt8]?]
    /// The diagnostics of the steps before rendering.
    var diagnostics: [Diagnostic]

    /// Whether the index's files can come later: nothing else of the public tree is under
    /// `search/` but the results page, so no check of the plan depends on them.
    static func isPossible(_ plan: SitePlan) -> Bool {
        !plan.outputs.contains { OutputKey($0).isSearchIndexFile }
    }
}

/// What an incremental build remembers of the last good build.
struct IncrementalState: Sendable {
    var plan: SitePlan
    var records: [OutputKey: Record]
    /// The help articles by source file (what other pages show of them is compared, see `Changes`).
    var articles: [String: Article]
    /// Each article's related articles, `<` and `>` with its pager neighbours, then its sidebar's lists, by source file.
    var neighbours: [String: [String]]
    /// The sources, resolution and plan the build rendered from.
    var prepared: Prepared
    /// What the build returned.
    var result: IncrementalResult?
    /// The listed content with what the rendered bodies found (`found(in:)`).
    var content: SiteContent?
    /// The search index of this build and the page texts it was made from (reused while they,
    /// the indexed pages and the synonyms stay the same).
    var search: (index: SearchIndex, made: SearchIndexInput)?

    /// The build up to rendering: the resolved site, the plan (before content assets), the link
    /// tables, the bodies other pages show, and the diagnostics so far.
    struct Prepared: Sendable {
        var site: ResolvedSite
        var plan: SitePlan
        var links: SiteLinks
        var listed: SiteContent
        var stepDiagnostics: [Diagnostic]
        /// Whether new article bodies may be patched in (the site folder's guard reported nothing).
        var patchable: Bool
        /// `plan`'s outputs by input: which of them an edit reaches.
        var outputsByInput: OutputsByInput
        /// What was loaded (with the edited articles of later builds patched in), and what loading
        /// it reported: the next build loads only the articles it edits (`KnowledgeBaseLoader.replacing`).
        var sources: SiteSources?
        var loadDiagnostics: [Diagnostic]
    }

    /// What each article page shows of other articles: its related list, its pager, then its sidebar.
    static func neighbours(of center: HelpCenter) -> [String: [String]] {
        var neighbours: [String: [String]] = [:]
        neighbours.reserveCapacity(center.articles.count)
        let sidebars = ArticleSidebar.shownByArticle(in: center)
        for (index, entry) in center.articles.enumerated() {
            var shown = center.related(of: index).map { center.articles[$0].article.sourcePath }
            shown.append("<" + (entry.previous.map { center.articles[$0].article.sourcePath } ?? ""))
            shown.append(">" + (entry.next.map { center.articles[$0].article.sourcePath } ?? ""))
            shown += sidebars[index]
            neighbours[entry.article.sourcePath] = shown
        }
        return neighbours
    }

    /// What a body of a rendered page found: its links and headings, for validation and `SitePlan.links`.
    struct Found: Sendable {
        var links: [String]
        var anchors: Set<String>
        var references: [RenderedMarkdown.AnchorReference]
        /// The body's text, for a page the search indexes.
        var text: SearchDocument.Body? = nil
    }

    /// One rendered output: what it was planned as and made from, its bytes and what rendering said.
    struct Record: Sendable {
        var output: PlannedOutput
        var inputs: [PlanInput]
        var bytes: [UInt8]?
        var diagnostics: [Diagnostic]
        var found: Found?
    }
}

extension Article {
    /// The article without its body: what lists, pagers and related-article lists show of it.
    var withoutBody: Article {
        var article = self
        article.body = MarkdownSource(text: "", lineOffset: 0)
        return article
    }
}
