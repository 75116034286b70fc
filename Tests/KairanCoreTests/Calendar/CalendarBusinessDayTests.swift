import Testing
@testable import KairanCore

/// Business days: national holidays, weekends and company closures.
@Suite struct CalendarBusinessDayTests {
    private let company = BusinessCalendar(closures: [.yearEnd(from: (12, 29), to: (1, 3))])

    @Test func yearEndClosure() {
        #expect(company.isBusinessDay(calendarDay("2026-12-28")))
        #expect(company.nextBusinessDay(after: calendarDay("2026-12-28")) == calendarDay("2027-01-04"))
        #expect(company.previousBusinessDay(before: calendarDay("2027-01-04")) == calendarDay("2026-12-28"))
        #expect(company.nonBusinessReason(calendarDay("2026-12-29")) == "年末年始休業")
        #expect(company.nonBusinessReason(calendarDay("2026-12-31")) == "年末年始休業")
        #expect(company.nonBusinessReason(calendarDay("2027-01-01")) == "元日")
        #expect(company.nonBusinessReason(calendarDay("2027-01-02")) == "年末年始休業")
        #expect(company.nonBusinessReason(calendarDay("2027-01-03")) == "年末年始休業")
        #expect(company.nonBusinessReason(calendarDay("2027-01-04")) == nil)
        #expect(company.businessDay(1, ofMonth: 1, year: 2027) == calendarDay("2027-01-04"))
        #expect(company.businessDay(-1, ofMonth: 12, year: 2026) == calendarDay("2026-12-28"))
        #expect(BusinessCalendar().businessDay(-1, ofMonth: 12, year: 2026) == calendarDay("2026-12-31"))
    }

    @Test func defaultYearEndPresetAndDefaultCalendar() {
        #expect(CompanyClosure.yearEnd() == .yearEnd(from: (12, 29), to: (1, 3)))
        let plain = BusinessCalendar()
        #expect(plain.isBusinessDay(calendarDay("2026-12-29")))
        #expect(!plain.isBusinessDay(calendarDay("2027-01-01")))
        #expect(plain.nextBusinessDay(after: calendarDay("2026-12-31")) == calendarDay("2027-01-04"))
    }

    @Test func goldenWeek2026() {
        #expect(company.nonBusinessReason(calendarDay("2026-04-29")) == "昭和の日")
        #expect(company.isBusinessDay(calendarDay("2026-04-30")))
        #expect(company.isBusinessDay(calendarDay("2026-05-01")))
        #expect(company.nonBusinessReason(calendarDay("2026-05-02")) == "土曜日")
        #expect(company.nonBusinessReason(calendarDay("2026-05-03")) == "憲法記念日")
        #expect(company.nonBusinessReason(calendarDay("2026-05-04")) == "みどりの日")
        #expect(company.nonBusinessReason(calendarDay("2026-05-05")) == "こどもの日")
        #expect(company.nonBusinessReason(calendarDay("2026-05-06")) == "振替休日")
        #expect(company.nextBusinessDay(after: calendarDay("2026-05-01")) == calendarDay("2026-05-07"))
        #expect(company.previousBusinessDay(before: calendarDay("2026-05-07")) == calendarDay("2026-05-01"))
        #expect(company.businessDay(1, ofMonth: 5, year: 2026) == calendarDay("2026-05-01"))
        #expect(company.businessDay(2, ofMonth: 5, year: 2026) == calendarDay("2026-05-07"))
    }

    @Test func silverWeek2026() {
        let expected = ["土曜日", "日曜日", "敬老の日", "国民の休日", "秋分の日"]
        let days = (19...23).map { calendarDay("2026-09-\($0)") }
        #expect(days.map { company.nonBusinessReason($0) } == expected)
        #expect(company.nextBusinessDay(after: calendarDay("2026-09-18")) == calendarDay("2026-09-24"))
        #expect(company.previousBusinessDay(before: calendarDay("2026-09-24")) == calendarDay("2026-09-18"))
    }

    @Test func nthBusinessDayBounds() {
        // January 2027 with the year-end closure: 19 business days (4–8, 12–15, 18–22, 25–29).
        #expect(company.businessDay(19, ofMonth: 1, year: 2027) == calendarDay("2027-01-29"))
        #expect(company.businessDay(20, ofMonth: 1, year: 2027) == nil)
        #expect(company.businessDay(-19, ofMonth: 1, year: 2027) == calendarDay("2027-01-04"))
        #expect(company.businessDay(0, ofMonth: 1, year: 2027) == nil)
        #expect(company.businessDay(1, ofMonth: 13, year: 2027) == nil)
        #expect(company.businessDay(Int.max, ofMonth: 1, year: 2027) == nil)
        #expect(company.businessDay(Int.min, ofMonth: 1, year: 2027) == nil)
    }

    @Test func nthWeekday() {
        #expect(company.nthWeekday(2, weekday: 2, month: 11, year: 2026) == calendarDay("2026-11-10"))
        #expect(company.nthWeekday(3, weekday: 3, month: 12, year: 2026) == calendarDay("2026-12-16"))
        #expect(company.nthWeekday(-1, weekday: 5, month: 1, year: 2026) == calendarDay("2026-01-30"))
        #expect(company.nthWeekday(-1, weekday: 6, month: 10, year: 2026) == calendarDay("2026-10-31"))
        #expect(company.nthWeekday(-2, weekday: 6, month: 10, year: 2026) == calendarDay("2026-10-24"))
        #expect(company.nthWeekday(1, weekday: 4, month: 1, year: 2026) == calendarDay("2026-01-01"))
        #expect(company.nthWeekday(5, weekday: 0, month: 2, year: 2026) == nil)
        #expect(company.nthWeekday(5, weekday: 0, month: 3, year: 2026) == calendarDay("2026-03-29"))
        #expect(company.nthWeekday(0, weekday: 1, month: 1, year: 2026) == nil)
        #expect(company.nthWeekday(6, weekday: 1, month: 1, year: 2026) == nil)
        #expect(company.nthWeekday(Int.min, weekday: 1, month: 1, year: 2026) == nil)
        #expect(company.nthWeekday(1, weekday: 7, month: 1, year: 2026) == nil)
        #expect(company.nthWeekday(1, weekday: 1, month: 0, year: 2026) == nil)
    }

    @Test func holidayPolicies() {
        let holiday = calendarDay("2026-05-03")
        #expect(company.apply(.skip, to: holiday) == nil)
        #expect(company.apply(.previousBusinessDay, to: holiday) == calendarDay("2026-05-01"))
        #expect(company.apply(.nextBusinessDay, to: holiday) == calendarDay("2026-05-07"))
        let workday = calendarDay("2026-05-07")
        for policy in HolidayPolicy.allCases {
            #expect(company.apply(policy, to: workday) == workday)
        }
        #expect(company.apply(.previousBusinessDay, to: calendarDay("2027-01-01")) == calendarDay("2026-12-28"))
        #expect(HolidayPolicy(rawValue: "nextBusinessDay") == .nextBusinessDay)
    }

    @Test func customClosures() {
        let calendar = BusinessCalendar(closures: [
            .range(from: calendarDay("2026-06-01"), through: calendarDay("2026-06-02"), name: "棚卸し"),
            .date(calendarDay("2026-10-01"), name: "創立記念日"),
            .obon(),
        ])
        #expect(calendar.nonBusinessReason(calendarDay("2026-05-31")) == "日曜日")
        #expect(calendar.nonBusinessReason(calendarDay("2026-06-01")) == "棚卸し")
        #expect(calendar.nonBusinessReason(calendarDay("2026-06-02")) == "棚卸し")
        #expect(calendar.isBusinessDay(calendarDay("2026-06-03")))
        #expect(calendar.nonBusinessReason(calendarDay("2026-10-01")) == "創立記念日")
        #expect(calendar.isBusinessDay(calendarDay("2027-10-01")))
        #expect(calendar.nonBusinessReason(calendarDay("2026-08-11")) == "山の日")
        #expect(calendar.isBusinessDay(calendarDay("2026-08-12")))
        #expect(calendar.nonBusinessReason(calendarDay("2026-08-13")) == "夏季休業")
        #expect(calendar.nonBusinessReason(calendarDay("2026-08-16")) == "夏季休業")
        #expect(calendar.isBusinessDay(calendarDay("2026-08-17")))
        #expect(calendar.nextBusinessDay(after: calendarDay("2026-08-10")) == calendarDay("2026-08-12"))
        #expect(calendar.nextBusinessDay(after: calendarDay("2026-08-12")) == calendarDay("2026-08-17"))
        let inverted = CompanyClosure.range(
            from: calendarDay("2026-06-02"), through: calendarDay("2026-06-01"), name: "x")
        #expect(!inverted.contains(calendarDay("2026-06-01")))
    }

    @Test func annualClosureWithinOneYear() {
        let closure = CompanyClosure.annual(from: (2, 28), through: (3, 1), name: "決算")
        #expect(closure.contains(calendarDay("2028-02-29")))
        #expect(closure.contains(calendarDay("2027-03-01")))
        #expect(!closure.contains(calendarDay("2027-02-27")))
        #expect(!closure.contains(calendarDay("2027-03-02")))
    }

    @Test func weekendsAndHolidayObservanceAreConfigurable() {
        let sixDays = BusinessCalendar(weekendDays: [0])
        #expect(sixDays.isBusinessDay(calendarDay("2026-05-02")))
        #expect(sixDays.nonBusinessReason(calendarDay("2026-05-10")) == "日曜日")
        let noHolidays = BusinessCalendar(observesNationalHolidays: false)
        #expect(noHolidays.isBusinessDay(calendarDay("2026-05-04")))
        #expect(noHolidays.nonBusinessReason(calendarDay("2026-05-03")) == "日曜日")
    }

    @Test func noBusinessDayAtAllGivesNil() {
        let closed = BusinessCalendar(weekendDays: Set(0...6))
        #expect(closed.nextBusinessDay(after: calendarDay("2026-01-01")) == nil)
        #expect(closed.previousBusinessDay(before: calendarDay("2026-01-01")) == nil)
        #expect(closed.businessDay(1, ofMonth: 1, year: 2026) == nil)
        #expect(closed.apply(.nextBusinessDay, to: calendarDay("2026-01-05")) == nil)
    }

    @Test func outsideSupportedYearsOnlyWeekendsCount() {
        #expect(company.isBusinessDay(calendarDay("2100-01-04")) == true)  // Monday; no holiday table.
        #expect(company.nonBusinessReason(calendarDay("2100-01-01")) == "年末年始休業")
    }
}
