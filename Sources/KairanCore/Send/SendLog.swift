/// `mail-log.yaml` at the site root, meant to be committed: one record per delivered
/// (message, mailing list), appended right after each delivery, so the same email never goes to
/// the same list twice and a send cut short leaves a true record of what went out.
///
/// ```yaml
/// sent:
///   - kind: weekly
///     id: "2026-W47"
///     message_id: "<weekly.2026-W47@help.example.com>"
///     list: "clinic-admins@lists.example.com"
///     sent_at: "2026-11-20T17:00:04+09:00"
/// ```
/// Read back strictly: anything malformed is an error at its `file:line:column`, and nothing is
/// sent until it is fixed (a log Kairan cannot trust could send an issue twice).
public struct SendLog: Sendable, Equatable {
    /// One delivery of one message to one list.
    public struct Record: Sendable, Equatable {
        public var kind: Outbox.Kind
        public var id: String
        public var messageID: String
        public var list: String
        public var sentAt: MailTime

        public init(kind: Outbox.Kind, id: String, messageID: String, list: String, sentAt: MailTime) {
            self.kind = kind
            self.id = id
            self.messageID = messageID
            self.list = list
            self.sentAt = sentAt
        }

        /// The record as lines of the log's `sent:` list.
        public var yaml: String {
            func quoted(_ text: String) -> String {
                var out = ""
                JSONValue.quote(text, into: &out)  // JSON's escapes are YAML double-quoted escapes
                return out
            }
            return "  - kind: \(kind.rawValue)\n    id: \(quoted(id))\n    message_id: \(quoted(messageID))\n"
                + "    list: \(quoted(list))\n    sent_at: \(quoted(sentAt.text))\n"
        }
    }

    /// The file's path inside the site folder.
    public static let path = "mail-log.yaml"

    /// What a new log starts with.
    public static let header = """
        # Emails sent by `kairan send`: one record per message and mailing list, added as each is delivered.
        # Commit this file. A message recorded here is not sent to that list again (unless --resend).
        sent:

        """

    /// Every delivery, oldest first.
    public var records: [Record]
    /// Whether the file's last line has no line break (a hand edit): the next record starts one.
    public var endsInsideLine = false

    public init(records: [Record] = []) { self.records = records }

    /// The bytes that add `record` to a log that holds `count` records: the header and the record
    /// when it holds none (the file is then written anew), else the record alone.
    public func addition(_ record: Record, afterRecords count: Int) -> (bytes: [UInt8], replacing: Bool) {
        if count == 0 { return (Array((SendLog.header + record.yaml).utf8), true) }
        return (Array(((endsInsideLine && count == records.count ? "\n" : "") + record.yaml).utf8), false)
    }

    /// The last delivery of the message with `messageID` to `list`, when there was one.
    public func delivery(messageID: String, list: String) -> Record? {
        records.last { $0.messageID == messageID && $0.list == list }
    }

    /// The log in `bytes` (`file` names it in errors); nil after logging every error found.
    public static func parse(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> SendLog? {
        let before = log.items.count
        guard let text = SourceText.decode(bytes, file: file, log: log) else { return nil }
        guard let root = YAMLDocument.parse(text, file: file, lineOffset: 0, log: log) else {
            return log.hasErrors(since: before) ? nil : SendLog()  // empty, or comments only
        }
        guard let fields = YAMLFields(root, what: "the send log", expected: ["sent"], file: file, lineOffset: 0, log: log) else { return nil }
        var records: [Record] = []
        for entry in fields.list("sent", expected: ["kind", "id", "message_id", "list", "sent_at"]) {
            let kind = entry.choice("kind", Outbox.Kind.allCases.map(\.rawValue), required: true).flatMap(Outbox.Kind.init(rawValue:))
            let id = entry.string("id", required: true, example: "\"2026-W47\"")
            let messageID = entry.string("message_id", required: true, example: "\"<weekly.2026-W47@help.example.com>\"")
            let list = entry.string("list", required: true, example: "\"clinic-admins@lists.example.com\"")
            if let list, !EmailAddress.isValid(list) {
                log.error(entry.location(of: "list"), "`list` must be \(EmailAddress.rule), found \"\(list)\"")
            }
            var sentAt: MailTime?
            if let text = entry.string("sent_at", required: true, example: "\"2026-11-20T17:00:04+09:00\"") {
                sentAt = MailTime(text: text)
                if sentAt == nil {
                    log.error(entry.location(of: "sent_at"), "`sent_at` must be a time written 2026-11-20T17:00:04+09:00, found \"\(text)\"")
                }
            }
            if let kind, let id, let messageID, let list, let sentAt {
                records.append(Record(kind: kind, id: id, messageID: messageID, list: list, sentAt: sentAt))
            }
        }
        guard !log.hasErrors(since: before) else { return nil }
        var parsed = SendLog(records: records)
        parsed.endsInsideLine = bytes.last.map { $0 != 0x0A } ?? false
        return parsed
    }
}
