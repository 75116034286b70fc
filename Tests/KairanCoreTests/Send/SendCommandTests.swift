import Foundation
import Testing

/// `kairan send` as a user runs it, on a copy of the hand-written fixture site (outbox + .eml files).
@Suite struct SendCommandTests {
    /// A copy of Fixtures/send/site whose sendmail is a script that appends its arguments to `deliveries`.
    private func site() throws -> String {
        let root = NSTemporaryDirectory() + "kairan-send-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: TestSupport.fixtures + "/send/site", toPath: root)
        let script = root + "/fake-sendmail"
        try "#!/bin/sh\necho \"$@\" >> \(root)/deliveries\ncat > /dev/null\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let yaml = try String(contentsOfFile: root + "/site.yaml", encoding: .utf8)
            .replacingOccurrences(of: "sendmail: /usr/sbin/sendmail", with: "sendmail: \(script)")
        try yaml.write(toFile: root + "/site.yaml", atomically: true, encoding: .utf8)
        return root
    }

    private func deliveries(_ root: String) -> [String] {
        ((try? String(contentsOfFile: root + "/deliveries", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test func sendsEachListOnceAndSkipsThemOnARerun() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try CommandLineTests.run(["send", "weekly", "2026-W47", "--site", root])
        #expect(first.status == 0, "\(first.errors)")
        #expect(deliveries(root) == ["-i -f support@example.com -- clinic-admins@lists.example.com",
                                     "-i -f support@example.com -- branch-admins@lists.example.com"])
        let second = try CommandLineTests.run(["send", "weekly", "2026-W47", "--site", root])
        #expect(second.status == 0)
        #expect(deliveries(root).count == 2)
        #expect(second.output.contains("already sent to clinic-admins@lists.example.com"))
    }

    @Test func dryRunSendsNothing() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try CommandLineTests.run(["send", "--due", "--date", "2026-11-28", "--dry-run", "--site", root])
        #expect(run.status == 0)
        #expect(run.output.contains("weekly 2026-W48: 【整骨院クラウド】週次ステータスレポート 11月23日〜29日\n  send at: 2026-11-27T17:00:00+09:00\n  would send to clinic-admins@lists.example.com"))
        #expect(run.output.contains("missed: weekly 2026-W47"))
        #expect(deliveries(root).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root + "/mail-log.yaml"))
    }

    @Test func usageErrorsExitTwo() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let unknownID = try CommandLineTests.run(["send", "weekly", "2026-W40", "--site", root])
        #expect(unknownID.status == 2)
        #expect(unknownID.errors.contains("error: weekly 2026-W40 is not in the outbox; its weekly emails are 2026-W47, 2026-W48"))
        for arguments in [["send", "monthly", "2026-11"], ["send"], ["send", "--due", "--within", "7x"], ["send", "--due", "--resend"],
                          ["send", "weekly", "2026-W47", "--date", "2026-11-28"]] {
            #expect(try CommandLineTests.run(arguments + ["--site", root]).status == 2, "\(arguments)")
        }
        #expect(deliveries(root).isEmpty)
    }

    @Test func withoutABuildItSaysToBuildFirst() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try CommandLineTests.run(["send", "weekly", "2026-W47", "--site", root, "--output", root + "/nowhere"])
        #expect(run.status == 1)
        #expect(run.errors.contains("hint: run kairan build first"))
    }
}
