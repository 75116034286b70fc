import Foundation
import Testing

/// Runs the real `kairan` binary, as a user would.
@Suite struct CommandLineTests {
    /// The `kairan` built next to this test bundle.
    static var binary: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("kairan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return TestSupport.repositoryRoot + "/.build/debug/kairan"
    }

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errData, as: UTF8.self))
    }

    private func site(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "kairan-cli-" + UUID().uuidString
        for (path, text) in files {
            let full = root + "/" + path.dropFirst("site/".count)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    @Test func buildSucceedsWithZeroAndASummary() throws {
        let root = try site(TestSupport.smallSite)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Self.run(["build", "--site", root, "--date", "2026-11-25"])
        #expect(run.status == 0, "\(run.errors)")
        // 13 pages with /search/; the files: the two theme assets, the search client, the article
        // script and the index's nine (manifest, shard, a page-store file for each of 7 pages).
        #expect(run.output.contains("Built 13 pages and 13 files"), "\(run.output)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/public/index.html"))
        let quiet = try Self.run(["build", "--site", root, "--quiet"])
        #expect(quiet.status == 0 && quiet.output.isEmpty)
    }

    @Test func contentErrorsExitOneWithLocations() throws {
        var files = TestSupport.smallSite
        files["site/content/kb/start/bad.md"] = "---\ntitle: A\ncolour: red\n---\n"
        let root = try site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Self.run(["check", "--site", root])
        #expect(run.status == 1)
        #expect(run.errors.contains("content/kb/start/bad.md:3:1: error: unknown key `colour` in front matter"))
        #expect(run.output.contains("Check failed: 1 errors"))
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        var files = TestSupport.smallSite
        files["site/content/kb/start/raw.md"] = "---\ntitle: A\n---\n<b>raw</b>\n"
        let root = try site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Self.run(["check", "--site", root]).status == 0)
        let strict = try Self.run(["check", "--site", root, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("content/kb/start/raw.md:4:1: warning: raw HTML is shown as text"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try Self.run(["build", "--no-such-flag"]).status == 2)
        #expect(try Self.run(["build", "--site", "/nonexistent/folder"]).status == 2)
        #expect(try Self.run(["build", "--date", "25/11/2026"]).status == 2)
        #expect(try Self.run(["frobnicate"]).status == 2)
        let help = try Self.run(["--help"])
        #expect(help.status == 0 && help.output.contains("build") && help.output.contains("check"))
        let buildHelp = try Self.run(["build", "--help"])
        #expect(buildHelp.output.contains("--base-url") && buildHelp.output.contains("--drafts") && buildHelp.output.contains("--output"))
    }

    @Test func sameInputSameBytesWhateverTheJobs() throws {
        let root = try site(TestSupport.smallSite)
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try Self.run(["build", "--site", root, "--output", root + "/a", "--jobs", "1"], environment: ["SOURCE_DATE_EPOCH": "1764000000"])
        _ = try Self.run(["build", "--site", root, "--output", root + "/b", "--jobs", "4"], environment: ["SOURCE_DATE_EPOCH": "1764000000"])
        let diff = Process()
        diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        diff.arguments = ["-r", root + "/a", root + "/b"]
        try diff.run()
        diff.waitUntilExit()
        #expect(diff.terminationStatus == 0)
    }

    @Test func theDemoSiteBuildsCleanly() throws {
        let output = NSTemporaryDirectory() + "kairan-demo-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        let run = try Self.run(["build", "--site", TestSupport.repositoryRoot, "--output", output, "--date", "2026-11-25"])
        #expect(run.status == 0, "\(run.errors)")
        // The demo's backlog breaks the approval rule once on purpose (BL-006, requested by two clinics):
        // that warning, and nothing else, is expected.
        let lines = run.errors.split(separator: "\n").filter { !$0.hasPrefix("    hint:") }
        #expect(lines.count == 1, "\(run.errors)")
        #expect(lines.first?.hasPrefix("content/data/backlog.yaml:") == true && lines.first?.contains("warning: BL-006") == true)
    }
}
