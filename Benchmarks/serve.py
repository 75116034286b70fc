#!/usr/bin/env python3
"""kairan serve on the shared 5,000-article corpus: how fast an edit reaches the browser.

usage: Benchmarks/serve.py [--articles 5000] [--runs 20] [--kairan .build/release/kairan]

Generates the corpus on /dev/shm, starts `kairan serve` on a free loopback port, listens to its
live-reload event stream like a browser tab, and measures from the file write to the event:
  no-change save   the file rewritten with the same bytes  -> `unchanged` event
  body edit        one article's body                     -> `reload` event
  title edit       one article's title (lists, tags)      -> `reload` event
Prints the median (and min/max) of each; the server's own rebuild times come from --verbose.
Every request goes to 127.0.0.1 only; the run ends by itself (SIGINT to the server).
"""
import argparse, os, re, shutil, signal, socket, statistics, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class EventStream(threading.Thread):
    """Reads the server-sent events of /_kairan/events and notes when each arrives."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=60)
        self.sock.sendall(b"GET /_kairan/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.events = []  # (monotonic time, name)
        self.cond = threading.Condition()

    def run(self):
        buffer = b""
        while True:
            try:
                data = self.sock.recv(65536)
            except OSError:
                return
            if not data:
                return
            now = time.monotonic()
            buffer += data
            for name in re.findall(rb"event: (\w+)\n", buffer):
                with self.cond:
                    self.events.append((now, name.decode()))
                    self.cond.notify_all()
            buffer = buffer[buffer.rfind(b"\n") + 1:]

    def wait_for(self, name, after, timeout=30):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for when, event in self.events:
                    if event == name and when >= after:
                        return when
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)


def measure(stream, path, texts, expect):
    """Writes each text to path; the milliseconds from each write to the `expect` event."""
    times = []
    for text in texts:
        time.sleep(0.3)  # a separate save, not part of the previous burst
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        arrived = stream.wait_for(expect, start)
        if arrived is None:
            sys.exit(f"no `{expect}` event after writing {path}")
        times.append((arrived - start) * 1000)
    return times


def summary(label, times, target):
    median = statistics.median(times)
    verdict = "ok" if median <= target else "over target"
    print(f"{label:16} median {median:6.1f} ms  (min {min(times):.1f}, max {max(times):.1f}, n={len(times)}; target <= {target} ms: {verdict})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--kairan", default=os.path.join(ROOT, ".build/release/kairan"))
    parser.add_argument("--shared", default=os.environ.get("KAIRAN_SHARED", os.path.join(ROOT, "..", "shared")))
    args = parser.parse_args()
    if not os.access(args.kairan, os.X_OK):
        sys.exit(f"{args.kairan} is missing: run `make release` first")

    work = "/dev/shm/kairan-serve-bench"
    shutil.rmtree(work, ignore_errors=True)
    site = os.path.join(work, "site")
    subprocess.run([sys.executable, os.path.join(args.shared, "bench", "gen_corpus.py"), site, str(args.articles)], check=True)
    server = subprocess.Popen([args.kairan, "serve", "--site", site, "--port", "0", "--date", "2026-11-25", "--verbose"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    started = time.monotonic()
    port = None
    for line in server.stdout:
        lines.append(line.rstrip())
        match = re.search(r"Serving the help center at http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
        if line.startswith("Watching"):
            break
    if port is None:
        server.kill()
        sys.exit("the server did not start:\n" + "\n".join(lines))
    print(f"corpus: {args.articles} articles; {os.cpu_count()} cores; first build and start: {(time.monotonic() - started) * 1000:.0f} ms")
    print("\n".join(l for l in lines if l.startswith("Built")))
    reader = threading.Thread(target=lambda: lines.extend(l.rstrip() for l in server.stdout), daemon=True)
    reader.start()

    stream = EventStream(port)
    stream.start()
    if stream.wait_for("hello", 0) is None:
        sys.exit("no hello event")

    article = os.path.join(site, "content", "kb", "faq", "article-00007.md")
    original = open(article, encoding="utf-8").read()
    runs = args.runs
    same = measure(stream, article, [original] * runs, "unchanged")
    bodies = measure(stream, article, [original + f"\n追記 {i} の本文です。\n" for i in range(runs)], "reload")
    title_line = re.search(r'^title: .*$', original, re.M).group(0)
    titles = measure(stream, article, [original.replace(title_line, f'title: "タイトルの編集 {i}"') for i in range(runs)], "reload")
    with open(article, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(0.5)

    summary("no-change save", same, 50)
    summary("body edit", bodies, 100)
    summary("title edit", titles, 300)
    server.send_signal(signal.SIGINT)
    code = server.wait(timeout=30)
    reader.join(timeout=5)
    rebuilds = [l for l in lines if l.startswith("Rebuilt") or l.startswith("  ")]
    if os.environ.get("KAIRAN_SERVE_LOG"):
        with open(os.environ["KAIRAN_SERVE_LOG"], "w") as log:
            log.write("\n".join(rebuilds) + "\n")
    print("server's last rebuilds:")
    print("\n".join(rebuilds[-12:]))
    print(f"server exit code after SIGINT: {code}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
