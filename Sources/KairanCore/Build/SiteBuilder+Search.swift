extension SiteBuilder {
    /// Step 5b — index the searchable pages: their text as rendered (help-center bodies found by
    /// the render pass, release notes rendered before it), in the plan's order.
    /// `concurrency`: tasks to index on (default: the build's).
    func indexSearch(_ plan: SitePlan, content: SiteContent, site: ResolvedSite, concurrency: Int? = nil) async -> SearchIndex {
        await SearchIndex.build(searchDocuments(plan, content: content), synonyms: site.synonyms.groups, concurrency: concurrency ?? options.concurrency)
    }

    /// `indexSearch`, with the page store written as soon as it is made (by `renderer` into
    /// `sink`), while the terms are merged and grouped: its thousands of small files fill the core
    /// those steps' serial parts leave idle. Returns the whole index (the page store's files
    /// last, as `indexSearch` gives them), the paths written (public) and what writing reported.
    func indexSearch(_ plan: SitePlan, content: SiteContent, site: ResolvedSite, writingPageStoreWith renderer: SiteRenderer,
                     into sink: OutputSink) async -> (index: SearchIndex, written: Set<String>, diagnostics: [Diagnostic]) {
        let concurrency = options.concurrency
        guard let indexing = await SearchIndex.Indexing(searchDocuments(plan, content: content), concurrency: concurrency) else {
            return (SearchIndex(files: []), [], [])
        }
        async let terms = indexing.termFiles(synonyms: site.synonyms.groups, concurrency: concurrency)
        let store = SearchIndex(files: await indexing.pageStoreFiles(concurrency: concurrency))
        let storeOutputs = SitePlanner.searchFiles(store, pages: plan.searchable, synonyms: site.synonymsSource)
        let log = DiagnosticLog()
        _ = await renderAndWrite(storeOutputs, renderer: renderer, sink: sink, search: store, log: log)
        return (SearchIndex(files: (await terms ?? []) + store.files), Set(storeOutputs.map(\.path)), log.items)
    }

    /// The searchable pages as the index reads them, in the plan's order.
    private func searchDocuments(_ plan: SitePlan, content: SiteContent) -> [SearchDocument] {
        let releaseBodies = content.releaseBodies
        return plan.searchable.map { page in
            let body = content.searchBodies[page.source] ?? releaseBodies[page.source].map(SearchDocument.body(ofHTML:)) ?? SearchDocument.Body()
            return SearchDocument(url: page.url, title: page.title, section: page.section, body: body, boost: page.boost)
        }
    }
}
