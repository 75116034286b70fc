import Testing
@testable import KairanCore

/// Decoding `schedule.yaml`: the demo, defaults, and errors with their places and hints.
@Suite struct ScheduleLoaderTests {
    @Test func demoLoadsCleanly() throws {
        let (items, calendar, log) = scheduleDecode(scheduleDemoYAML)
        #expect(log.items.isEmpty)
        #expect(items.map(\.id) == ["weekly-report", "newsletter", "release", "webinar", "office-hours",
                                    "daily-standup", "weekly-review", "monthly-review", "backlog-review", "onboarding"])
        #expect(calendar.closures == [.yearEnd(), .obon(name: "夏季休業")])
        let webinar = items[3]
        #expect(webinar == ScheduledItem(
            id: "webinar", title: "顧客向けウェビナー", kind: .webinar, rule: .monthlyNthWeekday(n: 3, weekday: 3),
            time: LocalTime(hour: 15, minute: 0) ?? webinar.time, durationMinutes: 60, policy: .skip,
            audience: .customers, description: "新機能の紹介と質疑応答。録画は後日公開します。",
            url: try SafeURL("https://example.com/webinar")))
        #expect(items[0].policy == .previousBusinessDay)
        #expect(items[0].durationMinutes == 0)
        #expect(items[4].location == "オンライン（Zoom）")
        #expect(items[5].time == LocalTime(hour: 9, minute: 30))
    }

    @Test func policyDefaultsByKind() {
        let yaml = """
        items:
          - { id: report, title: 週報, kind: weekly-report, rule: weekly fri, time: "17:00", audience: customers }
          - { id: hours, title: オフィスアワー, kind: office-hours, rule: weekly thu, time: "14:00", duration: 60, audience: public }
        """
        let (items, _, log) = scheduleDecode(yaml)
        #expect(log.items.isEmpty)
        #expect(items.map(\.policy) == [.previousBusinessDay, .skip])
    }

    @Test func closureForms() {
        let yaml = """
        closures:
          - preset: year-end
          - { name: 夏休み, preset: obon }
          - { name: 創立記念日, date: 2027-06-01 }
          - { name: 棚卸し, from: 2027-03-30, to: 2027-03-31 }
        """
        let (items, calendar, log) = scheduleDecode(yaml)
        #expect(log.items.isEmpty)
        #expect(items.isEmpty)
        #expect(calendar.closures == [
            .yearEnd(), .obon(name: "夏休み"), .date(scheduleDay("2027-06-01"), name: "創立記念日"),
            .range(from: scheduleDay("2027-03-30"), through: scheduleDay("2027-03-31"), name: "棚卸し"),
        ])
        #expect(calendar.nonBusinessReason(scheduleDay("2027-03-31")) == "棚卸し")
        #expect(calendar.nonBusinessReason(scheduleDay("2027-08-13")) == "夏休み")
    }

    @Test func ruleErrorIsReportedAtTheRuleValue() {
        let yaml = """
        items:
          - id: webinar
            title: ウェビナー
            kind: webinar
            rule: monthly third wed
            time: "15:00"
            duration: 60
            audience: public
        """
        let (items, _, log) = scheduleDecode(yaml)
        #expect(items.isEmpty)
        #expect(log.items.map(\.description) == [
            "schedule.yaml:5:11: error: unknown position \"third\" in a monthly rule\n    hint: use 1st, 2nd, 3rd, 4th, 5th or last, e.g. `monthly 3rd wed`; for 第n営業日 write `monthly business-day n`",
        ])
    }

    @Test func fieldErrorsHaveLocationsAndHints() {
        let yaml = """
        items:
          - id: Office_Hours
            title: オフィスアワー
            kind: office-hour
            rule: weekly thu
            time: "25:00"
            duration: 2000
            policy: later
            audience: everyone
            url: example.com/booking
            color: red
        """
        let (items, _, log) = scheduleDecode(yaml)
        #expect(items.isEmpty)
        let lines = log.items.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(lines == [
            "11:5 unknown key `color` in `items` entry 1",
            "2:9 item id \"Office_Hours\" is not kebab-case",
            "4:11 `kind` must be one of weekly-report, newsletter, release, webinar, office-hours, review, onboarding, found \"office-hour\"",
            "6:11 `time` must be a time of day written HH:MM, found \"25:00\"",
            "7:15 `duration` must be between 0 and 1440, found 2000",
            "9:15 `audience` must be one of public, customers, internal, found \"everyone\"",
            "8:13 `policy` must be one of skip, previous, next, found \"later\"",
            "10:10 `url` must start with https:// or http://, found \"example.com/booking\"",
        ])
        #expect(log.items.allSatisfy { $0.severity == .error && $0.location.file == "schedule.yaml" })
        #expect(log.items.allSatisfy { !$0.hint.isEmpty })
        #expect(log.items[1].hint.contains("office-hours"))
        #expect(log.items[2].hint.hasPrefix("did you mean `office-hours`?"))
        #expect(log.items[6].hint == "write one of: skip, previous, next")
        #expect(log.items[3].hint.contains("\"14:00\""))
    }

    @Test func missingRequiredKeys() {
        let yaml = """
        items:
          - id: webinar
            kind: webinar
            rule: monthly 3rd wed
            time: "15:00"
        """
        let (items, _, log) = scheduleDecode(yaml)
        #expect(items.isEmpty)
        #expect(log.items.map(\.message) == [
            "missing required key `title`", "missing required key `duration`", "missing required key `audience`",
        ])
        #expect(log.items.allSatisfy { $0.location.line == 2 && $0.location.column == 5 && !$0.hint.isEmpty })
    }

    @Test func duplicateIDsAndIneffectivePolicy() {
        let yaml = """
        items:
          - { id: news, title: ニュース, kind: newsletter, rule: monthly business-day 1, time: "10:00", audience: public, policy: next }
          - { id: news, title: ニュース2, kind: newsletter, rule: daily, time: "10:00", audience: public }
        """
        let (items, _, log) = scheduleDecode(yaml)
        #expect(items.map(\.title) == ["ニュース"])
        #expect(log.items.map(\.description) == [
            "schedule.yaml:2:119: warning: `policy` has no effect on `monthly business-day 1`\n    hint: the rule already gives a business day; remove the `policy:` line",
            "schedule.yaml:3:11: error: duplicate item id `news`\n    hint: ids must be unique; the first is at schedule.yaml:2:11",
        ])
    }

    @Test func closureErrors() {
        let yaml = """
        closures:
          - { name: 謎 }
          - { preset: year-end, date: 2027-01-05 }
          - { preset: golden-week }
          - { date: 2027-06-01 }
          - { name: 逆, from: 2027-04-02, to: 2027-04-01 }
          - { name: 半端, from: 2027-04-02 }
          - { name: 日付, date: 2027-02-30 }
        """
        let (_, calendar, log) = scheduleDecode(yaml)
        #expect(calendar.closures.isEmpty)
        #expect(log.items.allSatisfy { !$0.hint.isEmpty })
        let lines = log.items.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(lines == [
            "2:5 closure has no dates",
            "3:5 closure mixes several kinds of dates",
            "4:15 `preset` must be one of year-end, obon, found \"golden-week\"",
            "5:5 missing required key `name`",
            "6:38 closure `to` (2027-04-01) is before `from` (2027-04-02)",
            "7:5 missing required key `to`",
            "8:23 `date` 2027-02-30 is not a day: February 2027 has 28 days",
        ])
    }

    @Test func wholeFileEntryPoint() {
        let log = DiagnosticLog()
        let (items, _) = ScheduleLoader.decode(yaml: "items: 3\nextra: 1\n", file: "data/schedule.yaml", log: log)
        #expect(items.isEmpty)
        #expect(log.items.map(\.message) == ["unknown key `extra` in data/schedule.yaml", "`items` must be a list of entries starting with `- `"])
    }
}
