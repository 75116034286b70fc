/// Reads `site.yaml` strictly into a `SiteConfig`.
public enum SiteConfigLoader {
    /// The keys `site.yaml` may hold.
    public static let keys = ["title", "base_url", "language", "timezone", "description", "copyright",
                              "feedback_url", "allow_raw_html", "navigation", "support", "schedule", "customers_base_url", "limits"]

    /// Loads `site.yaml` from `siteDirectory`; nil after logging errors.
    public static func load(siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> SiteConfig? {
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
        let text = String(decoding: bytes, as: UTF8.self)
        guard let node = YAMLDocument.parse(text, file: file, lineOffset: 0, log: log) else {
            if !log.items.hasErrors { log.error(SourceLocation(file: file, line: 1), "site.yaml is empty", hint: "add `title:` and `base_url:`") }
            return nil
        }
        guard var config = decode(node, file: file, log: log) else { return nil }
        if let path = config.schedulePath {
            config.schedule = loadSchedule(path: path, siteDirectory: siteDirectory,
                                           fileSystem: LimitedFileSystem(fileSystem, maxFileSize: config.limits.maxFileSize), log: log)
        }
        return config
    }

    /// Reads the schedule file named by `schedule:` (a path relative to the site folder).
    static func loadSchedule(path: String, siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> SiteSchedule {
        do {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { throw FileSystemError(path: path, reason: .notFound) }
            let bytes = try fileSystem.read(joinPath(siteDirectory, path))
            let (items, calendar) = ScheduleLoader.decode(yaml: String(decoding: bytes, as: UTF8.self), file: path, log: log)
            return SiteSchedule(items: items, calendar: calendar, source: path)
        } catch let error as FileSystemError where error.reason.isTooLarge {
            log.cannotRead(path, error)
        } catch {
            log.error(SourceLocation(file: "site.yaml"), "schedule file \(path) cannot be read",
                      hint: "`schedule:` names a YAML file inside the site folder, e.g. content/data/schedule.yaml")
        }
        return SiteSchedule()
    }

    static func decode(_ node: Yams.Node, file: String, log: DiagnosticLog) -> SiteConfig? {
        guard let fields = YAMLFields(node, what: "site.yaml", expected: keys, file: file, lineOffset: 0, log: log) else { return nil }
        let title = fields.string("title", required: true, example: "ヘルプセンター")
        let baseURL = fields.string("base_url", required: true, example: "https://help.example.com/")
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            log.error(fields.location(of: "base_url"), "`base_url` must start with https:// or http://, found \"\(baseURL)\"")
        }
        var config = SiteConfig(title: title ?? "", baseURL: normalizedBaseURL(baseURL ?? "https://example.com/"))
        config.language = fields.string("language") ?? "ja"
        config.timezone = fields.string("timezone") ?? "Asia/Tokyo"
        if config.timezone != "Asia/Tokyo" && config.timezone != "UTC" {
            log.warning(fields.location(of: "timezone"), "time zone \"\(config.timezone)\" is taken as Asia/Tokyo",
                        hint: "Kairan's calendars know Asia/Tokyo and UTC")
        }
        config.description = fields.string("description") ?? ""
        config.copyright = fields.string("copyright") ?? ""
        config.feedbackURL = fields.string("feedback_url") ?? ""
        config.allowRawHTML = fields.bool("allow_raw_html") ?? false
        config.navigation = fields.list("navigation", expected: ["title", "url"]).compactMap { item in
            guard let title = item.string("title", required: true), let url = item.string("url", required: true) else { return nil }
            return SiteConfig.NavigationItem(title: title, url: url)
        }
        if let support = fields.fields("support", expected: ["hours", "intro", "channels", "sla"]) {
            config.support = decodeSupport(support, log: log)
        }
        config.customersBaseURL = normalizedBaseURL(fields.string("customers_base_url") ?? config.baseURL)
        if let limits = fields.fields("limits", expected: ["max_file_size"]), let text = limits.string("max_file_size") {
            if let bytes = ByteSize.parse(text) {
                config.limits.maxFileSize = bytes
            } else {
                log.error(limits.location(of: "max_file_size"), "`max_file_size` must be a size such as 5MB, 800KB or 5000000 (bytes), found \"\(text)\"")
            }
        }
        if fields.isText("schedule") {
            config.schedulePath = fields.string("schedule")
        } else if let schedule = fields.fields("schedule", expected: ScheduleLoader.keys) {
            let (items, calendar) = ScheduleLoader.decode(schedule, log: log)
            config.schedule = SiteSchedule(items: items, calendar: calendar, source: file)
        }
        return config
    }

    private static func decodeSupport(_ fields: YAMLFields, log: DiagnosticLog) -> SiteConfig.Support {
        var support = SiteConfig.Support()
        support.hours = fields.string("hours") ?? ""
        support.intro = fields.string("intro") ?? ""
        let kinds = ["email", "chat", "phone", "web"]
        support.channels = fields.list("channels", expected: ["name", "kind", "address", "hours", "response", "note"]).compactMap { item in
            guard let name = item.string("name", required: true) else { return nil }
            return SiteConfig.SupportChannel(
                name: name, kind: item.choice("kind", kinds, required: true) ?? "web",
                address: item.string("address") ?? "", hours: item.string("hours") ?? support.hours,
                response: item.string("response") ?? "", note: item.string("note") ?? "")
        }
        support.sla = fields.list("sla", expected: ["tier", "scope", "first_response", "resolution"]).compactMap { item in
            guard let tier = item.string("tier", required: true) else { return nil }
            return SiteConfig.ServiceLevel(
                tier: tier, scope: item.string("scope") ?? "", firstResponse: item.string("first_response") ?? "",
                resolution: item.string("resolution") ?? "")
        }
        return support
    }

    /// The base URL with exactly one trailing slash.
    public static func normalizedBaseURL(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }
}

import Yams
