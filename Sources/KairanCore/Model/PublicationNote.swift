/// What a writer adds to a computed publication: the weekly status report's note
/// (`content/reports/weekly/<YYYY>-W<ww>.md`) or the monthly newsletter
/// (`content/newsletters/<YYYY>-<MM>.md`). Everything else in them is computed from data.
public struct PublicationNote: Sendable, Equatable {
    public var sourcePath: String
    /// `2026-W47` or `2026-11` (the file name).
    public var id: String
    public var title: String?
    public var summary: String
    /// The newsletter's `date:` (its send day); nil for weekly reports, whose day is the schedule's.
    public var date: CivilDate?
    /// Newsletter tips: `<category>/<slug>` of help articles; empty: the articles tagged `tips`.
    public var tips: [String]
    /// A sentence or two put before the tips.
    public var tipsIntro: String
    public var tipsLocation: SourceLocation
    public var draft: Bool
    public var body: MarkdownSource
    public var location: SourceLocation
}
