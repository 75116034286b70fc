import Testing
@testable import KairanCore

/// Related articles: the fast path (category alone decides) and the full ranking must agree with
/// a brute-force reference on every article.
@Suite struct RelatedArticlesTests {
    private func article(_ index: Int, category: String, tags: [String], day: Int) -> Article {
        Article(sourcePath: "content/kb/\(category)/a\(index).md", categorySlug: category, slug: "a\(index)", title: "記事\(index)",
                titleFromHeading: false, summary: "", tags: tags, date: nil, updated: CivilDate(daysSinceEpoch: 20_000 + day),
                weight: index, draft: false, video: nil, body: MarkdownSource(text: "", lineOffset: 0))
    }

    @Test(arguments: [2, 4, 9, 70])  // 70: more tags than bits in a mask, the tags compared as lists
    func matchesBruteForce(tagCount: Int) async {
        var seed: UInt64 = 42 + UInt64(tagCount)
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let categories = ["a", "b", "c"]
        var base = KnowledgeBase(categories: categories.enumerated().map {
            Category(slug: $1, title: $1, summary: "", weight: $0, body: MarkdownSource(text: "", lineOffset: 0),
                     location: SourceLocation(file: "content/kb/\($1)/_index.md"))
        })
        for index in 0..<300 {
            let tags = Array(Set((0..<(1 + next(3))).map { _ in "t\(next(tagCount))" })).sorted()
            base.articles.append(article(index, category: categories[next(3)], tags: tags, day: next(30)))
        }
        let center = HelpCenterResolver.resolve(base, includeDrafts: false, log: DiagnosticLog())
        let related = await RelatedArticles.rank(center, count: HelpCenterResolver.relatedCount, concurrency: 2)
        for (index, entry) in center.articles.enumerated() {
            var scored: [(score: Int32, modified: Int, index: Int)] = []
            for (other, candidate) in center.articles.enumerated() where other != index {
                let shared = candidate.article.tags.filter { entry.article.tags.contains($0) }.count
                let score = Int32(3 * shared + (candidate.category == entry.category ? 2 : 0))
                if score > 0 { scored.append((score, candidate.article.lastModified!.daysSinceEpoch, other)) }
            }
            scored.sort(by: RelatedArticles.ranksBefore)
            #expect(related[index] == scored.prefix(5).map(\.index), "article \(index)")
        }
    }
}
