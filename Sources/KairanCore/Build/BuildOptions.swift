/// What to build and how.
public struct BuildOptions: Sendable {
    /// The site folder (holds `site.yaml`, `content/`, optional `templates/`).
    public var siteDirectory: String
    /// Where the audience folders go; default `<site>/output`.
    public var outputDirectory: String
    /// Replaces `base_url` from site.yaml (for previews and staging hosts).
    public var baseURL: String?
    /// Publish articles marked `draft: true` (with a banner and `noindex`).
    public var includeDrafts: Bool = false
    /// Publish articles and releases dated after the build date too (`--future`).
    public var includeFuture: Bool = false
    /// Fail on warnings too.
    public var strict: Bool = false
    /// Parallel tasks; default the number of cores.
    public var concurrency: Int
    public var clock: BuildClock
    /// False for `kairan check`: everything is rendered, nothing is written.
    public var writeOutput: Bool = true
    /// False for `kairan check`: the search index finds no problems, so it is not built (its
    /// files are then not in the plan either).
    public var buildSearchIndex: Bool = true
    /// Render templates with swift-mustache itself rather than the compiled templates (same output,
    /// slower); `KAIRAN_REFERENCE_TEMPLATES=1` sets it from the command line.
    public var referenceTemplates: Bool = false

    public init(siteDirectory: String, outputDirectory: String? = nil, concurrency: Int = BuildOptions.cores, clock: BuildClock) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory ?? joinPath(siteDirectory.isEmpty ? "." : siteDirectory, "output")
        self.concurrency = max(1, concurrency)
        self.clock = clock
    }

    /// The number of cores the process may use.
    public static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
