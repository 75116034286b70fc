/// The plan itself: no two outputs may write one file.
enum PlanRules {
    /// Two outputs with the same audience and path are one error naming both sources (a static
    /// file that would replace a generated page, two releases of one version, …).
    static func check(_ plan: SitePlan, log: DiagnosticLog) {
        var seen: [Audience: [String: PlannedOutput]] = [:]
        for output in plan.outputs {
            guard let first = seen[output.audience]?[output.path] else { seen[output.audience, default: [:]][output.path] = output; continue }
            let key = output.audience.folder + "/" + output.path
            // Located at a file of the site: the one that collides with a generated output, or the later one.
            let (here, other) = PlanRules.file(of: output) == nil ? (first, output) : (output, first)
            log.error(SourceLocation(file: PlanRules.source(of: here)), "\(key) would be written twice: by this file and by \(PlanRules.source(of: other))",
                      hint: "rename or remove one of them")
        }
    }

    /// The site file an output is made from directly, if any.
    static func file(of output: PlannedOutput) -> String? {
        if let origin = output.origin { return origin }
        if case .copy(let path) = output.job { return path }
        return nil
    }

    /// The file an output comes from, for messages.
    static func source(of output: PlannedOutput) -> String { file(of: output) ?? "Kairan's generated \(output.kind.rawValue)" }
}
