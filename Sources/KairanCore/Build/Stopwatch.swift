#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Measures the wall time between laps on the monotonic clock (for `--verbose`; never in output files).
struct Stopwatch {
    private var last = Stopwatch.now()

    /// Milliseconds since the previous lap (or since creation).
    mutating func lap() -> Double {
        let now = Stopwatch.now()
        defer { last = now }
        return Double(now - last) / 1_000_000
    }

    private static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
