/// A page the search indexes: a published help article, a category or a public release note.
public struct SearchablePage: Sendable, Equatable {
    /// The page's site path (`/kb/faq/login/`).
    public var url: String
    /// The Markdown source the page is made from.
    public var source: String
    public var title: String
    /// Shown with the result: the category's title, カテゴリ, リリースノート.
    public var section: String
    /// The sources whose titles `section` shows (an article's category and section).
    public var shows: [String] = []
    /// A factor on the score, minus one: an article's place in its category (`weight`) as a
    /// gentle boost (0…0.1, the first article ranks a little above the last when they match
    /// equally); categories −0.2 (below an article that matches as well).
    public var boost: Double
}

extension SitePlanner {
    /// The results page (`/search/`) and the pages to index. Only public, published pages are
    /// indexed; drafts (even with `--drafts`), customers' and internal pages never are. The
    /// index's files are planned once it is built (`searchFiles`): their number depends on it.
    func search() -> (outputs: [PlannedOutput], pages: [SearchablePage]) {
        // Planned even with nothing to index: every public page's header links the results page.
        ([page(SearchIndex.pagePath, .public, .searchPage, template: "search", inputs: [], job: .searchPage)], searchablePages())
    }

    /// The files of a built index: the manifest, shards and big terms are made from every indexed
    /// page (and the synonyms), a page-store file from its own pages.
    static func searchFiles(_ index: SearchIndex, pages: [SearchablePage], synonyms: String?) -> [PlannedOutput] {
        // `.config` too: an edit of site.yaml rebuilds everything (and the index is cheap to remake).
        let all = [PlanInput.indexedText] + (synonyms.map { [PlanInput.file($0)] } ?? []) + [.config]
        return index.files.enumerated().map { number, file in
            let inputs = file.pages.map { range in
                pages[range].flatMap { [PlanInput.file($0.source)] + $0.shows.map(PlanInput.metadata) } + [.config]
            } ?? all
            return PlannedOutput(audience: .public, path: file.path, kind: .searchIndex, inputs: inputs, job: .searchFile(number))
        }
    }

    /// The indexed pages, ordered by URL (a page's number in the index is its place here).
    private func searchablePages() -> [SearchablePage] {
        let center = site.center
        var pages: [SearchablePage] = []
        func articles(_ indices: [Int], section: String, shows: [String]) {
            let listed = indices.filter { !center.articles[$0].article.draft }
            for (place, index) in listed.enumerated() {
                let entry = center.articles[index]
                pages.append(SearchablePage(url: entry.path, source: entry.article.sourcePath, title: entry.article.title,
                                            section: section, shows: shows, boost: 0.1 * Double(listed.count - place) / Double(listed.count)))
            }
        }
        for page in center.categories {
            let category = page.category
            pages.append(SearchablePage(url: page.path, source: category.location.file, title: category.title, section: "カテゴリ", boost: -0.2))
            articles(page.articles, section: category.title, shows: [category.location.file])
        }
        for page in center.sections {
            let section = page.section
            let category = center.categories[page.category].category
            pages.append(SearchablePage(url: page.path, source: section.location.file, title: section.title, section: category.title,
                                        shows: [category.location.file], boost: -0.2))
            articles(page.articles, section: "\(category.title) › \(section.title)", shows: [category.location.file, section.location.file])
        }
        for release in site.releases where release.audience == .public && !release.draft {
            pages.append(SearchablePage(url: ReleaseNotes.path(of: release.version), source: release.sourcePath,
                                        title: "\(release.title)（\(release.version)）", section: "リリースノート", boost: 0))
        }
        return pages.sorted { $0.url < $1.url }
    }
}
