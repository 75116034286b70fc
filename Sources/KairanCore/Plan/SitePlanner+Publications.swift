extension SitePlanner {
    /// The email templates by kind.
    static func emailTemplate(_ kind: PublicationKind) -> String { "email/\(kind.rawValue)" }

    /// Every issue's email (`email/<kind>/<id>.{eml,html,txt}`), the outbox and the emails'
    /// index; the customers' archive of weekly reports and newsletters with their feeds.
    /// Emails are planned only when `site.yaml` has `mail:` (a message needs a sender).
    func publications() -> [PlannedOutput] {
        let publications = site.publications
        guard !publications.isEmpty else { return [] }
        // The digest reads every data file; the weekly report the status files, the uptime KPI and the backlog.
        let data = (site.status.sourceFiles + (site.operations?.sourceFiles ?? [])).sorted().map(PlanInput.file)
        let weeklyData = (site.status.sourceFiles + (site.operations?.sourceFiles ?? []).filter { file in
            file == OperationsData.kpiDefinitionFile || file == OperationsData.metricsFile(of: "uptime") || file.hasSuffix("/backlog.yaml")
        }).sorted().map(PlanInput.file)
        let schedule: [PlanInput] = site.config.schedulePath.map { [.file($0)] } ?? []
        let releases: [PlanInput] = [.releases(.public), .releases(.customers)]
        var outputs: [PlannedOutput] = []
        func inputs(_ kind: PublicationKind, _ index: Int) -> [PlanInput] {
            switch kind {
            case .weekly: return (publications.weekly[index].note.map { [.file($0.sourcePath)] } ?? []) + weeklyData + schedule + releases
            case .newsletter: return [.file(publications.newsletters[index].note.sourcePath), .allArticles] + schedule + releases
            case .release: return [.file(site.releasesNewestFirst[publications.releases[index].release].sourcePath)] + schedule
            case .digest: return data + schedule + releases
            }
        }
        let issues: [(PublicationKind, [String])] = [
            (.weekly, publications.weekly.map(\.week.description)), (.newsletter, publications.newsletters.map(\.note.id)),
            (.release, publications.releases.map { site.releasesNewestFirst[$0.release].version.description }),
            (.digest, publications.digests.map(\.week.description)),
        ]
        if site.config.mail != nil {
            var all: [PlanInput] = [.file(StatusData.recipientsFile)]
            for (kind, ids) in issues {
                for (index, id) in ids.enumerated() where !site.status.lists[PublicationEmails.audience(kind, index, site.publications)].isEmpty {
                    for part in EmailPart.allCases {
                        outputs.append(PlannedOutput(audience: .email, path: "\(kind.rawValue)/\(id).\(part.rawValue)", kind: part.kind,
                                                     template: SitePlanner.emailTemplate(kind),
                                                     inputs: inputs(kind, index) + [.file(StatusData.recipientsFile), .file("templates/email/style.css")],
                                                     job: .email(kind, index, part)))
                    }
                    all += inputs(kind, index)
                }
            }
            outputs.append(PlannedOutput(audience: .email, path: "outbox.json", kind: .outbox, inputs: all + [.config], job: .outbox))
            outputs.append(PlannedOutput(audience: .email, path: "index.html", kind: .emailIndex, template: "email/index", inputs: all,
                                         job: .emailIndex))
        }
        // The customers' archive: weekly reports and newsletters (release notes have their own pages).
        for (kind, ids) in issues where kind == .weekly || kind == .newsletter {
            guard !ids.isEmpty else { continue }
            let index = kind == .weekly ? PublicationViewModels.weeklyIndexPath : PublicationViewModels.newsletterIndexPath
            let feed = kind == .weekly ? PublicationViewModels.weeklyFeedPath : PublicationViewModels.newsletterFeedPath
            let every = ids.indices.flatMap { inputs(kind, $0) }
            outputs.append(page(index, .customers, kind == .weekly ? .weeklyReportIndex : .newsletterIndex,
                                template: kind == .weekly ? "customers/reports" : "customers/newsletters", inputs: every,
                                job: .publicationIndex(kind)))
            for (position, id) in ids.enumerated() {
                let path = kind == .weekly ? PublicationViewModels.weeklyPath(id) : PublicationViewModels.newsletterPath(id)
                let origin = kind == .weekly ? publications.weekly[position].note?.sourcePath : publications.newsletters[position].note.sourcePath
                outputs.append(page(path, .customers, kind == .weekly ? .weeklyReport : .newsletter,
                                    template: kind == .weekly ? "customers/report" : "customers/newsletter", origin: origin,
                                    inputs: inputs(kind, position), job: .publicationPage(kind, position)))
            }
            outputs.append(PlannedOutput(audience: .customers, path: String(feed.dropFirst()), kind: .publicationFeed,
                                         inputs: every + [.config], job: .publicationFeed(kind)))
        }
        return outputs
    }
}
