/// What a build did: its diagnostics and what it wrote.
public struct BuildResult: Sendable {
    /// Every diagnostic of the run, sorted by file and line.
    public var diagnostics: [Diagnostic] = []
    /// Pages rendered from templates.
    public var pages: Int = 0
    /// Other files written: assets, feeds, data, copied files.
    public var files: Int = 0
    /// Set when the output folder could not be used (a usage error, exit code 2).
    public var refusal: String?
    /// Whether the output was replaced (false for a failed build and for `kairan check`).
    public var committed = false
    /// Whether warnings count as failures.
    public var strict = false
    /// Every output of the build (empty when the build stopped before planning).
    public var plan = SitePlan()
    /// Articles and releases dated after the build date: left out of this build, or published with `--future` (`includedFuture`).
    public var scheduled: [ScheduledPublication] = []
    /// Whether the build published them (`--future`).
    public var includedFuture = false
    /// Wall and processor time of each step, in step order (printed by `--verbose`).
    public var timings: [(step: String, time: StepTime)] = []
    /// The build's working values (the resolved site, what rendering found, the search index,
    /// the writer), held by the result so that a one-shot command can exit with the result
    /// alive (`kairan build`, through `withExtendedLifetime`) and leave their memory to the
    /// system instead of freeing hundreds of thousands of objects one by one (about 30 ms of a
    /// 5,000-article build). Any other caller frees them with the result.
    var workingValues: [any Sendable] = []

    public init() {}

    /// Whether the run failed: errors, or warnings under `--strict`, or a refusal.
    public var failed: Bool {
        refusal != nil || diagnostics.hasErrors || (strict && diagnostics.contains { $0.severity == .warning })
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}
