extension ScheduleRule {
    /// The rule as readers see it: 毎週木曜日, 毎月第3水曜日, 毎月最終金曜日, 毎月第1営業日, 平日毎日.
    public var japanese: String {
        let names = ["日曜日", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日"]
        switch self {
        case .weekly(let weekday): return "毎週\(names[weekday])"
        case .monthlyNthWeekday(let n, let weekday): return n < 0 ? "毎月最終\(names[weekday])" : "毎月第\(n)\(names[weekday])"
        case .monthlyNthBusinessDay(let n): return n < 0 ? "毎月最終営業日" : "毎月第\(n)営業日"
        case .daily: return "平日毎日"
        }
    }
}

extension LocalTime {
    /// `15:00`.
    public var text: String { "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)" }

    /// The time `minutes` later, wrapping at midnight.
    public func adding(minutes: Int) -> LocalTime {
        let total = (minutesSinceMidnight + minutes) % (24 * 60)
        return LocalTime(hour: total / 60, minute: total % 60) ?? self
    }
}

extension ScheduledItem {
    /// `2026年12月16日（水）15:00〜16:00` for an occurrence on `date`.
    public func japaneseWhen(_ date: CivilDate) -> String {
        let start = JapaneseDateFormat.long(date) + time.text
        return durationMinutes > 0 ? start + "〜" + time.adding(minutes: durationMinutes).text : start
    }
}
