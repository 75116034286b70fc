/// Customer training content (seed section 4): programs, materials, and the pages of recurring events.
public struct Training: Sendable, Equatable {
    /// A training program with its sessions: オンボーディング, 管理者向け高度トレーニング.
    public struct Program: Sendable, Equatable {
        /// One session of a program.
        public struct Session: Sendable, Equatable {
            public var title: String
            public var minutes: Int
            public var topics: [String]
        }

        public var id: String
        public var title: String
        public var summary: String
        public var audience: String
        public var when: String
        public var weight: Int
        public var sessions: [Session]
        public var body: MarkdownSource
        public var sourcePath: String

        /// The total length of the sessions.
        public var totalMinutes: Int { sessions.reduce(0) { $0 + $1.minutes } }
    }

    /// A training material: manual, video tutorial, quick-reference guide.
    public struct Material: Sendable, Equatable {
        public var id: String
        public var title: String
        public var summary: String
        /// `manual`, `video` or `quick-reference`.
        public var kind: String
        public var format: String
        public var minutes: Int?
        /// A help article (its source path) the material is published as.
        public var article: String?
        /// Where `article:` is written, for errors about it.
        public var articleLocation: SourceLocation?
        public var url: SafeURL?
        public var updated: CivilDate?
        public var weight: Int
        public var body: MarkdownSource
        public var sourcePath: String
    }

    /// The page of a recurring event; its dates come from the schedule item with the same id.
    public struct Event: Sendable, Equatable {
        /// A month's theme (webinars).
        public struct Theme: Sendable, Equatable {
            public var month: String
            public var title: String
        }

        public var id: String
        public var title: String
        public var summary: String
        public var themes: [Theme]
        public var weight: Int
        public var body: MarkdownSource
        public var sourcePath: String
    }

    public var programs: [Program] = []
    public var materials: [Material] = []
    public var events: [Event] = []

    public init() {}

    /// Whether the site has any training content.
    public var isEmpty: Bool { programs.isEmpty && materials.isEmpty && events.isEmpty }
}
