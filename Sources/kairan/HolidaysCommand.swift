import ArgumentParser
import KairanCore

/// `kairan holidays`: Japanese national holidays (and company days) in a date range.
struct HolidaysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "Print Japanese national holidays, one per line: YYYY-MM-DD<TAB>name.",
        discussion: """
            Holidays follow 国民の祝日に関する法律 for 1955–2099, with 振替休日, 国民の休日 and the special
            one-off and moved holidays. This output is a stable contract for scripts.
            """
    )

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
    var from: String

    @Option(help: ArgumentHelp("Last day, included (YYYY-MM-DD).", valueName: "date"))
    var to: String

    @Flag(help: "Print a JSON array of {date, name, kind} instead.")
    var json = false

    @Flag(help: "Also list the company's closure days from the site's schedule (site.yaml).")
    var business = false

    @Option(help: ArgumentHelp("The site folder, for --business.", valueName: "dir"))
    var site: String = "."

    func validate() throws { _ = try days() }

    /// --from through --to, inside the years whose holidays are known.
    private func days() throws -> (start: CivilDate, end: CivilDate) {
        let start = try DateOption.day(from, option: "--from"), end = try DateOption.day(to, option: "--to")
        if end < start { throw ValidationError("--to (\(to)) is before --from (\(from))") }
        return (start, end)
    }

    func run() throws {
        let (start, end) = try days()
        var calendar: BusinessCalendar?
        if business {
            let log = DiagnosticLog()
            guard let config = SiteConfigLoader.load(siteDirectory: site, fileSystem: SiteFileSystem(base: DiskFileSystem(), root: site), log: log) else {
                for diagnostic in log.items { FileHandleOutput.standardError(diagnostic.description) }
                throw ExitCode(1)
            }
            calendar = config.schedule.calendar
        }
        let days = HolidayListing.days(from: start, through: end, calendar: calendar)
        print(json ? HolidayListing.json(days) : HolidayListing.text(days), terminator: "")
    }
}
