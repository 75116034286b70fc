import Foundation
import Testing
@testable import KairanCore

/// Cross-checks the demo feed with independent iCalendar libraries (`Tests/validate/ics_check.py`:
/// vobject, icalendar, recurring_ical_events). Runs only with `KAIRAN_PYTHON_VALIDATORS=1`.
@Suite struct SchedulePythonValidatorTests {
    static let enabled = ProcessInfo.processInfo.environment["KAIRAN_PYTHON_VALIDATORS"] == "1"

    /// The repository root, from this file's place in `Tests/KairanCoreTests/Schedule/`.
    static func repositoryRoot(file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Local start times per UID, as ics_check.py expects them: `2026-12-03T14:00`.
    static func expectedOccurrences(writer: ICalendarWriter, items: [ScheduledItem], calendar: BusinessCalendar,
                                    window: ICalendarWindow) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for item in items {
            let dates = item.occurrences(from: window.start, through: window.end, calendar: calendar)
                .compactMap(\.date).filter { $0 >= window.start && $0 <= window.end }
            let time = "T\(item.time)"
            if case .monthlyNthBusinessDay = item.rule {
                for date in dates { result[writer.uid(for: item, on: date)] = [date.iso + time] }
            } else if !dates.isEmpty {
                result[writer.uid(for: item)] = dates.map { $0.iso + time }
            }
        }
        return result
    }

    @Test(.enabled(if: enabled, "set KAIRAN_PYTHON_VALIDATORS=1 to run the Python iCalendar validators"))
    func demoFeedPassesIcsCheck() throws {
        let demo = scheduleDemo()
        var items = demo.items
        // A long Japanese description so that folding is exercised by the parsers too.
        if let index = items.firstIndex(where: { $0.id == "office-hours" }) {
            items[index].description = String(repeating: "導入や設定のご相談を承ります。予約制, 1枠30分; 先着順です。\n", count: 5)
        }
        let writer = ICalendarWriter(host: "help.example.com", stampSecondsSinceEpoch: ScheduleICalendarWriterTests.stamp)
        let ics = writer.calendar(name: "イベントカレンダー", items: items, window: scheduleDemoWindow,
                                  businessCalendar: demo.calendar)
        let expected: [String: Any] = [
            "from": scheduleDemoWindow.start.iso,
            "through": scheduleDemoWindow.end.iso,
            "occurrences": Self.expectedOccurrences(writer: writer, items: items, calendar: demo.calendar,
                                                    window: scheduleDemoWindow),
        ]

        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("kairan-schedule-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let icsFile = folder.appendingPathComponent("events.ics")
        let jsonFile = folder.appendingPathComponent("expected.json")
        try Data(ics.utf8).write(to: icsFile)
        try JSONSerialization.data(withJSONObject: expected, options: [.sortedKeys, .prettyPrinted]).write(to: jsonFile)

        let root = Self.repositoryRoot()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/validate/ics_check.py").path,
                             icsFile.path, jsonFile.path]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "ics_check.py failed:\n\(log)")
    }
}
