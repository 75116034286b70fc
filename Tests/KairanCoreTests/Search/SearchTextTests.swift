import Foundation
import Testing
@testable import KairanCore

/// The search's normalisation and tokenising, from the vectors the JavaScript client's tests
/// read too (`Tests/search/vectors.json`): the two sides cannot disagree.
@Suite struct SearchTextTests {
    struct Vectors: Decodable {
        struct Normalize: Decodable { var `in`: String; var out: String; var why: String }
        struct Tokens: Decodable { var `in`: String; var out: [[Token]] }
        enum Token: Decodable {
            case text(String), position(Int)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .position(number) } else { self = .text(try container.decode(String.self)) }
            }
        }
        struct Hash: Decodable { var key: String; var fnv1a: UInt32 }
        var normalize: [Normalize]
        var tokens: [Tokens]
        var hash: [Hash]
    }

    static let vectors: Vectors = {
        let url = URL(fileURLWithPath: TestSupport.repositoryRoot + "/Tests/search/vectors.json")
        return (try? JSONDecoder().decode(Vectors.self, from: Data(contentsOf: url))) ?? Vectors(normalize: [], tokens: [], hash: [])
    }()

    @Test func vectorsAreRead() {
        #expect(Self.vectors.normalize.count >= 30)
        #expect(Self.vectors.tokens.count >= 5)
    }

    @Test(arguments: vectors.normalize.map { [$0.in, $0.out, $0.why] })
    func normalizes(_ vector: [String]) {
        #expect(SearchText.normalized(vector[0]) == vector[1], "\(vector[2])")
    }

    @Test(arguments: vectors.tokens.map(\.in))
    func tokenizes(_ input: String) throws {
        let vector = try #require(Self.vectors.tokens.first { $0.in == input })
        let expected: [(String, Int)] = vector.out.compactMap { pair in
            guard case .text(let text)? = pair.first, case .position(let position)? = pair.last else { return nil }
            return (text, position)
        }
        let actual = SearchText.tokens(input).map { token -> (String, Int) in
            switch token.value {
            case .word(let word): return (word, token.position)
            case .character(let value): return (String(Character(Unicode.Scalar(value)!)), token.position)
            }
        }
        #expect(actual.map(\.0) == expected.map(\.0))
        #expect(actual.map(\.1) == expected.map(\.1))
    }

    @Test func termHashesMatchTheClient() {
        for vector in Self.vectors.hash {
            #expect(SearchIndex.fnv1a(Array(vector.key.utf8)) == vector.fnv1a, "\(vector.key)")
        }
        // The allocation-free hash of a key equals the hash of its bytes.
        let keys = [CharacterTerm.key(CharacterTerm.bigram, 0x4E88, 0x7D04), CharacterTerm.key(CharacterTerm.character, 0x4E88),
                    CharacterTerm.key(CharacterTerm.runEnd, 0x20000)]
        for key in keys { #expect(CharacterTerm.hash(key) == SearchIndex.fnv1a(CharacterTerm.bytes(key))) }
        #expect(CharacterTerm.bytes(keys[0]) == Array("b予約".utf8))
    }

    @Test func feedingPiecesEqualsTheWholeText() {
        let parts = ["ログイン", "\n", "サーバー", "\n", "ｶﾞｲﾄﾞ KPI表示"]
        var tokenizer = SearchText.Tokenizer()
        for part in parts { tokenizer.feed(part) }
        tokenizer.finish()
        #expect(tokenizer.tokens == SearchText.tokens(parts.joined()))
    }
}
