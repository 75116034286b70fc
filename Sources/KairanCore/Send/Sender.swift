/// Carries out a ``SendPlan``: delivers each pending (message, list) in order and records each
/// delivery in the send log before the next one starts, so whatever stops the run — a refused
/// list, a dead server, a kill — the log holds exactly the deliveries that happened and a rerun
/// sends only the rest.
public struct Sender: Sendable {
    public var delivery: any MailDelivery
    public var storage: any SendLogStorage
    /// The time recorded for a delivery (the real clock; tests fix it).
    public var clock: @Sendable () -> MailTime

    public init(delivery: any MailDelivery, storage: any SendLogStorage, clock: @escaping @Sendable () -> MailTime) {
        self.delivery = delivery
        self.storage = storage
        self.clock = clock
    }

    /// Runs `plan`; `messages` holds each planned message's `.eml` bytes by Message-ID, `log` is the
    /// log the plan was made from. A list that refuses is reported and the others are still tried;
    /// a record that cannot be written stops the run (a delivery nobody recorded would go out again).
    public func run(_ plan: SendPlan, messages: [String: [UInt8]], log: SendLog) -> SendReport {
        var report = SendReport(entries: [])
        var recorded = log.records.count
        var stopped: String?
        for entry in plan.entries {
            var outcomes: [(list: String, outcome: SendReport.Outcome)] = []
            for list in entry.message.lists {
                if let (_, record) = entry.alreadySent.first(where: { $0.list == list }) {
                    outcomes.append((list.address, .alreadySent(record.sentAt)))
                    continue
                }
                if let stopped {
                    outcomes.append((list.address, .notAttempted(stopped)))
                    continue
                }
                guard let bytes = messages[entry.message.messageID] else {
                    outcomes.append((list.address, .failed("its .eml was not read")))
                    continue
                }
                do {
                    try delivery.deliver(bytes, from: entry.message.from, to: list.address)
                } catch {
                    outcomes.append((list.address, .failed(error.reason)))
                    continue
                }
                let record = SendLog.Record(kind: entry.message.kind, id: entry.message.id, messageID: entry.message.messageID,
                                            list: list.address, sentAt: clock())
                let addition = log.addition(record, afterRecords: recorded)
                do {
                    try storage.append(addition.bytes, replacing: addition.replacing)
                    recorded += 1
                    outcomes.append((list.address, .sent(record.sentAt)))
                } catch {
                    outcomes.append((list.address, .notRecorded("\(error)", record)))
                    stopped = "stopped because the send log could not be written"
                }
            }
            report.entries.append(SendReport.Entry(message: entry.message, outcomes: outcomes))
        }
        return report
    }
}
