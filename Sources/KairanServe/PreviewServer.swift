import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import KairanCore

/// `kairan serve`: builds the site in memory, serves it, rebuilds what an edit reaches and
/// reloads every open tab. Runs until SIGINT or SIGTERM.
public enum PreviewServer {
    /// Exit codes: 0 after Ctrl-C (or SIGTERM); 2 when a port cannot be listened on (in use,
    /// or an address that is not this machine's). Content errors never stop the server.
    public static func run(_ options: ServeOptions, terminal: Terminal) async -> Int32 {
        let (signals, signalSources) = SignalWatch.start()
        defer { withExtendedLifetime(signalSources) {} }
        let site = PreviewSite(options: options.build)
        let portalPort = options.port == 0 ? 0 : options.port &+ 1
        let mainServer: HTTPServer
        let portalServer: HTTPServer
        do {
            mainServer = try server(host: options.host, port: options.port, handler: PreviewHandler(site: site, port: .main))
            // The portal on the next port (0: any free port).
            portalServer = try server(host: options.host, port: portalPort, handler: PreviewHandler(site: site, port: .customers))
        } catch {
            terminal.error("error: cannot listen on \(options.host): \(error.localizedDescription)\n    hint: pass an IPv4 or IPv6 address with --host")
            return 2
        }
        enum Ending: Sendable { case stopped, signal, failed(String) }
        let ending: Ending = await withTaskGroup(of: Ending?.self) { group in
            for (server, port) in [(mainServer, options.port), (portalServer, portalPort)] {
                group.addTask {
                    do { try await server.run() } catch {
                        return Task.isCancelled ? nil : .failed(portError(error, host: options.host, port: port))
                    }
                    return nil
                }
            }
            group.addTask {
                // Listening first (a port in use is reported at once), then the first build.
                do {
                    try await mainServer.waitUntilListening()
                    try await portalServer.waitUntilListening()
                } catch { return nil }
                let main = await origin(of: mainServer, host: options.host)
                let portal = await origin(of: portalServer, host: options.host)
                await site.setCustomersOrigin(portal)
                var shown = terminal.report(await site.rebuild(changed: []), initial: true, shown: [])
                terminal.say("Serving the help center at \(main)/ (internal pages at \(main)\(PreviewRouter.internalPrefix), emails at \(main)\(PreviewRouter.emailPrefix))")
                terminal.say("Serving the customers' portal at \(portal)/")
                terminal.say("Watching \(SourceWatcher.watched.joined(separator: ", ")); press Ctrl-C to stop.")
                await watch(site, options: options, terminal: terminal, shown: &shown)
                return nil
            }
            group.addTask {
                for await _ in signals { return .signal }
                return nil
            }
            var ending = Ending.stopped
            while let next = await group.next() {
                guard let next else { continue }
                ending = next
                break
            }
            group.cancelAll()
            await site.hub.closeAll()
            async let main: Void = mainServer.stop(timeout: 0)
            async let portal: Void = portalServer.stop(timeout: 0)
            _ = await (main, portal)
            return ending
        }
        switch ending {
        case .failed(let message):
            terminal.error(message)
            return 2
        case .signal, .stopped:
            terminal.say("Stopped.")
            return 0
        }
    }

    /// Looks at the sources; after a burst of saves has been quiet for `debounce`, rebuilds once.
    /// Where the kernel tells of edits (Linux), looking is cheap and done every few milliseconds.
    private static func watch(_ site: PreviewSite, options: ServeOptions, terminal: Terminal, shown: inout Set<Diagnostic>) async {
        var watcher = SourceWatcher(siteDirectory: options.build.siteDirectory)
        let interval = watcher.isNotified ? min(options.pollInterval, .milliseconds(5)) : options.pollInterval
        var lastPing = ContinuousClock.now
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if ContinuousClock.now - lastPing > .seconds(10) {
                lastPing = ContinuousClock.now
                await site.hub.ping()
            }
            var changed = watcher.changes()
            guard !changed.isEmpty else { continue }
            while !Task.isCancelled {
                try? await Task.sleep(for: options.debounce)
                let more = watcher.changes()
                if more.isEmpty { break }
                changed.formUnion(more)
            }
            if Task.isCancelled { return }
            let outcome = await site.rebuild(changed: changed.sorted())
            shown = terminal.report(outcome, initial: false, changed: changed.sorted(), shown: shown)
        }
    }

    private static func server(host: String, port: UInt16, handler: PreviewHandler) throws -> HTTPServer {
        let address = host == "localhost" ? "127.0.0.1" : host
        if address.contains(":") {
            return HTTPServer(address: try sockaddr_in6.inet6(ip6: address, port: port), logger: .disabled, handler: handler)
        }
        return HTTPServer(address: try sockaddr_in.inet(ip4: address, port: port), logger: .disabled, handler: handler)
    }

    private static func origin(of server: HTTPServer, host: String) async -> String {
        switch await server.listeningAddress {
        case .ip4(let ip, let port): return "http://\(ip):\(port)"
        case .ip6(let ip, let port): return "http://[\(ip)]:\(port)"
        default: return "http://\(host)"
        }
    }

    static func portError(_ error: any Error, host: String, port: UInt16) -> String {
        if case .failed(_, let code, _) = error as? SocketError, code == EADDRINUSE {
            return "error: port \(port) on \(host) is in use\n    hint: stop the other server, or pass another port with --port (the customers' portal uses the next port too)"
        }
        return "error: cannot listen on \(host) port \(port): \(error.localizedDescription)\n    hint: pass another --port or --host"
    }

    /// Where the server's lines go.
    public struct Terminal: Sendable {
        public var say: @Sendable (String) -> Void
        public var error: @Sendable (String) -> Void

        /// Prints each rebuild's step timings.
        public var verbose = false

        public init(say: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void, verbose: Bool = false) {
            self.say = say
            self.error = error
            self.verbose = verbose
        }

        /// Prints a build's outcome and its diagnostics not printed before (warnings once, errors
        /// every time); returns the diagnostics now shown.
        @discardableResult
        func report(_ outcome: PreviewSite.Outcome, initial: Bool, changed: [String] = [], shown: Set<Diagnostic>) -> Set<Diagnostic> {
            let result = outcome.result
            for diagnostic in result.diagnostics where diagnostic.severity == .error || !shown.contains(diagnostic) {
                error(diagnostic.description)
            }
            let time = "\(Int(outcome.milliseconds.rounded())) ms"
            let what = changed.isEmpty ? "" : " (\(changed.prefix(3).joined(separator: ", "))\(changed.count > 3 ? ", …" : ""))"
            if result.failed {
                let errors = result.diagnostics.filter { $0.severity == .error }.count
                error("Build failed\(what): \(errors) errors; " + (initial ? "nothing to serve until a good save." : "still serving the last good build."))
            } else if initial {
                say("Built \(result.plan.pageCount) pages and \(result.plan.fileCount) files in \(time).")
            } else {
                say("Rebuilt\(what): \(result.rendered.count) of \(result.plan.outputs.count) outputs rendered, \(outcome.changedFiles) files changed, in \(time).")
            }
            if verbose {
                say(result.timings.map { $0.time.line($0.step) }.joined(separator: "\n"))
            }
            return Set(result.diagnostics)
        }
    }
}

/// SIGINT and SIGTERM as a stream (their default action, ending the process at once, is turned
/// off); keep the returned sources alive while listening.
enum SignalWatch {
    static func start() -> (signals: AsyncStream<Int32>, sources: [any DispatchSourceSignal]) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
        return (stream, sources)
    }
}
