#!/usr/bin/env python3
"""Every page of the built site (and every email's HTML) in headless Chromium (Playwright driving Debian's chromium) at
390 px and 1280 px: the page never scrolls sideways; every table cell is at least three
characters wide, or its table scrolls inside its wrapper; at 390 px the menu opens and shows the
navigation. Each tree is served on its own port (its links are site paths of that tree).
Screenshots of the main page kinds are kept in ARTIFACTS (default .build/screenshots).
usage: page_layout_check.py OUTPUT_FOLDER [ARTIFACTS]
"""
import os, sys
from local_server import serve
from playwright.sync_api import sync_playwright

CHECK = """() => {
  const problems = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`scrolls sideways: ${document.documentElement.scrollWidth}px wide at ${width}px`);
  for (const table of document.querySelectorAll('main table')) {
    if (table.closest('svg')) continue;
    let scroller = table, scrolls = false;
    while (scroller && scroller !== document.body) {
      const style = getComputedStyle(scroller);
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && scroller.scrollWidth > scroller.clientWidth + 1) { scrolls = true; break; }
      scroller = scroller.parentElement;
    }
    if (scrolls) continue;
    for (const cell of table.querySelectorAll('td, th')) {
      const size = parseFloat(getComputedStyle(cell).fontSize);
      const padding = parseFloat(getComputedStyle(cell).paddingLeft) + parseFloat(getComputedStyle(cell).paddingRight);
      // Crushed: narrower than three full-width characters while its text wraps onto more lines.
      const range = document.createRange();
      range.selectNodeContents(cell);
      const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;
      if (cell.textContent.trim().length >= 3 && lines > 1 && cell.clientWidth - padding < 3 * size - 1) {
        problems.push(`table cell "${cell.textContent.trim().slice(0, 12)}" is ${Math.round(cell.clientWidth - padding)}px wide, under 3 characters, and its table does not scroll`);
        break;
      }
    }
  }
  return problems;
}"""

MENU = """() => {
  const menu = document.querySelector('.site-menu');
  if (!menu || getComputedStyle(menu).display === 'none') return 'no menu';
  menu.querySelector('summary').click();
  const nav = menu.querySelector('nav');
  return nav && nav.offsetHeight > 0 && nav.querySelectorAll('a').length > 0 ? 'ok' : 'the menu does not open';
}"""

SHOTS = {"public": ["/", "/kb/troubleshooting/error-codes/", "/kb/accounts/login-security/mfa/", "/kb/accounts/", "/releases/", "/tags/"],
         "customers": ["/", "/training/", "/reports/weekly/", "/reports/weekly/2026-W44/", "/newsletters/2026-11/"],
         "internal": ["/", "/kpi/", "/kpi/uptime/", "/kpi/mau/", "/roadmap/", "/content/"], "email": ["/", "/weekly/2026-W44.html", "/release/1.7.0.html"]}


def pages(folder):
    for root, _, names in sorted(os.walk(folder, followlinks=True)):
        for name in sorted(names):
            if name.endswith(".html"):
                # Redirect pages (aliases) send the browser on at once: redirects_check.py checks them.
                with open(os.path.join(root, name), encoding="utf-8") as page:
                    if 'http-equiv="refresh"' in page.read(2048):
                        continue
                path = "/" + os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
                yield path[: -len("index.html")] if path.endswith("/index.html") or path == "/index.html" else path

def main():
    output = sys.argv[1]
    artifacts = sys.argv[2] if len(sys.argv) > 2 else ".build/screenshots"
    os.makedirs(artifacts, exist_ok=True)
    failures, checked = 0, 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for tree in ("public", "customers", "internal", "email"):
            folder = os.path.join(output, tree)
            if not os.path.isdir(folder): continue
            server = serve(os.path.realpath(folder))
            base = f"http://127.0.0.1:{server.server_address[1]}"
            for width in (390, 1280):
                page = browser.new_page(viewport={"width": width, "height": 900})
                for path in pages(os.path.realpath(folder)):
                    page.goto(base + path)
                    checked += 1
                    for problem in page.evaluate(CHECK):
                        failures += 1
                        print(f"{tree}{path} at {width}px: {problem}")
                    if width == 390 and tree in ("public", "customers"):
                        verdict = page.evaluate(MENU)
                        if verdict != "ok":
                            failures += 1
                            print(f"{tree}{path} at 390px: {verdict}")
                    if path in SHOTS[tree]:
                        name = (tree + path).strip("/").replace("/", "_") or tree
                        page.goto(base + path)
                        page.screenshot(path=os.path.join(artifacts, f"{name}-{width}.png"), full_page=True)
                page.close()
            server.shutdown()
        browser.close()
    print(f"page layout: {checked} page views checked, {failures} problem(s); screenshots in {artifacts}")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
