extension ScheduledItem {
    /// Who may see an item. Raw values are the `audience:` spellings.
    public enum Audience: String, Hashable, Sendable, CaseIterable {
        /// Anyone: shown on the public site and in its calendar feed.
        case `public`
        /// Customers (signed-in or invited).
        case customers
        /// Staff only; never published on the public site.
        case `internal`
    }
}
