import Testing
@testable import KairanCore

/// The iCalendar feed of the demo schedule: header, series with exceptions, dated events,
/// byte-level line rules and determinism.
@Suite struct ScheduleICalendarWriterTests {
    /// 2026-11-24T06:00:00Z, the demo build instant.
    static let stamp: Int64 = 1_795_500_000
    private let writer = ICalendarWriter(host: "help.example.com", stampSecondsSinceEpoch: stamp)

    private func demoFeed() -> String {
        let demo = scheduleDemo()
        return writer.calendar(name: "イベントカレンダー", items: demo.items, window: scheduleDemoWindow,
                               businessCalendar: demo.calendar)
    }

    /// The lines of `text` split at CRLF, unfolded.
    private func contentLines(_ text: String) -> [String] {
        var lines: [String] = []
        for physical in text.split(separator: "\r\n").map(String.init) {
            if physical.hasPrefix(" "), !lines.isEmpty { lines[lines.count - 1] += physical.dropFirst() } else { lines.append(physical) }
        }
        return lines
    }

    /// The content lines of the VEVENT whose UID is `uid`.
    private func event(_ uid: String, in text: String) -> [String] {
        let lines = contentLines(text)
        guard let uidIndex = lines.firstIndex(of: "UID:\(uid)"),
              let begin = lines[..<uidIndex].lastIndex(of: "BEGIN:VEVENT"),
              let end = lines[uidIndex...].firstIndex(of: "END:VEVENT")
        else { return [] }
        return Array(lines[begin...end])
    }

    @Test func headerAndTimeZone() {
        #expect(contentLines(demoFeed()).prefix(16) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Kairan//Kairan//JA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:イベントカレンダー", "X-WR-TIMEZONE:Asia/Tokyo",
            "BEGIN:VTIMEZONE", "TZID:Asia/Tokyo", "BEGIN:STANDARD", "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE",
        ])
        #expect(demoFeed().hasSuffix("END:VEVENT\r\nEND:VCALENDAR\r\n"))
    }

    @Test func officeHoursSeriesWithHolidayExceptions() {
        #expect(event("office-hours@help.example.com", in: demoFeed()) == [
            "BEGIN:VEVENT",
            "UID:office-hours@help.example.com",
            "DTSTAMP:20261124T060000Z",
            "DTSTART;TZID=Asia/Tokyo:20261203T140000",
            "DTEND;TZID=Asia/Tokyo:20261203T150000",
            "SUMMARY:オフィスアワー",
            "LOCATION:オンライン（Zoom）",
            "URL:https://example.com/booking",
            "CATEGORIES:office-hours",
            "RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20271230T050000Z",
            "EXDATE;TZID=Asia/Tokyo:20261231T140000",
            "EXDATE;TZID=Asia/Tokyo:20270211T140000",
            "EXDATE;TZID=Asia/Tokyo:20270429T140000",
            "EXDATE;TZID=Asia/Tokyo:20270923T140000",
            "EXDATE;TZID=Asia/Tokyo:20271230T140000",
            "END:VEVENT",
        ])
    }

    @Test func movedOccurrencesGetExdateAndRdate() {
        let lines = event("weekly-report@help.example.com", in: demoFeed())
        #expect(lines.filter { $0.hasPrefix("DT") || $0.hasPrefix("RRULE") || $0.hasPrefix("EXDATE") || $0.hasPrefix("RDATE") } == [
            "DTSTAMP:20261124T060000Z",
            "DTSTART;TZID=Asia/Tokyo:20261204T170000",
            "RRULE:FREQ=WEEKLY;BYDAY=FR;UNTIL=20271231T080000Z",
            "EXDATE;TZID=Asia/Tokyo:20270101T170000",
            "EXDATE;TZID=Asia/Tokyo:20270813T170000",
            "EXDATE;TZID=Asia/Tokyo:20271231T170000",
            "RDATE;TZID=Asia/Tokyo:20261228T170000",
            "RDATE;TZID=Asia/Tokyo:20270812T170000",
            "RDATE;TZID=Asia/Tokyo:20271228T170000",
        ])
    }

    @Test func monthlyRules() {
        let feed = demoFeed()
        let rules = ["webinar", "release", "onboarding", "monthly-review", "daily-standup"].map { id in
            event("\(id)@help.example.com", in: feed).filter { $0.hasPrefix("RRULE:") }
        }
        #expect(rules == [
            ["RRULE:FREQ=MONTHLY;BYDAY=3WE;UNTIL=20271215T060000Z"],
            ["RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271214T010000Z"],
            ["RRULE:FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20271231T040000Z"],
            ["RRULE:FREQ=MONTHLY;BYDAY=1FR;UNTIL=20271203T050000Z"],
            ["RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20271231T003000Z"],
        ])
        #expect(event("webinar@help.example.com", in: feed).filter { $0.hasPrefix("EXDATE") }.isEmpty)
        #expect(event("monthly-review@help.example.com", in: feed).filter { $0.hasPrefix("EXDATE") }
            == ["EXDATE;TZID=Asia/Tokyo:20270101T140000"])
    }

    @Test func businessDayRuleBecomesDatedEvents() {
        let lines = contentLines(demoFeed())
        let uids = lines.filter { $0.hasPrefix("UID:newsletter") }
        #expect(uids == [
            "20261201", "20270104", "20270201", "20270301", "20270401", "20270506", "20270601", "20270701",
            "20270802", "20270901", "20271001", "20271101", "20271201",
        ].map { "UID:newsletter-\($0)@help.example.com" })
        #expect(event("newsletter-20270104@help.example.com", in: demoFeed()) == [
            "BEGIN:VEVENT", "UID:newsletter-20270104@help.example.com", "DTSTAMP:20261124T060000Z",
            "DTSTART;TZID=Asia/Tokyo:20270104T100000", "SUMMARY:ニュースレター", "CATEGORIES:newsletter", "END:VEVENT",
        ])
        #expect(!lines.contains { $0.hasPrefix("RECURRENCE-ID") })
    }

    @Test func everyLineEndsInCRLFAndFitsIn75Octets() {
        let bytes = Array(demoFeed().utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        let lines = bytes.split(separator: 0x0A).map { Array($0.dropLast()) }
        #expect(lines.allSatisfy { $0.count <= 75 })
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
    }

    @Test func longJapaneseDescriptionFoldsOnCharacterBoundaries() throws {
        var item = try scheduleDemoItem("webinar")
        let description = String(repeating: "新機能の紹介, 質疑応答; 録画は後日公開します。\n", count: 10) + "\\以上"
        item.description = description
        let text = writer.calendar(for: item, window: scheduleDemoWindow, businessCalendar: scheduleDemo().calendar)
        let physical = Array(text.utf8).split(separator: 0x0A).map { Array($0.dropLast()) }
        let descriptionStart = try #require(physical.firstIndex { $0.starts(with: Array("DESCRIPTION:".utf8)) })
        let continuation = physical[(descriptionStart + 1)...].prefix { $0.first == 0x20 }
        #expect(continuation.count >= 8)
        for line in [physical[descriptionStart]] + continuation {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
        let unfolded = contentLines(text).first { $0.hasPrefix("DESCRIPTION:") }
        #expect(unfolded == "DESCRIPTION:" + String(repeating: #"新機能の紹介\, 質疑応答\; 録画は後日公開します。\n"#, count: 10) + #"\\以上"#)
    }

    @Test func singleEventForm() throws {
        let webinar = try scheduleDemoItem("webinar")
        let text = writer.singleEvent(webinar, on: scheduleDay("2027-01-20"))
        let lines = contentLines(text)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1)
        #expect(lines.contains("X-WR-CALNAME:顧客向けウェビナー"))
        #expect(event("webinar-20270120@help.example.com", in: text) == [
            "BEGIN:VEVENT", "UID:webinar-20270120@help.example.com", "DTSTAMP:20261124T060000Z",
            "DTSTART;TZID=Asia/Tokyo:20270120T150000", "DTEND;TZID=Asia/Tokyo:20270120T160000",
            "SUMMARY:顧客向けウェビナー", "DESCRIPTION:新機能の紹介と質疑応答。録画は後日公開します。",
            "URL:https://example.com/webinar", "CATEGORIES:webinar", "END:VEVENT",
        ])
        #expect(!lines.contains { $0.hasPrefix("RRULE") })
        #expect(writer.uid(for: webinar) == "webinar@help.example.com")
    }

    @Test func deterministicAndDrivenByTheStamp() {
        #expect(demoFeed() == demoFeed())
        let demo = scheduleDemo()
        let later = ICalendarWriter(host: "help.example.com", stampSecondsSinceEpoch: Self.stamp + 86_400)
            .calendar(name: "イベントカレンダー", items: demo.items, window: scheduleDemoWindow, businessCalendar: demo.calendar)
        #expect(later.replacingStamp() == demoFeed().replacingStamp())
        #expect(later != demoFeed())
    }

    @Test func openEndedWindowHasNoUntil() throws {
        let item = try scheduleDemoItem("office-hours")
        let window = ICalendarWindow(from: scheduleDay("2027-04-01"), through: scheduleDay("2027-04-30"), isBounded: false)
        let lines = contentLines(writer.calendar(for: item, window: window, businessCalendar: scheduleDemo().calendar))
        #expect(lines.filter { $0.hasPrefix("RRULE") || $0.hasPrefix("EXDATE") } == [
            "RRULE:FREQ=WEEKLY;BYDAY=TH", "EXDATE;TZID=Asia/Tokyo:20270429T140000",
        ])
    }

    @Test func itemsWithoutDatesAreLeftOut() throws {
        let item = try scheduleDemoItem("daily-standup")
        let newYear = ICalendarWindow(from: scheduleDay("2027-01-01"), through: scheduleDay("2027-01-03"))
        let text = writer.calendar(for: item, window: newYear, businessCalendar: scheduleDemo().calendar)
        #expect(!text.contains("BEGIN:VEVENT"))
        #expect(text.hasSuffix("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
    }
}

extension String {
    /// The text with every DTSTAMP value blanked, to compare outputs of different builds.
    fileprivate func replacingStamp() -> String {
        split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("DTSTAMP:") ? "DTSTAMP:" : String($0) }
            .joined(separator: "\r\n")
    }
}
