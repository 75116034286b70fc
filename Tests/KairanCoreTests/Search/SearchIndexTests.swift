import Foundation
import Testing
@testable import KairanCore

/// The search index as the client reads it: which pages it holds, what a term's postings say,
/// and that it is the same bytes whatever the number of tasks.
@Suite struct SearchIndexTests {
    /// The small site plus a draft, a customers' and an internal release, each with a word of its own.
    static var site: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/kb/start/draft.md"] = "---\ntitle: 下書き\ndraft: true\n---\nDRAFTWORD を含む下書きです。\n"
        for (version, type, audience) in [("1.0.0", "major", "public"), ("1.0.1", "minor", "customers"), ("1.0.2", "minor", "internal")] {
            files["site/content/releases/\(version).md"] = """
                ---
                version: "\(version)"
                date: 2026-04-14
                type: \(type)
                title: "リリース\(version)"
                summary: "要約"
                audience: \(audience)
                ---

                ## 新機能

                - \(audience.uppercased())WORD のページです。予約の変更ができます。
                """
        }
        return files
    }

    /// The records of the page store: URL → (title, text).
    static func pages(_ fs: MemoryFileSystem) throws -> [String: String] {
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data((fs.text("out/public/search/index.json") ?? "").utf8)) as? [String: Any])
        let count = try #require(manifest["pages"] as? Int), group = try #require(manifest["group"] as? Int)
        var pages: [String: String] = [:]
        for number in 0..<((count + group - 1) / group) {
            let records = try #require(try JSONSerialization.jsonObject(with: Data((fs.text("out/public/search/d/\(number).json") ?? "").utf8)) as? [[String: Any]])
            for record in records { pages[record["url"] as? String ?? ""] = (record["title"] as? String ?? "") + "\n" + (record["text"] as? String ?? "") }
        }
        #expect(pages.count == count)
        return pages
    }

    /// Every term of every shard and big-term file: key → [(page, codes or counts)]. (The small
    /// site has no phrase files; `BigramGroupsTests` reads those.)
    static func terms(_ fs: MemoryFileSystem) throws -> [String: [(page: Int, numbers: [Int])]] {
        var terms: [String: [(page: Int, numbers: [Int])]] = [:]
        for path in fs.paths where path.hasPrefix("out/public/search/") && path.hasSuffix(".bin") {
            var reader = IndexReader(bytes: try fs.read(path, limit: nil))
            while !reader.atEnd {
                let key = reader.key()
                let postings = reader.numbers(count: key.hasPrefix("u") ? 3 : nil)
                #expect(terms[key] == nil, "\(key) in two files")
                terms[key] = postings
            }
        }
        return terms
    }

    @Test func onlyPublishedPublicPagesAreIndexed() async throws {
        let (result, fs) = await TestSupport.build(Self.site, drafts: true)
        #expect(!result.failed, "\(result.diagnostics)")
        let pages = try Self.pages(fs)
        #expect(pages.keys.contains("/kb/start/login/") && pages.keys.contains("/releases/1.0.0/") && pages.keys.contains("/kb/start/"))
        let text = pages.values.joined(separator: "\n")
        #expect(text.contains("PUBLICWORD"))
        for word in ["DRAFTWORD", "CUSTOMERSWORD", "INTERNALWORD"] { #expect(!text.contains(word), "\(word) is indexed") }
        let terms = try Self.terms(fs)
        #expect(terms["wpublicword"] != nil)
        for word in ["wdraftword", "wcustomersword", "winternalword"] { #expect(terms[word] == nil, "\(word) is a term") }
    }

    @Test func postingsGivePagesPositionsAndFields() async throws {
        let (_, fs) = await TestSupport.build(Self.site)
        let pages = try Self.pages(fs)
        let terms = try Self.terms(fs)
        let order = pages.keys.sorted()  // pages are numbered in URL order
        let login = try #require(order.firstIndex(of: "/kb/start/login/"))
        // ログイン is in login.md's title (field 2) and body: its bigram ろぐ at position 0 of the title.
        let bigram = try #require(terms["bろぐ"]?.first { $0.page == login })
        #expect(bigram.numbers.first == 0 << 2 | 2, "\(bigram.numbers)")
        // Every bigram occurrence of a page is a real place: the client's tokens agree.
        let tokens = SearchText.tokens(try #require(pages["/kb/start/login/"]))
        var position = 0
        for code in bigram.numbers {
            position += code >> 2
            let at = try #require(tokens.firstIndex { $0.position == position })
            #expect(tokens[at].value == .character(0x308D) && tokens[at + 1].value == .character(0x3050))
        }
        // One-character terms count per field: ロ of ログイン in the title at least once.
        let unigram = try #require(terms["uろ"]?.first { $0.page == login })
        #expect(unigram.numbers[0] >= 1)
    }

    @Test func theIndexIsTheSameWhateverTheTasks() async throws {
        var indexes: [[String: [UInt8]]] = []
        for jobs in [1, 2, 8] {
            let (_, fs) = await TestSupport.build(Self.site, jobs: jobs)
            indexes.append(Dictionary(uniqueKeysWithValues: try fs.paths.filter { $0.hasPrefix("out/public/search/") }.map { ($0, try fs.read($0, limit: nil)) }))
        }
        #expect(!indexes[0].isEmpty)
        #expect(indexes[0] == indexes[1] && indexes[1] == indexes[2])
    }

    @Test func synonymsAreReadStrictlyAndNormalised() async throws {
        var files = Self.site
        files["site/content/data/synonyms.yaml"] = "synonyms:\n  - words: [ログイン, サインイン]\n  - words: [ﾛｸﾞｲﾝ, 入室]\n  - words: [ひとつ]\n  - wrods: [a, b]\n"
        let (result, _) = await TestSupport.build(files)
        let errors = result.diagnostics.filter { $0.location.file == "content/data/synonyms.yaml" }.map { "\($0.location.line): \($0.message)" }
        #expect(errors.contains { $0.hasPrefix("3: \"ﾛｸﾞｲﾝ\" is already in a synonym group") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("4: a synonym group needs at least two words") }, "\(errors)")
        #expect(errors.contains { $0.contains("wrods") }, "\(errors)")
        files["site/content/data/synonyms.yaml"] = "synonyms:\n  - words: [ログイン, サインイン]\n"
        let (good, fs) = await TestSupport.build(files)
        #expect(!good.failed)
        #expect(fs.text("out/public/search/index.json")?.contains("\"synonyms\":[[\"ろぐいん\",\"さいんいん\"]]") == true)
    }

    /// A page's text as the search reads it from its HTML: trimmed of every kind of white space
    /// (ASCII, U+3000, no-break space, also from a reference), a block per heading.
    @Test func blocksAreTheTextTrimmedOfWhiteSpace() {
        let html = "<p>\u{3000} 予約の\u{A0}変更\u{3000}\n</p>\n<h2 id=\"a\">\u{2003}見出し　</h2><ul><li>&nbsp;一覧&nbsp;</li><li>\t</li></ul><p>\u{3000}</p><p>末尾é\u{301}</p>"
        let body = SearchDocument.body(ofHTML: html)
        #expect(body.text == Array("予約の\u{A0}変更\n見出し\n一覧\u{A0}\n\t\n\u{3000}\n末尾é\u{301}".utf8), "the page store's text: the blocks on lines of their own")
        #expect(body.list == [
            SearchDocument.Block(text: "予約の\u{A0}変更", headingID: nil),
            SearchDocument.Block(text: "見出し", headingID: "a"),
            SearchDocument.Block(text: "一覧\u{A0}\n\t\n\u{3000}\n末尾é\u{301}", headingID: nil),
        ])
    }
}
