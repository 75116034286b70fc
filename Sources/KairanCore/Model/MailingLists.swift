/// Who a publication is mailed to: `content/data/recipients.yaml`, mailing lists by audience.
/// List addresses only — the people on a list are the list server's business, never the site's.
public struct MailingLists: Sendable, Equatable {
    /// The audiences a list serves; each kind of publication goes to one.
    public enum Audience: String, Sendable, CaseIterable {
        case clinicAdmins = "clinic-admins", allUsers = "all-users", team
    }

    /// One list: its address and display name.
    public struct List: Sendable, Equatable {
        public var address: EmailAddress
        public var name: String

        /// The list as a `To:` mailbox.
        public var mailbox: EmailMailbox { EmailMailbox(name: name, address: address) }
    }

    public var lists: [Audience: [List]] = [:]

    public init(lists: [Audience: [List]] = [:]) { self.lists = lists }

    public subscript(audience: Audience) -> [List] { lists[audience] ?? [] }
}

/// `mail:` of `site.yaml`: the sender, and the command that hands messages to the mail system.
public struct MailSettings: Sendable, Equatable {
    /// `From:` — display name and address.
    public var from: EmailMailbox
    public var replyTo: EmailAddress?
    /// Put before every subject; default `【<site title>】`.
    public var subjectPrefix: String?
    /// `List-Unsubscribe:` target (https: or mailto:).
    public var listUnsubscribe: SafeURL?
    /// The sendmail-compatible command, split into words.
    public var sendmail: [String] = ["/usr/sbin/sendmail"]

    public init(from: EmailMailbox) { self.from = from }
}
