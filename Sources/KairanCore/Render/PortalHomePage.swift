/// `/` of the customers' portal (`output/customers/index.html`): what the portal holds — training
/// programs and recurring events with the calendar, the customers' release notes, the weekly
/// reports and newsletters — in the portal's layout. Only customers' data: programs, events and
/// releases of the customers audience, never the internal tree's.
struct PortalHomePage: Sendable {
    static let template = "customers/index"

    let theme: Theme
    /// The portal's page values (its base URL and navigation).
    let portal: PublicViewModels
    let training: TrainingPages?
    let notes: ReleaseNotes
    let navigation: SiteNavigation

    /// How many of the newest customers' releases are listed.
    static let releaseCount = 5

    func page() -> OutputFile {
        let path = SitePaths.home
        var context = TrainingPages.portal(portal.page(title: "", description: "研修・イベント、お客様向けリリースノート、ステータスレポートとニュースレターのご案内",
                                                       path: path, kind: "portal-home"),
                                           models: portal, hasTraining: training != nil)
        let releases = notes.entries.filter { $0.release.audience == .customers }
        let releasePages = ReleasePages(theme: theme, models: portal, notes: notes)
        let href = portal.paths.href
        context["portal"] = [
            "has_training": .flag(training != nil),
            "training_href": .text(href(TrainingPages.indexPath)), "materials_href": .text(href(TrainingPages.materialsPath)),
            "ics_href": .text(href(TrainingPages.calendarPath)),
            "programs": .list(training.map { pages in pages.training.programs.map(pages.programSummary) } ?? []),
            "events": .list(training.map { pages in pages.customerEvents.map(pages.eventSummary) } ?? []),
            "has_releases": .flag(!releases.isEmpty),
            "releases": .list(releases.prefix(PortalHomePage.releaseCount).map(releasePages.summary)),
            "has_reports": .flag(navigation.weeklyReports), "reports_href": .text(href(PublicationViewModels.weeklyIndexPath)),
            "has_newsletters": .flag(navigation.newsletters), "newsletters_href": .text(href(PublicationViewModels.newsletterIndexPath)),
            "help_center": .text(portal.helpCenterURL),
        ]
        return OutputFile(audience: .customers, path: SitePaths.file(for: path), bytes: theme.renderBytes(PortalHomePage.template, context))
    }
}
