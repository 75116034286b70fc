import Foundation
@testable import KairanCore

/// Helpers for the hostile-input tests: a site on disk, run through the real `kairan` binary.
enum InputTestSupport {
    /// Writes `files` (paths starting with `site/`) into a new temporary folder and returns it.
    static func site(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "kairan-input-" + UUID().uuidString
        for (path, text) in files {
            try write(Data(text.utf8), to: path, in: root)
        }
        return root
    }

    /// Writes raw bytes to `path` (starting with `site/`) under `root`.
    static func write(_ data: Data, to path: String, in root: String) throws {
        let full = root + "/" + path.dropFirst("site/".count)
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    /// Runs `kairan check` on a site made of the small test site plus `files`.
    static func check(adding files: [String: String], arguments: [String] = [], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        var all = TestSupport.smallSite
        for (path, text) in files { all[path] = text }
        let root = try site(all)
        defer { try? FileManager.default.removeItem(atPath: root) }
        return try CommandLineTests.run(["check", "--site", root] + arguments, environment: environment)
    }

    /// The lines of `errors` that are diagnostics (`…: error: …`).
    static func errorLines(_ errors: String) -> [Substring] {
        errors.split(separator: "\n").filter { $0.contains(": error: ") }
    }
}
