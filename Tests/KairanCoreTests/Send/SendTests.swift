import Foundation
import Testing
@testable import KairanCore

/// `kairan send`'s decisions, with the mail server and the log in memory.
@Suite struct SendTests {
    typealias S = SendTestSupport

    @Test func sendsOneMessagePerListAndRecordsEach() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery()
        let report = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: delivery)
        #expect(!report.failed)
        #expect(delivery.delivered.map(\.to) == [S.admins, S.branches])
        #expect(delivery.delivered.allSatisfy { $0.from == "support@example.com" && $0.bytes == S.emls["<weekly.2026-W47@help.example.com>"] })
        let log = try #require(storage.parsed())
        #expect(log.records == [S.admins, S.branches].map {
            SendLog.Record(kind: .weekly, id: "2026-W47", messageID: "<weekly.2026-W47@help.example.com>", list: $0,
                           sentAt: S.time("2026-11-20T17:00:05+09:00"))
        })
        #expect(storage.text?.hasPrefix(SendLog.header) == true)
    }

    @Test func skipsListsAlreadySent() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery()
        _ = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: delivery)
        let again = S.MemoryDelivery()
        let report = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: again, at: "2026-11-21T09:00:00+09:00")
        #expect(again.delivered.isEmpty)
        #expect(!report.failed)
        #expect(report.outcome(messageID: "<weekly.2026-W47@help.example.com>", list: S.admins) == .alreadySent(S.time("2026-11-20T17:00:05+09:00")))
        #expect(storage.parsed()?.records.count == 2)
    }

    @Test func resendSendsToEveryListAgainAndRecordsIt() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery()
        _ = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: delivery)
        let again = S.MemoryDelivery()
        _ = try S.send(.message(.weekly, "2026-W47"), resend: true, storage: storage, delivery: again, at: "2026-11-21T09:00:00+09:00")
        #expect(again.delivered.map(\.to) == [S.admins, S.branches])
        #expect(storage.parsed()?.records.map(\.sentAt.text) == ["2026-11-20T17:00:05+09:00", "2026-11-20T17:00:05+09:00",
                                                                  "2026-11-21T09:00:00+09:00", "2026-11-21T09:00:00+09:00"])
    }

    @Test func aRefusedListIsReportedAndTheRerunSendsOnlyToIt() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery(refusing: [S.admins])
        let report = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: delivery)
        #expect(report.failed)
        // The first list refused does not stop the second.
        #expect(delivery.delivered.map(\.to) == [S.branches])
        #expect(storage.parsed()?.records.map(\.list) == [S.branches])
        #expect(report.lines.contains("  FAILED \(S.admins): 550 5.1.1 <\(S.admins)>: mailbox unavailable"))
        #expect(report.lines.contains("  weekly 2026-W47 reached 1 of 2 lists (\(S.branches)); NOT sent to: \(S.admins)"))
        #expect(report.lines.contains("  run `kairan send weekly 2026-W47` again to send it to those lists only"))

        delivery.refuse([])
        let rerun = S.MemoryDelivery()
        let second = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: rerun, at: "2026-11-20T17:10:00+09:00")
        #expect(!second.failed)
        #expect(rerun.delivered.map(\.to) == [S.admins])
        #expect(storage.parsed()?.records.map(\.list) == [S.branches, S.admins])
    }

    @Test func aDeliveryThatCannotBeRecordedStopsTheRun() throws {
        let storage = S.MemoryLog(failing: true), delivery = S.MemoryDelivery()
        let report = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: delivery)
        #expect(report.failed)
        // Delivered once, not recorded: nothing more goes out until the log can be written.
        #expect(delivery.delivered.map(\.to) == [S.admins])
        #expect(report.lines.contains { $0.contains("sent to \(S.admins), but NOT RECORDED in mail-log.yaml: ") })
        #expect(report.outcome(messageID: "<weekly.2026-W47@help.example.com>", list: S.branches)
                == .notAttempted("stopped because the send log could not be written"))
    }

    @Test func dueSendsOnlyWhatFellDueWithinTheWindow() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery()
        // 2026-11-28 00:00: W48 (11-27 17:00) is due; W47 (11-20 17:00) and the newsletter are older than 7 days; W49 is ahead.
        let now = BuildClock(date: try #require(CivilDate(iso: "2026-11-28")))
        let plan = try SendPlan.make(outbox: S.outbox, log: SendLog(), selection: .due(now: MailTime(now), window: 7 * 86_400))
        #expect(plan.entries.map(\.message.id) == ["2026-W48"])
        #expect(plan.missed.map(\.message.id) == ["2026-11", "2026-W47"])
        #expect(plan.missedLines.last == "missed: weekly 2026-W47 was due at 2026-11-20T17:00:00+09:00 and never reached "
                + "\(S.admins), \(S.branches); to send it now: kairan send weekly 2026-W47")
        _ = try S.send(.due(now: MailTime(now), window: 7 * 86_400), storage: storage, delivery: delivery)
        #expect(delivery.delivered.map(\.bytes) == [S.emls["<weekly.2026-W48@help.example.com>"]])
        // A message sent to some of its lists is still due for the others; a fully sent one is neither due nor missed.
        let partly = SendLog(records: [SendLog.Record(kind: .weekly, id: "2026-W47", messageID: "<weekly.2026-W47@help.example.com>",
                                                      list: S.admins, sentAt: S.time("2026-11-20T17:00:03+09:00"))])
        let later = try SendPlan.make(outbox: S.outbox, log: partly, selection: .due(now: S.time("2026-11-21T09:00:00+09:00"), window: 7 * 86_400))
        #expect(later.entries.map(\.message.id) == ["2026-W47"])
        #expect(later.entries.first?.pending.map(\.address) == [S.branches])
        #expect(later.missed.isEmpty == false)
        let after = try #require(storage.parsed())
        let done = try SendPlan.make(outbox: S.outbox, log: after, selection: .due(now: MailTime(now), window: 7 * 86_400))
        #expect(done.entries.isEmpty)
    }

    @Test func dryRunTellsSubjectListsAndTimeAndSendsNothing() throws {
        let storage = S.MemoryLog(), delivery = S.MemoryDelivery()
        _ = try S.send(.message(.weekly, "2026-W47"), storage: storage, delivery: S.MemoryDelivery(refusing: [S.admins]))
        let plan = try SendPlan.make(outbox: S.outbox, log: try #require(storage.parsed()), selection: .message(.weekly, "2026-W47"))
        #expect(plan.dryRunLines == [
            "weekly 2026-W47: 件名 2026-W47",
            "  send at: 2026-11-20T17:00:00+09:00",
            "  would send to \(S.admins)",
            "  already sent to \(S.branches) at 2026-11-20T17:00:05+09:00",
        ])
        #expect(delivery.delivered.isEmpty)
    }

    @Test func anIDNotInTheOutboxIsAUsageError() {
        #expect(throws: SendPlan.UnknownMessage(kind: .weekly, id: "2026-W40", known: ["2026-W47", "2026-W48", "2026-W49"])) {
            try SendPlan.make(outbox: S.outbox, log: SendLog(), selection: .message(.weekly, "2026-W40"))
        }
    }

    @Test func aMalformedLogIsALocatedErrorAndNothingIsSent() {
        let text = SendLog.header + """
              - kind: weekly
                id: "2026-W47"
                message_id: "<weekly.2026-W47@help.example.com>"
                list: "clinic-admins@lists.example.com"
                sent_at: "2026-11-20 17:00"

            """
        let log = DiagnosticLog()
        #expect(SendLog.parse(Array(text.utf8), file: "mail-log.yaml", log: log) == nil)
        #expect(log.items.map(\.description) == [
            "mail-log.yaml:8:14: error: `sent_at` must be a time written 2026-11-20T17:00:04+09:00, found \"2026-11-20 17:00\"",
        ])
        let missing = DiagnosticLog()
        #expect(SendLog.parse(Array((SendLog.header + "  - kind: weekly\n    id: x\n").utf8), file: "mail-log.yaml", log: missing) == nil)
        #expect(missing.items.map(\.description).first == "mail-log.yaml:4:5: error: missing required key `message_id`\n    hint: add a line like `message_id: \"<weekly.2026-W47@help.example.com>\"`")
    }

    @Test func theLogReadsBackWhatItWrites() throws {
        let record = SendLog.Record(kind: .release, id: "1.7.0", messageID: "<release.1.7.0@help.example.com>", list: "users@lists.example.com",
                                    sentAt: S.time("2026-12-01T10:00:00+09:00"))
        var bytes = SendLog().addition(record, afterRecords: 0).bytes
        bytes += SendLog(records: [record]).addition(record, afterRecords: 1).bytes
        let log = DiagnosticLog()
        #expect(SendLog.parse(bytes, file: "mail-log.yaml", log: log)?.records == [record, record])
        #expect(log.items.isEmpty)
        // A hand edit that left no final line break gets one before the next record.
        var edited = SendLog(records: [record])
        edited.endsInsideLine = true
        #expect(edited.addition(record, afterRecords: 1).bytes.first == 0x0A)
    }

    @Test func theOutboxIsReadStrictlyWithLocations() {
        let good = """
            {"version": 1, "messages": [{"kind": "weekly", "id": "2026-W47", "subject": "件名", "send_at": "2026-11-20T17:00:00+09:00",
              "audience": "clinic-admins", "from": "support@example.com", "lists": [{"address": "a@lists.example.com", "name": "A"}],
              "message_id": "<weekly.2026-W47@help.example.com>", "eml": "weekly/2026-W47.eml"}]}
            """
        let log = DiagnosticLog()
        #expect(Outbox.decode(Array(good.utf8), file: "output/email/outbox.json", log: log)?.messages.first?.sendAt == S.time("2026-11-20T17:00:00+09:00"))
        #expect(log.items.isEmpty)
        for (text, expected) in [
            (good.replacingOccurrences(of: "\"eml\":", with: "\"emlx\": 1, \"eml\":"), "output/email/outbox.json:3:55: error: unknown key `emlx` in `messages` entry 1"),
            (good.replacingOccurrences(of: "17:00:00+09:00", with: "17:00"), "output/email/outbox.json:1:94: error: `send_at` must be a time written 2026-11-20T17:00:00+09:00, found \"2026-11-20T17:00\""),
            (good.replacingOccurrences(of: "a@lists", with: "-a@lists"), "output/email/outbox.json:2:85: error: `address` must be \(EmailAddress.rule), found \"-a@lists.example.com\""),
            (good.replacingOccurrences(of: "\"A\"}]", with: "\"A\",}]"), "output/email/outbox.json:2:120: error: JSON syntax: expected a key in double quotes"),
        ] {
            let log = DiagnosticLog()
            #expect(Outbox.decode(Array(text.utf8), file: "output/email/outbox.json", log: log) == nil)
            #expect(log.items.map { $0.description.split(separator: "\n")[0] } == [Substring(expected)])
        }
    }

    @Test func sendmailGetsTheMessageOnStandardInputAndOneListPerRun() throws {
        let folder = NSTemporaryDirectory() + "kairan-sendmail-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/fake-sendmail"
        try "#!/bin/sh\nprintf '%s\\n' \"$@\" > \(folder)/args\ncat > \(folder)/stdin\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        let delivery = try #require(SendmailDelivery(command: "\(script) --read-envelope-from"))
        let message = Array("Subject: x\r\n\r\n.\r\n本文\r\n".utf8)
        try delivery.deliver(message, from: "support@example.com", to: S.admins)
        #expect(try String(contentsOfFile: folder + "/args", encoding: .utf8) == "--read-envelope-from\n-i\n-f\nsupport@example.com\n--\n\(S.admins)\n")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/stdin"))) == message)

        try "#!/bin/sh\necho 'msmtp: recipient address not accepted' >&2\nexit 65\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        #expect(throws: DeliveryFailure("`\(script)` exited with status 65: msmtp: recipient address not accepted")) {
            try delivery.deliver(message, from: "support@example.com", to: S.admins)
        }
        let missing = try #require(SendmailDelivery(command: folder + "/no-such-sendmail"))
        #expect(throws: DeliveryFailure("cannot run `\(folder)/no-such-sendmail`: No such file or directory (set mail.sendmail in site.yaml to the sendmail command, e.g. msmtp)")) {
            try missing.deliver(message, from: "support@example.com", to: S.admins)
        }
    }
}
