import Foundation
import Testing
@testable import KairanCore

/// Build dates, listing ranges and content dates outside the years whose holidays are known:
/// usage errors (exit 2) or located content errors, never a crash.
@Suite struct InputDateTests {
    /// The training site: a schedule with customer events, so the build computes 183 days ahead.
    static var site: [String: String] { TrainingTests.site }

    static let buildRange = "from 1955-01-01 to 2099-07-01 (holidays are known for 1955–2099 and the build looks 183 days ahead)"

    @Test func theSupportedBuildDatesEndWhereTheLookaheadMeetsTheLastKnownHoliday() {
        #expect(BuildClock.supportedDays == CivilDate(iso: "1955-01-01")!...CivilDate(iso: "2099-07-01")!)
        #expect(BuildClock.supportedDays.upperBound.adding(days: BuildClock.lookaheadDays) == CivilDate(iso: "2099-12-31")!)
        #expect(BuildClock(date: CivilDate(iso: "2099-07-01")!).isSupported)
        #expect(!BuildClock(date: CivilDate(iso: "2099-07-02")!).isSupported)
        #expect(!BuildClock(secondsSinceEpoch: .max).isSupported && !BuildClock(secondsSinceEpoch: .min).isSupported)
        #expect(BuildClock(secondsSinceEpoch: BuildClock.supportedSeconds.upperBound).today.iso == "2099-07-01")
        #expect(BuildClock(secondsSinceEpoch: BuildClock.supportedSeconds.lowerBound).today.iso == "1955-01-01")
    }

    /// Both ends of the range build the whole site (training calendar and .ics included).
    @Test(arguments: ["1955-01-01", "2099-07-01"]) func theFirstAndLastBuildDatesBuild(_ date: String) throws {
        let root = try InputTestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(atPath: root) }
        // `--future`: at the first date every article is scheduled, and the site links to them.
        let run = try CommandLineTests.run(["build", "--site", root, "--date", date, "--quiet", "--future"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(FileManager.default.fileExists(atPath: root + "/output/customers/training/events.ics"))
    }

    @Test(arguments: ["1954-12-31", "2099-07-02", "2100-01-01", "9999-07-07", "9999-12-31", "0000-01-01"])
    func aBuildDateOutsideTheRangeIsAUsageError(_ date: String) throws {
        let root = try InputTestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for command in ["build", "check", "schedule"] {
            let run = try CommandLineTests.run([command, "--site", root, "--date", date])
            #expect(run.status == 2, "\(command): \(run.errors)")
            #expect(run.errors.contains("--date must be \(Self.buildRange), got \(date)"), "\(command): \(run.errors)")
        }
    }

    @Test(arguments: ["-473418001", "4086601200", "253402300800", "-62167219200", "9223372036854775807",
                      "-9223372036854775808", "99999999999999999999", "-99999999999999999999"])
    func anExtremeSourceDateEpochIsAUsageError(_ epoch: String) throws {
        let root = try InputTestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(atPath: root) }
        for command in ["build", "check", "schedule"] {
            let run = try CommandLineTests.run([command, "--site", root], environment: ["SOURCE_DATE_EPOCH": epoch])
            #expect(run.status == 2, "\(command): \(run.errors)")
            #expect(run.errors.contains("SOURCE_DATE_EPOCH must be a time on a day \(Self.buildRange)"), "\(command): \(run.errors)")
        }
    }

    @Test(arguments: ["-473418000", "4086601199"]) func theEdgesOfSourceDateEpochBuild(_ epoch: String) throws {
        let root = try InputTestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try CommandLineTests.run(["check", "--site", root, "--future"], environment: ["SOURCE_DATE_EPOCH": epoch])
        #expect(run.status == 0, "\(run.errors)")
    }

    @Test func listingDaysOutsideTheKnownHolidaysIsAUsageError() throws {
        let root = try InputTestSupport.site(Self.site)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let known = "must be from 1955-01-01 to 2099-12-31 (holidays are known for those years)"
        for (arguments, message) in [
            (["holidays", "--from", "2099-12-01", "--to", "2100-01-01"], "--to \(known), got 2100-01-01"),
            (["holidays", "--from", "1954-12-31", "--to", "1955-01-31"], "--from \(known), got 1954-12-31"),
            (["schedule", "--site", root, "--from", "9999-12-31", "--to", "9999-12-31"], "--from \(known), got 9999-12-31"),
            (["schedule", "--site", root, "--from", "2099-12-02"], "--to defaults to 30 days after --from, 2100-01-01, past 2099-12-31; give --to"),
        ] {
            let run = try CommandLineTests.run(arguments)
            #expect(run.status == 2, "\(arguments): \(run.errors)")
            #expect(run.errors.contains(message), "\(arguments): \(run.errors)")
        }
        #expect(try CommandLineTests.run(["schedule", "--site", root, "--from", "2099-12-01", "--date", "2099-07-01"]).status == 0)
        #expect(try CommandLineTests.run(["holidays", "--from", "1955-01-01", "--to", "2099-12-31"]).status == 0)
    }

    /// Dates in content outside the supported range, or not days at all, are located errors.
    @Test(arguments: [
        ("0000-01-01", "`date` 0000-01-01 is outside the dates Kairan supports, 1955-01-01 to 2099-12-31"),
        ("9999-12-31", "`date` 9999-12-31 is outside the dates Kairan supports, 1955-01-01 to 2099-12-31"),
        ("2026-02-30", "`date` 2026-02-30 is not a day: February 2026 has 28 days"),
    ])
    func contentDatesOutsideTheRangeAreLocatedErrors(_ date: String, _ message: String) throws {
        var files = Self.site
        files["site/content/kb/start/dated.md"] = "---\ntitle: A\ndate: \(date)\n---\n"
        files["site/content/releases/v1.0.0.md"] = "---\nversion: 1.0.0\ndate: \(date)\ntype: major\ntitle: 初版\n---\n"
        files["site/content/newsletters/2026-12.md"] = "---\ndate: \(date)\n---\n"
        files["site/site.yaml"] = files["site/site.yaml"]!.replacingOccurrences(
            of: "    - preset: year-end", with: "    - preset: year-end\n    - {name: 休業, date: \(date)}")
        let root = try InputTestSupport.site(files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try CommandLineTests.run(["check", "--site", root, "--date", "2026-11-25"])
        #expect(run.status == 1, "\(run.errors)")
        let errors = InputTestSupport.errorLines(run.errors)
        #expect(errors.contains("content/kb/start/dated.md:3:7: error: \(message)"), "\(errors)")
        #expect(errors.contains("content/releases/v1.0.0.md:3:7: error: \(message)"), "\(errors)")
        #expect(errors.contains("content/newsletters/2026-12.md:2:7: error: \(message)"), "\(errors)")
        #expect(errors.contains { $0.hasPrefix("site.yaml:") && $0.hasSuffix(message) }, "\(errors)")
        #expect(errors.count == 4, "\(errors)")
    }
}
