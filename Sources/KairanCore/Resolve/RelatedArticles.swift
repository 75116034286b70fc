/// Ranks related articles: each shared tag counts 3, the same category 2; ties go to the more
/// recently updated article, then to display order. Deterministic for any thread count.
public enum RelatedArticles {
    public static func rank(_ center: HelpCenter, count: Int, concurrency: Int) async -> [[Int]] {
        let total = center.articles.count
        let tagMembers = center.tags.map(\.articles)
        let tagIndex = center.tagIndex
        let sectionMembers = center.sections.map(\.articles)
        let tagsOf = center.articles.map { entry in entry.article.tags.compactMap { tagIndex[$0] } }
        let sectionOf = center.articles.map(\.section)
        let modified = center.articles.map { $0.article.lastModified?.daysSinceEpoch ?? Int.min }
        let chunkSize = max(64, total / max(1, concurrency * 8))
        let chunks = stride(from: 0, to: total, by: chunkSize).map { $0..<min(total, $0 + chunkSize) }
        let ranked = await ParallelMap.map(chunks, concurrency: concurrency) { range -> [[Int]] in
            var score = [Int32](repeating: 0, count: total)
            var touched: [Int] = []
            var result: [[Int]] = []
            for article in range {
                touched.removeAll(keepingCapacity: true)
                for tag in tagsOf[article] {
                    for other in tagMembers[tag] where other != article {
                        if score[other] == 0 { touched.append(other) }
                        score[other] += 3
                    }
                }
                for other in sectionMembers[sectionOf[article]] where other != article {
                    if score[other] == 0 { touched.append(other) }
                    score[other] += 2
                }
                // Partial selection of the best `count` without sorting everything.
                var best: [Int] = []
                for other in touched {
                    let better = { (a: Int, b: Int) -> Bool in
                        if score[a] != score[b] { return score[a] > score[b] }
                        if modified[a] != modified[b] { return modified[a] > modified[b] }
                        return a < b
                    }
                    if best.count < count {
                        best.append(other)
                        best.sort(by: better)
                    } else if better(other, best[best.count - 1]) {
                        best[best.count - 1] = other
                        best.sort(by: better)
                    }
                }
                for other in touched { score[other] = 0 }
                result.append(best)
            }
            return result
        }
        return ranked.flatMap { $0 }
    }
}
