/// `output/email/outbox.json`, read back by `kairan send`: every email the build made, when it is
/// due and which mailing lists it goes to. Read strictly: unknown keys, wrong types and bad values
/// are errors at their `file:line:column`, and an outbox with any error sends nothing.
public struct Outbox: Sendable, Equatable {
    /// What an email is; the first word of `kairan send <kind> <id>`.
    public enum Kind: String, CaseIterable, Sendable {
        case weekly, newsletter, release, digest
    }

    /// One mailing list an email goes to.
    public struct MailingList: Sendable, Equatable {
        public var address: String
        public var name: String

        public init(address: String, name: String) {
            self.address = address
            self.name = name
        }
    }

    /// One email of the outbox.
    public struct Message: Sendable, Equatable {
        public var kind: Kind
        public var id: String
        public var subject: String
        /// When it is due (after the holiday policy).
        public var sendAt: MailTime
        public var audience: String
        /// The envelope sender, a bare address.
        public var from: String
        public var lists: [MailingList]
        /// The `Message-ID` header's value, `<…@…>`: what the send log records.
        public var messageID: String
        /// The `.eml` file, relative to `output/email/`.
        public var eml: String
        /// Where `eml` is written in outbox.json, for errors about the file.
        public var emlLocation: SourceLocation

        public init(kind: Kind, id: String, subject: String, sendAt: MailTime, audience: String, from: String,
                    lists: [MailingList], messageID: String, eml: String, emlLocation: SourceLocation) {
            self.kind = kind
            self.id = id
            self.subject = subject
            self.sendAt = sendAt
            self.audience = audience
            self.from = from
            self.lists = lists
            self.messageID = messageID
            self.eml = eml
            self.emlLocation = emlLocation
        }

        /// `weekly 2026-W47`: how the message is named on the command line.
        public var name: String { "\(kind.rawValue) \(id)" }
    }

    /// The outbox format this Kairan reads.
    public static let version = 1
    /// The file's path inside the output folder.
    public static let path = "email/outbox.json"
    /// The audiences a message may go to.
    public static let audiences = ["clinic-admins", "all-users", "team"]

    /// The messages, sorted by send time, then kind, then id (as the build writes them).
    public var messages: [Message]

    public init(messages: [Message]) { self.messages = messages }

    /// The message named `kind id`, when there is one.
    public func message(kind: Kind, id: String) -> Message? { messages.first { $0.kind == kind && $0.id == id } }

    /// Decodes the bytes of outbox.json (`file` names it in errors); nil after logging every error found.
    public static func decode(_ bytes: [UInt8], file: String, log: DiagnosticLog) -> Outbox? {
        let before = log.items.count
        guard let text = SourceText.decode(bytes, file: file, log: log),
              let root = JSONDocument.parse(text, file: file, log: log),
              let fields = YAMLFields(value: root, what: "outbox.json", expected: ["version", "messages"], file: file, lineOffset: 0, log: log)
        else { return nil }
        if let version = fields.int("version", required: true, example: "1"), version != Outbox.version {
            log.error(fields.location(of: "version"), "outbox.json is version \(version); this kairan reads version \(Outbox.version)",
                      hint: "rebuild with this kairan (`kairan build`) before sending")
        }
        if !fields.has("messages") { log.error(fields.location, "missing required key `messages`", hint: "rebuild with `kairan build`") }
        var messages: [Message] = []
        var seen: [String: SourceLocation] = [:]
        for entry in fields.list("messages", expected: ["kind", "id", "subject", "send_at", "audience", "from", "lists", "message_id", "eml"]) {
            guard let message = decodeMessage(entry, file: file, log: log) else { continue }
            for (key, what) in [("\(message.kind.rawValue) \(message.id)", "message"), (message.messageID, "Message-ID")] {
                if let first = seen[key] {
                    log.error(entry.location, "\(what) \(key) is in the outbox twice", hint: "the first is at line \(first.line); rebuild with `kairan build`")
                } else {
                    seen[key] = entry.location
                }
            }
            messages.append(message)
        }
        return log.hasErrors(since: before) ? nil : Outbox(messages: messages)
    }

    private static func decodeMessage(_ entry: YAMLFields, file: String, log: DiagnosticLog) -> Message? {
        let before = log.items.count
        let kind = entry.choice("kind", Kind.allCases.map(\.rawValue), required: true).flatMap(Kind.init(rawValue:))
        let id = entry.string("id", required: true, example: "2026-W47")
        if let id, id.isEmpty || !id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._".unicodeScalars.contains($0)) }) {
            log.error(entry.location(of: "id"), "`id` must be letters, digits, `-`, `.` or `_`, found \"\(id)\"")
        }
        let subject = entry.string("subject", required: true)
        var sendAt: MailTime?
        if let text = entry.string("send_at", required: true, example: "2026-11-20T17:00:00+09:00") {
            sendAt = MailTime(text: text)
            if sendAt == nil {
                log.error(entry.location(of: "send_at"), "`send_at` must be a time written 2026-11-20T17:00:00+09:00, found \"\(text)\"")
            }
        }
        let audience = entry.choice("audience", audiences, required: true)
        let from = address(entry, "from")
        let lists = entry.list("lists", expected: ["address", "name"]).compactMap { list -> MailingList? in
            guard let address = address(list, "address") else { return nil }
            return MailingList(address: address, name: list.string("name") ?? "")
        }
        if entry.has("lists"), lists.isEmpty, !log.hasErrors(since: before) {
            log.error(entry.location(of: "lists"), "`lists` is empty: the message goes nowhere",
                      hint: "add the audience's lists to content/data/recipients.yaml and rebuild")
        }
        for (index, list) in lists.enumerated() where lists[..<index].contains(where: { $0.address == list.address }) {
            log.error(entry.location(of: "lists"), "list \(list.address) is named twice", hint: "rebuild with `kairan build`")
        }
        let messageID = entry.string("message_id", required: true, example: "<weekly.2026-W47@help.example.com>")
        if let messageID, !(messageID.hasPrefix("<") && messageID.hasSuffix(">") && messageID.contains("@")
                            && messageID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })) {
            log.error(entry.location(of: "message_id"), "`message_id` must be written <left@right>, found \"\(messageID)\"")
        }
        let eml = entry.string("eml", required: true, example: "weekly/2026-W47.eml")
        if let eml, eml.hasPrefix("/") || !eml.hasSuffix(".eml") || eml.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            log.error(entry.location(of: "eml"), "`eml` must be a path inside output/email/ ending in .eml, found \"\(eml)\"")
        }
        guard !log.hasErrors(since: before), let kind, let id, let subject, let sendAt, let audience, let from,
              let messageID, let eml else { return nil }
        if !entry.has("lists") {
            log.error(entry.location, "missing required key `lists`", hint: "rebuild with `kairan build`")
            return nil
        }
        return Message(kind: kind, id: id, subject: subject, sendAt: sendAt, audience: audience, from: from, lists: lists,
                       messageID: messageID, eml: eml, emlLocation: entry.location(of: "eml"))
    }

    /// A bare address at `key`, else nil after an error there.
    private static func address(_ fields: YAMLFields, _ key: String) -> String? {
        guard let text = fields.string(key, required: true, example: "support@example.com") else { return nil }
        guard EmailAddress.isValid(text) else {
            fields.log.error(fields.location(of: key), "`\(key)` must be \(EmailAddress.rule), found \"\(text)\"")
            return nil
        }
        return text
    }
}
