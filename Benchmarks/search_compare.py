#!/usr/bin/env python3
"""Kairan's search client vs Pagefind's in Chromium, over one built site that holds both indexes
(Kairan's `search/`, Pagefind's `pagefind/`). For each query, in a fresh browser context (cold
cache): the bytes the first query downloads (index files and script, gzip sizes: every response
body is gzip-compressed here, as a static host would serve it), and the hits: Kairan's result
set and Pagefind's, against the truth (the pages whose normalised text holds the query, from
Tests/search/exactness.js --truth). Then the time of a query once its files are loaded.
usage: search_compare.py PUBLIC_DIR"""
import functools, gzip, http.server, json, os, socketserver, subprocess, sys, threading, urllib.parse
from playwright.sync_api import sync_playwright

root = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
QUERIES = ["予約", "ログイン", "レセプト", "パスワード", "ﾊﾟｽﾜｰﾄﾞ", "ぱすわーど", "二要素認証", "再来率", "ＣＳＶ", "csv",
           "スマートフォン", "ｽﾏｰﾄﾌｫﾝ", "管理者権限", "保険 請求", "院長にお問い合わせ", "新幹線", "京都"]

truth = json.loads(subprocess.run(["node", os.path.join(here, "..", "Tests", "search", "exactness.js"), root, "--truth", *QUERIES],
                                  check=True, capture_output=True, text=True).stdout)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def gz(body):
    return len(gzip.compress(body, 6))


def counter(sizes, uncounted, wanted):
    """A response listener adding the gzip size of each wanted response to `sizes`. A response
    still arriving when its page is closed (Pagefind fetches ahead) has no body left: its URL goes
    to `uncounted`, reported with the row, so a lost body never silently lowers a figure."""
    def listen(response):
        if not wanted(response.url):
            return
        try:
            sizes.append(gz(response.body()))
        except Exception:
            uncounted.append(response.url)
    return listen


def main():
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root)) as server:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            for query in QUERIES:
                row = {"query": query, "truth": len(truth[query])}
                # Kairan: the real results page.
                context = browser.new_context()
                page = context.new_page()
                sizes, uncounted = [], []
                page.on("response", counter(sizes, uncounted, lambda url: ("/search/" in url and not url.endswith("/") and "?q=" not in url) or url.endswith("search.js")))
                page.goto(f"{base}/search/?q={urllib.parse.quote(query)}")
                page.wait_for_selector("#search-results[data-ready]", state="attached", timeout=60000)
                count = int(page.get_attribute("[data-result-count]", "data-result-count"))
                page.wait_for_timeout(300)
                first_kb = round(sum(sizes) / 1024, 1)  # what the results page downloaded for its first ten
                first_uncounted = len(uncounted)
                found = page.evaluate("""async (q) => {
                    const index = new KairanSearch.Index(document.getElementById('search-results').dataset.index,
                        (u, k) => fetch(u).then(r => k === 'bin' ? r.arrayBuffer() : r.json()));
                    const results = await index.search(q);
                    const urls = [];
                    for (const r of results) urls.push((await index.page(r.page)).url);
                    const t = performance.now(); for (let i = 0; i < 5; i++) await index.search(q);
                    return {urls, ms: (performance.now() - t) / 5};
                }""", query)
                row.update(kairan_kb=first_kb, kairan_uncounted=first_uncounted, kairan_count=count, kairan_ms=round(found["ms"], 1))
                want = set(truth[query])
                got = set(found["urls"])
                row.update(kairan_missed=len(want - got), kairan_false=len(got - want))
                context.close()
                # Pagefind: its documented JS API, the first ten results' data (what a results page shows).
                context = browser.new_context()
                page = context.new_page()
                sizes, uncounted = [], []
                page.on("response", counter(sizes, uncounted, lambda url: "/pagefind/" in url))
                page.goto(f"{base}/404.html")
                first = page.evaluate("""async (q) => {
                    const pf = await import('/pagefind/pagefind.js');
                    await pf.init();
                    const s = await pf.search(q);
                    await Promise.all(s.results.slice(0, 10).map(r => r.data()));
                    return s.results.length;
                }""", query)
                page.wait_for_timeout(300)
                row.update(pagefind_kb=round(sum(sizes) / 1024, 1), pagefind_uncounted=len(uncounted), pagefind_count=first)
                everything = page.evaluate("""async (q) => {
                    const pf = await import('/pagefind/pagefind.js');
                    const s = await pf.search(q);
                    const urls = [];
                    for (const r of s.results) urls.push((await r.data()).url);
                    const t = performance.now(); for (let i = 0; i < 5; i++) await pf.search(q);
                    return {urls, ms: (performance.now() - t) / 5};
                }""", query)
                pgot = set(urllib.parse.unquote(u).split("#")[0] for u in everything["urls"])
                indexed = set(truth_all)
                row.update(pagefind_missed=len(want - pgot), pagefind_false=len((pgot & indexed) - want),
                           pagefind_other_pages=len(pgot - indexed), pagefind_ms=round(everything["ms"], 1))
                context.close()
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
            browser.close()
        server.shutdown()
    k = sorted(r["kairan_kb"] for r in rows)
    pf = sorted(r["pagefind_kb"] for r in rows)
    print(f"first-query transfer (gzip), median over {len(rows)} queries: kairan {k[len(k)//2]} KB (max {k[-1]}), pagefind {pf[len(pf)//2]} KB (max {pf[-1]})")
    print(f"responses whose body was gone before it was counted: kairan {sum(r['kairan_uncounted'] for r in rows)}, "
          f"pagefind {sum(r['pagefind_uncounted'] for r in rows)}")
    print(f"kairan: {sum(r['kairan_missed'] for r in rows)} missed, {sum(r['kairan_false'] for r in rows)} false hits; "
          f"pagefind: {sum(r['pagefind_missed'] for r in rows)} missed, {sum(r['pagefind_false'] for r in rows)} false hits "
          f"(+{sum(r['pagefind_other_pages'] for r in rows)} hits on pages kairan does not index: tags, home, lists)")


# Every page Kairan indexes (from its page store): Pagefind's hits elsewhere are counted apart.
manifest = json.load(open(os.path.join(root, "search", "index.json")))
truth_all = []
for n in range((manifest["pages"] + manifest["group"] - 1) // manifest["group"]):
    truth_all += [r["url"] for r in json.load(open(os.path.join(root, "search", "d", f"{n}.json")))]

if __name__ == "__main__":
    main()
