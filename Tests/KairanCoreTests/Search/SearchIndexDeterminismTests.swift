import Testing
@testable import KairanCore

/// The index is made from runs of pages merged term by term: the bytes do not depend on how many
/// workers made it, and a term spread over several runs reads as one posting list.
@Suite struct SearchIndexDeterminismTests {
    static func documents(_ count: Int) -> [SearchDocument] {
        (0..<count).map { number in
            let words = ["予約", "ログイン", "CSV", "レセプト", "院長", "スマートフォン", "設定"]
            let text = (0..<(3 + number % 5)).map { words[($0 * 7 + number) % words.count] }.joined(separator: "の")
            return SearchDocument(url: "/kb/a/\(number)/", title: "記事\(number)", section: "分類",
                                  blocks: [.init(text: text + "。", headingID: nil), .init(text: "手順", headingID: "step")], boost: 0)
        }
    }

    @Test func sameBytesWhateverTheWorkers() async {
        // 300 pages: five runs of 64, so common terms span runs.
        let documents = Self.documents(300)
        let one = await SearchIndex.build(documents, synonyms: [["予約", "アポイント"]], concurrency: 1)
        let four = await SearchIndex.build(documents, synonyms: [["予約", "アポイント"]], concurrency: 4)
        #expect(one.files.map(\.path) == four.files.map(\.path))
        #expect(one.files.map(\.bytes) == four.files.map(\.bytes))
    }

    @Test func aTermOverSeveralRunsListsEveryPageOnce() async {
        let documents = Self.documents(200)
        let runs = stride(from: 0, to: 200, by: 64).map { PartialIndex(documents[$0..<min(200, $0 + 64)], start: $0) }
        let merged = await PartialIndex.merge(runs, concurrency: 2)
        let single = await PartialIndex.merge([PartialIndex(documents[0..<200], start: 0)], concurrency: 1)
        #expect(merged.map(\.key) == single.map(\.key))
        #expect(merged.map(\.postings) == single.map(\.postings))
        // Sorted by key bytes, as the client's shards are read.
        #expect(zip(merged, merged.dropFirst()).allSatisfy { $0.key.lexicographicallyPrecedes($1.key) })
    }
}
