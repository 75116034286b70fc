/// Writes the schedule as iCalendar (RFC 5545) text for calendar apps: a feed of many items,
/// one item's series, or one dated event.
///
/// Output is deterministic: `DTSTAMP` is the build instant given at creation (never the wall
/// clock), items keep the order given, and exceptions are sorted by date. Lines end in CRLF and
/// are folded at 75 octets between UTF-8 characters. All times are Asia/Tokyo, declared in a
/// `VTIMEZONE`.
///
/// A rule RRULE can express becomes one `VEVENT` (`UID:<id>@<host>`) whose `RRULE` names the
/// nominal dates, with an `EXDATE` for every nominal date in the window that is not a business
/// day and an `RDATE` for each date the holiday policy moved an occurrence to. A
/// `monthly business-day` rule becomes one `VEVENT` per date (`UID:<id>-<yyyymmdd>@<host>`).
public struct ICalendarWriter: Hashable, Sendable {
    /// The domain in UIDs, e.g. `help.example.com`.
    public var host: String
    /// The build instant written as every `DTSTAMP`, in seconds since 1970-01-01T00:00:00Z
    /// (``BuildClock/secondsSinceEpoch``).
    public var stampSecondsSinceEpoch: Int64

    /// A writer stamping its events with the build instant.
    public init(host: String, stampSecondsSinceEpoch: Int64) {
        self.host = host
        self.stampSecondsSinceEpoch = stampSecondsSinceEpoch
    }

    /// A calendar named `name` (`X-WR-CALNAME`) holding `items` over `window`, their dates
    /// worked out on `businessCalendar`. Items with no date taking place in the window are left
    /// out. A series starts (`DTSTART`) at its first nominal date in the window and, when the
    /// window is bounded, ends (`UNTIL`) at its last, even when those dates are excluded.
    public func calendar(
        name: String, items: [ScheduledItem], window: ICalendarWindow, businessCalendar: BusinessCalendar
    ) -> String {
        document(name: name) { content in
            for item in items { content.append(events(item, window: window, businessCalendar: businessCalendar)) }
        }
    }

    /// The file for one item's page: its series (or dated events) over `window`, the calendar
    /// named after the item.
    public func calendar(for item: ScheduledItem, window: ICalendarWindow, businessCalendar: BusinessCalendar) -> String {
        calendar(name: item.title, items: [item], window: window, businessCalendar: businessCalendar)
    }

    /// The file for one dated event page: a single `VEVENT` for `item` on `date`, with UID
    /// `<id>-<yyyymmdd>@<host>`, whatever the rule and policy say about that date.
    public func singleEvent(_ item: ScheduledItem, on date: CivilDate) -> String {
        document(name: item.title) { content in content.append(single(item, on: date)) }
    }

    /// The UID of `item`'s series, or of its single event on `date`.
    public func uid(for item: ScheduledItem, on date: CivilDate? = nil) -> String {
        guard let date else { return "\(item.id)@\(host)" }
        return "\(item.id)-\(ICalendarDateTime.date(date))@\(host)"
    }

    // MARK: - Components

    private func document(name: String, body: (inout ICalendarContent) -> Void) -> String {
        var content = ICalendarContent()
        content.component("VCALENDAR") { calendar in
            calendar.add("VERSION", "2.0")
            calendar.add("PRODID", "-//Kairan//Kairan//JA")
            calendar.add("CALSCALE", "GREGORIAN")
            calendar.add("METHOD", "PUBLISH")
            calendar.addText("X-WR-CALNAME", name)
            calendar.add("X-WR-TIMEZONE", ICalendarTimeZone.tzid)
            calendar.append(ICalendarTimeZone.component)
            body(&calendar)
        }
        return content.text
    }

    /// The VEVENTs of `item` over `window`.
    private func events(
        _ item: ScheduledItem, window: ICalendarWindow, businessCalendar: BusinessCalendar
    ) -> ICalendarContent {
        let occurrences = item.occurrences(from: window.start, through: window.end, calendar: businessCalendar)
        guard let first = occurrences.first, let last = occurrences.last, occurrences.contains(where: { !$0.isSkipped })
        else { return ICalendarContent() }
        let minutes = item.time.minutesSinceMidnight
        let until = window.isBounded ? ICalendarDateTime.utc(last.nominal, minutes: minutes) : nil
        guard let rule = ICalendarRecurrence.rule(item.rule, calendar: businessCalendar, until: until) else {
            var content = ICalendarContent()
            for date in occurrences.compactMap(\.date) { content.append(single(item, on: date)) }
            return content
        }
        var content = ICalendarContent()
        content.component("VEVENT") { event in
            addCommon(item, uid: uid(for: item), start: first.nominal, to: &event)
            event.add("RRULE", rule)
            for occurrence in occurrences where occurrence.date != occurrence.nominal {
                event.add(localProperty("EXDATE"), ICalendarDateTime.local(occurrence.nominal, minutes: minutes))
            }
            for occurrence in occurrences where occurrence.isMoved {
                guard let date = occurrence.date else { continue }
                event.add(localProperty("RDATE"), ICalendarDateTime.local(date, minutes: minutes))
            }
        }
        return content
    }

    private func single(_ item: ScheduledItem, on date: CivilDate) -> ICalendarContent {
        var content = ICalendarContent()
        content.component("VEVENT") { event in addCommon(item, uid: uid(for: item, on: date), start: date, to: &event) }
        return content
    }

    /// UID, DTSTAMP, DTSTART, DTEND (when the item has a duration), SUMMARY, DESCRIPTION,
    /// LOCATION, URL and CATEGORIES.
    private func addCommon(_ item: ScheduledItem, uid: String, start: CivilDate, to event: inout ICalendarContent) {
        let minutes = item.time.minutesSinceMidnight
        event.addText("UID", uid)
        event.add("DTSTAMP", ICalendarDateTime.utc(secondsSinceEpoch: stampSecondsSinceEpoch))
        event.add(localProperty("DTSTART"), ICalendarDateTime.local(start, minutes: minutes))
        if item.durationMinutes > 0 {
            event.add(localProperty("DTEND"), ICalendarDateTime.local(start, minutes: minutes + item.durationMinutes))
        }
        event.addText("SUMMARY", item.title)
        if let description = item.description, !description.isEmpty { event.addText("DESCRIPTION", description) }
        if let location = item.location, !location.isEmpty { event.addText("LOCATION", location) }
        if let url = item.url.map({ ICalendarText.uri($0.text) }), !url.isEmpty { event.add("URL", url) }
        event.addText("CATEGORIES", item.kind.rawValue)
    }

    private func localProperty(_ name: String) -> String { "\(name);TZID=\(ICalendarTimeZone.tzid)" }
}
