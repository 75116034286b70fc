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

    /// What identifies an issue and when it goes out: enough for the outbox and the index,
    /// without building its template values.
    struct Heading {
        var kind: PublicationKind
        var index: Int
        var id: String
        var subject: String
        var preheader: String
        var sendAt: LocalDateTime
        var audience: MailingLists.Audience
        /// `<weekly.2026-W47@help.example.com>`: derived from the issue, stable across rebuilds.
        var messageID: String
    }

    func heading(_ kind: PublicationKind, _ index: Int) -> Heading {
        let brand = mail.subjectPrefix ?? "【\(models.site.config.title)】"
        let (id, subject, preheader, sendAt): (String, String, String, LocalDateTime)
        switch kind {
        case .weekly:
            let report = publications.weekly[index]
            (id, subject, preheader, sendAt) = (report.week.description, brand + models.title(of: report), models.summary(of: report), report.sendAt)
        case .newsletter:
            let newsletter = publications.newsletters[index]
            (id, subject, preheader, sendAt) = (newsletter.note.id, brand + models.title(of: newsletter), newsletter.note.summary, newsletter.sendAt)
        case .release:
            let mail = publications.releases[index]
            let release = models.site.releasesNewestFirst[mail.release]
            (id, subject, preheader, sendAt) = (release.version.description, brand + "リリースのお知らせ " + models.title(of: mail), release.summary, mail.sendAt)
        case .digest:
            let digest = publications.digests[index]
            (id, subject, preheader, sendAt) = (digest.week.description, "[社内] " + models.title(of: digest),
                                                "アラート・目標未達のKPI、フィードバック、バックログ、障害のまとめ", digest.sendAt)
        }
        return Heading(kind: kind, index: index, id: id, subject: subject, preheader: preheader, sendAt: sendAt,
                       audience: PublicationEmails.audience(kind, index, publications), messageID: "<\(kind.rawValue).\(id)@\(models.helpCenter.host)>")
    }

    /// The template values under their name, and the address of its web version.
    private func values(_ kind: PublicationKind, _ index: Int) -> (name: String, value: TemplateValue, webURL: String) {
        switch kind {
        case .weekly:
            let value = models.weekly(publications.weekly[index])
            return ("report", value, value["archive_url"].flatMap(\.textValue) ?? "")
        case .newsletter:
            let value = models.newsletter(publications.newsletters[index])
            return ("newsletter", value, value["archive_url"].flatMap(\.textValue) ?? "")
        case .release:
            let value = models.release(publications.releases[index], notes: notes)
            return ("release", value, value["href"].flatMap(\.textValue) ?? "")
        case .digest:
            return ("digest", models.digest(publications.digests[index]), "")
        }
    }

    /// `email/<kind>/<id>.<part>`, rendered only as far as the part needs: the HTML part stops
    /// after inlining, the text part after writing the text; the size limit is checked (and
    /// reported) by the message part alone.
    func file(_ kind: PublicationKind, _ index: Int, _ part: EmailPart, path: String, log: DiagnosticLog) -> OutputFile {
        let heading = heading(kind, index)
        let html = html(heading)
        if part == .html { return OutputFile(audience: .email, path: path, text: html) }
        let text = EmailPlainText.render(html: html)
        if part == .text { return OutputFile(audience: .email, path: path, text: text) }
        checkSize(html, of: heading, log: log)
        return OutputFile(audience: .email, path: path, bytes: message(heading, html: html, text: text).bytes)
    }

    /// The email's HTML: its template, links made absolute, the style sheet applied inline.
    func html(_ heading: Heading) -> String {
        let (name, value, webURL) = values(heading.kind, heading.index)
        let context: TemplateValue = [
            "site": models.mailSite, name: value,
            "email": [
                "subject": .text(heading.subject), "preheader": .text(heading.preheader), "kind": .text(heading.kind.rawValue),
                "kind_label": .text(heading.kind.label), "archive_url": .text(webURL),
                "button_label": .text(heading.kind == .release ? "リリースノートを見る" : "ウェブ版で読む"),
                "unsubscribe_url": .text(unsubscribe(heading.kind) ?? ""), "reply_to": .text((mail.replyTo ?? mail.from.address).text),
                "internal": .flag(heading.kind == .digest), "css": .html(theme.emailStyle.keptCSS),
            ],
        ]
        // Notes and summaries link by site path of the customers' portal (they are rendered with its
        // link table); mail is read away from the site, so every link is made absolute.
        let rendered = theme.render(SitePlanner.emailTemplate(heading.kind), context)
        return theme.emailStyle.inline(into: EmailLinks.imagesAsText(EmailLinks.withoutHeadingAnchors(models.customers.absolutized(rendered))))
    }

    /// `List-Unsubscribe` of list mail; the team's digest has none.
    private func unsubscribe(_ kind: PublicationKind) -> String? { kind == .digest ? nil : mail.listUnsubscribe?.text }

    /// The MIME message of an issue.
    func message(_ heading: Heading, html: String, text: String) -> MIMEMessage {
        let headers = MIMEMessage.Headers(from: mail.from, replyTo: mail.replyTo.map { EmailMailbox(address: $0) },
                                          to: lists[heading.audience].map(\.mailbox), subject: heading.subject, date: heading.sendAt,
                                          messageID: heading.messageID, listUnsubscribe: unsubscribe(heading.kind), isBulk: heading.kind != .digest)
        return MIMEMessage(headers: headers, text: text, html: html)
    }

    /// Over 90 KB of HTML warns; over 100 KB is an error (Gmail clips messages at about 102 KB).
    private func checkSize(_ html: String, of heading: Heading, log: DiagnosticLog) {
        let size = html.utf8.count
        let at = SourceLocation(file: "templates/\(SitePlanner.emailTemplate(heading.kind)).mustache")
        if size > PublicationEmails.maximumSize {
            log.error(at, "the \(heading.kind.rawValue) email \(heading.id) is \(size / 1024) KB of HTML, over the \(PublicationEmails.maximumSize / 1024) KB limit (Gmail clips messages over about 102 KB)",
                      hint: "shorten the note, or link to the archive page instead of including everything")
        } else if size > PublicationEmails.warningSize {
            log.warning(at, "the \(heading.kind.rawValue) email \(heading.id) is \(size / 1024) KB of HTML, near the \(PublicationEmails.maximumSize / 1024) KB limit",
                        hint: "Gmail clips messages over about 102 KB; shorten the note")
        }
    }

    /// The mailing-list audience of an issue (a release for customers goes to clinic administrators).
    static func audience(_ kind: PublicationKind, _ index: Int, _ publications: Publications) -> MailingLists.Audience {
        kind == .release ? publications.releases[index].audience : kind.audience
    }

    /// Every issue that has a list to go to, sorted by send time, then kind, then id.
    private func all() -> [Heading] {
        var items: [Heading] = []
        let counts: [(PublicationKind, Int)] = [(.weekly, publications.weekly.count), (.newsletter, publications.newsletters.count),
                                                 (.release, publications.releases.count), (.digest, publications.digests.count)]
        for (kind, count) in counts {
            // An audience without a list gets no email (the build warned).
            for index in 0..<count where !lists[PublicationEmails.audience(kind, index, publications)].isEmpty {
                items.append(heading(kind, index))
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
                ("message_id", .string(item.messageID)),
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
        return OutputFile(audience: .email, path: "index.html", bytes: theme.renderBytes("email/index", context))
    }
}

extension TemplateValue {
    /// The text of a text value.
    var textValue: String? {
        if case .text(let text) = unshared { return text }
        return nil
    }
}
