import ArgumentParser
import KairanCore

/// `kairan outputs`: the site plan — every output file with its audience, kind, template and sources.
struct OutputsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outputs",
        abstract: "List every output file the build writes, with its audience, kind, template and sources.",
        discussion: """
            One line per output: `<audience>/<path>  <kind>  <template>  <sources>` (tab-separated).
            With --affected-by, only the outputs that depend on those files (what editing them changes):
            site files such as content/kb/faq/login.md, content/data/metrics/uptime.csv, site.yaml,
            templates/partials/footer.mustache. Nothing is written.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Only this audience: public, customers, internal or email.", valueName: "audience"))
    var audience: String?

    @Option(name: .customLong("affected-by"), parsing: .upToNextOption,
            help: ArgumentHelp("Only the outputs made from these files (paths relative to the site folder).", valueName: "file"))
    var affectedBy: [String] = []

    @Flag(name: .long, help: "Print JSON: [{audience, path, url, kind, template, origin, inputs: [{kind, name}]}].")
    var json = false

    func validate() throws {
        if let audience, Audience(rawValue: audience) == nil {
            throw ValidationError("--audience must be one of \(Audience.allCases.map(\.rawValue).joined(separator: ", ")), got \(audience)")
        }
    }

    func run() async throws {
        var options = try site.buildOptions(output: nil)
        options.writeOutput = false
        let result = await SiteBuilder(options: options).run()
        Report.diagnostics(result)
        var outputs = result.plan.outputs(for: audience.flatMap(Audience.init(rawValue:)))
        if !affectedBy.isEmpty {
            let affected = Set(result.plan.affected(by: affectedBy.map { site.relativeToSite($0) }).map { $0.audience.folder + "/" + $0.path })
            outputs = outputs.filter { affected.contains($0.audience.folder + "/" + $0.path) }
        }
        if json {
            FileHandleOutput.standardOutput(result.plan.json(outputs).serialized(), newline: false)
        } else {
            for line in result.plan.lines(outputs) { FileHandleOutput.standardOutput(line) }
        }
        let code = Report.exitCode(result)
        if code != .success { throw ExitCode(code.rawValue) }
    }
}
