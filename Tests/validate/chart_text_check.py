#!/usr/bin/env python3
"""The KPI charts' text is legible on phones and desktops: every <text> of every shown SVG chart of
the internal pages, in headless Chromium (Playwright driving Debian's chromium) at 390 px and
1280 px (and 640 px, where the wide chart takes over), is rendered at least 11 CSS px tall —
its computed font size times the SVG's scale (getScreenCTM), cross-checked with the height of
its bounding box. Charts hidden at a width (the other form) are skipped; a page set with no
chart text at all fails, so the check cannot pass by finding nothing.
usage: chart_text_check.py OUTPUT_FOLDER
"""
import os, sys
from local_server import serve
from playwright.sync_api import sync_playwright

MINIMUM = 11.0
WIDTHS = (390, 640, 1280)

MEASURE = """() => {
  const found = [];
  for (const svg of document.querySelectorAll('main svg')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || getComputedStyle(svg).display === 'none') continue;
    for (const text of svg.querySelectorAll('text')) {
      if (!text.textContent.trim()) continue;
      const scale = text.getScreenCTM().a;
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      const height = text.getBoundingClientRect().height;
      found.push({chart: svg.getAttribute('class') || '', text: text.textContent.trim().slice(0, 24), size, height});
    }
  }
  return found;
}"""


def pages(folder):
    for root, _, names in sorted(os.walk(folder, followlinks=True)):
        for name in sorted(names):
            if name == "index.html":
                with open(os.path.join(root, name), encoding="utf-8") as page:
                    if "<svg" not in page.read():
                        continue
                path = "/" + os.path.relpath(root, folder).replace(os.sep, "/") + "/"
                yield "/" if path == "/./" else path

def main():
    folder = os.path.realpath(os.path.join(sys.argv[1], "internal"))
    failures, measured, smallest = 0, 0, {}
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in pages(folder):
                page.goto(base + path)
                for entry in page.evaluate(MEASURE):
                    measured += 1
                    kind = "sparkline" if "sparkline" in entry["chart"] else entry["chart"]
                    smallest[(width, kind)] = min(smallest.get((width, kind), 99), entry["size"])
                    # The box of a line of text is taller than its font size; under 11 px either way is too small.
                    if entry["size"] < MINIMUM - 0.01 or entry["height"] < MINIMUM - 0.01:
                        failures += 1
                        if failures <= 20:
                            print(f"internal{path} at {width}px: \"{entry['text']}\" in {entry['chart']} is "
                                  f"{entry['size']:.1f}px (box {entry['height']:.1f}px), under {MINIMUM:g}px")
            page.close()
        browser.close()
    server.shutdown()
    for (width, kind), size in sorted(smallest.items()):
        print(f"  smallest text at {width}px in {kind}: {size:.1f}px")
    if measured == 0:
        print("no chart text found: the check measured nothing")
        return 1
    print(f"chart text: {measured} texts measured, {failures} under {MINIMUM:g}px")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
