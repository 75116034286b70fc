extension InternalViewModels {
    /// Items due within this many days of the report date are listed as approaching.
    static let dueWindowDays = 14

    /// The roadmap's values: `milestones`, `due_soon`, `approval` and `horizons` (the backlog by horizon).
    func roadmap() -> TemplateValue {
        let backlog = data.backlog ?? []
        let milestones = (data.milestones ?? []).enumerated().map { milestone($1, number: $0 + 1) }
        let horizons: [TemplateValue] = BacklogHorizon.allCases.map { horizon in
            let items = backlog.indices.filter { backlog[$0].horizon == horizon }
            let active = items.filter { backlog[$0].status != .dropped }
            return ["id": .text(horizon.rawValue), "label": .text(horizon.label), "period": .text(horizon.periodLabel),
                    "count": .number(items.count), "has_items": .flag(!items.isEmpty),
                    "done_count": .number(active.filter { backlog[$0].isDone(at: data.reportDate) }.count),
                    "active_count": .number(active.count), "items": .list(items.map(item))]
        }
        let due = dueSoon()
        let rules = ApprovalRules.standard
        // Japanese sentences for readers; the file location is kept, small, for editors.
        let issues: [TemplateValue] = data.approvalFindings.map { finding in
            let title = backlog.indices.contains(finding.item) ? backlog[finding.item].title : ""
            return ["id": .text(finding.id), "href": .text("#" + anchor(finding.item)), "title": .text(title),
                    "message": .text(finding.japanese), "advice": .text(finding.japaneseAdvice),
                    "location": .text(finding.location.description)]
        }
        return [
            "has_backlog": .flag(data.backlog != nil), "horizons": .list(horizons),
            "has_milestones": .flag(!milestones.isEmpty), "milestones": .list(milestones),
            "due_soon": .list(due), "has_due_soon": .flag(!due.isEmpty), "due_window": .number(InternalViewModels.dueWindowDays),
            "approval": [
                "horizon": .text(BacklogHorizon.immediate.label),
                "criteria": .text("要望\(rules.minimumClinics)院以上・ビジネス価値\(rules.minimumValue)以上・\(rules.approver)承認済み"),
                "issues": .list(issues), "has_issues": .flag(!issues.isEmpty),
            ],
        ]
    }

    /// The HTML id of backlog item `index`'s row: `item-BL-001`, or `item-3` when the id is not a plain slug.
    func anchor(_ index: Int) -> String {
        let id = "item-" + (data.backlog?[index].id ?? "")
        return SVGFormat.isSafeID(id) ? id : "item-\(index + 1)"
    }

    /// One backlog row with its details (requesters, approver, notes).
    private func item(_ index: Int) -> TemplateValue {
        let item = data.backlog![index]
        var clinics: [String] = []
        for clinic in item.requestedBy where !clinics.contains(clinic) { clinics.append(clinic) }
        return [
            "id": .text(item.id), "anchor": .text(anchor(index)), "title": .text(item.title),
            "category": .text(BacklogCategory.label(item.category)), "category_key": .text(item.category),
            "priority": ["key": .text(item.priority.rawValue), "label": .text(item.priority.label)],
            "estimate": .text(item.estimate), "value": .number(item.value), "owner": .text(item.owner),
            "due": item.due.map(PublicViewModels.date) ?? .flag(false), "milestone": .text(item.milestone ?? ""),
            "status": ["key": .text(item.status.rawValue), "label": .text(item.status.label)],
            "done": .flag(item.isDone(at: data.reportDate)),
            "done_on": item.doneOn.map(PublicViewModels.date) ?? .flag(false),
            "requested_by": .list(clinics.map { .text($0) }), "requested_count": .number(clinics.count),
            "approved_by": .text(item.approvedBy ?? ""), "notes": .text(item.notes),
        ]
    }

    /// Items not done nor dropped whose due date is past or within `dueWindowDays` of the report date, soonest first.
    private func dueSoon() -> [TemplateValue] {
        let backlog = data.backlog ?? []
        let today = data.reportDate
        let limit = today.adding(days: InternalViewModels.dueWindowDays)
        let due = backlog.indices.filter { index in
            let item = backlog[index]
            guard let date = item.due, item.status != .dropped, !item.isDone(at: today) else { return false }
            return date <= limit
        }.sorted { (backlog[$0].due!, backlog[$0].id) < (backlog[$1].due!, backlog[$1].id) }
        return due.map { index in
            let item = backlog[index]
            let days = item.due!.daysSinceEpoch - today.daysSinceEpoch
            let left = days > 0 ? "あと\(days)日" : days == 0 ? "今日が期限" : "\(-days)日超過"
            return ["id": .text(item.id), "href": .text("#" + anchor(index)), "title": .text(item.title),
                    "owner": .text(item.owner), "due": PublicViewModels.date(item.due!), "days_left": .text(left),
                    "overdue": .flag(days < 0), "status": .text(item.status.label)]
        }
    }

    /// One phase with its progress and checklist.
    private func milestone(_ progress: MilestoneProgress, number: Int) -> TemplateValue {
        let phase = progress.milestone
        let anchor = SVGFormat.isSafeID("phase-" + phase.id) ? "phase-" + phase.id : "phase-\(number)"
        let state = progress.state
        let percent = Int(progress.percent.rounded())
        return [
            "id": .text(phase.id), "anchor": .text(anchor), "name": .text(phase.name), "goal": .text(phase.goal),
            "start": phase.start.map(PublicViewModels.date) ?? .flag(false), "due": phase.due.map(PublicViewModels.date) ?? .flag(false),
            "state": ["key": .text(state.rawValue), "label": .text(state.label), "icon": .text(state.icon)],
            "done": .number(progress.doneCount), "total": .number(progress.total), "percent": .number(percent),
            "progress_max": .number(max(progress.total, 1)), "progress_value": .number(progress.total == 0 ? 1 : progress.doneCount),
            "progress_label": .text("\(progress.total)項目中\(progress.doneCount)項目完了（\(percent)%）"),
            "judged_at_due": progress.judgedAtDue(reportDate: data.reportDate) ? progress.judgedAt.map(PublicViewModels.date) ?? .flag(false) : .flag(false),
            "checks": .list(progress.checks.map { check in
                ["title": .text(check.check.title), "done": .flag(check.done), "icon": .text(check.done ? "✓" : "✕"),
                 "label": .text(check.done ? "達成" : "未達成"), "detail": .text(check.detail)]
            }),
        ]
    }
}
