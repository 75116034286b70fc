/// What to do with a scheduled date (a recurring deadline, a delivery day) that lands on a
/// non-business day. Raw values are the spellings a site configuration uses.
public enum HolidayPolicy: String, Hashable, Sendable, CaseIterable {
    /// Drop the occurrence.
    case skip
    /// Move it to the business day before (前営業日).
    case previousBusinessDay
    /// Move it to the business day after (翌営業日).
    case nextBusinessDay
}
