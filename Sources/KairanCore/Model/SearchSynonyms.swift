/// Words the search treats as one (`content/data/synonyms.yaml`): a query for any word of a group
/// finds pages containing any of them (ログイン finds サインイン).
public struct SearchSynonyms: Sendable, Equatable {
    /// Each group's words as written.
    public var groups: [[String]] = []
    /// The file they were read from, when it exists.
    public var source: String?

    public init(groups: [[String]] = [], source: String? = nil) {
        self.groups = groups
        self.source = source
    }
}
