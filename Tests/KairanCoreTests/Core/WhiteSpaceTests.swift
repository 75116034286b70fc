import Testing
@testable import KairanCore

/// The one trimming rule (`WhiteSpace`): exactly Unicode's White_Space property, on bytes.
@Suite struct WhiteSpaceTests {
    /// The rule as the standard library states it: the scalars at either end whose White_Space
    /// property is set.
    static func expected(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    @Test func textIsTrimmedOfExactlyUnicodesWhiteSpace() {
        for text in ["", " ", "\u{3000}", "a", " a ", "\u{3000}あ\u{3000}", "\u{A0}\u{A0}x", "x\u{2029}", "é\u{301}", "\u{301}", "\t見出し\n"] {
            #expect(text.trimmedOfWhitespace == Self.expected(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Every scalar below U+3100 and every 7th above, alone and around a letter.
        for value in UInt32(0)...0x10FFFF where value % 7 == 0 || value < 0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "\(scalar)あ\(scalar)"] where text.trimmedOfWhitespace != Self.expected(text) {
                Issue.record("U+\(String(value, radix: 16)) in \(text.count) characters")
            }
        }
    }

    @Test func textWithNothingToTrimIsReturnedAsItIs() {
        let text = "予約の変更"
        #expect(text.trimmedOfWhitespace == text)
        #expect("  予約の変更\u{3000}".trimmedOfWhitespace == text)
    }
}
