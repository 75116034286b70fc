#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Delivery through a sendmail-compatible program (`site.yaml` `mail.sendmail`: msmtp, Postfix's
/// or exim's `sendmail`): for each list it runs the command with `-i -f <from> -- <list>` appended
/// and the `.eml` on standard input. The command is split into words at spaces — no shell, no
/// quoting — and found on `PATH` when it has no `/`. A non-zero exit, a signal or a program that
/// cannot be started is a ``DeliveryFailure`` carrying what the program wrote.
///
/// `-t` (recipients from the headers) is never used: the `To:` header names the list for readers,
/// while the envelope names exactly one list per run, so each delivery succeeds or fails, and is
/// recorded, on its own.
public struct SendmailDelivery: MailDelivery {
    /// The command when site.yaml names none.
    public static let defaultCommand = "/usr/sbin/sendmail"

    /// The program and its own arguments.
    public let words: [String]

    /// The delivery running `command`; nil when it holds no word.
    public init?(command: String) {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return nil }
        self.words = words
    }

    /// The full command line of one delivery.
    public func arguments(from: String, to address: String) -> [String] {
        words + ["-i", "-f", from, "--", address]
    }

    public func deliver(_ message: [UInt8], from: String, to address: String) throws(DeliveryFailure) {
        let command = arguments(from: from, to: address)
        // The message and the program's output go through unlinked temporary files: no pipe can
        // fill up and block either side, whatever the sizes.
        let input = try temporaryFile(holding: message)
        defer { close(input) }
        let output = try temporaryFile(holding: [])
        defer { close(output) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)

        let argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        let started = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
        guard started == 0 else {
            throw DeliveryFailure("cannot run `\(command[0])`: \(String(cString: strerror(started)))"
                + (started == ENOENT ? " (set mail.sendmail in site.yaml to the sendmail command, e.g. msmtp)" : ""))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw DeliveryFailure("waiting for `\(command[0])`: \(String(cString: strerror(errno)))") }
        }
        let said = outputText(output)
        let signal = status & 0x7F, code = (status >> 8) & 0xFF
        if signal != 0 {
            throw DeliveryFailure("`\(command[0])` was killed by signal \(signal)" + (said.isEmpty ? "" : ": \(said)"))
        }
        if code != 0 {
            throw DeliveryFailure("`\(command[0])` exited with status \(code)" + (said.isEmpty ? "" : ": \(said)"))
        }
    }

    /// A new, already unlinked temporary file holding `bytes`, positioned at its start.
    private func temporaryFile(holding bytes: [UInt8]) throws(DeliveryFailure) -> Int32 {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/kairan-send-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw DeliveryFailure("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        // Not inherited by the program but through the descriptors it is given.
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                close(fd)
                throw DeliveryFailure("cannot write a temporary file in \(folder): \(String(cString: strerror(errno)))")
            }
            written += count
        }
        lseek(fd, 0, SEEK_SET)
        return fd
    }

    /// What the program wrote, on one line, at most 2,000 bytes.
    private func outputText(_ fd: Int32) -> String {
        lseek(fd, 0, SEEK_SET)
        var buffer = [UInt8](repeating: 0, count: 2000)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: " / ")
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    }
}
