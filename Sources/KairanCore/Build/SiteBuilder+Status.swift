/// The service-status and mailing data of `content/data/`: incidents and maintenance, feedback,
/// known issues and the mailing lists. Mixed by nature: public fields (an incident's summary, a
/// known issue's workaround) reach customers' reports; internal ones (internal notes, clinic
/// names) only the team digest — see `PublicationViewModels`.
struct StatusData: Sendable {
    var incidents: [Incident] = []
    var feedback: [FeedbackItem] = []
    var knownIssues: [KnownIssue] = []
    var lists = MailingLists()
    /// The files read, relative to the site folder (for the plan's inputs).
    var sourceFiles: [String] = []

    static let incidentsFile = SiteBuilder.operationsFolder + "/incidents.yaml"
    static let feedbackFile = SiteBuilder.operationsFolder + "/feedback.yaml"
    static let knownIssuesFile = SiteBuilder.operationsFolder + "/known_issues.yaml"
    static let recipientsFile = SiteBuilder.operationsFolder + "/recipients.yaml"
}

extension SiteBuilder {
    /// Step 1 (status) — loads each of the four files that exists.
    func loadStatusData(from content: FileSystem, log: DiagnosticLog) -> StatusData {
        var data = StatusData()
        if let file = operationsFile(StatusData.incidentsFile, from: content, log: log) {
            data.incidents = IncidentLoader.load(file, log: log)
            data.sourceFiles.append(file.path)
        }
        if let file = operationsFile(StatusData.feedbackFile, from: content, log: log) {
            data.feedback = FeedbackLoader.load(file, log: log)
            data.sourceFiles.append(file.path)
        }
        if let file = operationsFile(StatusData.knownIssuesFile, from: content, log: log) {
            data.knownIssues = KnownIssueLoader.load(file, log: log)
            data.sourceFiles.append(file.path)
        }
        if let file = operationsFile(StatusData.recipientsFile, from: content, log: log) {
            data.lists = MailingListsLoader.load(file, log: log)
            data.sourceFiles.append(file.path)
        }
        return data
    }
}
