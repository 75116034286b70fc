import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the `kairan` binary and reports its own peak resident memory (`wait4`'s rusage of that
/// child alone, so other tests' processes do not count).
enum InputPeakMemory {
    struct Result {
        var status: Int32
        /// Peak resident set, in bytes.
        var peakBytes: Int
    }

    static func run(_ arguments: [String]) throws -> Result {
        let argv = ([CommandLineTests.binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "SOURCE_DATE_EPOCH")
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid = pid_t()
        let spawned = posix_spawn(&pid, CommandLineTests.binary, &actions, nil, argv, envp)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        // ru_maxrss is in KiB on Linux.
        return Result(status: (status >> 8) & 0xFF, peakBytes: Int(usage.ru_maxrss) * 1024)
    }
}
