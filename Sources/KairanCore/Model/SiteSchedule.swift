/// The site's publication schedule and business calendar: `schedule:` in site.yaml, either
/// inline (`closures:`, `items:`) or as the path of a YAML file holding the same.
public struct SiteSchedule: Sendable, Equatable {
    /// Recurring publications and events, in file order.
    public var items: [ScheduledItem]
    /// National holidays plus the company's closures.
    public var calendar: BusinessCalendar
    /// Where the schedule was written (for messages).
    public var source: String
    /// Ids of items left out for their errors (what refers to them reports nothing more).
    public var rejectedIDs: Set<String> = []

    public init(items: [ScheduledItem] = [], calendar: BusinessCalendar = BusinessCalendar(), source: String = "site.yaml") {
        self.items = items
        self.calendar = calendar
        self.source = source
    }

    /// The first item of a kind.
    public func item(kind: ScheduledItem.Kind) -> ScheduledItem? { items.first { $0.kind == kind } }
}
