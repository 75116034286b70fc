import Testing
@testable import KairanCore

/// Occurrences of the demo items from December 2026 through December 2027 on the demo
/// business calendar (year-end 12/29–1/3 and obon 8/13–8/16 closures, national holidays).
@Suite struct ScheduleOccurrenceTests {
    private let start = scheduleDay("2026-12-01")
    private let end = scheduleDay("2027-12-31")

    private func occurrences(_ id: String) throws -> [ScheduledItem.Occurrence] {
        try scheduleDemoItem(id).occurrences(from: start, through: end, calendar: scheduleDemo().calendar)
    }

    @Test func webinarThirdWednesday() throws {
        #expect(scheduleDates(try occurrences("webinar")) == [
            "2026-12-16", "2027-01-20", "2027-02-17", "2027-03-17", "2027-04-21", "2027-05-19", "2027-06-16",
            "2027-07-21", "2027-08-18", "2027-09-15", "2027-10-20", "2027-11-17", "2027-12-15",
        ])
    }

    @Test func officeHoursSkipHolidaysAndClosures() throws {
        let all = try occurrences("office-hours")
        #expect(all.count == 57)
        #expect(all.allSatisfy { $0.nominal.weekday == 4 && !$0.isMoved })
        #expect(all.filter(\.isSkipped).map(\.description) == [
            "2026-12-31 → skipped (年末年始休業)", "2027-02-11 → skipped (建国記念の日)",
            "2027-04-29 → skipped (昭和の日)", "2027-09-23 → skipped (秋分の日)",
            "2027-12-30 → skipped (年末年始休業)",
        ])
        #expect(scheduleDates(all).prefix(5) == ["2026-12-03", "2026-12-10", "2026-12-17", "2026-12-24", "2027-01-07"])
    }

    @Test func newsletterFirstBusinessDay() throws {
        #expect(scheduleDates(try occurrences("newsletter")) == [
            "2026-12-01", "2027-01-04", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-06", "2027-06-01",
            "2027-07-01", "2027-08-02", "2027-09-01", "2027-10-01", "2027-11-01", "2027-12-01",
        ])
        #expect(try occurrences("newsletter").allSatisfy { !$0.isMoved && !$0.isSkipped })
    }

    @Test func newsletterWithoutYearEndClosure() throws {
        let item = try scheduleDemoItem("newsletter")
        let january = item.occurrences(from: scheduleDay("2027-01-01"), through: scheduleDay("2027-01-31"), calendar: BusinessCalendar())
        #expect(scheduleDates(january) == ["2027-01-04"])  // 1/1 元日, 1/2–3 weekend anyway
        let may = item.occurrences(from: scheduleDay("2026-05-01"), through: scheduleDay("2026-05-31"), calendar: BusinessCalendar())
        #expect(scheduleDates(may) == ["2026-05-01"])
    }

    @Test func releaseSecondTuesday() throws {
        #expect(scheduleDates(try occurrences("release")) == [
            "2026-12-08", "2027-01-12", "2027-02-09", "2027-03-09", "2027-04-13", "2027-05-11", "2027-06-08",
            "2027-07-13", "2027-08-10", "2027-09-14", "2027-10-12", "2027-11-09", "2027-12-14",
        ])
    }

    @Test func weeklyReportMovesToThePreviousBusinessDay() throws {
        let all = try occurrences("weekly-report")
        #expect(all.count == 57)  // 2027 has 53 Fridays
        #expect(all.filter(\.isMoved).map(\.description) == [
            "2027-01-01 → 2026-12-28 (元日)", "2027-08-13 → 2027-08-12 (夏季休業)", "2027-12-31 → 2027-12-28 (年末年始休業)",
        ])
        #expect(all.allSatisfy { !$0.isSkipped })
    }

    @Test func onboardingLastFriday() throws {
        let all = try occurrences("onboarding")
        #expect(scheduleDates(all) == [
            "2026-12-25", "2027-01-29", "2027-02-26", "2027-03-26", "2027-04-30", "2027-05-28", "2027-06-25",
            "2027-07-30", "2027-08-27", "2027-09-24", "2027-10-29", "2027-11-26", "2027-12-28",
        ])
        #expect(all.last?.nominal == scheduleDay("2027-12-31"))
    }

    @Test func monthlyReviewFirstFridaySkipsNewYear() throws {
        let all = try occurrences("monthly-review")
        #expect(all.filter(\.isSkipped).map(\.nominal.iso) == ["2027-01-01"])
        #expect(scheduleDates(all).prefix(3) == ["2026-12-04", "2027-02-05", "2027-03-05"])
    }

    @Test func weeklyAndBacklogReviewsSkipHolidays() throws {
        #expect(try occurrences("weekly-review").filter(\.isSkipped).map(\.nominal.iso) == [
            "2027-01-11", "2027-03-22", "2027-05-03", "2027-07-19", "2027-08-16", "2027-09-20", "2027-10-11",
        ])
        #expect(try occurrences("backlog-review").filter(\.isSkipped).map(\.nominal.iso) == [
            "2026-12-29", "2027-02-23", "2027-05-04", "2027-11-23",
        ])
    }

    @Test func dailyStandupOnBusinessDaysOnly() throws {
        let all = try occurrences("daily-standup")
        let calendar = scheduleDemo().calendar
        #expect(all.allSatisfy { $0.nominal.weekday != 0 && $0.nominal.weekday != 6 && !$0.isMoved })
        #expect(all.compactMap(\.date).allSatisfy(calendar.isBusinessDay))
        #expect(all.filter { !$0.isSkipped }.count == 260)  // 20 in December 2026, 240 in 2027
        #expect(scheduleDates(all).filter { $0.hasPrefix("2027-01") }.prefix(2) == ["2027-01-04", "2027-01-05"])
    }

    @Test func dailyIgnoresPolicy() throws {
        let item = ScheduledItem(id: "standup", title: "朝会", kind: .review, rule: .daily,
                                 time: try #require(LocalTime(hour: 9, minute: 30)),
                                 durationMinutes: 15, policy: .nextBusinessDay, audience: .internal)
        let days = item.occurrences(from: scheduleDay("2027-04-28"), through: scheduleDay("2027-04-30"), calendar: BusinessCalendar())
        #expect(days.map(\.description) == ["2027-04-28", "2027-04-29 → skipped (昭和の日)", "2027-04-30"])
    }

    @Test func movedDatesNeverCollide() throws {
        // A two-week closure: Mondays 3/1 and 3/8 both move to 3/15, which has its own meeting.
        var item = try scheduleDemoItem("weekly-review")
        item.policy = .nextBusinessDay
        let calendar = BusinessCalendar(closures: [.range(from: scheduleDay("2027-03-01"), through: scheduleDay("2027-03-12"), name: "移転")])
        let all = item.occurrences(from: scheduleDay("2027-02-22"), through: scheduleDay("2027-03-22"), calendar: calendar)
        #expect(all.map(\.description) == [
            "2027-02-22", "2027-03-01 → skipped (移転)", "2027-03-08 → skipped (移転)", "2027-03-15",
            "2027-03-22 → 2027-03-23 (振替休日)",
        ])
    }

    @Test func emptyAndInvalidRanges() throws {
        let item = try scheduleDemoItem("webinar")
        #expect(item.occurrences(from: end, through: start, calendar: BusinessCalendar()).isEmpty)
        #expect(ScheduleRule.weekly(weekday: 7).nominalDates(from: start, through: end, calendar: BusinessCalendar()).isEmpty)
        #expect(ScheduleRule.monthlyNthWeekday(n: 5, weekday: 3)
            .nominalDates(from: scheduleDay("2027-01-01"), through: scheduleDay("2027-03-31"), calendar: BusinessCalendar())
            .map(\.iso) == ["2027-03-31"])
    }
}
