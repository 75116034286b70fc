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

    /// Adds what another render found.
    mutating func merge(_ other: SiteContent) {
        // Into nothing (the pages' findings into the listed bodies', which hold no help-center
        // page): taken whole, not entry by entry (thousands of pages).
        if links.isEmpty { links = other.links } else { for (source, linked) in other.links { links[source, default: []] += linked } }
        if anchors.isEmpty { anchors = other.anchors } else { anchors.merge(other.anchors) { _, new in new } }
        anchorReferences += other.anchorReferences
        if searchBodies.isEmpty { searchBodies = other.searchBodies } else { searchBodies.merge(other.searchBodies) { _, new in new } }
    }

    /// This content with the search bodies `other` found added (the rest as it is).
    func merging(searchBodiesOf other: SiteContent) -> SiteContent {
        var merged = self
        merged.searchBodies = searchBodies.isEmpty ? other.searchBodies : searchBodies.merging(other.searchBodies) { _, new in new }
        return merged
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
