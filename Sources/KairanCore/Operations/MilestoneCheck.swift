/// One checklist entry of a milestone: ticked by hand (`done: true`) or computed by a rule.
public struct MilestoneCheck: Hashable, Sendable {
    /// How an entry is decided.
    public enum Kind: Hashable, Sendable {
        /// Ticked by hand.
        case manual(done: Bool)
        /// Computed from the backlog or a KPI.
        case rule(MilestoneRule)
    }

    public var title: String
    public var kind: Kind
    /// Where the entry is in `milestones.yaml`.
    public var location: SourceLocation

    public init(title: String, kind: Kind, location: SourceLocation = SourceLocation(file: "milestones.yaml")) {
        self.title = title
        self.kind = kind
        self.location = location
    }
}
