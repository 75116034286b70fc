/// The plan turned around: each input → the outputs that declare it, so the outputs an edit
/// reaches are looked up from the edit (a few files and groups) instead of asking every output of
/// the site about its inputs. Made once per plan (an incremental build keeps it while the plan is
/// kept); `reached(by:links:)` gives exactly the outputs `SitePlan.isReached` says yes to.
struct OutputsByInput: Sendable {
    /// Declared input (`PlannedOutput.inputs`) → indices in the plan's `outputs`, ascending.
    private var declared: [PlanInput: [Int]] = [:]
    /// Page template → the indices of its pages.
    private var pages: [String: [Int]] = [:]
    /// Markdown source → the indices of the outputs it is the origin of.
    private(set) var byOrigin: [String: [Int]] = [:]
    private let templateInputs: [String: [PlanInput]]
    /// How many outputs the plan had: the index covers `outputs[..<count]`.
    let count: Int

    init(_ plan: SitePlan) {
        templateInputs = plan.templateInputs
        count = plan.outputs.count
        for (index, output) in plan.outputs.enumerated() {
            for input in output.inputs { declared[input, default: []].append(index) }
            if let template = output.template { pages[template, default: []].append(index) }
            if let origin = output.origin { byOrigin[origin, default: []].append(index) }
        }
        // An output declaring an input twice is listed once.
        for (input, outputs) in declared where zip(outputs, outputs.dropFirst()).contains(where: { $0 == $1 }) {
            declared[input] = Array(Set(outputs)).sorted()
        }
    }

    /// The indices of the outputs any of whose inputs (`SitePlan.inputs(of:)`: declared, their
    /// templates', `site.yaml`, the clock and navigation for pages, and the metadata of what their
    /// sources link to, per `links`) `reach` reaches.
    func reached(by reach: SitePlan.Reach, links: [String: [String]]) -> Set<Int> {
        // Every input `reach` reaches that an output can hold: the groups, and what each edited file is read as.
        var inputs = reach.groupInputs
        for file in reach.edited {
            inputs.insert(.file(file))
            if !reach.bodyOnly.contains(file) { inputs.insert(.metadata(file)) }
            if file == "site.yaml" { inputs.insert(.config) }
            if file.hasPrefix("templates/"), file.hasSuffix(".mustache") {
                inputs.insert(.template(String(file.dropFirst("templates/".count).dropLast(".mustache".count))))
            }
        }
        var found = Set<Int>()
        for input in inputs { if let outputs = declared[input] { found.formUnion(outputs) } }
        // Sources linking to a page whose metadata is reached: the outputs made from them show it.
        let linked = Set(inputs.compactMap { input -> String? in if case .metadata(let file) = input { return file } else { return nil } })
        if !linked.isEmpty {
            for (source, targets) in links where targets.contains(where: linked.contains) {
                if let outputs = declared[.file(source)] { found.formUnion(outputs) }
            }
        }
        let everyPage = inputs.contains(.config) || inputs.contains(.clock) || inputs.contains(.navigation)
        for (template, outputs) in pages where everyPage || (templateInputs[template] ?? [.template(template)]).contains(where: inputs.contains) {
            found.formUnion(outputs)
        }
        return found
    }
}
