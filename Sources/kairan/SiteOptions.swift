import ArgumentParser
import Foundation
import KairanCore

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder: holds site.yaml, content/ and optionally templates/.", valueName: "dir"))
    var site: String = "."

    @Option(name: .long, help: ArgumentHelp("The build date (YYYY-MM-DD) used as \"now\"; SOURCE_DATE_EPOCH is used when absent.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Parallel tasks (default: the number of cores).", valueName: "n"))
    var jobs: Int?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Include articles marked draft: true.")
    var drafts = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: site) == false {
            throw ValidationError("site folder \(site) does not exist")
        }
        if let date, CivilDate(iso: date) == nil {
            throw ValidationError("--date must be YYYY-MM-DD, got \(date)")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], Int64(epoch) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, got \(epoch)")
        }
    }

    /// The clock for this run: --date, then SOURCE_DATE_EPOCH, then the system clock.
    var clock: BuildClock {
        if let date, let day = CivilDate(iso: date) { return BuildClock(date: day) }
        return SiteOptions.environmentClock()
    }

    /// SOURCE_DATE_EPOCH when set, else the system clock.
    static func environmentClock() -> BuildClock {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int64(epoch) {
            return BuildClock(secondsSinceEpoch: seconds)
        }
        return BuildClock.system()
    }

    /// A path given on the command line as the site sees it: relative to the site folder (a path
    /// under `--site` loses that prefix; `./` is dropped).
    func relativeToSite(_ path: String) -> String {
        let site = self.site.hasSuffix("/") ? String(self.site.dropLast()) : self.site
        if site != ".", path.hasPrefix(site + "/") { return String(path.dropFirst(site.count + 1)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// Build options for this site.
    func buildOptions(output: String?) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, concurrency: jobs ?? BuildOptions.cores, clock: clock)
        options.strict = strict
        options.includeDrafts = drafts
        options.referenceTemplates = ProcessInfo.processInfo.environment["KAIRAN_REFERENCE_TEMPLATES"] == "1"
        return options
    }
}
