/// What a `kairan send` run did, list by list: the lines it prints and whether it failed.
public struct SendReport: Sendable {
    /// What happened to one (message, list).
    public enum Outcome: Sendable, Equatable {
        /// Delivered now, and recorded.
        case sent(MailTime)
        /// The log says it was delivered then; not sent again.
        case alreadySent(MailTime)
        /// Refused (the program's or server's words); a rerun tries again.
        case failed(String)
        /// Delivered, but the record could not be written (why, and the record to add by hand).
        case notRecorded(String, SendLog.Record)
        /// Not tried, and why.
        case notAttempted(String)

        /// Whether the list has the message after this run.
        public var delivered: Bool {
            switch self {
            case .sent, .alreadySent, .notRecorded: return true
            case .failed, .notAttempted: return false
            }
        }
    }

    /// One message and its lists' outcomes, in the outbox's order.
    public struct Entry: Sendable {
        public var message: Outbox.Message
        public var outcomes: [(list: String, outcome: Outcome)]

        public init(message: Outbox.Message, outcomes: [(list: String, outcome: Outcome)]) {
            self.message = message
            self.outcomes = outcomes
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The report of a plan with nothing to deliver: each message's lists as the log has them.
    public init(nothingPendingIn plan: SendPlan) {
        entries = plan.entries.map { entry in
            Entry(message: entry.message, outcomes: entry.alreadySent.map { ($0.list.address, .alreadySent($0.record.sentAt)) })
        }
    }

    /// Whether any list did not get its message, or a delivery went unrecorded.
    public var failed: Bool {
        entries.contains { entry in
            entry.outcomes.contains { item in
                if case .notRecorded = item.outcome { return true }
                return !item.outcome.delivered
            }
        }
    }

    /// The outcome of `list` for the message `messageID`, when the run was about it.
    public func outcome(messageID: String, list: String) -> Outcome? {
        entries.first { $0.message.messageID == messageID }?.outcomes.first { $0.list == list }?.outcome
    }

    /// The report: per message a heading, one line per list, and for a message that did not reach
    /// every list, which did and which did not, and the command that sends the rest.
    public var lines: [String] {
        var lines: [String] = []
        for entry in entries {
            lines.append("\(entry.message.name): \(entry.message.subject)")
            for (list, outcome) in entry.outcomes {
                switch outcome {
                case .sent(let time): lines.append("  sent to \(list) at \(time.text)")
                case .alreadySent(let time): lines.append("  already sent to \(list) at \(time.text); not sent again (--resend sends it again)")
                case .failed(let reason): lines.append("  FAILED \(list): \(reason)")
                case .notRecorded(let reason, let record):
                    lines.append("  sent to \(list), but NOT RECORDED in \(SendLog.path): \(reason)")
                    lines.append("    add this record under `sent:` by hand, or a rerun sends it again:")
                    lines += record.yaml.split(separator: "\n").map { "    " + $0 }
                case .notAttempted(let reason): lines.append("  not sent to \(list): \(reason)")
                }
            }
            let missing = entry.outcomes.filter { !$0.outcome.delivered }.map(\.list)
            if !missing.isEmpty {
                let got = entry.outcomes.filter { $0.outcome.delivered }.map(\.list)
                lines.append("  \(entry.message.name) reached \(got.count) of \(entry.outcomes.count) lists"
                    + (got.isEmpty ? "" : " (\(got.joined(separator: ", ")))") + "; NOT sent to: \(missing.joined(separator: ", "))")
                lines.append("  run `kairan send \(entry.message.name)` again to send it to those lists only")
            }
        }
        if entries.isEmpty { lines.append("Nothing to send.") }
        return lines
    }
}
