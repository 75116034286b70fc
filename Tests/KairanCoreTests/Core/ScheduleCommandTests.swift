import Foundation
import Testing

/// `kairan holidays` and `kairan schedule`, run as a user would.
@Suite struct ScheduleCommandTests {
    @Test func holidaysPrintsTheContractFormat() throws {
        let run = try CommandLineTests.run(["holidays", "--from", "2026-05-01", "--to", "2026-05-31"])
        #expect(run.status == 0)
        #expect(run.output == "2026-05-03\t憲法記念日\n2026-05-04\tみどりの日\n2026-05-05\tこどもの日\n2026-05-06\t振替休日\n")
    }

    @Test func holidaysAsJSONAndWithCompanyDays() throws {
        let run = try CommandLineTests.run(["holidays", "--from", "2026-12-28", "--to", "2027-01-04", "--business",
                                            "--site", TestSupport.repositoryRoot, "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let days = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [[String: String]]
        #expect(days.map { $0["date"]! } == ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01"])
        #expect(days.map { $0["kind"]! } == ["company", "company", "company", "national"])
    }

    @Test func holidaysRejectsBadRanges() throws {
        #expect(try CommandLineTests.run(["holidays", "--from", "2026-12-31", "--to", "2026-01-01"]).status == 2)
        #expect(try CommandLineTests.run(["holidays", "--from", "1900-01-01", "--to", "1900-12-31"]).status == 2)
        #expect(try CommandLineTests.run(["holidays", "--from", "2026/01/01", "--to", "2026-12-31"]).status == 2)
    }

    @Test func scheduleShowsMovedSkippedAndMissingContent() throws {
        let run = try CommandLineTests.run(["schedule", "--site", TestSupport.repositoryRoot, "--from", "2026-12-28",
                                            "--to", "2027-01-08", "--json"])
        #expect(run.status == 0, "\(run.errors)")
        let entries = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as! [[String: Any]]
        let officeHours = entries.filter { $0["id"] as? String == "office-hours" }
        // 12/31 falls in the year-end closure: skipped, not moved.
        #expect(officeHours.first { $0["nominal"] as? String == "2026-12-31" }?["skipped"] as? Bool == true)
        // The first business day of January 2027 is Monday the 4th.
        let newsletter = entries.first { $0["id"] as? String == "newsletter" }
        #expect(newsletter?["date"] as? String == "2027-01-04")
        let content = newsletter?["content"] as? [String: Any]
        #expect(content?["expected"] as? String == "content/newsletters/2027-01.md")
        #expect(content?["exists"] as? Bool == false)
        let text = try CommandLineTests.run(["schedule", "--site", TestSupport.repositoryRoot, "--from", "2026-12-28", "--to", "2027-01-08"])
        #expect(text.output.contains("2027-01-04 月 10:00 ニュースレター [newsletter, public] content: MISSING content/newsletters/2027-01.md"))
        #expect(text.output.contains("2026-12-31 木 —     オフィスアワー [office-hours] skipped: 年末年始休業"))
    }
}
