/// The value of the `.navigation` plan input: what the pages' navigation links to besides the
/// items of `site.yaml`. The public header links to release notes while a public release exists;
/// the portal's header to training and to the report archives while they have pages.
public struct SiteNavigation: Sendable, Equatable {
    public var publicReleases = false
    public var training = false
    public var weeklyReports = false
    public var newsletters = false

    public init() {}

    init(_ site: ResolvedSite) {
        publicReleases = site.releases.contains { $0.audience == .public }
        training = !site.training.isEmpty || !TrainingPages.customerEvents(of: site.config.schedule).isEmpty
        weeklyReports = !site.publications.weekly.isEmpty
        newsletters = !site.publications.newsletters.isEmpty
    }
}
