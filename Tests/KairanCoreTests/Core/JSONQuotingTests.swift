import Foundation
import Testing
@testable import KairanCore

/// JSON strings as every JSON output writes them: byte by byte, escaping what JSON and
/// JavaScript need and leaving out the forbidden characters.
@Suite struct JSONQuotingTests {
    static let cases: [(String, String)] = [
        ("予約の設定", "\"予約の設定\""),
        ("a\"b\\c", "\"a\\\"b\\\\c\""),
        ("行1\n行2\r\t", "\"行1\\n行2\\r\\t\""),
        ("\u{2028}と\u{2029}", "\"\\u2028と\\u2029\""),
        // C0 controls, DEL, C1 controls and U+FFFE/FFFF are left out.
        ("a\u{01}\u{1B}b\u{7F}c\u{85}\u{9F}d\u{FFFE}\u{FFFF}e", "\"abcde\""),
        // Near the forbidden ones, but allowed: U+00A0, U+2027, U+FFFD, a character after C2 A0.
        ("\u{A0}\u{2027}\u{FFFD}\u{A0}x", "\"\u{A0}\u{2027}\u{FFFD}\u{A0}x\""),
        ("", "\"\""),
    ]

    @Test func bytesAndTextAgree() {
        for (text, expected) in Self.cases {
            var bytes: [UInt8] = []
            JSONValue.quote(text, into: &bytes)
            var string = ""
            JSONValue.quote(text, into: &string)
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(string == expected)
        }
    }

    @Test func readsBackAsTheTextWithoutForbiddenCharacters() throws {
        let text = "本文\u{0}\u{2028}\"引用\"\\\u{9F}終わり"
        var bytes: [UInt8] = []
        JSONValue.quote(text, into: &bytes)
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) as? String
        #expect(decoded == ForbiddenCharacter.removing(from: text))
    }
}
