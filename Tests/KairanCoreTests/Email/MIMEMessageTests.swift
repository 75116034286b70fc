import Foundation
import Testing
@testable import KairanCore

/// The `.eml` bytes: RFC 2047 subjects and names, header order and values, the boundary,
/// line ends and lengths, and header injection from data.
@Suite struct MIMEMessageTests {
    /// The encoded words in `text`.
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "=?UTF-8?B?") {
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            words.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return words
    }

    /// The text an encoded word holds, nil when it is not whole UTF-8.
    static func decoded(_ word: String) -> String? {
        let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
        guard let data = Data(base64Encoded: String(payload)) else { return nil }
        return String(validating: Array(data), as: UTF8.self)
    }

    static func header(_ name: String, in bytes: [UInt8]) -> String? {
        emailHeaderLines(bytes).first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    @Test func longJapaneseSubjectIsEncodedWordsOfWholeCharacters() {
        let subject = "【整骨院クラウド】週次ステータスレポート 🎉👨‍👩‍👧 2026年11月16日〜22日：" + String(repeating: "予約画面の表示遅延と復旧🙇‍♀️", count: 6)
        let bytes = sampleEmailMessage(subject: subject).bytes
        guard let value = Self.header("Subject", in: bytes) else {
            Issue.record("no Subject")
            return
        }
        let words = Self.encodedWords(value)
        #expect(words.count > 5)
        for word in words {
            #expect(word.count <= 75, "\(word)")
            #expect(Self.decoded(word) != nil, "\(word) splits a character")
        }
        #expect(words.compactMap(Self.decoded).joined() == subject)
        // Folded: every physical header line within 78 characters.
        let block = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        for line in block.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
    }

    @Test func oneCharacterTooLongForAWordIsSplitBetweenScalarsOnly() {
        let family = String(repeating: "👨‍👩‍👧‍👦", count: 1) + "🏳️‍🌈" + String(repeating: "👩🏽‍💻", count: 3)
        let long = Character(String(repeating: "👍🏽", count: 1) + String(repeating: "\u{1F3FB}", count: 14))  // one grapheme, 60+ bytes
        for text in [family, String(long)] {
            let words = MIMEHeaderText.encodedWords(text)
            #expect(words.allSatisfy { $0.count <= 75 && Self.decoded($0) != nil })
            #expect(words.compactMap(Self.decoded).joined() == text)
        }
    }

    @Test func headersInOrder() {
        let bytes = sampleEmailMessage().bytes
        let names = emailHeaderLines(bytes).map { String($0.prefix { $0 != ":" }) }
        #expect(names == ["Date", "From", "Reply-To", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type",
                          "List-Unsubscribe", "List-Unsubscribe-Post", "Precedence"])
        #expect(Self.header("Date", in: bytes) == "Fri, 20 Nov 2026 17:00:00 +0900")
        #expect(Self.header("Message-ID", in: bytes) == "<weekly.2026-W47@help.example.com>")
        #expect(Self.header("Reply-To", in: bytes) == "support@example.com")
        #expect(Self.header("List-Unsubscribe", in: bytes) == "<https://example.com/mail/unsubscribe>")
        #expect(Self.header("List-Unsubscribe-Post", in: bytes) == "List-Unsubscribe=One-Click")
        #expect(Self.header("Precedence", in: bytes) == "bulk")
        let to = Self.header("To", in: bytes) ?? ""
        #expect(to.hasSuffix(" <clinic-admins@lists.example.com>, Ops Team <ops@example.com>"))
        #expect(Self.encodedWords(to).compactMap(Self.decoded).joined() == "整骨院クラウド 院長・管理者")
    }

    @Test func mailtoUnsubscribeHasNoOneClickAndNoneWhenNotConfigured() {
        let mailto = sampleEmailMessage(listUnsubscribe: "mailto:unsubscribe@example.com").bytes
        #expect(Self.header("List-Unsubscribe", in: mailto) == "<mailto:unsubscribe@example.com>")
        #expect(Self.header("List-Unsubscribe-Post", in: mailto) == nil)
        let none = sampleEmailMessage(listUnsubscribe: nil).bytes
        #expect(Self.header("List-Unsubscribe", in: none) == nil)
    }

    @Test func boundaryIsDeterministicAndNotInTheBodies() {
        let first = sampleEmailMessage()
        #expect(first.bytes == sampleEmailMessage().bytes)
        let other = sampleEmailMessage(html: "<p>別の内容</p>")
        #expect(first.boundary != other.boundary)
        #expect(first.boundary.hasPrefix("=_kairan_"))
        let text = String(decoding: first.bytes, as: UTF8.self)
        #expect(text.components(separatedBy: "--" + first.boundary).count == 4)  // two openers and the closer
        #expect(text.contains("boundary=\"\(first.boundary)\""))
        #expect(text.hasSuffix("--\(first.boundary)--\r\n"))
    }

    @Test func crlfOnlyAndShortLinesWhateverTheBodies() {
        let html = "<p>" + String(repeating: "とても長い一行の本文です。", count: 400) + "</p>\n<p>two\rthree\r\n</p>"
        let bytes = sampleEmailMessage(html: html).bytes
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13) }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10) }
        }
        let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        #expect(lines.filter { $0.count == 76 }.count > 10, "Base64 in lines of 76")
        let headerEnd = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n\r\n")[0].utf8.count
        #expect(bytes[..<headerEnd].allSatisfy { $0 < 0x80 }, "no 8-bit header bytes")
    }

    @Test func bodiesDecodeToCRLFText() {
        let message = sampleEmailMessage(html: "<p>一</p>\n<p>二</p>\n")
        let parts = String(decoding: message.bytes, as: UTF8.self).components(separatedBy: "--" + message.boundary)
        let html = parts[2].components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
        #expect(Data(base64Encoded: html).map { String(decoding: $0, as: UTF8.self) } == "<p>一</p>\r\n<p>二</p>\r\n")
        #expect(parts[1].contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n"))
    }

    @Test func headerInjectionFromDataIsStripped() {
        var message = sampleEmailMessage(subject: "Weekly\r\nBcc: victim@example.com")
        message.headers.to[1].name = "Ops\nBcc: victim@example.com"
        message.headers.listUnsubscribe = "https://example.com/u\r\nBcc: victim@example.com"
        message.headers.messageID = "<id@example.com>\r\nBcc: victim@example.com"
        let lines = String(decoding: message.bytes, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(Self.header("Subject", in: message.bytes) == "Weekly Bcc: victim@example.com")
        #expect(Self.header("Message-ID", in: message.bytes) == "<id@example.comBcc:victim@example.com>")
    }

    @Test func addressValidationIsLocated() {
        #expect(EmailAddress.problem(in: "clinic-admins@lists.example.com") == nil)
        #expect(EmailAddress.problem(in: "o'brien+tag@example.co.jp") == nil)
        let cases: [(String, Int)] = [
            ("support", 0), ("サポート@example.com", 0), ("a..b@example.com", 2), (".a@example.com", 0),
            ("a b@example.com", 1), ("a@localhost", 2), ("a@-x.example.com", 2), ("a@example..com", 10), ("@example.com", 0),
        ]
        for (text, offset) in cases {
            let problem = EmailAddress.problem(in: text)
            #expect(problem?.offset == offset, "\(text): \(String(describing: problem))")
            #expect(problem?.hint.isEmpty == false)
            #expect(EmailAddress(text) == nil)
        }
        guard case .failure(let problem) = EmailMailbox.parse("整骨院クラウド <support@exa mple.com>") else {
            Issue.record("accepted a bad address")
            return
        }
        #expect(problem.offset == 17)  // the domain part holding the space
        guard case .success(let mailbox) = EmailMailbox.parse(" \"Kairan, Inc.\" <dev@kairan.example.com>") else {
            Issue.record("rejected a good mailbox")
            return
        }
        #expect(mailbox.name == "Kairan, Inc." && mailbox.address.text == "dev@kairan.example.com")
        #expect(MIMEHeaderText.addressList("From", [mailbox]) == "From: \"Kairan, Inc.\" <dev@kairan.example.com>\r\n")
    }
}
