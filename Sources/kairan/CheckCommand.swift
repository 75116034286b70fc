import ArgumentParser
import KairanCore

/// `kairan check`: everything `build` validates, without writing anything.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the site (YAML, front matter, links, templates) without writing anything.",
        discussion: "Lists the articles and releases dated after the build date, with the day each appears."
    )

    @OptionGroup var site: SiteOptions

    func run() async throws {
        var options = try site.buildOptions(output: nil)
        options.writeOutput = false
        options.buildSearchIndex = false
        let result = await SiteBuilder(options: options).run()
        Report.diagnostics(result)
        Report.scheduledList(result)
        FileHandleOutput.standardOutput(result.failed
            ? "Check failed: \(result.errorCount) errors, \(result.warningCount) warnings."
            : "Check passed: \(result.pages) pages, \(result.warningCount) warnings." + Report.scheduledNote(result))
        let code = Report.exitCode(result)
        if code != .success { throw ExitCode(code.rawValue) }
    }
}
