import Foundation
import KairanCore

/// Writes lines to the terminal's streams.
enum FileHandleOutput {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func standardOutput(_ text: String, newline: Bool = true) {
        FileHandle.standardOutput.write(Data((newline ? text + "\n" : text).utf8))
    }
}

/// Prints diagnostics and the closing summary of a run.
enum Report {
    /// Prints every diagnostic to standard error, errors and warnings together, in file order.
    static func diagnostics(_ result: BuildResult) {
        for diagnostic in result.diagnostics { FileHandleOutput.standardError(diagnostic.description) }
        if let refusal = result.refusal { FileHandleOutput.standardError("error: \(refusal)") }
    }

    /// ` 2 scheduled (the next on 2026-12-01).` after the summary line, when articles or releases
    /// wait for a later build; ` 2 dated after the build date included (--future).` with `--future`.
    static func scheduledNote(_ result: BuildResult) -> String {
        guard let next = result.scheduled.first else { return "" }
        if result.includedFuture { return " \(result.scheduled.count) dated after the build date included (--future)." }
        return " \(result.scheduled.count) scheduled (the next on \(next.date.iso))."
    }

    /// What will appear and when: one line per scheduled article or release, by date.
    static func scheduledList(_ result: BuildResult) {
        guard !result.scheduled.isEmpty else { return }
        FileHandleOutput.standardOutput(result.includedFuture ? "Dated after the build date (published with --future):" : "Scheduled (left out until their date):")
        for item in result.scheduled {
            FileHandleOutput.standardOutput("  \(item.date.iso)  \(item.kind.rawValue)  \(item.path)  \(item.title)  (\(item.source))")
        }
    }

    /// The exit code for a finished run: 2 for an unusable output folder, 1 for content errors.
    static func exitCode(_ result: BuildResult) -> ExitCodeValue {
        if result.refusal != nil { return .usage }
        return result.failed ? .content : .success
    }
}

/// Kairan's exit codes.
enum ExitCodeValue: Int32 {
    case success = 0
    case content = 1
    case usage = 2
}
