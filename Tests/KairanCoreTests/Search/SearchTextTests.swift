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

    /// The tokenizer writes runs of plain characters (kanji and kana NFKC leaves alone) in one
    /// go; fed one piece at a time (a character and its marks) it never takes that path. Both
    /// must give the same tokens, for text mixing plain characters with everything that ends a
    /// run: marks after kana, ー, half-width and full-width forms, Latin words, separators,
    /// two- and four-byte characters, expanding ones (㌀).
    @Test func plainRunsTokeniseAsOneCharacterAtATime() {
        let alphabet: [String] = ["漢", "字", "か", "カ", "ア", "ひ", "ー", "\u{3099}", "\u{309A}", "ﾞ", "\u{301}", "ｶ", "ﾃ",
                                  "a", "Z", "7", " ", "\n", "Ｖ", "（", "、", "。", "「", "々", "😀", "é", "㌀", "ヴ", "ㇰ"]
        var seed: UInt64 = 0x4B41_4952_414E
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let text = (0..<next(40)).map { _ in next(3) == 0 ? alphabet[next(alphabet.count)] : alphabet[next(6)] }.joined()
            // Pieces as the tokenizer reads them: a scalar and the marks after it.
            var pieces: [String] = []
            for scalar in text.unicodeScalars {
                if SearchText.isMark(scalar.value), !pieces.isEmpty { pieces[pieces.count - 1].unicodeScalars.append(scalar) } else { pieces.append(String(scalar)) }
            }
            var whole = SearchText.Tokenizer(), pieceByPiece = SearchText.Tokenizer()
            whole.feed(text)
            whole.finish()
            for piece in pieces { pieceByPiece.feed(piece) }
            pieceByPiece.finish()
            #expect(whole.tokens == pieceByPiece.tokens, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(whole.position == pieceByPiece.position)
        }
    }
}
