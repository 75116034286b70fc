import Foundation
import Synchronization
@testable import KairanCore

/// In-memory stand-ins for the mail server and the log file, and a small outbox.
enum SendTestSupport {
    /// A mail server that keeps what it is given and refuses chosen lists.
    final class MemoryDelivery: MailDelivery {
        struct Delivered: Equatable { var from: String; var to: String; var bytes: [UInt8] }
        private let state = Mutex<(delivered: [Delivered], refused: Set<String>)>(([], []))

        init(refusing refused: Set<String> = []) { state.withLock { $0.refused = refused } }

        var delivered: [Delivered] { state.withLock { $0.delivered } }
        func refuse(_ lists: Set<String>) { state.withLock { $0.refused = lists } }

        func deliver(_ message: [UInt8], from: String, to address: String) throws(DeliveryFailure) {
            let refused = state.withLock { state -> Bool in
                if state.refused.contains(address) { return true }
                state.delivered.append(Delivered(from: from, to: address, bytes: message))
                return false
            }
            if refused { throw DeliveryFailure("550 5.1.1 <\(address)>: mailbox unavailable") }
        }
    }

    /// The send log in memory; `failing` makes every append throw.
    final class MemoryLog: SendLogStorage {
        private let state = Mutex<(bytes: [UInt8]?, failing: Bool)>((nil, false))

        init(_ text: String? = nil, failing: Bool = false) { state.withLock { $0 = (text.map { Array($0.utf8) }, failing) } }

        var text: String? { state.withLock { $0.bytes.map { String(decoding: $0, as: UTF8.self) } } }

        func read() throws -> [UInt8]? { state.withLock { $0.bytes } }

        func append(_ bytes: [UInt8], replacing: Bool) throws {
            try state.withLock { state in
                if state.failing { throw FileSystemError(path: "mail-log.yaml", reason: .system("No space left on device")) }
                state.bytes = (replacing ? [] : state.bytes ?? []) + bytes
            }
        }

        /// The log as `kairan send` reads it back.
        func parsed() -> SendLog? {
            guard let bytes = state.withLock({ $0.bytes }) else { return SendLog() }
            return SendLog.parse(bytes, file: "mail-log.yaml", log: DiagnosticLog())
        }
    }

    static func time(_ text: String) -> MailTime { MailTime(text: text)! }

    static func message(_ kind: Outbox.Kind, _ id: String, at sendAt: String, lists: [String]) -> Outbox.Message {
        Outbox.Message(kind: kind, id: id, subject: "件名 \(id)", sendAt: time(sendAt), audience: "clinic-admins", from: "support@example.com",
                       lists: lists.map { Outbox.MailingList(address: $0, name: "") }, messageID: "<\(kind.rawValue).\(id)@help.example.com>",
                       eml: "\(kind.rawValue)/\(id).eml", emlLocation: SourceLocation(file: "output/email/outbox.json"))
    }

    static let admins = "clinic-admins@lists.example.com", branches = "branch-admins@lists.example.com"

    /// Three weeks of reports and a newsletter.
    static let outbox = Outbox(messages: [
        message(.newsletter, "2026-11", at: "2026-11-02T09:00:00+09:00", lists: ["users@lists.example.com"]),
        message(.weekly, "2026-W47", at: "2026-11-20T17:00:00+09:00", lists: [admins, branches]),
        message(.weekly, "2026-W48", at: "2026-11-27T17:00:00+09:00", lists: [admins]),
        message(.weekly, "2026-W49", at: "2026-12-04T17:00:00+09:00", lists: [admins]),
    ])

    /// Each message's .eml bytes (CRLF), by Message-ID.
    static var emls: [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: outbox.messages.map { ($0.messageID, Array("Message-ID: \($0.messageID)\r\n\r\n本文\r\n".utf8)) })
    }

    /// Runs `selection` against `storage` and `delivery` as `kairan send` does, the clock fixed.
    static func send(_ selection: SendPlan.Selection, resend: Bool = false, storage: MemoryLog, delivery: MemoryDelivery,
                     at now: String = "2026-11-20T17:00:05+09:00") throws -> SendReport {
        let log = storage.parsed() ?? SendLog()
        let plan = try SendPlan.make(outbox: outbox, log: log, selection: selection, resend: resend)
        let clock = time(now)
        return Sender(delivery: delivery, storage: storage, clock: { clock }).run(plan, messages: emls, log: log)
    }
}
