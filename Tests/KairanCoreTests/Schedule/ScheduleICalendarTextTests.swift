import Testing
@testable import KairanCore

/// iCalendar text rules: TEXT escaping, 75-octet folding without splitting UTF-8, CRLF.
@Suite struct ScheduleICalendarTextTests {
    @Test func escapesTextValues() {
        #expect(ICalendarText.escape(#"a;b,c\d"#) == #"a\;b\,c\\d"#)
        #expect(ICalendarText.escape("一行目\n二行目\r\n三行目\r四行目") == #"一行目\n二行目\n三行目\n四行目"#)
        #expect(ICalendarText.escape("tab\there\u{07}bell") == "tab\there" + "bell")
        #expect(ICalendarText.uri(" https://example.com/a,b;c\r\n ") == "https://example.com/a,b;c")
    }

    @Test func shortLinesStayWhole() {
        let line = "SUMMARY:" + String(repeating: "x", count: 67)
        #expect(Array(line.utf8).count == 75)
        #expect(ICalendarText.fold(line) == line)
        #expect(ICalendarText.fold(line + "y") == line + "\r\n y")
    }

    @Test func foldsAsciiAt75Octets() {
        let line = "DESCRIPTION:" + String(repeating: "abcdefghij", count: 20)
        let physical = ICalendarText.fold(line).split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(physical.map { $0.utf8.count } == [75, 75, 64])  // 212 octets: 75, then 1 + 74, then 1 + 63
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") && !$0.hasPrefix("  ") })
        #expect(scheduleUnfold(physical) == line)
    }

    @Test func foldingNeverSplitsUTF8() {
        // Three-octet characters after a 13-octet start: 75 is never reached exactly.
        let line = "DESCRIPTION:x" + String(repeating: "営業日のお知らせ。", count: 12) + "🎉終わり"
        let physical = ICalendarText.fold(line).split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(physical.count > 4)
        for part in physical {
            let bytes = Array(part.utf8)
            #expect(bytes.count <= 75)
            #expect(String(validating: bytes, as: UTF8.self) != nil)
        }
        #expect(physical[0].utf8.count == 73)  // 13 + 20 × 3; a 21st character would make 76
        #expect(physical[1].utf8.count == 73)  // 1 + 24 × 3
        #expect(scheduleUnfold(physical) == line)
    }

    @Test func dateTimeValues() {
        #expect(ICalendarDateTime.local(scheduleDay("2026-12-16"), minutes: 15 * 60) == "20261216T150000")
        #expect(ICalendarDateTime.local(scheduleDay("2026-12-31"), minutes: 23 * 60 + 60) == "20270101T000000")
        #expect(ICalendarDateTime.utc(scheduleDay("2026-12-16"), minutes: 15 * 60) == "20261216T060000Z")
        #expect(ICalendarDateTime.utc(scheduleDay("2027-01-01"), minutes: 570) == "20270101T003000Z")
        #expect(ICalendarDateTime.utc(scheduleDay("2027-01-01"), minutes: 60) == "20261231T160000Z")
        #expect(ICalendarDateTime.utc(secondsSinceEpoch: 1_795_500_000) == "20261124T060000Z")
        #expect(ICalendarDateTime.utc(secondsSinceEpoch: -1) == "19691231T235959Z")
    }
}

/// Undoes RFC 5545 folding: each continuation line's leading space is removed and the line
/// joined to the one before.
func scheduleUnfold(_ physical: [String]) -> String {
    physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
}
