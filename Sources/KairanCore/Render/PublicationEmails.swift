/// The email channel: every issue as a mail-ready message (`email/<kind>/<id>.eml`) with its
/// HTML and text parts beside it for reading, the outbox `kairan send` reads, and an index.
///
/// One issue renders as: the kind's template (`templates/email/<kind>.mustache`) → site links
/// made absolute → the theme's email style sheet applied inline on every element → the size
/// check (Gmail clips HTML over about 102 KB) → the text alternative written from that HTML →
/// the MIME message, dated at the scheduled send time.
struct PublicationEmails: Sendable {
    let theme: Theme
    let models: PublicationViewModels
    let publications: Publications
    let notes: ReleaseNotes
    let mail: MailSettings
    let lists: MailingLists

    /// Over this many bytes the decoded HTML part fails the build; over `warningSize` it warns.
    static let maximumSize = 100 * 1024
    static let warningSize = 90 * 1024

    /// One rendered issue.
    struct Issue {
        var kind: PublicationKind
        var id: String
        var subject: String
        var sendAt: LocalDateTime
        var html: String
        var text: String
        var messageID: String
        var lists: [MailingLists.List]
        var message: [UInt8]
    }

    /// `email/<kind>/<id>.<part>`; the size limit is checked (and reported) by the message part alone.
    func file(_ kind: PublicationKind, _ index: Int, _ part: EmailPart, path: String, log: DiagnosticLog) -> OutputFile {
        let issue = render(kind, index, check: part == .message ? log : nil)
        switch part {
        case .message: return OutputFile(audience: .email, path: path, bytes: issue.message)
        case .html: return OutputFile(audience: .email, path: path, text: issue.html)
        case .text: return OutputFile(audience: .email, path: path, text: issue.text)
        }
    }

    /// The values of one issue: its template, subject, id, send time and template context.
    private func parts(_ kind: PublicationKind, _ index: Int) -> (id: String, subject: String, preheader: String, sendAt: LocalDateTime,
                                                                   audience: MailingLists.Audience, name: String, value: TemplateValue, archive: String) {
        let brand = mail.subjectPrefix ?? "【\(models.site.config.title)】"
        switch kind {
        case .weekly:
            let report = publications.weekly[index]
            let value = models.weekly(report)
            return (report.week.description, brand + models.title(of: report), models.summary(of: report), report.sendAt, kind.audience,
                    "report", value, value["archive_url"].flatMap(\.textValue) ?? "")
        case .newsletter:
            let newsletter = publications.newsletters[index]
            let value = models.newsletter(newsletter)
            return (newsletter.note.id, brand + models.title(of: newsletter), newsletter.note.summary, newsletter.sendAt, kind.audience,
                    "newsletter", value, value["archive_url"].flatMap(\.textValue) ?? "")
        case .release:
            let mail = publications.releases[index]
            let release = models.site.releasesNewestFirst[mail.release]
            let value = models.release(mail, notes: notes)
            return (release.version.description, brand + "リリースのお知らせ " + models.title(of: mail), release.summary, mail.sendAt, mail.audience,
                    "release", value, value["href"].flatMap(\.textValue) ?? "")
        case .digest:
            let digest = publications.digests[index]
            return (digest.week.description, "[社内] " + models.title(of: digest), "アラート・目標未達のKPI、フィードバック、バックログ、障害のまとめ",
                    digest.sendAt, kind.audience, "digest", models.digest(digest), "")
        }
    }

    func render(_ kind: PublicationKind, _ index: Int, check log: DiagnosticLog?) -> Issue {
        let issue = parts(kind, index)
        let unsubscribe = kind == .digest ? nil : mail.listUnsubscribe?.text
        let context: TemplateValue = [
            "site": models.mailSite, issue.name: issue.value,
            "email": [
                "subject": .text(issue.subject), "preheader": .text(issue.preheader), "kind": .text(kind.rawValue),
                "kind_label": .text(kind.label), "archive_url": .text(issue.archive),
                "unsubscribe_url": .text(unsubscribe ?? ""), "reply_to": .text((mail.replyTo ?? mail.from.address).text),
                "internal": .flag(kind == .digest), "css": .html(theme.emailStyle.keptCSS),
            ],
        ]
        // Notes and summaries link by site path of the customers' portal (they are rendered with its
        // link table); mail is read away from the site, so every link is made absolute.
        let rendered = theme.render(SitePlanner.emailTemplate(kind), context)
        let html = theme.emailStyle.inline(into: EmailLinks.imagesAsText(EmailLinks.withoutHeadingAnchors(models.customers.absolutized(rendered))))
        if let log {
            let size = html.utf8.count
            let at = SourceLocation(file: "templates/\(SitePlanner.emailTemplate(kind)).mustache")
            if size > PublicationEmails.maximumSize {
                log.error(at, "the \(kind.rawValue) email \(issue.id) is \(size / 1024) KB of HTML, over the \(PublicationEmails.maximumSize / 1024) KB limit (Gmail clips messages over about 102 KB)",
                          hint: "shorten the note, or link to the archive page instead of including everything")
            } else if size > PublicationEmails.warningSize {
                log.warning(at, "the \(kind.rawValue) email \(issue.id) is \(size / 1024) KB of HTML, near the \(PublicationEmails.maximumSize / 1024) KB limit",
                            hint: "Gmail clips messages over about 102 KB; shorten the note")
            }
        }
        let text = EmailPlainText.render(html: html)
        let messageID = "<\(kind.rawValue).\(issue.id)@\(models.helpCenter.host)>"
        let recipients = lists[issue.audience]
        let headers = MIMEMessage.Headers(from: mail.from, replyTo: mail.replyTo.map { EmailMailbox(address: $0) },
                                          to: recipients.map(\.mailbox), subject: issue.subject, date: issue.sendAt, messageID: messageID,
                                          listUnsubscribe: unsubscribe, isBulk: kind != .digest)
        let message = MIMEMessage(headers: headers, text: text, html: html)
        return Issue(kind: kind, id: issue.id, subject: issue.subject, sendAt: issue.sendAt, html: html, text: text, messageID: messageID,
                     lists: recipients, message: message.bytes)
    }

    /// The mailing-list audience of an issue (a release for customers goes to clinic administrators).
    static func audience(_ kind: PublicationKind, _ index: Int, _ publications: Publications) -> MailingLists.Audience {
        kind == .release ? publications.releases[index].audience : kind.audience
    }

    /// Every issue, sorted by send time, then kind, then id.
    private func all() -> [(kind: PublicationKind, index: Int, id: String, subject: String, sendAt: LocalDateTime, audience: MailingLists.Audience)] {
        var items: [(kind: PublicationKind, index: Int, id: String, subject: String, sendAt: LocalDateTime, audience: MailingLists.Audience)] = []
        let counts: [(PublicationKind, Int)] = [(.weekly, publications.weekly.count), (.newsletter, publications.newsletters.count),
                                                 (.release, publications.releases.count), (.digest, publications.digests.count)]
        for (kind, count) in counts {
            for index in 0..<count {
                let issue = parts(kind, index)
                // An audience without a list gets no email (the build warned).
                guard !lists[issue.audience].isEmpty else { continue }
                items.append((kind, index, issue.id, issue.subject, issue.sendAt, issue.audience))
            }
        }
        return items.sorted { ($0.sendAt, $0.kind, $0.id) < ($1.sendAt, $1.kind, $1.id) }
    }

    /// `email/outbox.json`: what `kairan send` delivers, and when.
    func outbox() -> OutputFile {
        let messages: [JSONValue] = all().map { item in
            .object([
                ("kind", .string(item.kind.rawValue)), ("id", .string(item.id)), ("subject", .string(item.subject)),
                ("send_at", .string(item.sendAt.rfc3339)), ("audience", .string(item.audience.rawValue)),
                ("from", .string(mail.from.address.text)),
                ("lists", .array(lists[item.audience].map { .object([("address", .string($0.address.text)), ("name", .string($0.name))]) })),
                ("message_id", .string("<\(item.kind.rawValue).\(item.id)@\(models.helpCenter.host)>")),
                ("eml", .string("\(item.kind.rawValue)/\(item.id).eml")),
            ])
        }
        let json = JSONValue.object([("version", .integer(1)), ("messages", .array(messages))])
        return OutputFile(audience: .email, path: "outbox.json", text: json.serialized() + "\n")
    }

    /// `email/index.html`: every email with its parts, for reviewing before sending.
    func index() -> OutputFile {
        let items = all()
        let context: TemplateValue = [
            "site": models.mailSite,
            "emails": .list(items.map { item in
                [
                    "kind": .text(item.kind.rawValue), "kind_label": .text(item.kind.label), "id": .text(item.id), "subject": .text(item.subject),
                    "send": .text(PublicationViewModels.when(item.sendAt)), "audience": .text(item.audience.rawValue),
                    "lists": .text(lists[item.audience].map(\.address.text).joined(separator: ", ")),
                    "html": .text("\(item.kind.rawValue)/\(item.id).html"), "text": .text("\(item.kind.rawValue)/\(item.id).txt"),
                    "eml": .text("\(item.kind.rawValue)/\(item.id).eml"),
                ]
            }),
            "count": .number(items.count),
        ]
        return OutputFile(audience: .email, path: "index.html", text: theme.render("email/index", context))
    }
}

extension TemplateValue {
    /// The text of a text value.
    var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
