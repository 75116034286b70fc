/// How the render stage makes one planned output: which page or file of which channel.
enum RenderJob: Sendable, Equatable {
    // The help center (`SitePages`).
    case home, category(Int), section(Int), article(Int), tag(Int), tagIndex, support, notFound
    // Old URLs (`RedirectPages`): one redirect by index into `ResolvedSite.redirects`, and `_redirects`.
    case redirect(Int), redirects
    // Release notes (`ReleasePages`, `ReleaseFeeds`): an entry of `ReleaseNotes` with its pager
    // neighbours of the same audience.
    case release(Int, newer: Int?, older: Int?)
    case releaseIndex(ReleaseType?)
    case atomFeed, jsonFeed, inAppData
    // Training (`TrainingPages`): programs by index, events by index into the customers' schedule items.
    case trainingIndex, trainingMaterials, trainingProgram(Int), trainingEvent(Int), trainingCalendar, eventCalendar(Int)
    // Internal pages (`InternalPages`, `KPIExport`).
    case kpiIndex, kpi(Int), roadmap, kpiJSON, kpiCSV
    // The home pages of the customers' portal (`PortalHomePage`) and of the internal tree (`InternalHomePage`).
    case portalHome, internalHome
    // The content-health page (`ContentHealthPage`), made once every page's links are known.
    case contentHealth
    // Files: a theme asset by its path under `templates/assets/`, a site file copied as it is.
    case themeAsset(String), copy(String)
    case sitemap, robots
    // Mailed publications (`PublicationEmails`, `PublicationArchive`): an issue by its kind and
    // index into `Publications`, as one part of its email or as its archive page.
    case email(PublicationKind, Int, EmailPart), outbox, emailIndex
    case publicationPage(PublicationKind, Int), publicationIndex(PublicationKind), publicationFeed(PublicationKind)
    // Search (`SearchIndex`): the results page; the index files, rendered once every page's text is known.
    case searchPage, searchFile(Int)
}

/// The three files of one email: the message, and its HTML and text parts for reading.
enum EmailPart: String, Sendable, CaseIterable {
    case message = "eml", html, text = "txt"

    var kind: OutputKind {
        switch self {
        case .message: return .emailMessage
        case .html: return .emailHTML
        case .text: return .emailText
        }
    }
}
