/// The customers' training pages (`output/customers/training/`): programs, materials, the event
/// calendar of the coming months, one page per recurring event, and iCalendar files.
public struct TrainingPages: Sendable {
    public let theme: Theme
    public let models: PublicViewModels
    public let training: Training
    public let schedule: SiteSchedule
    /// Program/event body HTML by source path, rendered with customers-tree links.
    public let bodies: [String: String]
    /// Help-article source path → absolute URL on the public site.
    public let articleURLs: [String: String]
    public let today: CivilDate
    /// The DTSTAMP of calendar files (the build clock).
    public let stampSeconds: Int64

    /// How far ahead the calendar page and the `.ics` files reach.
    public static let horizonDays = 183

    public init(theme: Theme, models: PublicViewModels, training: Training, schedule: SiteSchedule,
                bodies: [String: String], articleURLs: [String: String], today: CivilDate, stampSeconds: Int64) {
        self.theme = theme
        self.models = models
        self.training = training
        self.schedule = schedule
        self.bodies = bodies
        self.articleURLs = articleURLs
        self.today = today
        self.stampSeconds = stampSeconds
    }

    public static let indexPath = "/training/"
    public static let materialsPath = "/training/materials/"
    public static func programPath(_ id: String) -> String { "/training/programs/\(id)/" }
    public static func eventPath(_ id: String) -> String { "/training/events/\(id)/" }
    public static func eventCalendarPath(_ id: String) -> String { "/training/events/\(id).ics" }
    public static let calendarPath = "/training/events.ics"

    /// The schedule items shown to customers: events (not publications) for the customers audience.
    var customerEvents: [ScheduledItem] { TrainingPages.customerEvents(of: schedule) }

    /// The customers' events of `schedule`, in schedule order (event pages and calendars are made for these).
    static func customerEvents(of schedule: SiteSchedule) -> [ScheduledItem] {
        schedule.items.filter { $0.audience == .customers && !$0.kind.isPublication }
    }

    private var end: CivilDate { today.adding(days: TrainingPages.horizonDays) }

    private func file(_ path: String, template: String, _ context: TemplateValue) -> OutputFile {
        OutputFile(audience: .customers, path: SitePaths.file(for: path), bytes: theme.renderBytes(template, context))
    }

    private func page(_ title: String, _ description: String, _ path: String, kind: String, crumbs: [(String, String)]) -> TemplateValue {
        TrainingPages.portal(models.page(title: title, description: description, path: path, kind: kind, breadcrumbs: crumbs),
                             models: models, hasTraining: true)
    }

    /// A page context of the customers' portal (`customers-layout`): `site.help_center` and the
    /// `training` links (`home` is the portal's home page, `PortalHomePage`).
    static func portal(_ page: TemplateValue, models: PublicViewModels, hasTraining: Bool) -> TemplateValue {
        var context = page
        var site = context["site"] ?? .empty
        site["help_center"] = .text(models.helpCenterURL)
        context["site"] = site
        let home = TemplateValue.text(models.paths.href(SitePaths.home))
        context["training"] = hasTraining ? [
            "home": home, "materials": .text(models.paths.href(TrainingPages.materialsPath)),
            "ics": .text(models.paths.href(TrainingPages.calendarPath)),
        ] : ["home": home, "materials": .text(""), "ics": .text("")]
        return context
    }

    /// Upcoming dates of an event (skipped ones included, marked), as template values.
    private func occurrences(_ item: ScheduledItem, limit: Int) -> [TemplateValue] {
        item.occurrences(from: today, through: end, calendar: schedule.calendar).prefix(limit).map { occurrence in
            let date = occurrence.date ?? occurrence.nominal
            return ["iso": .text(date.iso), "when": .text(item.japaneseWhen(date)), "skipped": .flag(occurrence.isSkipped),
                    "moved": .flag(occurrence.isMoved), "reason": .text(occurrence.reason ?? ""),
                    "title": .text(item.title), "href": .text(models.paths.href(TrainingPages.eventPath(item.id)))]
        }
    }

    private var writer: ICalendarWriter { ICalendarWriter(host: models.paths.host, stampSecondsSinceEpoch: stampSeconds) }
    private var window: ICalendarWindow { ICalendarWindow(from: today, through: end) }

    /// `events.ics`: every customers' event of the coming months.
    func calendar() -> OutputFile {
        OutputFile(audience: .customers, path: String(TrainingPages.calendarPath.dropFirst()),
                   text: writer.calendar(name: "\(models.config.title) 研修・イベント", items: customerEvents, window: window,
                                         businessCalendar: schedule.calendar))
    }

    /// `events/<id>.ics` of the customers' event `index`.
    func eventCalendar(_ index: Int) -> OutputFile {
        let item = customerEvents[index]
        return OutputFile(audience: .customers, path: String(TrainingPages.eventCalendarPath(item.id).dropFirst()),
                          text: writer.calendar(for: item, window: window, businessCalendar: schedule.calendar))
    }

    /// The page of the customers' event `index`.
    func event(_ index: Int) -> OutputFile { event(customerEvents[index]) }

    /// The page of training program `index`.
    func program(_ index: Int) -> OutputFile { program(training.programs[index]) }

    /// `/training/`: programs, events and the calendar of the coming months.
    func index() -> OutputFile {
        var context = page("研修・イベント", "オンボーディング、管理者向けトレーニング、ウェビナー、オフィスアワーのご案内", TrainingPages.indexPath,
                           kind: "training", crumbs: [])
        let upcoming = customerEvents.flatMap { occurrences($0, limit: 60) }
            .sorted { ($0["iso"].map(TrainingPages.text) ?? "", $0["title"].map(TrainingPages.text) ?? "") < ($1["iso"].map(TrainingPages.text) ?? "", $1["title"].map(TrainingPages.text) ?? "") }
        var months: [(String, String, [TemplateValue])] = []
        for entry in upcoming {
            let iso = entry["iso"].map(TrainingPages.text) ?? ""
            let key = String(iso.prefix(7))
            if months.last?.0 != key { months.append((key, CivilDate(iso: iso).map(JapaneseDateFormat.yearMonth) ?? key, [])) }
            months[months.count - 1].2.append(entry)
        }
        context["programs"] = .list(training.programs.map(programSummary))
        context["events"] = .list(customerEvents.map(eventSummary))
        context["calendar"] = .list(months.prefix(3).map { ["id": .text("m-" + $0.0), "label": .text($0.1), "entries": .list($0.2)] })
        return file(TrainingPages.indexPath, template: "training/index", context)
    }

    static func text(_ value: TemplateValue) -> String {
        if case .text(let text) = value.unshared { return text }
        return ""
    }

    func programSummary(_ program: Training.Program) -> TemplateValue {
        ["title": .text(program.title), "summary": .text(program.summary), "href": .text(models.paths.href(TrainingPages.programPath(program.id))),
         "when": .text(program.when), "audience": .text(program.audience), "total": .text(TrainingPages.duration(program.totalMinutes))]
    }

    func eventSummary(_ item: ScheduledItem) -> TemplateValue {
        let content = training.events.first { $0.id == item.id }
        return ["title": .text(content?.title ?? item.title), "summary": .text(content?.summary ?? item.description ?? ""),
                "rule": .text("\(item.rule.japanese) \(item.time.text)" + (item.durationMinutes > 0 ? "〜\(item.time.adding(minutes: item.durationMinutes).text)" : "")),
                "href": .text(models.paths.href(TrainingPages.eventPath(item.id))),
                "ics": .text(models.paths.href(TrainingPages.eventCalendarPath(item.id)))]
    }

    /// `1時間30分`, `30分`, `2時間`.
    static func duration(_ minutes: Int) -> String {
        let (hours, rest) = (minutes / 60, minutes % 60)
        if hours == 0 { return "\(rest)分" }
        return rest == 0 ? "\(hours)時間" : "\(hours)時間\(rest)分"
    }

    private func program(_ program: Training.Program) -> OutputFile {
        var context = page(program.title, program.summary, TrainingPages.programPath(program.id), kind: "program",
                           crumbs: [("研修・イベント", TrainingPages.indexPath)])
        var value = programSummary(program)
        value["sessions"] = .list(program.sessions.map { session in
            ["title": .text(session.title), "duration": .text(TrainingPages.duration(session.minutes)),
             "topics": .list(session.topics.map { .text($0) })]
        })
        value["content"] = .html(bodies[program.sourcePath] ?? "")
        context["program"] = value
        return file(TrainingPages.programPath(program.id), template: "training/program", context)
    }

    /// `/training/materials/`.
    func materials() -> OutputFile {
        var context = page("教材", "操作マニュアル、ビデオチュートリアル、クイックリファレンス", TrainingPages.materialsPath, kind: "materials",
                           crumbs: [("研修・イベント", TrainingPages.indexPath)])
        let groups: [(String, String)] = [("manual", "操作マニュアル"), ("video", "ビデオチュートリアル"), ("quick-reference", "クイックリファレンス")]
        context["groups"] = .list(groups.compactMap { kind, label in
            let items = training.materials.filter { $0.kind == kind }
            if items.isEmpty { return nil }
            return ["id": .text("k-" + kind), "label": .text(label), "materials": .list(items.map { material in
                ["title": .text(material.title), "summary": .text(material.summary), "format": .text(material.format),
                 "minutes": material.minutes.map { .number($0) } ?? .flag(false),
                 "href": .text(material.url?.text ?? material.article.flatMap { articleURLs[$0] } ?? ""),
                 "updated": material.updated.map(PublicViewModels.date) ?? .flag(false),
                 "content": .html(bodies[material.sourcePath] ?? "")]
            })]
        })
        return file(TrainingPages.materialsPath, template: "training/materials", context)
    }

    private func event(_ item: ScheduledItem) -> OutputFile {
        let content = training.events.first { $0.id == item.id }
        var context = page(content?.title ?? item.title, content?.summary ?? item.description ?? "", TrainingPages.eventPath(item.id),
                           kind: "event", crumbs: [("研修・イベント", TrainingPages.indexPath)])
        var value = eventSummary(item)
        value["dates"] = .list(occurrences(item, limit: 8))
        value["themes"] = .list((content?.themes ?? []).compactMap { theme in
            guard let first = CivilDate(iso: theme.month + "-01") else { return nil }
            return ["month": .text(JapaneseDateFormat.yearMonth(first)), "title": .text(theme.title)]
        })
        value["has_themes"] = .flag(!(content?.themes.isEmpty ?? true))
        value["url"] = .text(item.url?.text ?? "")
        value["location"] = .text(item.location ?? "")
        value["content"] = .html(content.flatMap { bodies[$0.sourcePath] } ?? "")
        context["event"] = value
        return file(TrainingPages.eventPath(item.id), template: "training/event", context)
    }
}
