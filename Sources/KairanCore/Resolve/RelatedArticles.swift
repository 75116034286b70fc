/// Ranks related articles: each shared tag counts 3, the same category 2; ties go to the more
/// recently updated article, then to display order. Deterministic for any thread count.
public enum RelatedArticles {
    public static func rank(_ center: HelpCenter, count: Int, concurrency: Int) async -> [[Int]] {
        let total = center.articles.count
        let tagMembers = center.tags.map(\.articles)
        let tagIndex = center.tagIndex
        // "The same category" counts a category's sections' articles too.
        let sectionMembers = center.categories.map(\.members)
        let tagsOf = center.articles.map { entry in entry.article.tags.compactMap { tagIndex[$0] } }
        let sectionOf = center.articles.map(\.category)
        let modified = center.articles.map { $0.article.lastModified?.daysSinceEpoch ?? Int.min }
        // With at most 64 tags, an article's tags are one bit each of a number: the tags two
        // articles share are counted with one instruction (millions of pairs on a large site).
        let masks: [UInt64]? = center.tags.count <= 64 ? tagsOf.map { $0.reduce(0) { $0 | 1 << UInt64($1) } } : nil
        let chunkSize = max(64, total / max(1, concurrency * 8))
        let chunks = stride(from: 0, to: total, by: chunkSize).map { $0..<min(total, $0 + chunkSize) }
        let ranked = await ParallelMap.map(chunks, concurrency: concurrency) { range -> [[Int]] in
            var scratch = Scratch(total: total)
            return range.map { article in
                // Fast path: when the same category alone yields `count` articles that beat anything
                // outside it (a score above 3 × the article's tags), the tag lists need no scan.
                let section = sectionMembers[sectionOf[article]]
                let fromSection = RelatedArticles.best(in: section, of: article, count: count, tags: tagsOf, masks: masks, modified: modified)
                if fromSection.count == count, let last = fromSection.last, last.score > Int32(3 * tagsOf[article].count) {
                    return fromSection.map(\.index)
                }
                return scratch.rank(article, count: count, tags: tagsOf[article], tagMembers: tagMembers,
                                    section: section, modified: modified)
            }
        }
        return ranked.flatMap { $0 }
    }

    /// Per-task scores, reused from one article to the next.
    private struct Scratch {
        var score: [Int32]
        var touched: [Int] = []

        init(total: Int) { score = [Int32](repeating: 0, count: total) }

        mutating func rank(_ article: Int, count: Int, tags: [Int], tagMembers: [[Int]], section: [Int], modified: [Int]) -> [Int] {
            touched.removeAll(keepingCapacity: true)
            for tag in tags { add(tagMembers[tag], points: 3, except: article) }
            add(section, points: 2, except: article)
            var best: [(score: Int32, modified: Int, index: Int)] = []
            best.reserveCapacity(count + 1)
            for other in touched {
                let candidate = (score: score[other], modified: modified[other], index: other)
                score[other] = 0
                if best.count == count, !RelatedArticles.ranksBefore(candidate, best[count - 1]) { continue }
                var position = best.count
                while position > 0, RelatedArticles.ranksBefore(candidate, best[position - 1]) { position -= 1 }
                best.insert(candidate, at: position)
                if best.count > count { best.removeLast() }
            }
            return best.map(\.index)
        }

        private mutating func add(_ members: [Int], points: Int32, except article: Int) {
            score.withUnsafeMutableBufferPointer { score in
                for other in members where other != article {
                    if score[other] == 0 { touched.append(other) }
                    score[other] += points
                }
            }
        }
    }

    /// The best `count` of one category's articles, scored as in the full ranking.
    /// `masks`, when given, holds each article's tags as bits (a site of at most 64 tags).
    static func best(in section: [Int], of article: Int, count: Int, tags: [[Int]], masks: [UInt64]? = nil,
                     modified: [Int]) -> [(score: Int32, modified: Int, index: Int)] {
        let own = tags[article]
        var best: [(score: Int32, modified: Int, index: Int)] = []
        for other in section where other != article {
            var shared: Int32 = 0
            if let masks {
                shared = Int32((masks[other] & masks[article]).nonzeroBitCount)
            } else {
                for tag in tags[other] where own.contains(tag) { shared += 1 }
            }
            let candidate = (score: 2 + 3 * shared, modified: modified[other], index: other)
            if best.count == count, !ranksBefore(candidate, best[count - 1]) { continue }
            var position = best.count
            while position > 0, ranksBefore(candidate, best[position - 1]) { position -= 1 }
            best.insert(candidate, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    static func ranksBefore(_ a: (score: Int32, modified: Int, index: Int), _ b: (score: Int32, modified: Int, index: Int)) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.modified != b.modified { return a.modified > b.modified }
        return a.index < b.index
    }
}
