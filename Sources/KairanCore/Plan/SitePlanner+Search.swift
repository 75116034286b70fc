/// A page the search indexes: a published help article, a category or a public release note.
public struct SearchablePage: Sendable, Equatable {
    /// The page's site path (`/kb/faq/login/`).
    public var url: String
    /// The Markdown source the page is made from.
    public var source: String
    public var title: String
    /// Shown with the result: the category's title, カテゴリ, リリースノート.
    public var section: String
    /// The category's order as a gentle boost (0…0.1): the first article of a category ranks a
    /// little above its last one when they match equally.
    public var boost: Double
}

extension SitePlanner {
    /// The results page (`/search/`), the client's index (manifest, term shards, page store).
    /// Only public, published pages are indexed; drafts (even with `--drafts`), customers' and
    /// internal pages never are.
    func search() -> (outputs: [PlannedOutput], pages: [SearchablePage]) {
        // Planned even with nothing to index: every public page's header links the results page.
        let pages = searchablePages()
        let sources = pages.map { PlanInput.file($0.source) }
        let synonyms: [PlanInput] = site.synonymsSource.map { [.file($0)] } ?? []
        var outputs = [page(SearchIndex.pagePath, .public, .searchPage, template: "search", inputs: [], listed: false, job: .searchPage)]
        outputs.append(PlannedOutput(audience: .public, path: SearchIndex.manifestPath, kind: .searchIndex,
                                     inputs: sources + synonyms, job: .searchManifest))
        for number in 0..<SearchIndex.shardCount(pages: pages.count) {
            outputs.append(PlannedOutput(audience: .public, path: SearchIndex.shardPath(number), kind: .searchIndex,
                                         inputs: sources, job: .searchShard(number)))
        }
        for number in 0..<SearchIndex.groupCount(pages: pages.count) {
            let members = pages[(number * SearchIndex.groupSize)..<min(pages.count, (number + 1) * SearchIndex.groupSize)]
            outputs.append(PlannedOutput(audience: .public, path: SearchIndex.groupPath(number), kind: .searchIndex,
                                         inputs: members.map { .file($0.source) } + members.map { .metadata($0.source) }, job: .searchGroup(number)))
        }
        return (outputs, pages)
    }

    /// The indexed pages, ordered by URL (a page's number in the index is its place here).
    private func searchablePages() -> [SearchablePage] {
        let center = site.center
        var pages: [SearchablePage] = []
        for section in center.sections {
            let category = section.category
            pages.append(SearchablePage(url: section.path, source: category.location.file, title: category.title, section: "カテゴリ", boost: 0))
            let listed = section.articles.filter { !center.articles[$0].article.draft }
            for (place, index) in listed.enumerated() {
                let entry = center.articles[index]
                pages.append(SearchablePage(url: entry.path, source: entry.article.sourcePath, title: entry.article.title,
                                            section: category.title, boost: 0.1 * Double(listed.count - place) / Double(listed.count)))
            }
        }
        for release in site.releases where release.audience == .public && !release.draft {
            pages.append(SearchablePage(url: ReleaseNotes.path(of: release.version), source: release.sourcePath,
                                        title: "\(release.title)（\(release.version)）", section: "リリースノート", boost: 0))
        }
        return pages.sorted { $0.url < $1.url }
    }
}
