import Foundation
import Testing
@testable import KairanCore

/// One build at a time per output folder: a second one is refused at once, naming the first.
@Suite struct ConcurrentBuildTests {
    private let files = FileManager.default

    private func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test func aBuildIsRefusedWhileAnotherHoldsTheLock() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(TestSupport.smallSite, to: base + "/site")
        #expect(await WriteTestSupport.build(base + "/site").committed)
        let before = WriteTestSupport.readerView(base + "/site/output")
        guard case .acquired(let lock) = try DiskFileSystem().lock(base + "/site/output/.kairan/lock", owner: "4242") else {
            Issue.record("the lock is free")
            return
        }
        let run = try CommandLineTests.run(["build", "--site", base + "/site", "--date", "2026-11-25"])
        #expect(run.status == 2)
        #expect(run.errors.hasPrefix("error: another kairan build (pid 4242) is writing to \(base)/site/output"), "\(run.errors)")
        #expect(!run.errors.contains("Build failed"))
        #expect(WriteTestSupport.readerView(base + "/site/output") == before)
        lock.release()
        #expect(try CommandLineTests.run(["build", "--site", base + "/site", "--date", "2026-11-25"]).status == 0)
    }

    @Test func twoBuildsAtOnceOneWinsAndTheOutputIsComplete() async throws {
        let base = WriteTestSupport.temporaryFolder()
        defer { try? files.removeItem(atPath: base) }
        try WriteTestSupport.writeSite(WriteTestSupport.manyArticles(800), to: base + "/site")
        let arguments = ["build", "--site", base + "/site", "--date", "2026-11-25", "--jobs", "1"]
        #expect(try CommandLineTests.run(arguments + ["--output", base + "/reference"]).status == 0)
        let reference = WriteTestSupport.readerView(base + "/reference")

        let first = try start(arguments)
        let second = try start(arguments)
        let errors = [first, second].map { String(decoding: $0.1.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
        first.0.waitUntilExit()
        second.0.waitUntilExit()
        let statuses = [first.0.terminationStatus, second.0.terminationStatus]
        #expect(statuses.sorted() == [0, 2], "\(statuses) \(errors)")
        if let loser = statuses.firstIndex(of: 2) {
            let winner = [first.0, second.0][1 - loser].processIdentifier
            #expect(errors[loser].hasPrefix("error: another kairan build (pid \(winner)) is writing to"), "\(errors[loser])")
        }
        let complete = WriteTestSupport.readerView(base + "/site/output") == reference
        #expect(complete, "the output equals a single build")
    }
}
