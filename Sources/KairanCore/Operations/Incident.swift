/// A service incident or a planned maintenance window: `content/data/incidents.yaml`.
///
/// `impact` and `summary` are public (status reports, archive pages); `internalNotes` and
/// `postmortem` are internal and reach only the team digest.
public struct Incident: Sendable, Equatable {
    /// Incident or planned maintenance.
    public enum Kind: String, Sendable, CaseIterable {
        case incident, maintenance
    }

    /// P0 (service down) … P3 (minor), seed 2.3.
    public enum Priority: String, Sendable, CaseIterable, Comparable {
        case p0 = "P0", p1 = "P1", p2 = "P2", p3 = "P3"

        public static func < (lhs: Priority, rhs: Priority) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Where an incident stands; maintenance is `scheduled` or `completed`.
    public enum Status: String, Sendable, CaseIterable {
        case investigating, identified, monitoring, resolved, scheduled, completed

        /// The label shown to readers.
        public var label: String {
            switch self {
            case .investigating: return "調査中"
            case .identified: return "原因特定"
            case .monitoring: return "経過観察中"
            case .resolved: return "解決済み"
            case .scheduled: return "予定"
            case .completed: return "完了"
            }
        }
    }

    public var id: String
    public var kind: Kind
    /// nil for maintenance.
    public var priority: Priority?
    public var start: LocalDateTime
    /// nil while an incident is open.
    public var end: LocalDateTime?
    public var status: Status
    public var impact: String
    public var clinicsAffected: Int
    /// Public Markdown.
    public var summary: MarkdownSource
    /// Internal only.
    public var internalNotes: String
    /// Internal only.
    public var postmortem: SafeURL?
    public var location: SourceLocation

    /// Minutes from start to end; nil while open.
    public var durationMinutes: Int? { end.map { $0.minutesSinceEpoch - start.minutesSinceEpoch } }

    /// Whether any part of it falls on the days `range`.
    public func overlaps(_ range: ClosedRange<CivilDate>) -> Bool {
        start.date <= range.upperBound && (end?.date ?? range.upperBound) >= range.lowerBound
    }
}
