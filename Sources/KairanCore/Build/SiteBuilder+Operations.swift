/// The team's operations data from `content/data/` (backlog, KPIs, milestones), as loaded and
/// judged at the report date. Internal by nature: only `InternalPages` and `KPIExport` read it,
/// and they write to the internal audience alone.
struct OperationsData: Sendable {
    /// The date KPIs and milestones are judged at: the build clock's today (`--date`).
    var reportDate: CivilDate
    /// The KPIs of `kpis.yaml` with their measurements; nil when the site has no `kpis.yaml`.
    var kpis: [KPI]?
    /// `kpis` judged at `reportDate`, in the same order.
    var evaluations: [KPIEvaluation] = []
    /// The items of `backlog.yaml`; nil when the site has none.
    var backlog: [BacklogItem]?
    /// The phases of `milestones.yaml` decided at `reportDate`; nil when the site has none.
    var milestones: [MilestoneProgress]?
    /// What `ApprovalRules` found (also in the build log, as warnings).
    var approvalFindings: [ApprovalFinding] = []

    /// The operations files read (for the plan's inputs), relative to the site folder.
    var sourceFiles: [String] = []
    /// Where the KPI definitions are read from.
    static let kpiDefinitionFile = SiteBuilder.operationsFolder + "/kpis.yaml"
    /// Where the KPIs' measurements are read from, one `<id>.csv` per KPI.
    static let metricsFolder = SiteBuilder.operationsFolder + "/metrics"
    /// Where one KPI's measurements are read from.
    static func metricsFile(of kpi: String) -> String { metricsFolder + "/\(kpi).csv" }

    /// Ids of every backlog item, for checking release notes' `backlog:` lists; nil without `backlog.yaml`.
    var backlogIDs: Set<String>? { backlog.map { Set($0.map(\.id)) } }
}

extension SiteBuilder {
    /// Where the operations data lives, relative to the site folder.
    static let operationsFolder = "content/data"

    /// Step 1 (operations) — loads `content/data/` (`kpis.yaml` with `metrics/*.csv`, `backlog.yaml`,
    /// `milestones.yaml`, each optional), checks the approval rules and judges KPIs and milestones at
    /// the build clock's date; nil when the site has none of these files.
    func loadOperations(from content: FileSystem, log: DiagnosticLog) -> OperationsData? {
        let folder = SiteBuilder.operationsFolder
        let kpiFile = operationsFile(OperationsData.kpiDefinitionFile, from: content, log: log)
        let backlogFile = operationsFile(folder + "/backlog.yaml", from: content, log: log)
        let milestoneFile = operationsFile(folder + "/milestones.yaml", from: content, log: log)
        let metricPaths = KnowledgeBaseLoader.collectFiles(siteDirectory: options.siteDirectory, folder: OperationsData.metricsFolder,
                                                           fileSystem: siteFiles, log: log).filter { $0.hasSuffix(".csv") }
        if kpiFile == nil, let first = metricPaths.first {
            log.warning(SourceLocation(file: first), "metrics files without \(folder)/kpis.yaml are not used",
                        hint: "define the KPIs in \(folder)/kpis.yaml")
        }
        guard kpiFile != nil || backlogFile != nil || milestoneFile != nil else { return nil }
        var data = OperationsData(reportDate: options.clock.today)
        data.sourceFiles = ([kpiFile, backlogFile, milestoneFile].compactMap { $0?.path } + (kpiFile == nil ? [] : metricPaths)).sorted()
        if let kpiFile {
            let metrics = metricPaths.compactMap { operationsFile($0, from: content, log: log) }
            let kpis = KPILoader.load(definitions: kpiFile, metrics: metrics, log: log)
            data.kpis = kpis
            data.evaluations = KPIEvaluator.evaluate(kpis, at: data.reportDate)
        }
        if let backlogFile {
            let items = BacklogLoader.load(backlogFile, log: log)
            data.backlog = items
            data.approvalFindings = ApprovalRules.standard.findings(items)
            log.append(data.approvalFindings.map(\.diagnostic))
        }
        if let milestoneFile {
            let milestones = MilestoneLoader.load(milestoneFile, log: log)
            data.milestones = MilestoneEvaluator.evaluate(milestones, backlog: data.backlog ?? [], kpis: data.kpis ?? [],
                                                          at: data.reportDate, log: log)
        }
        return data
    }

    /// The text of an operations file, or nil when it does not exist (or cannot be read, which is logged).
    func operationsFile(_ path: String, from content: FileSystem, log: DiagnosticLog) -> OperationsSourceFile? {
        guard content.kind(of: joinPath(options.siteDirectory, path)) == .file,
              let text = SourceText.read(path, siteDirectory: options.siteDirectory, fileSystem: content, log: log) else { return nil }
        return OperationsSourceFile(path: path, text: text)
    }
}
