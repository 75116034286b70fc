import ArgumentParser
import Foundation
import KairanCore

/// Reads the date options of the commands (`--date`, `--from`, `--to`) and `SOURCE_DATE_EPOCH`,
/// rejecting dates Kairan cannot compute with as usage errors that name the supported range.
enum DateOption {
    /// `value` of option `name` as a date inside `range`; `rangeText` describes the range.
    static func parse(_ value: String, option name: String, in range: ClosedRange<CivilDate>, rangeText: String) throws -> CivilDate {
        guard let date = CivilDate(iso: value) else { throw ValidationError("\(name) must be YYYY-MM-DD, got \(value)") }
        guard range.contains(date) else { throw ValidationError("\(name) must be from \(rangeText), got \(value)") }
        return date
    }

    /// A build date ("today"): `--date` of build, check and schedule.
    static func buildDate(_ value: String, option name: String = "--date") throws -> CivilDate {
        try parse(value, option: name, in: BuildClock.supportedDays, rangeText: BuildClock.supportedDaysText)
    }

    /// A day to list (`--from`, `--to`): any day whose holidays are known.
    static func day(_ value: String, option name: String) throws -> CivilDate {
        try parse(value, option: name, in: JapaneseHolidays.supportedDates,
                  rangeText: JapaneseHolidays.supportedDatesText + " (holidays are known for those years)")
    }

    /// The clock when `--date` is absent: `SOURCE_DATE_EPOCH` when set, else the system clock;
    /// either must fall on a supported build date.
    private static func environmentClock() throws -> BuildClock {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            let digits = epoch.hasPrefix("-") ? epoch.dropFirst() : epoch[...]
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, got \(epoch)")
            }
            // Too many digits for Int64 is out of range like any other extreme value.
            let clock = Int64(epoch).map(BuildClock.init(secondsSinceEpoch:))
            guard let clock, clock.isSupported else {
                throw ValidationError("SOURCE_DATE_EPOCH must be a time on a day from \(BuildClock.supportedDaysText), "
                    + "i.e. \(BuildClock.supportedSeconds.lowerBound)…\(BuildClock.supportedSeconds.upperBound), got \(epoch)")
            }
            return clock
        }
        let clock = BuildClock.system()
        guard clock.isSupported else {
            throw ValidationError("the system clock (\(clock.secondsSinceEpoch) s since 1970) is outside \(BuildClock.supportedDaysText); give --date")
        }
        return clock
    }

    /// The clock of a run: `--date` when given, else ``environmentClock()``.
    static func clock(date: String?) throws -> BuildClock {
        if let date { return BuildClock(date: try buildDate(date)) }
        return try environmentClock()
    }
}
