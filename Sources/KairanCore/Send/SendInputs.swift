/// What `kairan send` reads before it sends anything: the built outbox, the send log and the
/// `.eml` files of the planned messages. Any error among them sends nothing.
public struct SendInputs: Sendable {
    public var outbox: Outbox
    public var log: SendLog
    /// `<output>/email`, where the outbox's `eml` paths start.
    public var emailDirectory: String

    /// Reads the outbox in `outputDirectory` and the log from `storage`; nil after logging errors
    /// (no outbox: the site was not built).
    public static func load(outputDirectory: String, storage: any SendLogStorage, fileSystem: any FileSystem,
                            log: DiagnosticLog) -> SendInputs? {
        let outboxPath = joinPath(outputDirectory, Outbox.path)
        let bytes: [UInt8]
        do { bytes = try fileSystem.read(outboxPath) } catch {
            if case .notFound = (error as? FileSystemError)?.reason {
                log.error(SourceLocation(file: outboxPath), "no outbox: \(outputDirectory) holds no built emails",
                          hint: "run kairan build first (or pass --output DIR of the build)")
            } else {
                log.cannotRead(outboxPath, error)
            }
            return nil
        }
        let outbox = Outbox.decode(bytes, file: outboxPath, log: log)
        var sendLog: SendLog?
        do {
            sendLog = try storage.read().map { SendLog.parse($0, file: SendLog.path, log: log) } ?? SendLog()
        } catch {
            log.cannotRead(SendLog.path, error)
        }
        guard let outbox, let sendLog else { return nil }
        return SendInputs(outbox: outbox, log: sendLog, emailDirectory: joinPath(outputDirectory, "email"))
    }

    /// The `.eml` bytes of every message `plan` delivers to some list, by Message-ID; nil after
    /// logging, at the message's `eml` in outbox.json, each file that is missing or empty.
    public func messages(for plan: SendPlan, fileSystem: any FileSystem, log: DiagnosticLog) -> [String: [UInt8]]? {
        var messages: [String: [UInt8]] = [:]
        let before = log.items.count
        for entry in plan.entries where !entry.pending.isEmpty {
            let path = joinPath(emailDirectory, entry.message.eml)
            do {
                let bytes = try fileSystem.read(path)
                if bytes.isEmpty {
                    log.error(entry.message.emlLocation, "\(path) is empty", hint: "rebuild with kairan build")
                }
                messages[entry.message.messageID] = bytes
            } catch {
                log.error(entry.message.emlLocation, "cannot read \(path), the email of \(entry.message.name): \(error)",
                          hint: "rebuild with kairan build; the outbox and the .eml files are written together")
            }
        }
        return log.hasErrors(since: before) ? nil : messages
    }
}
