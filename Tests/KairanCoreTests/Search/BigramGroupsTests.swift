import Foundation
import Testing
@testable import KairanCore

/// Files of bigrams that follow one another (a phrase repeated on many pages) decode to exactly
/// the postings each bigram has on its own, whatever the number of tasks; a query for the phrase
/// then reads one file.
@Suite struct BigramGroupsTests {
    /// Pages repeating a phrase (its bigrams are big terms: files of their own), with its bigrams also elsewhere (院長の予約, お問い合わせ窓口),
    /// across the title, a heading and the body.
    static func documents(count: Int) -> [SearchDocument] { (0..<count).map { number in
        let phrase = String(repeating: "院長にお問い合わせください。", count: 3 + number % 3)
        let other = number % 4 == 0 ? "院長の予約はお問い合わせ窓口へ。" : "予約の変更は設定から。"
        return SearchDocument(
            url: "/kb/a/\(number)/", title: number % 5 == 0 ? "院長にお問い合わせ" : "記事\(number)", section: "分類",
            blocks: [.init(text: "手順と院長", headingID: "step"), .init(text: phrase + other + "ログイン画面。", headingID: nil)],
            boost: 0)
    } }

    /// 1,200 pages: every page is counted for the links.
    static let documents = documents(count: 1200)

    typealias Postings = IndexReader.Postings

    /// A grouped file read as the client reads it (`parseGroup` in search.js).
    static func group(_ bytes: [UInt8]) -> [(key: String, postings: Postings)] {
        var reader = IndexReader(bytes: bytes)
        var terms = [(key: reader.key(), postings: reader.postings())]
        while !reader.atEnd {
            let key = reader.key()
            let parent = terms[reader.varint()].postings
            var byPage: [Int: (positions: [Int], fields: [Int])] = [:]
            for entry in parent {
                var skip = Set<Int>(), index = -1
                for _ in 0..<reader.varint() {
                    index += reader.varint() + 1
                    skip.insert(index)
                }
                let kept = entry.positions.indices.filter { !skip.contains($0) }
                if !kept.isEmpty { byPage[entry.page] = (kept.map { entry.positions[$0] + 1 }, kept.map { entry.fields[$0] }) }
            }
            for entry in reader.postings() {
                let aligned = byPage[entry.page] ?? ([], [])
                let both: [(Int, Int)] = Array(zip(entry.positions, entry.fields)) + Array(zip(aligned.positions, aligned.fields))
                let sorted = both.sorted { $0.0 < $1.0 }
                byPage[entry.page] = (sorted.map { $0.0 }, sorted.map { $0.1 })
            }
            terms.append((key, byPage.keys.sorted().map { ($0, byPage[$0]!.positions, byPage[$0]!.fields) }))
        }
        return terms
    }

    static func manifest(_ index: SearchIndex) throws -> [String: Any] {
        let file = try #require(index.files.first { $0.path == SearchIndex.manifestPath })
        return try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
    }

    /// At 1,200 pages every page is counted for the links; at 2,100 every other one (more than
    /// `BigramGroups.samplePages` × 2): the files decode the same either way.
    @Test(arguments: [1200, 2100]) func groupedFilesDecodeToEveryBigramsOwnPostings(pages: Int) async throws {
        let documents = pages == 1200 ? Self.documents : Self.documents(count: pages)
        let index = await SearchIndex.build(documents, synonyms: [], concurrency: 2)
        let alone = await PartialIndex.merge([PartialIndex(documents[...], start: 0)], concurrency: 1)
        let own = Dictionary(uniqueKeysWithValues: alone.map { term -> (String, Postings) in
            var reader = IndexReader(bytes: term.postings)
            return (String(decoding: term.key, as: UTF8.self), reader.postings())
        })
        let manifest = try Self.manifest(index)
        let big = try #require(manifest["big"] as? [String])
        let members = try #require(manifest["members"] as? [[Any]])
        let sizes = try #require(manifest["sizes"] as? [Int])
        #expect(sizes.count == big.count)
        // The phrase's bigrams share the file of 院長, which starts it.
        let phrase = try #require(members.first { big[$0[0] as? Int ?? -1] == "b院長" })
        let memberKeys = phrase.dropFirst().compactMap { $0 as? String }
        for key in ["b長に", "bにお", "bお問", "b問い", "bい合", "b合わ", "bわせ"] { #expect(memberKeys.contains(key), "\(key) in \(memberKeys)") }
        var seen = Set<String>()
        for (number, root) in big.enumerated() {
            let file = try #require(index.files.first { $0.path == "search/k/\(number).bin" })
            #expect(file.bytes.count == sizes[number])
            let grouped = members.first { $0[0] as? Int == number }
            var alone = IndexReader(bytes: file.bytes)
            let terms = grouped == nil ? [(key: alone.key(), postings: alone.postings())] : Self.group(file.bytes)
            #expect(terms.map(\.key) == [root] + (grouped?.dropFirst().compactMap { $0 as? String } ?? []))
            for term in terms {
                let expected = try #require(own[term.key])
                // Compared as one value each (a failure names the term, not 1,200 pages of numbers).
                let samePages = term.postings.map(\.page) == expected.map(\.page)
                let samePositions = term.postings.map(\.positions) == expected.map(\.positions)
                let sameFields = term.postings.map(\.fields) == expected.map(\.fields)
                #expect(samePages && samePositions && sameFields, "\(term.key): pages \(samePages), positions \(samePositions), fields \(sameFields)")
                #expect(seen.insert(term.key).inserted, "\(term.key) in two files")
            }
        }
        // Some of the grouped bigrams have occurrences of their own (お問い合わせ窓口, 院長の).
        #expect(seen.count > big.count)
    }

    /// The links are counted on a sample of pages (every `stride`th on a site of more than
    /// `samplePages`): decoded with a stride, a store holds exactly the full store's entries of
    /// those pages, the others' occurrences stepped over.
    @Test func aStoreWithAStrideHoldsExactlyTheSampledPages() async throws {
        let terms = await PartialIndex.merge([PartialIndex(Self.documents[...], start: 0)], concurrency: 1)
        let postings = terms.filter { $0.key.first == UInt8(ascii: "b") && $0.postings.count > SearchIndex.bigTerm }.map(\.postings)
        #expect(postings.count > 5)
        let full = BigramGroups.Store(postings)
        for stride in [2, 3, 7] {
            let sampled = BigramGroups.Store(postings, stride: stride)
            #expect(sampled.termCount == full.termCount)
            for term in 0..<full.termCount {
                let expected = (full.entries[term]..<full.entries[term + 1]).filter { full.pages[$0] % Int32(stride) == 0 }
                let got = Array(sampled.entries[term]..<sampled.entries[term + 1])
                #expect(got.map { sampled.pages[$0] } == expected.map { full.pages[$0] }, "term \(term), stride \(stride)")
                #expect(got.map { Array(sampled.positions[sampled.occurrences($0)]) } == expected.map { Array(full.positions[full.occurrences($0)]) })
                #expect(got.map { Array(sampled.fields[sampled.occurrences($0)]) } == expected.map { Array(full.fields[full.occurrences($0)]) })
            }
        }
    }

    @Test func theGroupsAreTheSameWhateverTheTasks() async throws {
        let one = await SearchIndex.build(Self.documents, synonyms: [], concurrency: 1)
        let four = await SearchIndex.build(Self.documents, synonyms: [], concurrency: 4)
        #expect(one.files.map(\.path) == four.files.map(\.path))
        #expect(one.files.map(\.bytes) == four.files.map(\.bytes))
        #expect(!(try Self.manifest(one)["members"] as? [Any] ?? []).isEmpty)
    }
}
