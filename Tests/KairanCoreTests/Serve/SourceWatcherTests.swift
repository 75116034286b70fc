import Foundation
import Testing
@testable import KairanServe

/// The preview's watcher: with the kernel's notices (Linux) and by polling, it names the files
/// written, created (in new folders too) and deleted, and nothing else.
@Suite struct SourceWatcherTests {
    private func site() throws -> String {
        let root = NSTemporaryDirectory() + "kairan-watch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/content/kb/faq", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/content/kb/faq/a.md", atomically: false, encoding: .utf8)
        try "site".write(toFile: root + "/site.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/output", withIntermediateDirectories: true)
        return root
    }

    @Test(arguments: [true, false]) func namesWhatWasWrittenCreatedAndDeleted(notified: Bool) throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var watcher = SourceWatcher(siteDirectory: root, useFileEvents: notified)
        #if os(Linux)
        #expect(watcher.isNotified == notified)
        #endif
        #expect(watcher.changes().isEmpty)

        try "changed".write(toFile: root + "/content/kb/faq/a.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/kb/faq/a.md"])
        #expect(watcher.changes().isEmpty)

        // An editor's save: a new file renamed over the old one.
        try "renamed".write(toFile: root + "/content/kb/faq/a.md", atomically: true, encoding: .utf8)
        #expect(watcher.changes() == ["content/kb/faq/a.md"])

        // A new folder with a file, and site.yaml.
        try FileManager.default.createDirectory(atPath: root + "/content/kb/new", withIntermediateDirectories: true)
        try "b".write(toFile: root + "/content/kb/new/b.md", atomically: false, encoding: .utf8)
        try "site 2".write(toFile: root + "/site.yaml", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/kb/new/b.md", "site.yaml"])
        // A file written later in that new folder is seen too (the folder is watched now).
        try "c".write(toFile: root + "/content/kb/new/c.md", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/kb/new/c.md"])

        // Deleted; and what is outside the watched folders is never named.
        try FileManager.default.removeItem(atPath: root + "/content/kb/faq/a.md")
        try "x".write(toFile: root + "/output/x.html", atomically: false, encoding: .utf8)
        try "y".write(toFile: root + "/notes.txt", atomically: false, encoding: .utf8)
        #expect(watcher.changes() == ["content/kb/faq/a.md"])
    }
}
