extension SiteBuilder {
    /// Step 5b — index the searchable pages: their text as rendered (help-center bodies found by
    /// the render pass, release notes rendered before it), in the plan's order.
    /// `concurrency`: tasks to index on (default: the build's).
    func indexSearch(_ plan: SitePlan, content: SiteContent, site: ResolvedSite, concurrency: Int? = nil) async -> SearchIndex {
        let releaseBodies = content.releaseBodies
        let documents = plan.searchable.map { page in
            let body = content.searchBodies[page.source] ?? releaseBodies[page.source].map(SearchDocument.body(ofHTML:)) ?? SearchDocument.Body()
            return SearchDocument(url: page.url, title: page.title, section: page.section, body: body, boost: page.boost)
        }
        return await SearchIndex.build(documents, synonyms: site.synonyms.groups, concurrency: concurrency ?? options.concurrency)
    }
}
