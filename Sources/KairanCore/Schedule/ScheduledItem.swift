/// One recurring entry of the publication and event schedule: a weekly report, a newsletter,
/// a release, a webinar, office hours, an internal review or an onboarding session.
///
/// Times are wall-clock times in Asia/Tokyo; dates come from ``rule`` on the site's
/// ``BusinessCalendar`` and ``policy``.
public struct ScheduledItem: Hashable, Sendable {
    /// Stable kebab-case identifier (`office-hours`); the basis of iCalendar UIDs and URLs.
    public var id: String
    /// The Japanese title, e.g. `オフィスアワー`.
    public var title: String
    /// What sort of item this is.
    public var kind: Kind
    /// When it recurs.
    public var rule: ScheduleRule
    /// The start time on each date.
    public var time: LocalTime
    /// How long it lasts; 0 for a point in time (a publication).
    public var durationMinutes: Int
    /// What happens to a nominal date that is not a business day.
    public var policy: HolidayPolicy
    /// Who may see it.
    public var audience: Audience
    /// Optional longer text, plain.
    public var description: String?
    /// Optional place, e.g. `オンライン（Zoom）` or a meeting room.
    public var location: String?
    /// Optional link, e.g. the booking or registration page.
    public var url: SafeURL?

    /// Creates an item.
    public init(
        id: String, title: String, kind: Kind, rule: ScheduleRule, time: LocalTime, durationMinutes: Int,
        policy: HolidayPolicy, audience: Audience, description: String? = nil, location: String? = nil,
        url: SafeURL? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.rule = rule
        self.time = time
        self.durationMinutes = durationMinutes
        self.policy = policy
        self.audience = audience
        self.description = description
        self.location = location
        self.url = url
    }

    /// Whether `text` is a kebab-case id: lowercase ASCII letters and digits in groups joined
    /// by single hyphens (`weekly-report`, `review-2`).
    public static func isValidID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return !text.isEmpty && groups.allSatisfy { group in
            !group.isEmpty && group.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }
}
