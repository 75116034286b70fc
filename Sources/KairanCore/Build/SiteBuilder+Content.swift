/// What rendering the Markdown of the site found, and the bodies pages other than the help
/// center's show (release notes and training are few: they are rendered before the pages that
/// list them; category and article bodies are rendered with their page, see `SiteRenderer`).
struct SiteContent: Sendable {
    /// The release notes with their rendered sections, newest first.
    var releases = ReleaseNotes(entries: [])
    /// Training program, event and material bodies (HTML) by source file.
    var training: [String: String] = [:]
    /// Publication bodies (HTML): notes by source file, incident summaries as `incident:<id>`.
    var publications: [String: String] = [:]
    /// Source file → the Markdown files and assets it links to.
    var links: [String: [String]] = [:]
    /// Heading ids of every help-center page by source file (the anchors other pages may link to).
    var anchors: [String: Set<String>] = [:]
    /// Links to `#anchors` of other pages, checked once every page has its headings.
    var anchorReferences: [RenderedMarkdown.AnchorReference] = []
    /// The text of each searchable help-center page's body, by source file (for the search index).
    var searchBodies: [String: SearchDocument.Body] = [:]

    /// Each release note's whole body (HTML) by source file: what the search index reads of it.
    var releaseBodies: [String: String] {
        var bodies: [String: String] = [:]
        for entry in releases.entries { bodies[entry.release.sourcePath] = entry.bodyHTML }
        return bodies
    }

    /// Everything the published pages link to.
    var linkedSources: Set<String> { Set(links.values.joined()) }

    /// This content with what another render found.
    func merging(_ other: SiteContent) -> SiteContent {
        var all = self
        Self.merge(&all.links, other.links) { mine, theirs in mine + theirs }
        Self.merge(&all.anchors, other.anchors) { _, theirs in theirs }
        all.anchorReferences += other.anchorReferences
        Self.merge(&all.searchBodies, other.searchBodies) { _, theirs in theirs }
        return all
    }

    /// `theirs` added to `mine`, `combine` deciding a key both have: the smaller table's entries
    /// go into the larger (the pages' findings, thousands, into the listed bodies', a few).
    private static func merge<Value>(_ mine: inout [String: Value], _ theirs: [String: Value], _ combine: (Value, Value) -> Value) {
        if mine.count >= theirs.count {
            mine.merge(theirs, uniquingKeysWith: combine)
        } else if mine.isEmpty {
            mine = theirs
        } else {
            var merged = theirs
            merged.merge(mine) { theirs, mine in combine(mine, theirs) }
            mine = merged
        }
    }

    /// Adds what one rendered body of `source` found.
    mutating func record(_ source: String, _ markdown: [RenderedMarkdown], anchors: Bool) {
        links[source, default: []] += markdown.flatMap(\.linkedSources)
        anchorReferences += markdown.flatMap(\.anchorReferences)
        if anchors { self.anchors[source] = markdown.reduce(into: Set<String>()) { $0.formUnion($1.anchorIDs) } }
    }
}

extension SiteBuilder {
    /// Step 4 — the bodies other pages show: release notes (the home page shows the latest, feeds
    /// carry them) and training pages, rendered with the link table of the tree they are published in.
    func renderListedContent(_ site: ResolvedSite, links: SiteLinks, log: DiagnosticLog) -> SiteContent {
        var content = SiteContent()
        let center = site.center
        let releases = site.releasesNewestFirst
        let articleIndex = Dictionary(uniqueKeysWithValues: center.articles.enumerated().map { ($1.article.sourcePath, $0) })
        content.releases = ReleaseNotes(entries: releases.map { release in
            let markdown = links.renderer(for: release.audience)
            let bodies = ([release.introduction] + release.sections.map(\.body)).map { markdown.render($0, file: release.sourcePath, log: log) }
            content.record(release.sourcePath, bodies, anchors: false)
            var articles: [Int] = []
            for source in content.links[release.sourcePath] ?? [] {
                if let index = articleIndex[source], !articles.contains(index) { articles.append(index) }
            }
            return ReleaseNotes.Entry(release: release, path: ReleaseNotes.path(of: release.version),
                                      introduction: bodies.first?.html ?? "",
                                      sections: zip(release.sections, bodies.dropFirst()).map { (kind: $0.kind, html: $1.html) },
                                      articles: articles)
        })
        let training = site.training
        for (source, body) in training.programs.map({ ($0.sourcePath, $0.body) }) + training.events.map({ ($0.sourcePath, $0.body) })
            + training.materials.map({ ($0.sourcePath, $0.body) }) {
            let rendered = links.customers.render(body, file: source, log: log)
            content.training[source] = rendered.html
            content.record(source, [rendered], anchors: false)
        }
        // Publication notes and incident summaries, once (an issue renders as an email and an archive page).
        let publications = site.publications
        let notes = publications.weekly.compactMap(\.note) + publications.newsletters.map(\.note)
        for note in notes {
            let rendered = links.customers.render(note.body, file: note.sourcePath, log: log)
            if rendered.html.contains("<img ") {
                log.warning(SourceLocation(file: note.sourcePath, line: note.body.lineOffset + 1, column: 1),
                            "images in a note are shown on the archive page only: the email shows their alt text",
                            hint: "mail clients need absolute, sized images; link to a help article that shows it")
            }
            content.publications[note.sourcePath] = rendered.html
            content.record(note.sourcePath, [rendered], anchors: false)
        }
        var shown = Set<String>()
        for report in publications.weekly { for incident in report.incidents where shown.insert(incident.id).inserted {
            content.publications["incident:\(incident.id)"] = links.customers.render(incident.summary, file: StatusData.incidentsFile, log: log).html
        } }
        for digest in publications.digests { for incident in digest.incidents where shown.insert(incident.id).inserted {
            content.publications["incident:\(incident.id)"] = links.customers.render(incident.summary, file: StatusData.incidentsFile, log: log).html
        } }
        return content
    }
}
