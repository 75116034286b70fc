import ArgumentParser
import KairanCore

/// `kairan`: publishes a SaaS operations team's Markdown and YAML.
@main
struct KairanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kairan",
        abstract: "Build a Japanese help center, release notes, reports and calendars from Markdown and YAML.",
        discussion: """
            Exit codes: 0 success, 1 content errors (every error is printed as file:line:column), 2 usage errors.
            """,
        version: Kairan.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, OutputsCommand.self, HolidaysCommand.self,
                      ScheduleCommand.self, SendCommand.self, ImportCommand.self]
    )

    /// Parses the command line and runs it, mapping failures to Kairan's exit codes.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            // Anything argument-parser rejects is a usage error: exit 2, not its default 64.
            FileHandleOutput.standardError(fullMessage(for: error))
            FileHandleOutput.standardError("Run `kairan --help` for usage.")
            Foundation.exit(2)
        }
    }
}

import Foundation
