#!/usr/bin/env python3
"""Checks the HTML part of every email as a mail client would need it, then in Chromium.

Static (html.parser): no <script>, <form>, <iframe>, <link>, external fonts or @import; every
<img> has alt, width and height; every href/src is absolute (https:, http:, mailto:, tel:);
all CSS is inline but for one <style> of at most 16 KB; a hidden preheader exists.
Browser (Playwright driving Debian's chromium): at 375 px wide the page has no horizontal
scrolling, and at 600 px the message table is 600 px wide.
usage: email_layout_check.py FOLDER_OR_FILE...
"""
import html.parser, os, sys

def files(args):
    for arg in args:
        if os.path.isdir(arg):
            for folder, _, names in sorted(os.walk(arg)):
                for name in sorted(names):
                    if name.endswith(".html") and name != "index.html":
                        yield os.path.join(folder, name)
        else:
            yield arg

class Static(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.styles, self.in_style, self.style_text, self.preheader = [], 0, False, "", False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "form", "iframe", "link", "object", "embed"):
            self.problems.append(f"<{tag}> is not allowed in email")
        if tag == "style":
            self.styles += 1; self.in_style = True
        if tag == "img":
            for key in ("alt", "width", "height"):
                if key not in a: self.problems.append(f"<img> without {key}")
        for key in ("href", "src"):
            value = a.get(key)
            if value is not None and not value.startswith(("https:", "http:", "mailto:", "tel:")):
                self.problems.append(f"{key}={value!r} is not absolute")
        if "preheader" in (a.get("class") or "").split(): self.preheader = True
    def handle_endtag(self, tag):
        if tag == "style": self.in_style = False
    def handle_data(self, data):
        if self.in_style: self.style_text += data

def main():
    paths = list(files(sys.argv[1:]))
    failures = 0
    for path in paths:
        parser = Static()
        parser.feed(open(path, encoding="utf-8").read())
        problems = parser.problems
        if parser.styles > 1: problems.append(f"{parser.styles} <style> elements (one allowed)")
        if len(parser.style_text.encode()) > 16 * 1024: problems.append("<style> over 16 KB")
        if "@import" in parser.style_text or "@font-face" in parser.style_text: problems.append("external CSS or fonts in <style>")
        if not parser.preheader: problems.append("no preheader")
        for problem in sorted(set(problems)):
            failures += 1
            print(f"{path}: {problem}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        phone = browser.new_page(viewport={"width": 375, "height": 800})
        desktop = browser.new_page(viewport={"width": 1024, "height": 800})
        for path in paths:
            url = "file://" + os.path.abspath(path)
            phone.goto(url)
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                failures += 1
                print(f"{path}: scrolls sideways at 375 px (content is {width} px wide)")
            desktop.goto(url)
            table = desktop.evaluate("(() => { const t = document.querySelector('table.container'); return t ? t.getBoundingClientRect().width : 0 })()")
            if abs(table - 600) > 1:
                failures += 1
                print(f"{path}: the message table is {table} px wide at 1024 px, not 600")
        browser.close()
    print(f"email layout: {len(paths)} emails checked, {failures} problem(s)")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
