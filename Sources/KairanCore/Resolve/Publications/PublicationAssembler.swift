/// Assembles the mailed publications from the writers' notes and the site's data, as of the
/// build date: which issues exist, when each is sent, and what each shows.
///
/// Weekly reports: one per scheduled `weekly-report` occurrence from the first note's week (or
/// the build week) through the build date; a note for a later week adds that week too. A past or
/// current occurrence without a note still builds, with a warning. Digests: one per Monday of the
/// last eight weeks. Newsletters: one per note. Releases: majors and `email: true`.
struct PublicationAssembler {
    let schedule: SiteSchedule
    let weeklyNotes: [PublicationNote]
    let newsletterNotes: [PublicationNote]
    let releases: [Release]
    let center: HelpCenter
    let operations: OperationsData?
    let status: StatusData
    let today: CivilDate
    let includeDrafts: Bool

    /// How many digests back from the build week.
    static let digestWeeks = 8
    /// The weekly report's time when the schedule has no `weekly-report` item (seed 5.1: Friday 17:00).
    static let defaultWeeklyTime = 17 * 60
    static let defaultNewsletterTime = 10 * 60
    static let defaultReleaseTime = 10 * 60
    /// The digest goes out an hour before the weekly review (Monday 10:00 by default).
    static let defaultReviewTime = 10 * 60

    func assemble(log: DiagnosticLog) -> Publications {
        var result = Publications()
        result.weekly = weeklyReports(log: log)
        result.newsletters = newsletters(log: log)
        result.releases = releaseMails()
        result.digests = digests()
        return result
    }

    // MARK: Weekly reports

    private func weeklyReports(log: DiagnosticLog) -> [WeeklyReport] {
        let notes = weeklyNotes.filter { includeDrafts || !$0.draft }
        var notesByWeek: [String: PublicationNote] = [:]
        for note in notes { notesByWeek[note.id] = note }
        let item = schedule.item(kind: .weeklyReport)
        let todayWeek = ISOWeek(containing: today)
        let firstWeek = notes.compactMap { ISOWeek(parsing: $0.id) }.min().map { min($0, todayWeek) } ?? todayWeek
        // Send days: the schedule's occurrences through today, then any later week that has a note.
        var sendDays: [String: LocalDateTime] = [:]
        if let item {
            let lastNoted = notes.compactMap { ISOWeek(parsing: $0.id) }.max() ?? todayWeek
            let end = max(today, lastNoted.days.upperBound)
            for occurrence in item.occurrences(from: firstWeek.monday, through: end, calendar: schedule.calendar) {
                guard let date = occurrence.date else { continue }
                let week = ISOWeek(containing: date).description
                guard date <= today || notesByWeek[week] != nil, sendDays[week] == nil else { continue }
                sendDays[week] = LocalDateTime(date: date, time: item.time)
            }
        }
        for note in notes where sendDays[note.id] == nil {
            // No schedule (or the schedule skips that week): Friday at 17:00, moved back off a holiday.
            guard let week = ISOWeek(parsing: note.id) else { continue }
            let friday = week.monday.adding(days: 4)
            let day = schedule.calendar.apply(.previousBusinessDay, to: friday) ?? friday
            sendDays[note.id] = LocalDateTime(date: day, minutes: item?.time.minutesSinceMidnight ?? PublicationAssembler.defaultWeeklyTime)
        }
        return sendDays.keys.sorted().compactMap { id in
            guard let week = ISOWeek(parsing: id), let sendAt = sendDays[id] else { return nil }
            let note = notesByWeek[id]
            if note == nil {
                let hasDraft = weeklyNotes.contains { $0.id == id }
                log.warning(SourceLocation(file: "\(PublicationNoteLoader.weeklyFolder)/\(id).md", line: 1, column: 1),
                            "the weekly report of \(id) (sent \(sendAt.date.iso) \(sendAt.clockText)) has no \(hasDraft ? "published " : "")note; it is built from the data alone",
                            hint: hasDraft ? "remove `draft: true` from its note" : "add \(PublicationNoteLoader.weeklyFolder)/\(id).md with a short note from the team")
            }
            return weeklyReport(week: week, note: note, sendAt: sendAt)
        }
    }

    func weeklyReport(week: ISOWeek, note: PublicationNote?, sendAt: LocalDateTime) -> WeeklyReport {
        let days = week.days
        let incidents = status.incidents.filter { $0.kind == .incident && $0.overlaps(days) }
            .sorted { ($0.priority ?? .p3, $0.start) < ($1.priority ?? .p3, $1.start) }
        let maintenance = status.incidents.filter { $0.kind == .maintenance && $0.overlaps(days) }.sorted { $0.start < $1.start }
        let resolved = status.feedback.filter { $0.status == .resolved && $0.resolvedOn.map(days.contains) == true }
            .sorted { ($0.resolvedOn!, $0.id) < ($1.resolvedOn!, $1.id) }
        let known = status.knownIssues.filter { $0.status != .fixed && $0.since <= days.upperBound }.sorted { ($0.since, $0.id) < ($1.since, $1.id) }
        return WeeklyReport(week: week, note: note, sendAt: sendAt, uptime: uptime(days), incidents: incidents, maintenance: maintenance,
                            resolvedFeedback: resolved, completedWork: completedWork(in: days), knownIssues: known,
                            nextWeek: upcoming(in: week.next.days, kinds: [.release, .webinar, .officeHours, .onboarding], maintenance: true))
    }

    /// The week's uptime: the mean of the `uptime` KPI's daily values in the week, up to the build date.
    func uptime(_ days: ClosedRange<CivilDate>) -> UptimeFigure? {
        guard let kpi = operations?.kpis?.first(where: { $0.id == "uptime" }) else { return nil }
        let values = kpi.measurements.filter { days.contains($0.date) && $0.date <= today }
        guard !values.isEmpty else { return nil }
        var target = 99.9
        if case .absolute(let comparison, let threshold) = kpi.definition.target, comparison == .greaterOrEqual || comparison == .greater { target = threshold }
        let mean = values.map(\.value).reduce(0, +) / Double(values.count)
        let worst = values.min { $0.value < $1.value }
        return UptimeFigure(percent: mean, target: target, days: values.count, decimals: max(2, kpi.decimals),
                            worstDay: worst.flatMap { $0.value < 100 ? $0 : nil })
    }

    func completedWork(in days: ClosedRange<CivilDate>) -> [CompletedWork] {
        let items = (operations?.backlog ?? []).filter { $0.status == .done && $0.doneOn.map(days.contains) == true }
        return items.sorted { ($0.doneOn!, $0.id) < ($1.doneOn!, $1.id) }.map { item in
            // The oldest release listing the item shipped it.
            let shipped = releases.indices.filter { releases[$0].backlog.contains(item.id) && releases[$0].audience != .internal }
                .min { releases[$0].version < releases[$1].version }
            return CompletedWork(id: item.id, title: item.title, doneOn: item.doneOn!, release: shipped)
        }
    }

    /// Customers' and public schedule items of `kinds` on `days`, with maintenance windows starting then.
    func upcoming(in days: ClosedRange<CivilDate>, kinds: Set<ScheduledItem.Kind>, maintenance: Bool) -> [UpcomingItem] {
        var items: [UpcomingItem] = []
        for item in schedule.items where kinds.contains(item.kind) && item.audience != .internal {
            for occurrence in item.occurrences(from: days.lowerBound, through: days.upperBound, calendar: schedule.calendar) {
                guard let date = occurrence.date else { continue }
                let start = LocalDateTime(date: date, time: item.time)
                let end = item.durationMinutes > 0 ? LocalDateTime(date: date, minutes: min(1439, start.minutes + item.durationMinutes)) : nil
                items.append(UpcomingItem(start: start, end: end, title: item.title, label: item.kind.label,
                                          detail: item.description ?? item.location ?? "", url: item.url, allDay: false))
            }
        }
        // Days the support desk is closed (holidays, company closures) on what would be a weekday.
        if maintenance {
            for offset in 0...(days.upperBound.daysSinceEpoch - days.lowerBound.daysSinceEpoch) {
                let day = days.lowerBound.adding(days: offset)
                guard !schedule.calendar.weekendDays.contains(day.weekday), let reason = schedule.calendar.nonBusinessReason(day) else { continue }
                items.append(UpcomingItem(start: LocalDateTime(date: day, minutes: 0), end: nil, title: "\(reason)（サポート窓口はお休みです）",
                                          label: "休業日", detail: "", url: nil, allDay: true))
            }
            for window in status.incidents where window.kind == .maintenance && days.contains(window.start.date) {
                items.append(UpcomingItem(start: window.start, end: window.end, title: window.impact, label: "メンテナンス",
                                          detail: "", url: nil, allDay: false))
            }
        }
        return items.sorted { ($0.start, $0.title) < ($1.start, $1.title) }
    }

    // MARK: Newsletters

    private func newsletters(log: DiagnosticLog) -> [Newsletter] {
        let item = schedule.item(kind: .newsletter)
        var articleBySlug: [String: Int] = [:]
        for (index, entry) in center.articles.enumerated() { articleBySlug[entry.article.reference] = index }
        let tagged = center.tagIndex["tips"].map { center.tags[$0].articles } ?? []
        return newsletterNotes.filter { includeDrafts || !$0.draft }.compactMap { note in
            guard let date = note.date else { return nil }
            let sendAt = LocalDateTime(date: date, minutes: item?.time.minutesSinceMidnight ?? PublicationAssembler.defaultNewsletterTime)
            let covered = date.month == 1 ? (year: date.year - 1, month: 12) : (year: date.year, month: date.month - 1)
            let monthReleases = releases.indices.filter { index in
                let release = releases[index]
                return release.audience == .public && release.date.year == covered.year && release.date.month == covered.month
            }
            var tips: [Int] = []
            for tip in note.tips {
                if let index = articleBySlug[tip] { tips.append(index) } else {
                    log.error(note.tipsLocation, "tip `\(tip)` is not a published help article",
                              hint: "write `<category>/<slug>` of an article under content/kb/, e.g. `accounts/mfa`")
                }
            }
            if note.tips.isEmpty {
                tips = tagged.sorted { (center.articles[$0].article.lastModified ?? date) > (center.articles[$1].article.lastModified ?? date) }
                    .prefix(3).map { $0 }
            }
            let monthEnd = CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(month: date.month, year: date.year))!
            let events = upcoming(in: date...monthEnd, kinds: [.webinar, .onboarding], maintenance: false)
            return Newsletter(note: note, sendAt: sendAt, coveredMonth: covered, releases: monthReleases, tips: tips, events: events)
        }
    }

    // MARK: Releases

    private func releaseMails() -> [ReleaseMail] {
        let time = schedule.item(kind: .release)?.time.minutesSinceMidnight ?? PublicationAssembler.defaultReleaseTime
        return releases.indices.filter { releases[$0].isMailed && (includeDrafts || !releases[$0].draft) }.map { index in
            let release = releases[index]
            return ReleaseMail(release: index, sendAt: LocalDateTime(date: release.date, minutes: time),
                               audience: release.audience == .customers ? .clinicAdmins : .allUsers)
        }
    }

    // MARK: Team digest

    private func digests() -> [TeamDigest] {
        guard operations != nil || !status.feedback.isEmpty || !status.incidents.isEmpty else { return [] }
        let review = schedule.items.first { $0.id == "weekly-review" }
        let reviewTime = review?.time.minutesSinceMidnight ?? PublicationAssembler.defaultReviewTime
        let thisWeek = ISOWeek(containing: today)
        var weeks: [ISOWeek] = []
        var week = thisWeek
        for _ in 0..<PublicationAssembler.digestWeeks {
            weeks.insert(week, at: 0)
            week = week.previous
        }
        return weeks.filter { $0.monday <= today }.map { week in
            let covered = week.previous
            let days = covered.days
            let evaluations = (operations?.kpis ?? []).map { KPIEvaluator.evaluate($0, at: days.upperBound) }
                .filter { $0.status == .alert || $0.status == .offTarget }
                .sorted { ($0.status.urgency, $0.id) < ($1.status.urgency, $1.id) }
            let received = status.feedback.filter { days.contains($0.received) }.sorted { ($0.received, $0.id) < ($1.received, $1.id) }
            let resolved = status.feedback.filter { $0.resolvedOn.map(days.contains) == true }.sorted { ($0.resolvedOn!, $0.id) < ($1.resolvedOn!, $1.id) }
            let horizon = week.monday.adding(days: 14)
            let dueSoon = (operations?.backlog ?? []).filter { item in
                item.status != .done && item.due.map { $0 <= horizon } == true
            }.sorted { ($0.due!, $0.id) < ($1.due!, $1.id) }
            let incidents = status.incidents.filter { $0.kind == .incident && $0.overlaps(days) }
                .sorted { ($0.priority ?? .p3, $0.start) < ($1.priority ?? .p3, $1.start) }
            return TeamDigest(week: week, sendAt: LocalDateTime(date: week.monday, minutes: max(0, reviewTime - 60)), covered: covered,
                              kpis: evaluations, feedbackReceived: received, feedbackResolved: resolved,
                              completedWork: completedWork(in: days), dueSoon: dueSoon, incidents: incidents)
        }
    }
}
