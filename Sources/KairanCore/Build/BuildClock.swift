/// The build's idea of "now", injected so builds are reproducible: `--date`,
/// `SOURCE_DATE_EPOCH`, or the system clock, in that order.
public struct BuildClock: Sendable, Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Midnight of `date` in Japan (UTC+9).
    public init(date: CivilDate) { self.secondsSinceEpoch = Int64(date.daysSinceEpoch) * 86_400 - 9 * 3600 }

    /// The current time of the machine.
    public static func system() -> BuildClock {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return BuildClock(secondsSinceEpoch: Int64(spec.tv_sec))
    }

    /// Today in Japan (the site's time zone).
    public var today: CivilDate { CivilDate(daysSinceEpoch: Int(floorDiv(secondsSinceEpoch + 9 * 3600, 86_400))) }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
