/// The `VTIMEZONE` every Kairan calendar carries: Asia/Tokyo, JST (UTC+9) all year.
enum ICalendarTimeZone {
    /// The TZID used on every local date-time.
    static let tzid = "Asia/Tokyo"

    /// The component's lines.
    static var component: ICalendarContent {
        var content = ICalendarContent()
        content.component("VTIMEZONE") { zone in
            zone.add("TZID", tzid)
            zone.component("STANDARD") { standard in
                standard.add("DTSTART", "19700101T000000")
                standard.add("TZOFFSETFROM", "+0900")
                standard.add("TZOFFSETTO", "+0900")
                standard.add("TZNAME", "JST")
            }
        }
        return content
    }
}
