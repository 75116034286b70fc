/// One improvement in `backlog.yaml`: what, how big, how valuable, when, and who asked and approved.
public struct BacklogItem: Hashable, Sendable {
    /// E.g. `BL-006`.
    public var id: String
    public var title: String
    /// Free word such as `Feature`, `Enhancement`, `Bug`, `Security`.
    public var category: String
    public var priority: BacklogPriority
    /// T-shirt size: `XS`, `S`, `M`, `L`, `XL`.
    public var estimate: String
    /// Business value 1…10.
    public var value: Int
    /// The team that owns it, e.g. `Backend`.
    public var owner: String
    public var horizon: BacklogHorizon
    /// The due date; nil when the item is planned by `milestone` instead.
    public var due: CivilDate?
    /// The release it is planned for (`v2.0`); nil when it has a `due` date.
    public var milestone: String?
    public var status: BacklogStatus
    /// When it was finished; set for `done` items.
    public var doneOn: CivilDate?
    /// The clinics that asked for it.
    public var requestedBy: [String]
    /// Who approved it, e.g. `Tech Lead`; nil when not approved yet.
    public var approvedBy: String?
    public var notes: String
    /// Where the entry starts in `backlog.yaml`.
    public var location: SourceLocation

    public init(id: String, title: String, category: String = "", priority: BacklogPriority = .medium, estimate: String = "M",
                value: Int = 5, owner: String = "", horizon: BacklogHorizon, due: CivilDate? = nil, milestone: String? = nil,
                status: BacklogStatus = .proposed, doneOn: CivilDate? = nil, requestedBy: [String] = [], approvedBy: String? = nil,
                notes: String = "", location: SourceLocation = SourceLocation(file: "backlog.yaml")) {
        self.id = id
        self.title = title
        self.category = category
        self.priority = priority
        self.estimate = estimate
        self.value = value
        self.owner = owner
        self.horizon = horizon
        self.due = due
        self.milestone = milestone
        self.status = status
        self.doneOn = doneOn
        self.requestedBy = requestedBy
        self.approvedBy = approvedBy
        self.notes = notes
        self.location = location
    }

    /// Whether the item counts as done at `date`: status `done` and finished on or before the date
    /// (an item without `done_on` counts as done whenever its status says so).
    public func isDone(at date: CivilDate?) -> Bool {
        guard status == .done else { return false }
        guard let date, let doneOn else { return true }
        return doneOn <= date
    }
}
