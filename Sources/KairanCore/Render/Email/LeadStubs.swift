// TEMPORARY: stand-ins for the email primitives of the mail-format branch, replaced at merge.
struct EmailStyleSheet: Sendable {
    var text: String
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> EmailStyleSheet { EmailStyleSheet(text: text) }
    func inline(into html: String) -> String { html }
    var keptCSS: String { "" }
}

enum EmailPlainText {
    static func render(html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }
}

struct MIMEMessage {
    struct Mailbox { var name: String; var address: String }
    var from: Mailbox
    var replyTo: Mailbox?
    var to: [Mailbox]
    var subject: String
    var date: CivilDate
    var minutes: Int
    var messageID: String
    var listUnsubscribe: String?
    var text: String
    var html: String
    var bytes: [UInt8] { Array("Subject: stub\r\n\r\n\(text)".utf8) }
}
