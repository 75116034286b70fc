#!/usr/bin/env python3
"""The search in a real browser: Debian's Chromium (Playwright) loads the built public site from a
local HTTP server on 127.0.0.1 and opens /search/?q=… for Japanese queries of every kind; the
expected articles must appear (and come first where the query is a title), the count element
must agree with the results, keyboard navigation must work, and a page's header box must lead to
the results page. Usage: search_browser_check.py OUTPUT/public"""
import functools, http.server, socketserver, sys, threading, time, urllib.parse
from playwright.sync_api import sync_playwright

root = sys.argv[1] if len(sys.argv) > 1 else "output/public"

# query → (URLs that must be among the results, URL that must be first or None, kind)
CASES = [
    ("多要素認証", ["/kb/accounts/login-security/mfa/"], None, "kanji"),
    ("パスワード", ["/kb/accounts/password/"], "/kb/accounts/password/", "katakana, title match first"),
    ("ﾊﾟｽﾜｰﾄﾞ", ["/kb/accounts/password/"], "/kb/accounts/password/", "half-width katakana"),
    ("ぱすわーど", ["/kb/accounts/password/"], "/kb/accounts/password/", "hiragana for katakana"),
    ("サインイン", ["/kb/troubleshooting/cannot-login/", "/kb/getting-started/first-login/"], None, "synonym of ログイン"),
    ("ログイン　履歴", ["/kb/accounts/login-security/sign-in-history/"], "/kb/accounts/login-security/sign-in-history/", "two words, full-width space"),
    ("ＣＳＶ", ["/kb/data-export/csv-export/", "/kb/data-export/csv-format/"], None, "full-width Latin word"),
    ("文字化け", ["/kb/data-export/open-csv-in-excel/"], "/kb/data-export/open-csv-in-excel/", "title match first"),
]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main():
    handler = functools.partial(Quiet, directory=root)
    with socketserver.TCPServer(("127.0.0.1", 0), handler) as server:
        port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        failures, timings = [], []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(viewport={"width": 390, "height": 844})
            errors = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            for query, expected, first, kind in CASES:
                page.goto(f"{base}/search/?q={urllib.parse.quote(query)}")
                page.wait_for_selector("[data-result-count]", timeout=10000)
                page.wait_for_selector("#search-results[data-ready]", state="attached", timeout=10000)
                count = int(page.get_attribute("[data-result-count]", "data-result-count"))
                urls = page.eval_on_selector_all("[data-result-url]", "els => els.map(e => e.dataset.resultUrl)")
                missing = [u for u in expected if u not in urls]
                if missing:
                    failures.append(f"{query} ({kind}): missing {missing}; got {urls[:10]}")
                if first and (not urls or urls[0] != first):
                    failures.append(f"{query} ({kind}): first result {urls[:1]}, expected {first}")
                if count < len(urls) or (count <= 10 and count != len(urls)):
                    failures.append(f"{query}: data-result-count {count} but {len(urls)} results shown")
                # 「さらに表示」 shows only while results are left to show.
                more = page.is_visible("#search-more")
                if more != (count > len(urls)):
                    failures.append(f"{query}: the more button is {'shown' if more else 'hidden'} with {len(urls)} of {count} results shown")
                marks = page.eval_on_selector_all(".search-snippet mark", "els => els.length")
                if urls and marks == 0:
                    failures.append(f"{query}: no highlighted match in the snippets")
                print(f"  {query!r} ({kind}): {count} results, first {urls[:1]}")
            # The query answers quickly once the index is loaded: time a second search in the page.
            page.goto(f"{base}/search/?q={urllib.parse.quote('ログイン')}")
            page.wait_for_selector("#search-results[data-ready]")
            ms = page.evaluate("""async () => {
                const index = new KairanSearch.Index(document.getElementById('search-results').dataset.index,
                    (u, k) => fetch(u).then(r => k === 'bin' ? r.arrayBuffer() : r.json()));
                await index.search('ログイン');
                const t = performance.now();
                for (let i = 0; i < 10; i++) await index.search('パスワード 変更');
                return (performance.now() - t) / 10;
            }""")
            print(f"  a query once its files are loaded: {ms:.1f} ms")
            if ms > 50:
                failures.append(f"a loaded query took {ms:.1f} ms (> 50 ms)")
            # Keyboard: from the box, ↓ focuses the first result.
            page.focus("#search-q")
            page.keyboard.press("ArrowDown")
            focused = page.evaluate("document.activeElement && document.activeElement.closest('[data-result-url]') ? 1 : 0")
            if not focused:
                failures.append("ArrowDown from the search box does not focus the first result")
            # The header box of an article leads to the results page.
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(f"{base}/kb/accounts/password/")
            page.fill("#site-search-q", "KPI")
            page.press("#site-search-q", "Enter")
            page.wait_for_selector("#search-results[data-ready]")
            if "/search/?q=KPI" not in page.url:
                failures.append(f"the header search went to {page.url}")
            # Without JavaScript the page says so.
            nojs = browser.new_context(java_script_enabled=False).new_page()
            nojs.goto(f"{base}/search/?q=KPI")
            if "JavaScriptが必要" not in nojs.inner_text("main"):
                failures.append("without JavaScript the results page does not say it needs it")
            if nojs.is_visible("#search-more"):
                failures.append("without JavaScript the results page shows a more button that cannot work")
            if errors:
                failures.append(f"script errors: {errors}")
            browser.close()
        server.shutdown()
    for failure in failures:
        print("FAIL", failure)
    print(f"search in Chromium: {len(CASES)} queries, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
