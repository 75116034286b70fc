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

    /// How many days after "today" the build computes dates: the training calendar and its
    /// `.ics` files reach furthest (the roadmap's due-soon window is shorter).
    public static let lookaheadDays = max(TrainingPages.horizonDays, InternalViewModels.dueWindowDays)

    /// The build dates ("today") Kairan supports: holidays must be known from today through
    /// ``lookaheadDays`` later, so the last one is that many days before 2099-12-31.
    public static let supportedDays: ClosedRange<CivilDate> =
        JapaneseHolidays.supportedDates.lowerBound...JapaneseHolidays.supportedDates.upperBound.adding(days: -lookaheadDays)

    /// ``supportedDays`` in seconds since 1970: midnight in Japan of the first day through the
    /// last second of the last day.
    public static let supportedSeconds: ClosedRange<Int64> =
        BuildClock(date: supportedDays.lowerBound).secondsSinceEpoch...(BuildClock(date: supportedDays.upperBound.adding(days: 1)).secondsSinceEpoch - 1)

    /// Whether the build can run at this time (checked before anything computes `today`, which
    /// would overflow for extreme values).
    public var isSupported: Bool { BuildClock.supportedSeconds.contains(secondsSinceEpoch) }

    /// Why the build dates end where they do, for usage errors.
    public static var supportedDaysText: String {
        "\(supportedDays.lowerBound.iso) to \(supportedDays.upperBound.iso) (holidays are known for "
            + "\(JapaneseHolidays.supportedYears.lowerBound)–\(JapaneseHolidays.supportedYears.upperBound) and the build looks \(lookaheadDays) days ahead)"
    }

    private func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
