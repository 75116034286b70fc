/// A phase of the post-launch plan in `milestones.yaml` (安定化期, 改善期, 成長期) with its checklist.
public struct Milestone: Hashable, Sendable {
    /// E.g. `stabilization`.
    public var id: String
    /// E.g. `安定化期`.
    public var name: String
    /// What the phase is for.
    public var goal: String
    public var start: CivilDate?
    public var due: CivilDate?
    public var checklist: [MilestoneCheck]
    /// Where the entry starts in `milestones.yaml`.
    public var location: SourceLocation

    public init(id: String, name: String, goal: String = "", start: CivilDate? = nil, due: CivilDate? = nil,
                checklist: [MilestoneCheck] = [], location: SourceLocation = SourceLocation(file: "milestones.yaml")) {
        self.id = id
        self.name = name
        self.goal = goal
        self.start = start
        self.due = due
        self.checklist = checklist
        self.location = location
    }
}
