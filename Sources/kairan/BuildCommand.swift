import ArgumentParser
import Foundation
import KairanCore

/// `kairan build`: writes the site into the output folder, replacing the previous build only on success.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            Writes output/public/ (the help center), and the other audience folders as content asks.
            The build goes to a staging slot first and is published with one rename: on any error,
            or if the build is killed, the previous output stays untouched.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Output folder (default: <site>/output).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Overrides base_url from site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each step's timing.")
    var verbose = false

    func validate() throws {
        if let baseURL, (try? SafeURL(baseURL))?.kind != .web {
            throw ValidationError("--base-url must start with https:// or http:// and hold no spaces or control characters")
        }
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    func run() async throws {
        let started = DispatchTime.now()
        var options = try site.buildOptions(output: output)
        options.baseURL = baseURL
        let result = await SiteBuilder(options: options).run()
        Report.diagnostics(result)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        if !quiet {
            if result.committed {
                FileHandleOutput.standardOutput(
                    "Built \(result.pages) pages and \(result.files) files into \(options.outputDirectory) in \(Int(milliseconds)) ms"
                        + (result.warningCount > 0 ? " (\(result.warningCount) warnings)" : "") + "." + Report.scheduledNote(result))
            } else if result.refusal == nil {  // a refusal is reported on its own
                FileHandleOutput.standardError("Build failed: \(result.errorCount) errors, \(result.warningCount) warnings; \(options.outputDirectory) was left as it was.")
            }
        }
        if verbose {
            FileHandleOutput.standardOutput("jobs: \(options.concurrency), date: \(options.clock.today.iso), site: \(options.siteDirectory)")
            for (step, time) in result.timings { FileHandleOutput.standardOutput(time.line(step)) }
        }
        // The process ends with the result alive: the build's memory goes back to the system at
        // once instead of being freed object by object (see `BuildResult`).
        let code = Report.exitCode(result)
        withExtendedLifetime(result) { Foundation.exit(code.rawValue) }
    }
}
