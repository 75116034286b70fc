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
    /// Whether the served tree's search index is being made (its files are not in `tree` yet).
    private(set) var searchPending = false
    /// The last build served whole, search index included.
    private var complete: SiteTree?
    /// Making the search index of the served pages.
    private var searchTask: Task<Void, Never>?
    private var searchWaiters: [CheckedContinuation<Void, Never>] = []

    init(options: BuildOptions) { build = IncrementalBuild(options: options) }

    /// What a rebuild did, for the terminal.
    struct Outcome: Sendable {
        var result: IncrementalResult
        /// Served files whose bytes changed (rendered again with other bytes, added or removed).
        var changedFiles: Int
        var milliseconds: Double
    }

    /// Rebuilds after `changed` were edited. The pages are published (and tabs reloaded) as soon
    /// as they are built; a search index to be made again follows in the background, and requests
    /// for its files wait for it (`searchReady`). A newer rebuild overtakes it.
    func rebuild(changed: [String]) async -> Outcome {
        let started = ContinuousClock.now
        // An index still being made for the last edit is not needed any more.
        searchTask?.cancel()
        var result = await build.rebuild(changed: changed, deferSearch: true)
        var stopwatch = Stopwatch()
        if !result.basePaths.isEmpty { basePaths = result.basePaths }
        var changedFiles = 0
        if let new = result.tree {
            let recovered = errors != nil || tree == nil
            if let old = tree {
                changedFiles = result.rendered.filter { old.files[$0] != new.files[$0] }.count
                    + old.files.keys.filter { new.files[$0] == nil && !(result.searchPending && $0.isSearchIndexFile) }.count
            } else {
                changedFiles = new.files.count
            }
            errors = nil
            tree = new
            searchPending = result.searchPending
            if result.searchPending {
                searchTask = Task { await self.completeSearch() }
            } else {
                complete = new
                releaseSearchWaiters()
            }
            if changedFiles > 0 || recovered {
                generation += 1
                await hub.send("reload", state)
            } else {
                await hub.send("unchanged", state)
            }
        } else {
            let shown = result.diagnostics.filter { $0.severity == .error }
            errors = shown.map(\.description).joined(separator: "\n")
            if searchPending {
                // The pages of a build whose index was overtaken: back to the last complete build.
                tree = complete
                searchPending = false
                releaseSearchWaiters()
            }
            await hub.send("failed", state)
        }
        result.timings.append(("publish and tell the tabs", stopwatch.lap()))
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return Outcome(result: result, changedFiles: changedFiles, milliseconds: milliseconds)
    }

    /// The search index of the published pages, added to the served tree when made (nothing when
    /// a newer rebuild overtook it: that one makes its own).
    private func completeSearch() async {
        guard let whole = await build.completeSearch(), let made = whole.tree, searchPending else { return }
        tree = made
        complete = made
        searchPending = false
        releaseSearchWaiters()
    }

    private func releaseSearchWaiters() {
        for waiter in searchWaiters { waiter.resume() }
        searchWaiters = []
    }

    func setCustomersOrigin(_ origin: String) { customersOrigin = origin }

    /// Returns once the served tree's search index is made.
    func searchReady() async {
        guard searchPending else { return }
        await withCheckedContinuation { searchWaiters.append($0) }
    }


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
        var searchPending = false
    }

    var snapshot: Snapshot {
        Snapshot(tree: tree, basePaths: basePaths, errors: errors, generation: generation, customersOrigin: customersOrigin,
                 searchPending: searchPending)
    }
}
