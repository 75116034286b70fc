/// The site's settings, from `site.yaml`.
public struct SiteConfig: Sendable, Equatable {
    /// One entry of the main navigation.
    public struct NavigationItem: Sendable, Equatable {
        public var title: String
        /// A site path (`/releases/`) or an absolute URL.
        public var url: SafeURL
    }

    /// A way to reach support (seed 2.2): mail, chat, phone.
    public struct SupportChannel: Sendable, Equatable {
        public var name: String
        /// `email`, `chat`, `phone` or `web`: decides the link made from `address`.
        public var kind: String
        public var address: String
        /// The link made from `address` (`mailto:`, `tel:`, the web address), when there is one.
        public var link: SafeURL?
        public var hours: String
        public var response: String
        public var note: String
    }

    /// One row of the SLA table (seed 2.1).
    public struct ServiceLevel: Sendable, Equatable {
        public var tier: String
        public var scope: String
        public var firstResponse: String
        public var resolution: String
    }

    /// The support block shown on the support page and in the footer.
    public struct Support: Sendable, Equatable {
        public var hours: String = ""
        public var intro: String = ""
        public var channels: [SupportChannel] = []
        public var sla: [ServiceLevel] = []
    }

    /// `generate:` — which of the files Kairan writes at the public root it writes; a site that
    /// ships its own in `static/` turns Kairan's off (the two would collide).
    public struct GeneratedFiles: Sendable, Equatable {
        public var robots = true
        public var sitemap = true
        public var redirects = true
    }

    public var title: String
    public var baseURL: String
    public var language: String = "ja"
    public var timezone: String = "Asia/Tokyo"
    public var description: String = ""
    public var copyright: String = ""
    /// Where every page's feedback link points (seed 5.3.1).
    public var feedbackURL: SafeURL?
    /// `edit_url`: where a page's 「このページを編集」 link points, made from its source path.
    public var editURL: EditURLPattern?
    /// `social_image`: the image link previews (OpenGraph, Twitter card) show for a page without its own.
    public var socialImage: SafeURL?
    /// When true, raw HTML in Markdown is kept (GFM's tagfilter still applies); else it is escaped.
    public var allowRawHTML: Bool = false
    public var navigation: [NavigationItem] = []
    public var support: Support = Support()
    /// The schedule and business calendar; empty when site.yaml has no `schedule:`.
    public var schedule: SiteSchedule = SiteSchedule()
    /// Where the customers' pages (training, reports) are served; defaults to `base_url`.
    public var customersBaseURL: String = ""
    /// The file `schedule:` names, when it names one.
    public var schedulePath: String?
    /// `limits:` — how large a file the build reads as text.
    public var limits = SiteLimits()
    /// `mail:` — sender and sendmail command; nil when the site sends no email.
    public var mail: MailSettings?
    /// `generate:`.
    public var generate = GeneratedFiles()
    /// `content_health: stale_months:` — after how many months without `updated` an article is listed as stale.
    public var staleMonths = 6

    public init(title: String, baseURL: String) {
        self.title = title
        self.baseURL = baseURL
    }
}
