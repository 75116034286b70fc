import Testing
@testable import KairanCore

/// Parses a `YYYY-MM-DD` literal for schedule tests; records an issue for a bad literal.
func scheduleDay(_ iso: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CivilDate {
    guard let date = CivilDate(iso: iso) else {
        Issue.record("bad date literal \(iso)", sourceLocation: sourceLocation)
        return CivilDate(daysSinceEpoch: 0)
    }
    return date
}

/// The published window of the demo: December 2026 through December 2027.
let scheduleDemoWindow = ICalendarWindow(from: CivilDate(iso: "2026-12-01") ?? CivilDate(daysSinceEpoch: 0),
                                         through: CivilDate(iso: "2027-12-31") ?? CivilDate(daysSinceEpoch: 0))

/// The demo schedule: the site's publications, customer events and internal reviews.
let scheduleDemoYAML = """
closures:
  - preset: year-end
  - name: 夏季休業
    preset: obon
items:
  - id: weekly-report
    title: 週次ステータスレポート
    kind: weekly-report
    rule: weekly fri
    time: "17:00"
    policy: previous
    audience: customers
  - id: newsletter
    title: ニュースレター
    kind: newsletter
    rule: monthly business-day 1
    time: "10:00"
    audience: public
  - id: release
    title: 定期リリース
    kind: release
    rule: monthly 2nd tue
    time: "10:00"
    policy: next
    audience: public
  - id: webinar
    title: 顧客向けウェビナー
    kind: webinar
    rule: monthly 3rd wed
    time: "15:00"
    duration: 60
    audience: customers
    description: 新機能の紹介と質疑応答。録画は後日公開します。
    url: https://example.com/webinar
  - id: office-hours
    title: オフィスアワー
    kind: office-hours
    rule: weekly thu
    time: "14:00"
    duration: 60
    policy: skip
    audience: customers
    location: オンライン（Zoom）
    url: https://example.com/booking
  - id: daily-standup
    title: 朝会
    kind: review
    rule: daily
    time: "9:30"
    duration: 15
    audience: internal
  - id: weekly-review
    title: 週次レビュー
    kind: review
    rule: weekly mon
    time: "10:00"
    duration: 60
    audience: internal
  - id: monthly-review
    title: 月次レビュー
    kind: review
    rule: monthly 1st fri
    time: "14:00"
    duration: 60
    audience: internal
  - id: backlog-review
    title: バックログレビュー
    kind: review
    rule: weekly tue
    time: "10:00"
    duration: 60
    audience: internal
  - id: onboarding
    title: 導入オンボーディング講座
    kind: onboarding
    rule: monthly last fri
    time: "13:00"
    duration: 90
    policy: previous
    audience: customers
"""

/// Decodes schedule YAML held in memory, returning the log for inspection.
func scheduleDecode(_ yaml: String, file: String = "schedule.yaml") -> (items: [ScheduledItem], calendar: BusinessCalendar, log: DiagnosticLog) {
    let log = DiagnosticLog()
    let node = YAMLDocument.parse(yaml, file: file, lineOffset: 0, log: log)
    guard let fields = YAMLFields(node, what: file, expected: ScheduleLoader.keys, file: file, lineOffset: 0, log: log) else {
        return ([], BusinessCalendar(), log)
    }
    let (items, calendar) = ScheduleLoader.decode(fields, log: log)
    return (items, calendar, log)
}

/// The decoded demo schedule; records an issue if it does not load cleanly.
func scheduleDemo(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (items: [ScheduledItem], calendar: BusinessCalendar) {
    let (items, calendar, log) = scheduleDecode(scheduleDemoYAML)
    if !log.items.isEmpty { Issue.record("demo schedule: \(log.items)", sourceLocation: sourceLocation) }
    return (items, calendar)
}

/// The demo item with `id`; fails the test when there is none.
func scheduleDemoItem(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ScheduledItem {
    try #require(scheduleDemo(sourceLocation: sourceLocation).items.first { $0.id == id }, sourceLocation: sourceLocation)
}

/// The ISO dates of a list of occurrences that take place.
func scheduleDates(_ occurrences: [ScheduledItem.Occurrence]) -> [String] {
    occurrences.compactMap(\.date?.iso)
}
