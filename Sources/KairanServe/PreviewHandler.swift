import FlyingFox
import Foundation
import KairanCore

/// Answers the requests of one port from the served tree: content types, `index.html` for
/// folders, the site's 404 page, the live-reload script in HTML responses only.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let port: PreviewRouter.Port

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var snapshot = await site.snapshot
        let router = PreviewRouter(port: port, basePaths: snapshot.basePaths, customersOrigin: snapshot.customersOrigin)
        var tree = snapshot.tree
        // The path as sent (FlyingFox's `path` drops a trailing slash, which names a folder here).
        let path = request.target.path(percentEncoded: false)
        let pending = snapshot.searchPending
        let route = router.route(path.hasPrefix("/") ? path : "/" + path) { audience, path in
            tree?[audience, path] != nil || (pending && OutputKey(audience: audience, path: path).isSearchIndexFile)
        }
        switch route {
        case .events:
            let stream = await site.hub.subscribe(hello: await site.state)
            return HTTPResponse(statusCode: .ok, headers: headers(type: "text/event-stream"), body: HTTPBodySequence(from: EventBytes(stream: stream)))
        case .script:
            return response(.ok, type: "text/javascript; charset=utf-8", Array(LiveReloadScript.source.utf8))
        case .redirect(let location):
            var headers = headers(type: nil)
            headers[.location] = location
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .file(let audience, let path):
            // The search index's files while it is being made after an edit: the request waits
            // for them (never the last build's index, never a missing file).
            if tree?[audience, path] == nil, pending, OutputKey(audience: audience, path: path).isSearchIndexFile {
                await site.searchReady()
                snapshot = await site.snapshot
                tree = snapshot.tree
            }
            guard let bytes = tree?[audience, path] else { return notFound(snapshot) }
            let type = ContentTypes.type(of: path)
            return response(.ok, type: type, type.hasPrefix("text/html") ? LiveReloadScript.inject(into: bytes, generation: snapshot.generation) : bytes)
        case .notFound:
            return notFound(snapshot)
        }
    }

    /// The site's 404 page, or, before any build succeeded, the errors.
    private func notFound(_ snapshot: PreviewSite.Snapshot) -> HTTPResponse {
        guard let tree = snapshot.tree else { return failedPage(snapshot) }
        let page = tree[.public, SitePaths.file(for: SitePaths.notFound)] ?? Array("<!DOCTYPE html><title>404</title><p>Not found</p>".utf8)
        return response(.notFound, type: "text/html; charset=utf-8", LiveReloadScript.inject(into: page, generation: snapshot.generation))
    }

    /// What every page shows while the site has never built: its errors, until a good save.
    private func failedPage(_ snapshot: PreviewSite.Snapshot) -> HTTPResponse {
        let text = HTMLEscaping.escape(snapshot.errors ?? "building…")
        let page = "<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>kairan serve: build failed</title><body><pre>\(text)</pre></body></html>"
        return response(.serviceUnavailable, type: "text/html; charset=utf-8", LiveReloadScript.inject(into: Array(page.utf8), generation: -1))
    }

    private func response(_ status: HTTPStatusCode, type: String, _ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(type: type), body: Data(bytes))
    }

    /// Every response is fresh: the tree changes with each save.
    private func headers(type: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let type { headers[.contentType] = type }
        headers[.cacheControl] = "no-store"
        return headers
    }
}
