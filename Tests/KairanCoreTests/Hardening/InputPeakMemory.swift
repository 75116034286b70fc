import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `kairan` binary and reports its own peak resident memory.
///
/// Not `wait4` on a child spawned from this process: `posix_spawn` starts the child on this
/// process's memory (`vfork`), and Linux carries the peak of the memory an `exec` leaves into the
/// new program's `ru_maxrss` — so a child of a large test process reported the test process's
/// peak (it made `copiedFilesAreReadOnce` fail under the full suite's load). A small Python
/// process forks the build instead (its child starts on Python's few megabytes, far below any
/// build's) and writes the child's exit status and `ru_maxrss` to a file.
enum InputPeakMemory {
    struct Result {
        var status: Int32
        /// Peak resident set, in bytes.
        var peakBytes: Int
    }

    private static let script = """
        import os, sys
        report, program = sys.argv[1], sys.argv[2:]
        pid = os.fork()
        if pid == 0:
            try:
                os.execv(program[0], program)
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        with open(report, "w") as out:
            out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}\\n")
        """

    static func run(_ arguments: [String]) throws -> Result {
        let report = NSTemporaryDirectory() + "kairan-peak-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, report, CommandLineTests.binary] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let fields = try String(contentsOfFile: report, encoding: .utf8).split(separator: " ")
        guard fields.count == 2, let status = Int32(fields[0]), let peak = Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw POSIXError(.EINVAL)
        }
        // ru_maxrss is in KiB on Linux.
        return Result(status: status, peakBytes: peak * 1024)
    }
}
