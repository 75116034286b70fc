import Testing
@testable import KairanCore

/// `rule:` strings: the accepted forms and the errors for everything else.
@Suite struct ScheduleRuleParsingTests {
    @Test(arguments: [
        ("weekly fri", ScheduleRule.weekly(weekday: 5)),
        ("weekly thu", .weekly(weekday: 4)),
        ("Weekly  Monday", .weekly(weekday: 1)),
        ("monthly 2nd tue", .monthlyNthWeekday(n: 2, weekday: 2)),
        ("monthly 3rd wed", .monthlyNthWeekday(n: 3, weekday: 3)),
        ("monthly 1st fri", .monthlyNthWeekday(n: 1, weekday: 5)),
        ("monthly 5th sun", .monthlyNthWeekday(n: 5, weekday: 0)),
        ("monthly last fri", .monthlyNthWeekday(n: -1, weekday: 5)),
        ("monthly business-day 1", .monthlyNthBusinessDay(n: 1)),
        ("monthly business-day -1", .monthlyNthBusinessDay(n: -1)),
        ("daily", .daily),
    ])
    func accepted(text: String, rule: ScheduleRule) throws {
        #expect(try ScheduleRule(parsing: text) == rule)
    }

    @Test func canonicalTextRoundTrips() throws {
        for text in ["weekly fri", "monthly 2nd tue", "monthly last fri", "monthly business-day 1", "daily"] {
            #expect(try ScheduleRule(parsing: text).description == text)
        }
    }

    @Test(arguments: [
        ("", "the rule is empty"),
        ("weekly", "`weekly` rule \"weekly\" has the wrong number of words"),
        ("daily fri", "`daily` rule \"daily fri\" has the wrong number of words"),
        ("weekly fry", "unknown weekday \"fry\""),
        ("monthly second tue", "unknown position \"second\" in a monthly rule"),
        ("monthly 6th tue", "unknown position \"6th\" in a monthly rule"),
        ("monthly business-day 0", "business day \"0\" must be a whole number from 1 to 23, or -1 to -23 from the month's end"),
        ("monthly business-day 24", "business day \"24\" must be a whole number from 1 to 23, or -1 to -23 from the month's end"),
        ("monthly business-day first", "business day \"first\" must be a whole number from 1 to 23, or -1 to -23 from the month's end"),
        ("yearly 12-25", "unknown rule \"yearly 12-25\": it must start with `daily`, `weekly` or `monthly`"),
        ("毎週金曜", "unknown rule \"毎週金曜\": it must start with `daily`, `weekly` or `monthly`"),
    ])
    func rejected(text: String, message: String) {
        #expect(throws: ScheduleRuleError.self) { try ScheduleRule(parsing: text) }
        do {
            _ = try ScheduleRule(parsing: text)
        } catch {
            #expect(error.message == message)
            #expect(!error.hint.isEmpty)
        }
    }

    @Test func localTimes() {
        #expect(LocalTime(parsing: "17:00") == LocalTime(hour: 17, minute: 0))
        #expect(LocalTime(parsing: "9:30")?.description == "09:30")
        #expect(LocalTime(parsing: "09:30")?.minutesSinceMidnight == 570)
        for bad in ["24:00", "12:60", "1730", "12:5", "-1:00", "12:00:00", "", "１２:００", "a:bc"] {
            #expect(LocalTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func kebabCaseIDs() {
        for good in ["office-hours", "review2", "a-1-b"] { #expect(ScheduledItem.isValidID(good), "\(good)") }
        for bad in ["", "Office-Hours", "office_hours", "-x", "x-", "a--b", "ウェビナー", "a b"] {
            #expect(!ScheduledItem.isValidID(bad), "\(bad)")
        }
    }
}
