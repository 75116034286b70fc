/// The plan itself: no two outputs may write one file.
enum PlanRules {
    /// Two outputs with the same audience and path are one error naming both sources (a static
    /// file that would replace a generated page, two releases of one version, an alias that is
    /// a page's URL or another page's alias, …).
    static func check(_ plan: SitePlan, redirects: [Redirect] = [], log: DiagnosticLog) {
        // Each path's first output, by its place in the plan (thousands of outputs, most never
        // looked at again): one table per audience, each path hashed once.
        var seen = [[String: Int]](repeating: [:], count: 4)
        seen[0].reserveCapacity(plan.outputs.count)
        for index in plan.outputs.indices {
            let audience: Int
            switch plan.outputs[index].audience {
            case .public: audience = 0
            case .customers: audience = 1
            case .internal: audience = 2
            case .email: audience = 3
            }
            // The path's first output: this one when the path is new (stored then).
            let earlier = { (first: inout Int) in first }(&seen[audience][plan.outputs[index].path, default: index])
            guard earlier != index else { continue }
            let output = plan.outputs[index], first = plan.outputs[earlier]
            let key = output.audience.folder + "/" + output.path
            if let alias = redirect(of: output, redirects) ?? redirect(of: first, redirects) {
                aliasCollision(alias, with: redirect(of: output, redirects) == nil ? output : first, redirects: redirects, log: log)
                continue
            }
            // Located at a file of the site: the one that collides with a generated output, or the later one.
            let (here, other) = PlanRules.file(of: output) == nil ? (first, output) : (output, first)
            log.error(SourceLocation(file: PlanRules.source(of: here)), "\(key) would be written twice: by this file and by \(PlanRules.source(of: other))",
                      hint: optOut(for: here.kind == .staticFile ? other : here) ?? "rename or remove one of them")
        }
    }

    /// The redirect an output writes, if it is a redirect page.
    private static func redirect(of output: PlannedOutput, _ redirects: [Redirect]) -> Redirect? {
        if case .redirect(let index) = output.job, redirects.indices.contains(index) { return redirects[index] }
        return nil
    }

    /// An alias on the path of `other` (a page, a file or another alias): one error at the alias
    /// (the later one, of two aliases) naming both.
    private static func aliasCollision(_ alias: Redirect, with other: PlannedOutput, redirects: [Redirect], log: DiagnosticLog) {
        if let earlier = redirect(of: other, redirects) {
            let (here, there) = earlier.location < alias.location ? (alias, earlier) : (earlier, alias)
            let same = here.to == there.to
            log.error(here.location, "alias \(here.from) is also an alias at \(there.location)\(same ? "" : " (of \(there.source))")",
                      hint: same ? "list it once" : "an old URL can lead to one page only: remove one of the two")
            return
        }
        log.error(alias.location, "alias \(alias.from) is the URL of \(source(of: other)), which the site still publishes",
                  hint: "remove the alias (an alias names an old URL no page uses any more), or move that page")
    }

    /// How to keep a site's own copy of a file Kairan generates.
    private static func optOut(for output: PlannedOutput) -> String? {
        switch output.kind {
        case .robots: return "remove the static file, or set `generate: {robots: false}` in site.yaml to publish your own"
        case .sitemap: return "remove the static file, or set `generate: {sitemap: false}` in site.yaml to publish your own"
        case .redirects: return "remove the static file, or set `generate: {redirects: false}` in site.yaml to publish your own"
        default: return nil
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
