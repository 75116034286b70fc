extension IncrementalState {
    /// The edits since the last good build, as the inputs they reach, and which outputs must be
    /// rendered again because of them.
    struct Changes: Sendable {
        /// The last good build's records (not its whole state: this is asked of many outputs).
        let records: [OutputKey: Record]
        /// What each article page of the last good build showed of other articles.
        let neighboursBefore: [String: [String]]
        /// `site.yaml` was edited: every output is rendered again.
        let everything: Bool
        let reached: SitePlan.Reach
        /// `reached` without the group inputs: for article pages, which are judged by what they show.
        let reachedOutsideGroups: SitePlan.Reach
        /// Articles whose metadata (what other pages show of them) changed, or that came or went.
        let metadataEdited: Set<String>
        /// A few edited articles as article pages show them (`a.md`, `<a.md`, `>a.md`): compared,
        /// not hashed, with every entry of every article page's lists.
        private let shownEdited: [String]?
        let neighboursNow: [String: [String]]
        /// Whether the theme's template graph is the one of the last build (then an output planned
        /// the same is made from the same inputs, and `inputs(of:)` need not be compared).
        let sameTemplates: Bool
        /// Whether the plan is the last build's, kept as it was (an edit of article bodies alone):
        /// every output is then planned as before, and only the reached ones are looked at.
        let samePlan: Bool
        /// Whether `neighboursNow` is the last build's own (kept with the plan).
        let sameNeighbours: Bool

        init(edited: Set<String>, before: IncrementalState, articlesNow: [String: Article], neighboursNow: [String: [String]], plan: SitePlan,
             samePlan: Bool = false) {
            records = before.records
            neighboursBefore = before.neighbours
            self.neighboursNow = neighboursNow
            self.samePlan = samePlan
            sameNeighbours = samePlan
            // An article that parses to the same article (a save without change) reaches nothing.
            let edited = edited.filter { path in before.articles[path].map { $0 != articlesNow[path] } ?? true }
            everything = edited.contains("site.yaml")
            // An article whose front matter and title are unchanged reaches only its own page's
            // `.file` input: lists, tags and pagers show nothing of its body.
            let bodyOnly = edited.filter { path in
                guard let old = before.articles[path], let new = articlesNow[path] else { return false }
                return old.withoutBody == new.withoutBody
            }
            metadataEdited = edited.subtracting(bodyOnly)
            shownEdited = metadataEdited.count <= 8 ? metadataEdited.flatMap { [$0, "<" + $0, ">" + $0] } : nil
            let navigation: [PlanInput: Bool] = [.navigation: before.plan.navigation != plan.navigation]
            reached = SitePlan.Reach(edited: edited, bodyOnly: bodyOnly, groups: [before.plan.groups, plan.groups], valued: navigation)
            reachedOutsideGroups = SitePlan.Reach(edited: edited, bodyOnly: bodyOnly, groups: [], valued: navigation)
            sameTemplates = samePlan || before.plan.templateInputs == plan.templateInputs
        }

        /// Whether `output` must be rendered again: new, planned differently, made from other
        /// inputs, or made from an input an edit reached.
        func reaches(_ output: PlannedOutput, in plan: SitePlan) -> Bool {
            guard !everything, let old = records[OutputKey(output)], old.output == output else { return true }
            if !sameTemplates, plan.inputs(of: output) != old.inputs { return true }
            guard output.kind == .article, let origin = output.origin else { return plan.isReached(output, by: reached) }
            // An article page declares its category's and tags' groups (related articles are ranked
            // over them); what it shows of them is its related articles, pager neighbours and sidebar,
            // known once resolved: it is rendered again when those change, or their metadata does.
            return plan.isReached(output, by: reachedOutsideGroups) || showsEdited(origin)
        }

        /// The indices of `outputs` (the plan's, as `index` was made of them) that `reaches` says
        /// yes to, the reached ones found from the edit through `index`. While the plan is the last
        /// build's, only those are looked at; a new plan's outputs are each compared with the last
        /// build's (planned the same, made from the same inputs).
        func outdated(_ outputs: [PlannedOutput], in plan: SitePlan, index: OutputsByInput) -> [Int] {
            guard !everything else { return Array(outputs.indices) }
            let reachedAny = index.reached(by: reached, links: plan.links)
            let reachedPages = index.reached(by: reachedOutsideGroups, links: plan.links)
            let checkNeighbours = !sameNeighbours || !metadataEdited.isEmpty
            func isReached(_ position: Int) -> Bool {
                let output = outputs[position]
                guard output.kind == .article, let origin = output.origin else { return reachedAny.contains(position) }
                return reachedPages.contains(position) || (checkNeighbours && showsEdited(origin))
            }
            if samePlan && !checkNeighbours { return reachedAny.sorted().filter(isReached) }
            return outputs.indices.filter { position in
                let output = outputs[position]
                if !samePlan {
                    guard let old = records[OutputKey(output)], old.output == output else { return true }
                    if !sameTemplates, plan.inputs(of: output) != old.inputs { return true }
                }
                return isReached(position)
            }
        }

        /// Whether the article page of `origin` shows other articles than before, or one whose
        /// metadata was edited.
        private func showsEdited(_ origin: String) -> Bool {
            let now = neighboursNow[origin] ?? []
            let then = neighboursBefore[origin] ?? []
            if now != then { return true }
            guard !metadataEdited.isEmpty else { return false }
            return now.contains(where: isEdited)
        }

        /// Whether a shown entry names an article whose metadata was edited. Pager entries carry
        /// their side (`<`, `>`) before the source.
        private func isEdited(_ shown: String) -> Bool {
            if let shownEdited { return shownEdited.contains(shown) }
            return metadataEdited.contains(shown.hasPrefix("<") || shown.hasPrefix(">") ? String(shown.dropFirst()) : shown)
        }
    }
}
