import ArgumentParser
import KairanCore

/// `kairan schedule`: upcoming publications and events, after holidays, with missing content flagged.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "List upcoming publications and events from the site's schedule, after holiday rules.",
        discussion: """
            Each line gives the date the item really lands on (moved or skipped by its holiday policy) and,
            for publications, whether their content exists yet (content/reports/weekly/<YYYY>-W<ww>.md,
            content/newsletters/<YYYY-MM>.md, a release dated that day).
            """
    )

    @Option(help: ArgumentHelp("The site folder.", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp("First day (default: today, or --date).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day, included (default: 30 days after --from).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("What \"today\" is (YYYY-MM-DD); SOURCE_DATE_EPOCH is used when absent.", valueName: "date"))
    var date: String?

    @Flag(help: "Print JSON instead of lines.")
    var json = false

    func validate() throws { _ = try window() }

    /// The days to list: --from (default today: --date, SOURCE_DATE_EPOCH or the system clock)
    /// through --to (default 30 days later), all inside the supported dates.
    private func window() throws -> (start: CivilDate, end: CivilDate) {
        let today = try DateOption.clock(date: date).today
        let start = try from.map { try DateOption.day($0, option: "--from") } ?? today
        let end = try to.map { try DateOption.day($0, option: "--to") } ?? start.adding(days: 30)
        if end < start { throw ValidationError("--to is before --from") }
        if to == nil, !JapaneseHolidays.supportedDates.contains(end) {
            throw ValidationError("--to defaults to 30 days after --from, \(end.iso), past \(JapaneseHolidays.supportedDates.upperBound.iso); give --to")
        }
        return (start, end)
    }

    func run() throws {
        let (start, end) = try window()
        let fileSystem = SiteFileSystem(base: DiskFileSystem(), root: site)
        let log = DiagnosticLog()
        guard let config = SiteConfigLoader.load(siteDirectory: site, fileSystem: fileSystem, log: log) else {
            for diagnostic in log.items { FileHandleOutput.standardError(diagnostic.description) }
            throw ExitCode(1)
        }
        for diagnostic in log.items { FileHandleOutput.standardError(diagnostic.description) }
        if config.schedule.items.isEmpty {
            FileHandleOutput.standardError("site.yaml has no `schedule:`; nothing to list")
        }
        let releases = ReleaseLoader.load(siteDirectory: site, fileSystem: fileSystem.limitingReads(to: config.limits.maxFileSize),
                                          log: DiagnosticLog())
        let releaseDates = Set(releases.map(\.date))
        let agenda = ScheduleAgenda(schedule: config.schedule, from: start, through: end) { kind, day in
            switch kind {
            case .release: return releaseDates.contains(day)
            default:
                guard let path = ScheduleAgenda.expectedContent(kind: kind, date: day) else { return false }
                return fileSystem.kind(of: joinPath(site, path)) == .file
            }
        }
        print(json ? agenda.json : agenda.text, terminator: "")
        if log.items.hasErrors { throw ExitCode(1) }
    }
}
