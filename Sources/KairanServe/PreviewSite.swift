import Foundation
import KairanCore

/// The site as served: the last good build's tree, the current build's errors, and the build
/// generation tabs compare with. Rebuilds go through `IncrementalBuild`, one at a time.
actor PreviewSite {
    private let build: IncrementalBuild
    let hub = ReloadHub()
    /// The last good build (nil until one succeeds).
    private(set) var tree: SiteTree?
    private(set) var basePaths: [Audience: String] = [:]
    /// The errors of the current sources (file:line:column, hint), nil when they built.
    private(set) var errors: String?
    /// Raised whenever the served tree changes: a tab showing an older generation reloads.
    private(set) var generation = 0
    /// Where `/_customers/` redirects, once the portal's port listens.
    var customersOrigin: String?

    init(options: BuildOptions) { build = IncrementalBuild(options: options) }

    /// What a rebuild did, for the terminal.
    struct Outcome: Sendable {
        var result: IncrementalResult
        /// Served files whose bytes changed (rendered again with other bytes, added or removed).
        var changedFiles: Int
        var milliseconds: Double
    }

    func rebuild(changed: [String]) async -> Outcome {
        let started = ContinuousClock.now
        let result = await build.rebuild(changed: changed)
        if !result.basePaths.isEmpty { basePaths = result.basePaths }
        var changedFiles = 0
        if let new = result.tree {
            let recovered = errors != nil || tree == nil
            if let old = tree {
                changedFiles = result.rendered.filter { old.files[$0] != new.files[$0] }.count
                    + old.files.keys.filter { new.files[$0] == nil }.count
            } else {
                changedFiles = new.files.count
            }
            errors = nil
            tree = new
            if changedFiles > 0 || recovered {
                generation += 1
                await hub.send("reload", state)
            } else {
                await hub.send("unchanged", state)
            }
        } else {
            let shown = result.diagnostics.filter { $0.severity == .error }
            errors = shown.map(\.description).joined(separator: "\n")
            await hub.send("failed", state)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return Outcome(result: result, changedFiles: changedFiles, milliseconds: milliseconds)
    }

    func setCustomersOrigin(_ origin: String) { customersOrigin = origin }

    /// `{"generation": N, "errors": "…"}`: what a tab is told on connecting and after each build.
    var state: String {
        struct State: Encodable { var generation: Int; var errors: String? }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(State(generation: generation, errors: errors))).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Everything a request needs, read at once.
    struct Snapshot: Sendable {
        var tree: SiteTree?
        var basePaths: [Audience: String]
        var errors: String?
        var generation: Int
        var customersOrigin: String?
    }

    var snapshot: Snapshot {
        Snapshot(tree: tree, basePaths: basePaths, errors: errors, generation: generation, customersOrigin: customersOrigin)
    }
}
