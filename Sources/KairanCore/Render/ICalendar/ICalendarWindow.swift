/// The span of dates a calendar file publishes.
///
/// Exceptions (`EXDATE`, `RDATE`) and single-date events are listed for nominal dates from
/// ``start`` through ``end``. A bounded window also ends every series there (`UNTIL`); an
/// open-ended one lets series run on, so dates after ``end`` carry no holiday exceptions
/// until the file is rebuilt with a later window.
public struct ICalendarWindow: Hashable, Sendable {
    /// The first date published.
    public var start: CivilDate
    /// The last date whose exceptions are listed.
    public var end: CivilDate
    /// Whether series stop at ``end`` (`RRULE …;UNTIL=`).
    public var isBounded: Bool

    /// A window from `start` through `end`, both inclusive.
    public init(from start: CivilDate, through end: CivilDate, isBounded: Bool = true) {
        self.start = start
        self.end = end
        self.isBounded = isBounded
    }
}
