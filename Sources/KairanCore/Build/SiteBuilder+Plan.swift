extension SiteBuilder {
    /// Step 6 — the plan completed once every page is rendered: the content assets published
    /// pages link to, and what each Markdown source links to (`SitePlan.links`: the titles and
    /// URLs of linked pages are shown).
    func completed(_ plan: SitePlan, content: SiteContent, site: ResolvedSite, log: DiagnosticLog) -> SitePlan {
        var plan = plan
        plan.links = content.links
        plan.append(contentsOf: SitePlanner.contentAssets(content.linkedSources, assets: site.knowledgeBase.assets))
        plan.append(contentsOf: SitePlanner.contentHealth(site))
        PlanRules.check(plan, redirects: site.redirects, log: log)
        return plan
    }

    /// Step 5 — render and write: one parallel pass over `outputs`; each is rendered (a help
    /// article with its Markdown body) and written at once, so memory holds only what is being
    /// written. Returns what the bodies found: links and headings.
    func renderAndWrite(_ outputs: [PlannedOutput], renderer: SiteRenderer, sink: OutputSink, searchable: Set<String> = [],
                        search: SearchIndex? = nil, log: DiagnosticLog) async -> SiteContent {
        // A body's findings are reduced in the worker (its heading ids as a set, its text for the
        // search); its HTML is dropped there.
        typealias Found = (links: [String], anchors: Set<String>, references: [RenderedMarkdown.AnchorReference], text: SearchDocument.Body?)
        // Indices, not outputs, cross into the tasks: no copy of each output's strings and inputs.
        // The bulk of quick pages made alike goes last (`OutputKind.isBulk`): a list page or a
        // one-off page takes many times an article page, and left to the end it would keep one
        // core busy alone. Results come back in plan order: what is reported and found does not
        // depend on the dispatch order.
        var results = await ParallelMap.map(Array(outputs.indices), concurrency: options.concurrency,
                                            costliestFirst: { outputs[$0].kind.isBulk ? 0 : 1 }) { index -> (Found?, [Diagnostic]) in
            let log = DiagnosticLog()
            let output = outputs[index]
            let rendered = renderer.render(output, copy: { copied($0, log: log) }, search: search, log: log)
            if let file = rendered.file { sink.write(file, log: log) }
            let found = rendered.body.map { body in
                (links: body.linkedSources, anchors: body.anchorIDs, references: body.anchorReferences,
                 text: SearchDocument.body(of: body, origin: output.origin, searchable: searchable))
            }
            return (found, log.items)
        }
        var content = SiteContent()
        let bodies = outputs.count { $0.origin != nil }
        content.links.reserveCapacity(bodies)
        content.anchors.reserveCapacity(bodies)
        content.searchBodies.reserveCapacity(searchable.isEmpty ? 0 : bodies)
        // Moved out in plan order (`popLast` after a reversal), not copied: each holds a page's
        // links, anchors and text.
        results.reverse()
        for index in outputs.indices {
            guard let (found, items) = results.popLast() else { break }
            if !items.isEmpty { log.append(items) }
            guard let found, let origin = outputs[index].origin else { continue }
            content.links[origin] = found.links
            content.anchors[origin] = found.anchors
            content.anchorReferences += found.references
            if let text = found.text { content.searchBodies[origin] = text }
        }
        return content
    }

    /// Validation of what rendering found: `#anchors` of other pages.
    func validate(_ content: SiteContent, log: DiagnosticLog) {
        AnchorRules.check(content.anchorReferences, anchors: content.anchors, log: log)
    }
}
