#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time one step of a build took: wall time, and processor time of the whole process (every
/// worker thread), in milliseconds. Processor time over wall time is how well the step used the
/// cores; it also stays meaningful on a busy machine, where wall time does not.
public struct StepTime: Sendable, Equatable {
    public var milliseconds: Double
    public var processorMilliseconds: Double

    /// `  load: 290 ms (cpu 410 ms)`, as `--verbose` prints it.
    public func line(_ step: String) -> String {
        "  \(step): \(Int(milliseconds.rounded())) ms (cpu \(Int(processorMilliseconds.rounded())) ms)"
    }
}

/// Measures the time between laps on the monotonic and the process clocks (for `--verbose`; never
/// in output files).
public struct Stopwatch: Sendable {
    private var last = Stopwatch.now(CLOCK_MONOTONIC)
    private var lastProcessor = Stopwatch.now(CLOCK_PROCESS_CPUTIME_ID)

    public init() {}

    /// The time since the previous lap (or since creation).
    public mutating func lap() -> StepTime {
        let now = Stopwatch.now(CLOCK_MONOTONIC), processor = Stopwatch.now(CLOCK_PROCESS_CPUTIME_ID)
        defer { last = now; lastProcessor = processor }
        return StepTime(milliseconds: Double(now - last) / 1_000_000, processorMilliseconds: Double(processor &- lastProcessor) / 1_000_000)
    }

    private static func now(_ clock: clockid_t) -> UInt64 {
        var spec = timespec()
        clock_gettime(clock, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
