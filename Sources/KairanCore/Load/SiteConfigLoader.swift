/// Reads `site.yaml` strictly into a `SiteConfig`.
public enum SiteConfigLoader {
    /// The keys `site.yaml` may hold.
    public static let keys = ["title", "base_url", "language", "timezone", "description", "copyright",
                              "feedback_url", "allow_raw_html", "navigation", "support", "schedule", "customers_base_url", "limits", "mail",
                              "generate", "content_health", "edit_url", "social_image"]

    /// Loads `site.yaml` from `siteDirectory`; nil after logging errors.
    /// - Parameter withSchedule: also read the schedule file `schedule:` names (`kairan send`,
    ///   which needs only `mail:`, does not).
    public static func load(siteDirectory: String, fileSystem: FileSystem, withSchedule: Bool = true, log: DiagnosticLog) -> SiteConfig? {
        let file = "site.yaml"
        let bytes: [UInt8]
        do {
            // Read before its own `limits:` is known: the default limit applies to site.yaml itself.
            bytes = try fileSystem.read(joinPath(siteDirectory, file), limit: SiteLimits.defaultMaxFileSize)
        } catch let error as FileSystemError where error.reason.isTooLarge {
            log.cannotRead(file, error)
            return nil
        } catch {
            log.error(SourceLocation(file: file), "no site.yaml in \(siteDirectory.isEmpty ? "." : siteDirectory)",
                      hint: "create site.yaml with at least `title:` and `base_url:`, or pass --site DIR")
            return nil
        }
        guard let text = SourceText.decode(bytes, file: file, log: log) else { return nil }
        guard let node = YAMLDocument.parse(text, file: file, lineOffset: 0, log: log) else {
            if !log.items.hasErrors { log.error(SourceLocation(file: file, line: 1), "site.yaml is empty", hint: "add `title:` and `base_url:`") }
            return nil
        }
        guard let (config, scheduleAt) = decodeFields(node, file: file, log: log) else { return nil }
        var loaded = config
        if withSchedule, let path = config.schedulePath, let scheduleAt {
            loaded.schedule = loadSchedule(path: path, at: scheduleAt, siteDirectory: siteDirectory, fileSystem: fileSystem,
                                           limit: config.limits.maxFileSize, log: log)
        }
        return loaded
    }

    /// Reads the schedule file named by `schedule:` (a path relative to the site folder); a path
    /// outside the site or naming no file is an error at the `schedule:` value (`at`).
    static func loadSchedule(path: String, at: SourceLocation, siteDirectory: String, fileSystem: FileSystem, limit: Int? = nil,
                             log: DiagnosticLog) -> SiteSchedule {
        let hint = "`schedule:` names a YAML file inside the site folder, e.g. content/data/schedule.yaml"
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            log.error(at, "`schedule:` must be a path inside the site folder, found \"\(path)\"", hint: hint)
            return SiteSchedule()
        }
        guard fileSystem.kind(of: joinPath(siteDirectory, path)) == .file else {
            log.error(at, "schedule file \(path) does not exist", hint: hint)
            return SiteSchedule()
        }
        guard let text = SourceText.read(path, siteDirectory: siteDirectory, fileSystem: fileSystem, limit: limit, log: log) else { return SiteSchedule() }
        var rejected = Set<String>()
        let (items, calendar) = ScheduleLoader.decode(yaml: text, file: path, log: log, rejected: &rejected)
        var schedule = SiteSchedule(items: items, calendar: calendar, source: path)
        schedule.rejectedIDs = rejected
        return schedule
    }

    /// The settings of the site.yaml mapping `node` (a `schedule:` file is named, not read).
    static func decode(_ node: Yams.Node, file: String, log: DiagnosticLog) -> SiteConfig? {
        decodeFields(node, file: file, log: log)?.config
    }

    /// The settings, and where `schedule:` names a file when it does.
    private static func decodeFields(_ node: Yams.Node, file: String, log: DiagnosticLog) -> (config: SiteConfig, scheduleAt: SourceLocation?)? {
        guard let fields = YAMLFields(node, what: "site.yaml", expected: keys, file: file, lineOffset: 0, log: log) else { return nil }
        let title = fields.string("title", required: true, example: "ヘルプセンター")
        let baseURL = fields.url("base_url", required: true, example: "https://help.example.com/", kinds: [.web], rule: webRule)
        var config = SiteConfig(title: title ?? "", baseURL: normalizedBaseURL(baseURL?.text ?? "https://example.com/"))
        config.language = fields.string("language") ?? "ja"
        config.timezone = fields.string("timezone") ?? "Asia/Tokyo"
        if config.timezone != "Asia/Tokyo" {
            // Every offset Kairan writes (feeds, .ics, in-app data) is Japan's; another zone would be silently wrong.
            log.error(fields.location(of: "timezone"), "time zone \"\(config.timezone)\" is not supported: Kairan writes every date and time in Asia/Tokyo (+09:00)",
                      hint: "remove `timezone:` or set it to Asia/Tokyo")
        }
        config.description = fields.string("description") ?? ""
        config.copyright = fields.string("copyright") ?? ""
        config.feedbackURL = fields.url("feedback_url", example: "https://example.com/feedback")
        config.editURL = EditURLPattern.decode(fields, key: "edit_url")
        config.socialImage = fields.url("social_image", example: "/images/social.png", kinds: [.web, .sitePath],
                                        rule: "be a web address (https://…) or a path of this site (/images/social.png)")
        config.allowRawHTML = fields.bool("allow_raw_html") ?? false
        config.navigation = fields.list("navigation", expected: ["title", "url"]).compactMap { item in
            guard let title = item.string("title", required: true), let url = item.url("url", required: true, example: "/support/") else { return nil }
            return SiteConfig.NavigationItem(title: title, url: url)
        }
        if let support = fields.fields("support", expected: ["hours", "intro", "channels", "sla"]) {
            config.support = decodeSupport(support, log: log)
        }
        config.customersBaseURL = normalizedBaseURL(
            fields.url("customers_base_url", example: "https://training.example.com/", kinds: [.web], rule: webRule)?.text ?? config.baseURL)
        if let mail = fields.fields("mail", expected: ["from", "reply_to", "list_unsubscribe", "sendmail", "subject_prefix"]) {
            config.mail = decodeMail(mail, log: log)
        }
        if let generate = fields.fields("generate", expected: ["robots", "sitemap", "redirects"]) {
            config.generate.robots = generate.bool("robots") ?? true
            config.generate.sitemap = generate.bool("sitemap") ?? true
            config.generate.redirects = generate.bool("redirects") ?? true
        }
        if let health = fields.fields("content_health", expected: ["stale_months"]) {
            config.staleMonths = health.int("stale_months", range: 1...120) ?? config.staleMonths
        }
        var scheduleAt: SourceLocation?
        if let limits = fields.fields("limits", expected: ["max_file_size"]), let text = limits.string("max_file_size") {
            if let bytes = ByteSize.parse(text) {
                config.limits.maxFileSize = bytes
            } else {
                log.error(limits.location(of: "max_file_size"), "`max_file_size` must be a size such as 5MB, 800KB or 5000000 (bytes), found \"\(text)\"")
            }
        }
        if fields.isText("schedule") {
            config.schedulePath = fields.string("schedule")
            scheduleAt = fields.location(of: "schedule")
        } else if let schedule = fields.fields("schedule", expected: ScheduleLoader.keys) {
            var rejected = Set<String>()
            let (items, calendar) = ScheduleLoader.decode(schedule, log: log, rejected: &rejected)
            config.schedule = SiteSchedule(items: items, calendar: calendar, source: file)
            config.schedule.rejectedIDs = rejected
        }
        return (config, scheduleAt)
    }

    /// `mail:` — the sender must be a valid mailbox; the command is split into words (no shell).
    private static func decodeMail(_ fields: YAMLFields, log: DiagnosticLog) -> MailSettings? {
        guard let from = fields.string("from", required: true, example: "整骨院クラウド サポート <support@example.com>") else { return nil }
        let mailbox: EmailMailbox
        switch EmailMailbox.parse(from) {
        case .success(let parsed): mailbox = parsed
        case .failure(let problem):
            var at = fields.location(of: "from")
            at.column += problem.offset
            log.error(at, "`from`: \(problem.message)", hint: "write `名前 <support@example.com>` or a bare address")
            return nil
        }
        var settings = MailSettings(from: mailbox)
        if let replyTo = fields.string("reply_to", example: "support@example.com") {
            if let address = EmailAddress(replyTo) { settings.replyTo = address } else {
                log.error(fields.location(of: "reply_to"), "`reply_to` must be an email address like support@example.com, found \"\(replyTo)\"")
            }
        }
        settings.subjectPrefix = fields.string("subject_prefix", example: "【整骨院クラウド】")
        settings.listUnsubscribe = fields.url("list_unsubscribe", example: "https://example.com/mail/unsubscribe", kinds: [.web, .mail],
                                              rule: "start with https:// or mailto:")
        if let command = fields.string("sendmail", example: "/usr/bin/msmtp --read-envelope-from") {
            let words = command.split(separator: " ").map(String.init)
            if words.isEmpty { log.error(fields.location(of: "sendmail"), "`sendmail` is empty", hint: "e.g. `sendmail: /usr/sbin/sendmail`") } else { settings.sendmail = words }
        }
        return settings
    }

    private static func decodeSupport(_ fields: YAMLFields, log: DiagnosticLog) -> SiteConfig.Support {
        var support = SiteConfig.Support()
        support.hours = fields.string("hours") ?? ""
        support.intro = fields.string("intro") ?? ""
        let kinds = ["email", "chat", "phone", "web"]
        support.channels = fields.list("channels", expected: ["name", "kind", "address", "hours", "response", "note"]).compactMap { item in
            guard let name = item.string("name", required: true) else { return nil }
            let kind = item.choice("kind", kinds, required: true) ?? "web"
            let address = item.string("address") ?? ""
            return SiteConfig.SupportChannel(
                name: name, kind: kind, address: address, link: contactLink(kind: kind, address: address, item),
                hours: item.string("hours") ?? support.hours, response: item.string("response") ?? "", note: item.string("note") ?? "")
        }
        support.sla = fields.list("sla", expected: ["tier", "scope", "first_response", "resolution"]).compactMap { item in
            guard let tier = item.string("tier", required: true) else { return nil }
            return SiteConfig.ServiceLevel(
                tier: tier, scope: item.string("scope") ?? "", firstResponse: item.string("first_response") ?? "",
                resolution: item.string("resolution") ?? "")
        }
        return support
    }

    /// How web-only fields are described in errors.
    private static let webRule = "start with https:// or http://"

    /// The link of a support channel: `mailto:` for an email address, `tel:` for a phone number
    /// (none when it has fewer than three digits or a placeholder `X`), the address itself for
    /// `web` (which must be a web address); none for chat. A link ``URLPolicy`` rejects is an
    /// error at `address`.
    private static func contactLink(kind: String, address: String, _ item: YAMLFields) -> SafeURL? {
        let href: String
        switch kind {
        case "email" where address.contains("@"): href = "mailto:" + address
        case "phone":
            let digits = address.filter { $0.isASCII && ($0.isNumber || $0 == "+") }
            guard digits.count >= 3, !address.contains("X") else { return nil }
            href = "tel:" + digits
        case "web": return item.url("address", example: "https://example.com/contact", kinds: [.web], rule: webRule)
        default: return nil
        }
        do { return try SafeURL(href) } catch {
            item.reject("address", address, error)
            return nil
        }
    }

    /// The base URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}

import Yams
