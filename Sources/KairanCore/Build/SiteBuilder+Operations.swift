/// The team's operations data from `content/data/` (backlog, KPIs, milestones), as loaded.
struct OperationsData: Sendable {
    /// Ids of every backlog item, for checking release notes' `backlog:` lists.
    var backlogIDs: Set<String>
}

extension SiteBuilder {
    /// Step 1 (operations) — loads `content/data/`; nil when the site has none.
    func loadOperations(log: DiagnosticLog) -> OperationsData? { nil }

    /// Step 5 (operations) — internal pages and data exports. Returns the counts of pages and other files.
    func renderOperations(_ site: ResolvedSite, sink: OutputSink, log: DiagnosticLog) -> (pages: Int, files: Int) { (0, 0) }
}
