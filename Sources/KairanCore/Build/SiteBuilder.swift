/// Runs a build as a list of named steps: load → validate → resolve → render → write.
///
/// Every step adds its diagnostics to one log and the build goes on as far as it can, so a run
/// reports every problem at once. Output goes to a staging folder that replaces the old output
/// only when the run has no errors.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    public let fileSystem: FileSystem

    public init(options: BuildOptions, fileSystem: FileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Builds the site (or, with `writeOutput == false`, checks it).
    public func run() async -> BuildResult {
        var result = BuildResult()
        result.strict = options.strict
        let log = DiagnosticLog()

        var stopwatch = Stopwatch()
        let source = await loadSources(log: log)
        result.timings.append(("load", stopwatch.lap()))
        guard let site = await resolve(source, log: log) else { return finish(result, log) }
        result.timings.append(("validate and resolve", stopwatch.lap()))
        let writer = OutputWriter(fileSystem: fileSystem, outputDirectory: options.outputDirectory)
        if options.writeOutput {
            do { try writer.prepare() } catch {
                result.refusal = "\(error)"
                return finish(result, log)
            }
        }
        let sink = OutputSink(writer: options.writeOutput ? writer : nil)

        result.timings.append(("open output", stopwatch.lap()))
        let releases = renderReleaseNotes(site, sink: sink, log: log)
        result.timings.append(("render release notes", stopwatch.lap()))
        let helpCenter = await renderHelpCenter(site, latestRelease: releases.latest, sink: sink, log: log)
        result.timings.append(("render help center", stopwatch.lap()))
        let operations = renderOperations(site, sink: sink, log: log)
        result.timings.append(("render internal pages", stopwatch.lap()))
        let training = renderTraining(site, sink: sink, log: log)
        result.timings.append(("render training", stopwatch.lap()))
        let files = copyFiles(site, sink: sink, log: log)
        result.timings.append(("copy files, sitemap", stopwatch.lap()))
        result.pages = helpCenter + releases.pages + operations.pages + training.pages
        result.files = files + releases.files + operations.files + training.files

        result = finish(result, log)
        commit(&result, writer: writer)
        result.timings.append(("swap output", stopwatch.lap()))
        return result
    }

    private func commit(_ result: inout BuildResult, writer: OutputWriter) {
        guard options.writeOutput else { return }
        if result.failed {
            writer.discard()
            return
        }
        do {
            try writer.commit()
            result.committed = true
        } catch {
            writer.discard()
            result.diagnostics.append(.error(SourceLocation(file: options.outputDirectory), "cannot replace the output: \(error)"))
        }
    }

    private func finish(_ result: BuildResult, _ log: DiagnosticLog) -> BuildResult {
        var result = result
        result.diagnostics = SiteBuilder.unique(log.items).sortedForReport()
        return result
    }

    /// The bytes of a site file, through `fileSystem` (the builder's own by default); nil after logging why not.
    func read(_ path: String, from fileSystem: FileSystem? = nil, log: DiagnosticLog) -> [UInt8]? {
        do { return try (fileSystem ?? self.fileSystem).read(joinPath(options.siteDirectory, path)) } catch {
            log.cannotRead(path, error)
            return nil
        }
    }

    /// The diagnostics without repeats (a problem found by two steps is reported once).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.filter { seen.insert($0).inserted }
    }
}
