extension SiteBuilder {
    /// Step 5 (training) — customer training pages, the event calendar and `.ics` files.
    func renderTraining(_ site: ResolvedSite, sink: OutputSink, log: DiagnosticLog) -> (pages: Int, files: Int) { (0, 0) }
}
