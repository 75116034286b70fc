import ArgumentParser
import Foundation
import KairanCore
import KairanServe

/// `kairan serve`: a preview server with live reload; the work is done by `KairanServe`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site while you write: build in memory, serve, rebuild on save, reload the browser.",
        discussion: """
            The help center is served at /, the internal pages at /_internal/, every email (HTML, text
            and the message with its headers) at /_email/, and the customers' portal on the next port.
            Nothing is written to the output folder. Errors show in the terminal and over the page;
            the last good build stays served. Exit codes: 0 after Ctrl-C, 2 when the port is in use.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("The help center's port; the customers' portal uses the next one (0: any free ports).", valueName: "port"))
    var port: UInt16 = 1313

    @Option(name: .long, help: ArgumentHelp("The address to listen on.", valueName: "host"))
    var host: String = "127.0.0.1"

    @Flag(name: .shortAndLong, help: "Print each rebuild's step timings.")
    var verbose = false

    func run() async throws {
        var options = ServeOptions(build: try site.buildOptions(output: nil))
        options.host = host
        options.port = port
        let terminal = PreviewServer.Terminal(say: { FileHandleOutput.standardOutput($0) }, error: { FileHandleOutput.standardError($0) },
                                              verbose: verbose)
        let code = await PreviewServer.run(options, terminal: terminal)
        if code != 0 { throw ExitCode(code) }
    }
}
