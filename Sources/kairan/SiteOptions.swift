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

    @Flag(name: .long, help: "Publish articles and releases dated after the build date too (scheduled ones are left out by default).")
    var future = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: site) == false {
            throw ValidationError("site folder \(site) does not exist")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        _ = try DateOption.clock(date: date)
    }

    /// A path given on the command line as the site sees it: relative to the site folder (a path
    /// under `--site` loses that prefix; `./` is dropped).
    func relativeToSite(_ path: String) -> String {
        let site = self.site.hasSuffix("/") ? String(self.site.dropLast()) : self.site
        if site != ".", path.hasPrefix(site + "/") { return String(path.dropFirst(site.count + 1)) }
        return path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// Build options for this site.
    func buildOptions(output: String?) throws -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, concurrency: jobs ?? BuildOptions.cores,
                                   clock: try DateOption.clock(date: date))
        options.strict = strict
        options.includeDrafts = drafts
        options.includeFuture = future
        options.referenceTemplates = ProcessInfo.processInfo.environment["KAIRAN_REFERENCE_TEMPLATES"] == "1"
        return options
    }
}
