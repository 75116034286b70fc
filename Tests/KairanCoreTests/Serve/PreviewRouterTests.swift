import Testing
import KairanCore
@testable import KairanServe

/// How request paths map to the built trees, and where the live-reload script goes.
@Suite struct PreviewRouterTests {
    let files: Set<String> = ["public/index.html", "public/kb/faq/index.html", "public/assets/kairan.css",
                              "internal/kpi/index.html", "email/index.html", "email/weekly/2026-W47.eml",
                              "customers/training/index.html"]

    func route(_ path: String, port: PreviewRouter.Port = .main, base: String = "/") -> PreviewRoute {
        let router = PreviewRouter(port: port, basePaths: [.public: base, .customers: "/"], customersOrigin: "http://127.0.0.1:1314")
        return router.route(path) { files.contains("\($0.folder)/\($1)") }
    }

    @Test func foldersServeTheirIndexAndGetTheirSlash() {
        #expect(route("/") == .file(.public, "index.html"))
        #expect(route("/kb/faq/") == .file(.public, "kb/faq/index.html"))
        #expect(route("/kb/faq") == .redirect("/kb/faq/"))
        #expect(route("/assets/kairan.css") == .file(.public, "assets/kairan.css"))
        #expect(route("/kb/none/") == .notFound)
    }

    @Test func theOtherTreesHaveTheirPrefixesOrPort() {
        #expect(route("/_internal/kpi/") == .file(.internal, "kpi/index.html"))
        #expect(route("/_email") == .redirect("/_email/"))
        #expect(route("/_email/") == .file(.email, "index.html"))
        #expect(route("/_email/weekly/2026-W47.eml") == .file(.email, "weekly/2026-W47.eml"))
        #expect(route("/_customers/training/") == .redirect("http://127.0.0.1:1314/training/"))
        #expect(route("/training/", port: .customers) == .file(.customers, "training/index.html"))
        #expect(route("/kb/faq/", port: .customers) == .notFound)
        #expect(route("/_kairan/events", port: .customers) == .events)
    }

    @Test func aBasePathIsServedAsTheSiteLinksIt() {
        #expect(route("/", base: "/help/") == .redirect("/help/"))
        #expect(route("/help", base: "/help/") == .redirect("/help/"))
        #expect(route("/help/kb/faq/", base: "/help/") == .file(.public, "kb/faq/index.html"))
        #expect(route("/kb/faq/", base: "/help/") == .notFound)
    }

    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let html = Array("<html><body><p>&lt;/body&gt;</p></body></html>".utf8)
        let served = String(decoding: LiveReloadScript.inject(into: html, generation: 7), as: UTF8.self)
        #expect(served == "<html><body><p>&lt;/body&gt;</p><script src=\"/_kairan/live-reload.js\" data-generation=\"7\"></script></body></html>")
        #expect(String(decoding: LiveReloadScript.inject(into: Array("text".utf8), generation: 1), as: UTF8.self).hasSuffix("</script>"))
    }

    @Test func contentTypes() {
        #expect(ContentTypes.type(of: "kb/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.type(of: "releases/atom.xml") == "application/atom+xml")
        #expect(ContentTypes.type(of: "training/events.ics") == "text/calendar; charset=utf-8")
        #expect(ContentTypes.type(of: "weekly/2026-W47.eml") == "text/plain; charset=utf-8")
        #expect(ContentTypes.type(of: "assets/favicon.svg") == "image/svg+xml")
    }
}
