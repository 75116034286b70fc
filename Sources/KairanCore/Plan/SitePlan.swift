/// Every file a build writes, as data: what, for whom, where, from which sources.
///
/// Made after resolve, before any page is rendered; rendering is one parallel dispatcher over
/// `outputs`. The link table (`pages`, `paths(of:)`), the sitemap (`listed`), each audience's
/// assets and the page and file counts are read from here.
public struct SitePlan: Sendable, Equatable {
    /// Every output, in a fixed order (the order of the channels, then of their content).
    public internal(set) var outputs: [PlannedOutput] = []
    /// Source file → the group inputs it is part of (an article is in its category's, its tags'
    /// and all articles' groups): what an edit of that file reaches besides its own inputs.
    public internal(set) var groups: [String: [PlanInput]] = [:]
    /// Markdown source → the pages and assets its body links to (known once pages are rendered):
    /// an output made from the source also shows the linked pages' titles and URLs.
    public internal(set) var links: [String: [String]] = [:]

    /// The pages the search indexes, in index order (see `SearchIndex`).
    public internal(set) var searchable: [SearchablePage] = []

    /// Page template → its inputs: itself and every partial and parent it pulls in.
    public internal(set) var templateInputs: [String: [PlanInput]] = [:]
    /// The value of the `.navigation` input every page shows.
    public internal(set) var navigation = SiteNavigation()

    /// Everything `output` is made from, sorted without repeats: its declared inputs; for a page,
    /// its templates, `site.yaml`, the navigation and the build date (`site.year`); and the metadata of what its
    /// Markdown sources link to.
    public func inputs(of output: PlannedOutput) -> [PlanInput] { PlanInput.normalized(allInputs(of: output)) }

    private func allInputs(of output: PlannedOutput) -> [PlanInput] {
        var inputs = output.inputs + linkedInputs(of: output)
        if let template = output.template { inputs += (templateInputs[template] ?? [.template(template)]) + [.config, .clock, .navigation] }
        return inputs
    }

    private func linkedInputs(of output: PlannedOutput) -> [PlanInput] {
        guard !links.isEmpty else { return [] }
        return output.inputs.flatMap { input -> [PlanInput] in
            guard case .file(let source) = input, let linked = links[source] else { return [] }
            return linked.map(PlanInput.metadata)
        }
    }

    public init(outputs: [PlannedOutput] = [], groups: [String: [PlanInput]] = [:]) {
        self.outputs = outputs
        self.groups = groups
    }

    /// What links resolve against in one audience's tree.
    public struct LinkTable: Sendable {
        /// Markdown source → the site path of the page made from it.
        public var pages: [String: String] = [:]
        /// The site paths (`/kb/faq/`, `/releases/atom.xml`) of the audience's outputs.
        public var paths: Set<String> = []
    }

    /// Every audience's link table, in one pass over the outputs (each output's URL made once;
    /// by index: a `for … in` would copy each output, its strings and job, to read three fields).
    public func linkTables() -> [Audience: LinkTable] {
        var tables = Dictionary(uniqueKeysWithValues: Audience.allCases.map { ($0, LinkTable()) })
        for index in outputs.indices {
            let audience = outputs[index].audience, url = outputs[index].url
            tables[audience]?.paths.insert(url)
            if let origin = outputs[index].origin { tables[audience]?.pages[origin] = url }
        }
        return tables
    }

    /// Audiences that have at least one page (and so get the theme's assets).
    public var audiencesWithPages: [Audience] {
        Audience.allCases.filter { audience in outputs.indices.contains { outputs[$0].audience == audience && outputs[$0].isPage } }
    }

    /// The public outputs listed in the sitemap, in plan order.
    public var listed: [PlannedOutput] { outputs.filter { $0.audience == .public && $0.listed } }

    public var pageCount: Int { outputs.indices.reduce(0) { outputs[$1].isPage ? $0 + 1 : $0 } }
    public var fileCount: Int { outputs.count - pageCount }

    /// The templates the outputs render, those most outputs render first (ties by name).
    var templatesByUse: [String] {
        var uses: [String: Int] = [:]
        for output in outputs { if let template = output.template { uses[template, default: 0] += 1 } }
        return uses.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    /// The outputs that depend on any of `files` (paths relative to the site folder: Markdown and
    /// data files, `site.yaml`, `templates/…`): what editing them changes.
    public func affected(by files: [String]) -> [PlannedOutput] {
        let reach = Reach(edited: Set(files.map(SitePlan.normalizedSitePath)), groups: [groups])
        return outputs.filter { isReached($0, by: reach) }
    }

    /// What edits of site files reach: the files themselves and the group inputs they are part of.
    struct Reach: Sendable {
        /// The edited files, relative to the site folder.
        let edited: Set<String>
        /// Edited files of which only the body changed: they reach `.file` inputs, not `.metadata`
        /// ones nor their groups (what other pages show of them is unchanged).
        let bodyOnly: Set<String>
        /// The groups of the edited files (in every plan given: a tag removed from an article
        /// reaches that tag's pages too).
        let groupInputs: Set<PlanInput>

        /// `valued`: inputs whose value is known before and after the edits (`.navigation`), reached
        /// exactly when that value changed, whatever the files' groups say.
        init(edited: Set<String>, bodyOnly: Set<String> = [], groups: [[String: [PlanInput]]], valued: [PlanInput: Bool] = [:]) {
            self.edited = edited
            self.bodyOnly = bodyOnly
            var reached = Set<PlanInput>()
            for file in edited {
                for plan in groups {
                    // A body edit changes what the search indexes, and nothing else other pages show.
                    let inputs = plan[file] ?? []
                    if bodyOnly.contains(file) { if inputs.contains(.indexedText) { reached.insert(.indexedText) } } else { reached.formUnion(inputs) }
                }
            }
            for (input, changed) in valued {
                if changed { reached.insert(input) } else { reached.remove(input) }
            }
            groupInputs = reached
            smallEdited = edited.count <= 8 ? Array(edited) : nil
            smallGroups = reached.count <= 8 ? Array(reached) : nil
        }

        // An edit names a few files and groups: compared one by one, not hashed, when asked of
        // every input of every output.
        private let smallEdited: [String]?
        private let smallGroups: [PlanInput]?

        func isEdited(_ file: String) -> Bool { smallEdited.map { $0.contains(file) } ?? edited.contains(file) }
        func reachesGroup(_ input: PlanInput) -> Bool { smallGroups.map { $0.contains(input) } ?? groupInputs.contains(input) }
    }

    /// Whether any input of `output` is reached by `reach`.
    func isReached(_ output: PlannedOutput, by reach: Reach) -> Bool {
        // The inputs of `allInputs(of:)`, looked at in place (asked of every output per edit).
        func reached(_ input: PlanInput) -> Bool {
            if reach.reachesGroup(input) { return true }
            guard let file = input.sourceFile, reach.isEdited(file) else { return false }
            if case .metadata = input { return !reach.bodyOnly.contains(file) }
            return true
        }
        if output.inputs.contains(where: reached) { return true }
        if !links.isEmpty {
            for case .file(let source) in output.inputs {
                if let linked = links[source], linked.contains(where: { reached(.metadata($0)) }) { return true }
            }
        }
        guard let template = output.template else { return false }
        if let used = templateInputs[template] { if used.contains(where: reached) { return true } } else if reached(.template(template)) { return true }
        return reached(.config) || reached(.clock) || reached(.navigation)
    }

    /// `./content/kb/x.md` → `content/kb/x.md`.
    static func normalizedSitePath(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    mutating func append(_ output: PlannedOutput) { outputs.append(output) }
    /// Appends `more` (taken whole when the plan is empty: thousands of outputs, none copied).
    mutating func append(contentsOf more: [PlannedOutput]) {
        if outputs.isEmpty { outputs = more } else { outputs += more }
    }
}
