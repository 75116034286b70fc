"""A built tree served on 127.0.0.1 for the browser checks: each tree as its own site root, so its
site-absolute links work. serve(folder) returns the running server (its port: server.server_port)."""
import functools, http.server, threading


def serve(folder):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args): pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
