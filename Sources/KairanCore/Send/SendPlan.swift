/// What `kairan send` will do before it does anything: for each message, the lists still to send
/// to and those the log says already have it; for `--due`, also the messages it will not send
/// because they were due too long ago.
public struct SendPlan: Sendable, Equatable {
    /// Which messages a run is about.
    public enum Selection: Sendable, Equatable {
        /// `kairan send <kind> <id>`: that message, whenever it is due.
        case message(Outbox.Kind, String)
        /// `kairan send --due`: every message due at `now` and at most `window` seconds before,
        /// not yet sent to every list.
        case due(now: MailTime, window: Int64)
    }

    /// One message and what happens to each of its lists.
    public struct Entry: Sendable, Equatable {
        public var message: Outbox.Message
        /// The lists to deliver to, in the outbox's order.
        public var pending: [Outbox.MailingList]
        /// The lists the log says already have it, with that record.
        public var alreadySent: [(list: Outbox.MailingList, record: SendLog.Record)]

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.message == rhs.message && lhs.pending == rhs.pending
                && lhs.alreadySent.map(\.list) == rhs.alreadySent.map(\.list) && lhs.alreadySent.map(\.record) == rhs.alreadySent.map(\.record)
        }
    }

    /// A selection that names no message of the outbox: a usage error.
    public struct UnknownMessage: Error, Sendable, Equatable, CustomStringConvertible {
        public var kind: Outbox.Kind
        public var id: String
        /// The ids of that kind the outbox has.
        public var known: [String]

        public var description: String {
            "\(kind.rawValue) \(id) is not in the outbox; "
                + (known.isEmpty ? "it holds no \(kind.rawValue) email" : "its \(kind.rawValue) emails are \(known.joined(separator: ", "))")
        }
    }

    /// The messages to deliver, in the outbox's order (send time, kind, id).
    public var entries: [Entry]
    /// `--due` only: messages due before the window that some list never got; sent by hand only.
    public var missed: [Entry]

    /// The plan for `selection` given the outbox and the send log; with `resend`, lists already
    /// sent to are sent to again.
    public static func make(outbox: Outbox, log: SendLog, selection: Selection, resend: Bool = false) throws(UnknownMessage) -> SendPlan {
        func entry(_ message: Outbox.Message) -> Entry {
            var entry = Entry(message: message, pending: [], alreadySent: [])
            for list in message.lists {
                if !resend, let record = log.delivery(messageID: message.messageID, list: list.address) {
                    entry.alreadySent.append((list, record))
                } else {
                    entry.pending.append(list)
                }
            }
            return entry
        }
        switch selection {
        case .message(let kind, let id):
            guard let message = outbox.message(kind: kind, id: id) else {
                throw UnknownMessage(kind: kind, id: id, known: outbox.messages.filter { $0.kind == kind }.map(\.id))
            }
            return SendPlan(entries: [entry(message)], missed: [])
        case .due(let now, let window):
            let unsent = outbox.messages.filter { $0.sendAt <= now }.map(entry).filter { !$0.pending.isEmpty }
            let oldest = now.adding(seconds: -window)
            return SendPlan(entries: unsent.filter { $0.message.sendAt >= oldest }, missed: unsent.filter { $0.message.sendAt < oldest })
        }
    }

    /// What a dry run prints: each message with its subject, send time and lists.
    public var dryRunLines: [String] {
        var lines: [String] = []
        for entry in entries {
            lines.append("\(entry.message.name): \(entry.message.subject)")
            lines.append("  send at: \(entry.message.sendAt.text)")
            for list in entry.pending { lines.append("  would send to \(list.address)") }
            for (list, record) in entry.alreadySent { lines.append("  already sent to \(list.address) at \(record.sentAt.text)") }
        }
        if entries.isEmpty { lines.append("Nothing to send.") }
        return lines + missedLines
    }

    /// The messages `--due` leaves for a person to decide on, with the command that sends them.
    public var missedLines: [String] {
        missed.map { entry in
            "missed: \(entry.message.name) was due at \(entry.message.sendAt.text) and never reached "
                + entry.pending.map(\.address).joined(separator: ", ") + "; to send it now: kairan send \(entry.message.name)"
        }
    }
}
