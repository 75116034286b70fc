extension ScheduledItem {
    /// One date of an item: the date its rule gives and where it actually takes place.
    public struct Occurrence: Hashable, Sendable, CustomStringConvertible {
        /// The date the rule gives.
        public let nominal: CivilDate
        /// The date after the holiday policy; `nil` when the occurrence is skipped.
        public let date: CivilDate?
        /// Why the nominal date is not a business day (`昭和の日`, `年末年始休業`); `nil` when
        /// it is one.
        public let reason: String?

        /// Creates an occurrence.
        public init(nominal: CivilDate, date: CivilDate?, reason: String? = nil) {
            self.nominal = nominal
            self.date = date
            self.reason = reason
        }

        /// Whether the occurrence does not take place.
        public var isSkipped: Bool { date == nil }

        /// Whether the policy moved it to another date.
        public var isMoved: Bool { date.map { $0 != nominal } ?? false }

        /// `2027-04-29 → skipped (昭和の日)`, `2027-01-01 → 2026-12-28 (元日)`, `2027-01-08`.
        public var description: String {
            let because = reason.map { " (\($0))" } ?? ""
            guard let date else { return "\(nominal.iso) → skipped\(because)" }
            return date == nominal ? nominal.iso : "\(nominal.iso) → \(date.iso)\(because)"
        }
    }

    /// The item's occurrences whose *nominal* date lies from `start` through `end` (both
    /// inclusive), in nominal order, after applying ``policy`` on `calendar`.
    ///
    /// The policy applies only where ``ScheduleRule/followsHolidayPolicy``; `daily` items skip
    /// non-business days and `monthlyNthBusinessDay` dates never need moving. A moved date may
    /// fall outside `start…end`. When a moved date coincides with another occurrence's date in
    /// the same list, the moved one is dropped (skipped) so that every date appears once.
    public func occurrences(from start: CivilDate, through end: CivilDate, calendar: BusinessCalendar) -> [Occurrence] {
        let policy = rule.followsHolidayPolicy ? policy : .skip
        let resolved = rule.nominalDates(from: start, through: end, calendar: calendar).map { nominal in
            (nominal: nominal, date: calendar.apply(policy, to: nominal), reason: calendar.nonBusinessReason(nominal))
        }
        var taken = Set(resolved.compactMap { $0.date == $0.nominal ? $0.nominal : nil })
        return resolved.map { entry in
            guard let date = entry.date, date != entry.nominal else {
                return Occurrence(nominal: entry.nominal, date: entry.date, reason: entry.reason)
            }
            let kept = taken.insert(date).inserted
            return Occurrence(nominal: entry.nominal, date: kept ? date : nil, reason: entry.reason)
        }
    }
}
