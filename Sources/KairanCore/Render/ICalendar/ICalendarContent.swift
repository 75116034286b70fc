/// An iCalendar object under construction: content lines in order, written out folded and
/// CRLF-terminated.
struct ICalendarContent {
    private(set) var lines: [String] = []

    /// Appends `NAME:value` (or `NAME;PARAMS:value`); `value` must already be escaped.
    mutating func add(_ name: String, _ value: String) { lines.append("\(name):\(value)") }

    /// Appends `NAME:text` with `text` escaped as TEXT.
    mutating func addText(_ name: String, _ text: String) { add(name, ICalendarText.escape(text)) }

    /// Appends the lines of another object.
    mutating func append(_ other: ICalendarContent) { lines += other.lines }

    /// `BEGIN:name`, the lines `body` adds, `END:name`.
    mutating func component(_ name: String, _ body: (inout ICalendarContent) -> Void) {
        add("BEGIN", name)
        body(&self)
        add("END", name)
    }

    /// Every line folded and ended with CRLF.
    var text: String { lines.map { ICalendarText.fold($0) + "\r\n" }.joined() }
}
