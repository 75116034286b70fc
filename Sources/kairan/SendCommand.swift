import ArgumentParser
import KairanCore

/// `kairan send`: hands the built emails to the sendmail command, one message per list, and
/// records each delivery in `mail-log.yaml` so nothing goes to a list twice.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send built emails (output/email/outbox.json) through the sendmail command of site.yaml.",
        discussion: """
            `kairan send <kind> <id>` sends one email; `kairan send --due` sends every email whose send
            time has passed within the last --within (default 7d) and that some list has not received.
            Each list gets its own delivery (`<sendmail> -i -f <from> -- <list>`, the .eml on standard
            input), recorded in <site>/mail-log.yaml right away; recorded lists are skipped unless
            --resend. Exit codes: 0 sent (or nothing to send), 1 a list was not sent to or the inputs
            have errors, 2 usage (unknown kind, an id not in the outbox).
            """
    )

    @Argument(help: ArgumentHelp("weekly, newsletter, release or digest.", valueName: "kind"))
    var kind: String?

    @Argument(help: ArgumentHelp("The email's id: 2026-W47 (weekly, digest), 2026-11 (newsletter), 1.7.0 (release).", valueName: "id"))
    var id: String?

    @Flag(help: "Send every email that is due and not sent yet, instead of one.")
    var due = false

    @Option(help: ArgumentHelp("With --due: \"now\" (YYYY-MM-DD, midnight in Japan); SOURCE_DATE_EPOCH or the system clock when absent.", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("With --due: how far back a due email is still sent (<n>d or <n>h); older ones are listed as missed.", valueName: "window"))
    var within: String = "7d"

    @Flag(name: .customLong("dry-run"), help: "Print what would be sent (subject, lists, send time) and send nothing.")
    var dryRun = false

    @Flag(help: "Send again to lists the log says already have it.")
    var resend = false

    @Option(help: ArgumentHelp("The site folder (holds site.yaml and mail-log.yaml).", valueName: "dir"))
    var site: String = "."

    @Option(help: ArgumentHelp("The build's output folder (default: <site>/output).", valueName: "dir"))
    var output: String?

    func validate() throws {
        if due {
            if kind != nil || id != nil { throw ValidationError("give either <kind> <id> or --due, not both") }
            if resend { throw ValidationError("--resend sends one email again: use it with <kind> <id>, not --due") }
            _ = try windowSeconds()
            _ = try DateOption.clock(date: date)
        } else {
            guard let kind, id != nil else { throw ValidationError("give the email to send (<kind> <id>, e.g. weekly 2026-W47) or --due") }
            if Outbox.Kind(rawValue: kind) == nil {
                throw ValidationError("unknown kind \"\(kind)\": expected one of \(Outbox.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if date != nil { throw ValidationError("--date is for --due") }
        }
    }

    /// `--within` in seconds: `<n>d` or `<n>h`, one hour to 366 days.
    private func windowSeconds() throws -> Int64 {
        let unit = within.last, digits = within.dropLast()
        guard let unit, unit == "d" || unit == "h", let count = Int64(digits), count > 0,
              count <= (unit == "d" ? 366 : 366 * 24) else {
            throw ValidationError("--within must be a number of days or hours such as 7d or 36h (up to 366d), got \(within)")
        }
        return count * (unit == "d" ? 86_400 : 3600)
    }

    func run() throws {
        let fileSystem = DiskFileSystem()
        let outputDirectory = BuildOptions(siteDirectory: site, outputDirectory: output, clock: BuildClock(secondsSinceEpoch: 0)).outputDirectory
        let storage = SendLogFile(path: joinPath(site, SendLog.path))
        let log = DiagnosticLog()
        func failWithDiagnostics() throws -> Never {
            for diagnostic in log.items { FileHandleOutput.standardError(diagnostic.description) }
            FileHandleOutput.standardError("Nothing was sent.")
            throw ExitCode(ExitCodeValue.content.rawValue)
        }
        guard let inputs = SendInputs.load(outputDirectory: outputDirectory, storage: storage, fileSystem: fileSystem, log: log) else {
            try failWithDiagnostics()
        }
        let selection: SendPlan.Selection
        if due {
            selection = .due(now: MailTime(try DateOption.clock(date: date)), window: try windowSeconds())
        } else if let kind = kind.flatMap(Outbox.Kind.init(rawValue:)), let id {
            selection = .message(kind, id)
        } else {
            throw ValidationError("give the email to send (<kind> <id>) or --due")
        }
        let plan: SendPlan
        do { plan = try SendPlan.make(outbox: inputs.outbox, log: inputs.log, selection: selection, resend: resend) } catch {
            FileHandleOutput.standardError("error: \(error)")
            FileHandleOutput.standardError("    hint: `kairan outputs --audience email` lists what the build makes; rebuild if the email is new")
            throw ExitCode(ExitCodeValue.usage.rawValue)
        }
        if dryRun {
            for line in plan.dryRunLines { FileHandleOutput.standardOutput(line) }
            return
        }
        for line in plan.missedLines { FileHandleOutput.standardError("warning: " + line) }
        guard plan.entries.contains(where: { !$0.pending.isEmpty }) else {
            for line in SendReport(nothingPendingIn: plan).lines { FileHandleOutput.standardOutput(line) }
            return
        }
        guard let command = SendmailSetting.read(siteDirectory: site, fileSystem: SiteFileSystem(base: fileSystem, root: site), log: log),
              let delivery = SendmailDelivery(command: command),
              let messages = inputs.messages(for: plan, fileSystem: fileSystem, log: log) else {
            try failWithDiagnostics()
        }
        let sender = Sender(delivery: delivery, storage: storage, clock: { MailTime(BuildClock.system()) })
        let report = sender.run(plan, messages: messages, log: inputs.log)
        for line in report.lines { FileHandleOutput.standardOutput(line) }
        if report.failed {
            FileHandleOutput.standardError("error: some lists did not get their email (see above); a rerun sends only to them")
            throw ExitCode(ExitCodeValue.content.rawValue)
        }
    }
}
