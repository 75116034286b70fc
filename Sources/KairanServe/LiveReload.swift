import FlyingSocks

/// The open event streams of every tab: each gets `hello` on connecting (the build generation and
/// the current errors), then `reload`, `failed` or `unchanged` after each rebuild.
actor ReloadHub {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0

    /// A new tab's stream, starting with `hello`.
    func subscribe(hello: String) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.onTermination = { [weak self] _ in Task { await self?.remove(id) } }
        continuation.yield(ReloadHub.event("hello", hello))
        return stream
    }

    private func remove(_ id: Int) { clients[id] = nil }

    /// Sends one event to every open tab.
    func send(_ name: String, _ data: String) {
        let bytes = ReloadHub.event(name, data)
        for client in clients.values { client.yield(bytes) }
    }

    /// A comment line that keeps idle streams open and finds closed ones.
    func ping() { for client in clients.values { client.yield(Array(": ping\n\n".utf8)) } }

    var count: Int { clients.count }

    func closeAll() {
        for client in clients.values { client.finish() }
        clients = [:]
    }

    /// `event: NAME` and one `data:` line per line of `data`.
    static func event(_ name: String, _ data: String) -> [UInt8] {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined()
        return Array("event: \(name)\n\(lines)\n".utf8)
    }
}

/// An event stream as the bytes of a chunked HTTP body.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            if pending.isEmpty { guard let chunk = await nextChunk() else { return nil }; pending = chunk }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending = [] }
                return pending
            }
            return await nextChunk()
        }

        private mutating func nextChunk() async -> [UInt8]? {
            while let chunk = await base.next() { if !chunk.isEmpty { return chunk } }
            return nil
        }
    }
}

/// The script the server adds to every HTML response (never to built files): it listens to the
/// event stream, reloads on a new build and shows the build's errors over the page.
enum LiveReloadScript {
    /// The tag inserted before `</body>`, naming the build the page belongs to.
    static func tag(generation: Int) -> String {
        "<script src=\"\(PreviewRouter.scriptPath)\" data-generation=\"\(generation)\"></script>"
    }

    /// `html` with the tag before its last `</body>` (appended when there is none).
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array(tag(generation: generation).utf8)
        let close = Array("</body>".utf8)
        var index = html.count - close.count
        while index >= 0 {
            if html[index] == close[0], Array(html[index..<index + close.count]) == close {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    static let source = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var generation = script ? script.getAttribute("data-generation") : null;
          var source = new EventSource("\(PreviewRouter.eventsPath)");
          function overlay(text) {
            var box = document.getElementById("kairan-error-overlay");
            if (!box) {
              box = document.createElement("div");
              box.id = "kairan-error-overlay";
              box.setAttribute("role", "alert");
              box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:24px;" +
                "background:rgba(24,24,27,.94);color:#fafafa;font:14px/1.6 ui-monospace,Menlo,Consolas,monospace");
              document.body.appendChild(box);
            }
            box.textContent = "";
            var title = document.createElement("p");
            title.setAttribute("style", "margin:0 0 12px;color:#fca5a5;font-weight:bold");
            title.textContent = "kairan serve: the build failed. This is the last good build; save a fix to recover.";
            var pre = document.createElement("pre");
            pre.setAttribute("style", "margin:0;white-space:pre-wrap");
            pre.textContent = text;
            box.appendChild(title);
            box.appendChild(pre);
          }
          source.addEventListener("hello", function (event) {
            var state = JSON.parse(event.data);
            if (generation !== null && String(state.generation) !== generation) { location.reload(); return; }
            if (state.errors) { overlay(state.errors); }
          });
          source.addEventListener("reload", function () { location.reload(); });
          source.addEventListener("failed", function (event) { overlay(JSON.parse(event.data).errors); });
        })();
        """
}
