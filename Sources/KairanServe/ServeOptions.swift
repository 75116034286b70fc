import KairanCore

/// What `kairan serve` serves and how it watches.
public struct ServeOptions: Sendable {
    /// The build (site folder, drafts, clock fixed for the session); nothing is written.
    public var build: BuildOptions
    /// The address to listen on: loopback by default.
    public var host: String = "127.0.0.1"
    /// The port of the help center (with `/_internal/` and `/_email/`); the customers' portal is
    /// served on the next port, so its site-absolute links work. 0 picks free ports.
    public var port: UInt16 = 1313
    /// How often the sources are looked at (`stat` of every file) where the kernel does not tell
    /// of edits; where it does (Linux inotify), every 5 ms.
    public var pollInterval: Duration = .milliseconds(20)
    /// How long the sources must stay unchanged after a save before the rebuild: a burst of
    /// saves (an editor's write and rename, a `git checkout`) is one rebuild.
    public var debounce: Duration = .milliseconds(15)
    /// Print each rebuild's step timings.
    public var verbose = false

    public init(build: BuildOptions) { self.build = build }
}
