extension SitePlanner {
    /// The home pages of the customers' portal and of the internal tree (`index.html` of each),
    /// planned when that tree has other pages: they link to what the tree holds, so a link to
    /// `/` inside it resolves and `kairan outputs` lists them.
    ///
    /// - the portal's: training (programs and events, the calendar), the customers' release notes,
    ///   the report archives (inputs: the programs' and events' metadata, the schedule, the
    ///   customers' releases, the navigation);
    /// - the internal one: the KPIs' status, the roadmap's milestones and findings, the
    ///   content-health page, the internal release notes, the KPI downloads (inputs: every
    ///   operations file and the internal releases).
    func landingPages(_ plan: SitePlan) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        if plan.outputs.contains(where: { $0.audience == .customers && $0.isPage }) {
            let schedule = site.config.schedule
            let scheduleInput: [PlanInput] = TrainingPages.customerEvents(of: schedule).isEmpty ? []
                : [schedule.source == "site.yaml" ? .config : .file(schedule.source)]
            let training = site.training.programs.map { PlanInput.metadata($0.sourcePath) }
                + site.training.events.map { PlanInput.metadata($0.sourcePath) }
            outputs.append(page(SitePaths.home, .customers, .portalHome, template: PortalHomePage.template,
                                inputs: training + scheduleInput + [.releases(.customers), .navigation], job: .portalHome))
        }
        let internalReleases = site.releases.contains { $0.audience == .internal }
        if site.operations != nil || internalReleases {
            let data = (site.operations?.sourceFiles ?? []).map(PlanInput.file)
            outputs.append(page(SitePaths.home, .internal, .internalHome, template: InternalHomePage.template,
                                inputs: data + [.releases(.internal)], job: .internalHome))
        }
        return outputs
    }
}
