import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kairan serve` as a writer uses it: the real binary on a free loopback port.
@Suite(.serialized) struct ServeIntegrationTests {
    private func site() throws -> String {
        let root = NSTemporaryDirectory() + "kairan-serve-" + UUID().uuidString
        for (path, text) in TestSupport.smallSite {
            let full = root + "/" + path.dropFirst("site/".count)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let article = "---\ntitle: 多要素認証\ndate: 2026-06-01\ntags: [セキュリティ]\n---\n"

    @Test func servesReloadsShowsErrorsRecoversAndStops() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try ServeProcess(arguments: ["--site", root, "--port", "0", "--date", "2026-11-25"])
        #expect(server.waitFor("Watching"), "\(server.printed)\n\(server.printedErrors)")
        let port = try #require(server.port)
        let http = LoopbackHTTP(port: port)

        let page = try #require(http.get("/kb/account/mfa/"))
        #expect(page.status == 200)
        #expect(page.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.body.contains("本文。"))
        #expect(page.body.contains("<script src=\"/_kairan/live-reload.js\""))
        #expect(http.get("/kb/account/mfa")?.status == 301)
        #expect(http.get("/assets/kairan.css")?.headers.lowercased().contains("content-type: text/css") == true)
        let missing = try #require(http.get("/no/such/page/"))
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html"))
        let tag = try #require(http.get("/tags/%E3%82%BB%E3%82%AD%E3%83%A5%E3%83%AA%E3%83%86%E3%82%A3/"))
        #expect(tag.status == 200)

        let events = try #require(EventStreamReader(port: port))
        #expect(events.next("hello") != nil)

        // An edit: the reload event, then the new page.
        let file = root + "/content/kb/account/mfa.md"
        try (Self.article + "新しい本文です。\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(events.next("reload") != nil, "\(server.printed)\n\(server.printedErrors)")
        #expect(http.get("/kb/account/mfa/")?.body.contains("新しい本文です。") == true)

        // A broken file: the overlay's event names the file:line:column and the hint; the last good page is still served.
        try "---\ntitle: [壊れた\n---\n壊れた本文。\n".write(toFile: file, atomically: true, encoding: .utf8)
        let failed = try #require(events.next("failed"), "\(server.printedErrors)")
        #expect(failed.contains("content/kb/account/mfa.md:3:1: error:"))
        #expect(failed.contains("hint:"))
        #expect(server.waitFor("content/kb/account/mfa.md:3:1: error:", inErrors: true))
        #expect(http.get("/kb/account/mfa/")?.body.contains("新しい本文です。") == true)
        #expect(http.get("/_kairan/live-reload.js")?.body.contains("kairan-error-overlay") == true)

        // Fixed: recovered.
        try (Self.article + "直した本文です。\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(events.next("reload") != nil)
        #expect(http.get("/kb/account/mfa/")?.body.contains("直した本文です。") == true)

        #expect(server.interrupt() == 0)
        #expect(server.printed.contains("Stopped."))
        // Nothing was written: the preview lives in memory.
        #expect(!FileManager.default.fileExists(atPath: root + "/output"))
    }

    @Test func aPortInUseIsAUsageErrorNamingThePort() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Hold a loopback port.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(holder, $0, length) } }
        listen(holder, 1)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(holder, $0, &length) } }
        let port = UInt16(bigEndian: address.sin_port)
        let run = try CommandLineTests.run(["serve", "--site", root, "--port", "\(port)", "--date", "2026-11-25"])
        #expect(run.status == 2)
        #expect(run.errors.contains("port \(port) on 127.0.0.1 is in use"))
    }
}
