import Foundation
import Testing
@testable import KairanCore

/// A message built by ``MIMEMessage`` passes `scripts/check_email.py` (Python's `email` package
/// with `policy.default`, plus the byte rules it misses). Runs only with `KAIRAN_PYTHON_VALIDATORS=1`.
@Suite struct EmailPythonValidatorTests {
    static let enabled = ProcessInfo.processInfo.environment["KAIRAN_PYTHON_VALIDATORS"] == "1"

    /// Runs check_email.py on `files`; its exit status and output.
    static func check(_ files: [URL], extra: [String] = []) throws -> (Int32, String) {
        let root = SchedulePythonValidatorTests.repositoryRoot()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/check_email.py").path] + extra + files.map(\.path)
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, log)
    }

    @Test(.enabled(if: enabled, "set KAIRAN_PYTHON_VALIDATORS=1 to run the Python email checks"))
    func builtMessagePassesCheckEmail() throws {
        let subject = "【整骨院クラウド】週次ステータスレポート 11月16日〜22日 🎉 " + String(repeating: "予約画面の表示遅延について", count: 4)
        let html = "<!DOCTYPE html><html><body><h1>週次ステータスレポート</h1><p>" + String(repeating: "今週は全院で安定稼働しました。", count: 60)
            + #"<a href="https://example.com/status">詳細</a></p></body></html>"#
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kairan-email-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("weekly"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("weekly/2026-W47.eml")
        try Data(sampleEmailMessage(subject: subject, html: html).bytes).write(to: good)

        let htmlOut = folder.appendingPathComponent("html")
        let (status, log) = try Self.check([folder], extra: ["--html-out", htmlOut.path])
        #expect(status == 0, "check_email.py failed:\n\(log)")
        #expect(log.contains("Subject: \(subject)"), "the subject decodes:\n\(log)")
        let written = try Data(contentsOf: htmlOut.appendingPathComponent("weekly-2026-W47.html"))
        #expect(String(decoding: written, as: UTF8.self) == html)

        // The checker itself catches what the parser lets through: a bare LF.
        let bad = folder.appendingPathComponent("bad.eml")
        var bytes = sampleEmailMessage().bytes
        if let index = bytes.firstIndex(of: 13) { bytes.remove(at: index) }
        try Data(bytes).write(to: bad)
        let (badStatus, badLog) = try Self.check([bad])
        #expect(badStatus == 1)
        #expect(badLog.contains("bad.eml: line 1: bare LF or CR"), "\(badLog)")
    }
}
