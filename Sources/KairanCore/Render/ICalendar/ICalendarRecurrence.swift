/// The RFC 5545 `RRULE` value (§3.3.10) for a ``ScheduleRule``.
enum ICalendarRecurrence {
    /// `FREQ=WEEKLY;BYDAY=TH`, `FREQ=MONTHLY;BYDAY=3WE`, `FREQ=MONTHLY;BYDAY=-1FR`,
    /// `FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR` (the calendar's non-weekend days), plus `;UNTIL=` when
    /// `until` is given (already in UTC form). `nil` when RRULE cannot express the rule
    /// (`monthlyNthBusinessDay`, which depends on holidays) or its weekday is out of range.
    static func rule(_ rule: ScheduleRule, calendar: BusinessCalendar, until: String?) -> String? {
        let base: String
        switch rule {
        case .weekly(let weekday):
            guard ScheduleWeekday.isValid(weekday) else { return nil }
            base = "FREQ=WEEKLY;BYDAY=" + ScheduleWeekday.iCalendarCodes[weekday]
        case .monthlyNthWeekday(let n, let weekday):
            guard ScheduleWeekday.isValid(weekday), n != 0 else { return nil }
            base = "FREQ=MONTHLY;BYDAY=\(n)" + ScheduleWeekday.iCalendarCodes[weekday]
        case .daily:
            // Monday first, as calendars list weekdays.
            let days = [1, 2, 3, 4, 5, 6, 0].filter { !calendar.weekendDays.contains($0) }
            guard !days.isEmpty else { return nil }
            base = "FREQ=DAILY;BYDAY=" + days.map { ScheduleWeekday.iCalendarCodes[$0] }.joined(separator: ",")
        case .monthlyNthBusinessDay:
            return nil
        }
        return until.map { base + ";UNTIL=" + $0 } ?? base
    }
}
