import Foundation
@testable import KairanCore

/// A weekly report message like the lead's assembly builds, for the MIME tests.
func sampleEmailMessage(subject: String = "【整骨院クラウド】週次ステータスレポート 11月16日〜22日",
                        html: String = "<!DOCTYPE html><html><body><p>今週は全院で安定稼働しました。</p></body></html>\n",
                        listUnsubscribe: String? = "https://example.com/mail/unsubscribe") -> MIMEMessage {
    func mailbox(_ text: String) -> EmailMailbox {
        guard case .success(let mailbox) = EmailMailbox.parse(text) else { preconditionFailure("bad test address \(text)") }
        return mailbox
    }
    let date = CivilDate(year: 2026, month: 11, day: 20).map { LocalDateTime(date: $0, minutes: 17 * 60) }
    guard let date else { preconditionFailure("bad test date") }
    let headers = MIMEMessage.Headers(
        from: mailbox("整骨院クラウド サポート <support@example.com>"), replyTo: mailbox("support@example.com"),
        to: [mailbox("整骨院クラウド 院長・管理者 <clinic-admins@lists.example.com>"), mailbox("Ops Team <ops@example.com>")],
        subject: subject, date: date, messageID: "<weekly.2026-W47@help.example.com>", listUnsubscribe: listUnsubscribe)
    return MIMEMessage(headers: headers, text: EmailPlainText.render(html: html), html: html)
}

/// The header block of `bytes` (before the first blank line), unfolded into `name: value` lines.
func emailHeaderLines(_ bytes: [UInt8]) -> [String] {
    let text = String(decoding: bytes, as: UTF8.self)
    let block = text.components(separatedBy: "\r\n\r\n").first ?? ""
    var lines: [String] = []
    for physical in block.components(separatedBy: "\r\n") {
        if physical.hasPrefix(" "), !lines.isEmpty { lines[lines.count - 1] += physical } else { lines.append(physical) }
    }
    return lines
}
