extension SiteBuilder {
    /// Step 3 — plan: every output file, what it is and what it is made from (`SitePlanner`).
    /// Step 5 — the plan completed once Markdown is rendered: the content assets published pages
    /// link to, and the pages each output's Markdown links to (their titles and URLs are shown).
    func completed(_ plan: SitePlan, content: SiteContent, site: ResolvedSite, log: DiagnosticLog) -> SitePlan {
        var plan = plan
        plan.append(contentsOf: SitePlanner.contentAssets(content.linkedSources, assets: site.knowledgeBase.assets))
        for index in plan.outputs.indices {
            let linked = plan.outputs[index].inputs.flatMap { input -> [PlanInput] in
                guard case .file(let source) = input, let links = content.links[source] else { return [] }
                return links.map(PlanInput.metadata)
            }
            if !linked.isEmpty { plan.outputs[index].addInputs(linked) }
        }
        PlanRules.check(plan, log: log)
        return plan
    }

    /// Step 6 — render and write: one parallel pass over the plan; each output is rendered and
    /// written at once, so memory holds only what is being written.
    func renderAndWrite(_ plan: SitePlan, site: ResolvedSite, content: SiteContent, sink: OutputSink, log: DiagnosticLog) async {
        let renderer = SiteRenderer(site: site, plan: plan, content: content, clock: options.clock)
        let siteFiles = self.siteFiles
        let siteDirectory = options.siteDirectory
        let logs = await ParallelMap.map(Array(plan.outputs.indices), concurrency: options.concurrency) { index -> [Diagnostic] in
            let log = DiagnosticLog()
            let read: (String) -> [UInt8]? = { path in
                do { return try siteFiles.read(joinPath(siteDirectory, path)) } catch {
                    log.error(SourceLocation(file: path), "cannot read: \(error)")
                    return nil
                }
            }
            if let file = renderer.render(plan.outputs[index], read: read) { sink.write(file, log: log) }
            return log.items
        }
        for items in logs { log.append(items) }
    }

    /// Step 4½ — validate what rendering the Markdown found: `#anchors` of other pages.
    func validate(_ content: SiteContent, site: ResolvedSite, log: DiagnosticLog) {
        AnchorRules.check(content.anchorReferences, anchors: content.anchors, log: log)
    }
}
