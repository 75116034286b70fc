#!/usr/bin/env python3
"""Article pages in headless Chromium (Playwright driving Debian's chromium), with the theme's
script (assets/article.js) running and without it:

- at 1280 px: the section sidebar is visible beside the article and sticky; scrolling the article
  moves the table of contents' current item (aria-current="true") to a later heading; a code
  block's copy button puts the code on the clipboard and says 「コピーしました」 (in an aria-live
  region); clicking はい shows the thank-you and opens feedback_url with helpful=yes;
- at 390 px (a touch phone): no sideways scrolling, the heading links are visible, the table of
  contents is a closed toggle above the text and the sidebar comes after the article;
- with JavaScript disabled: the table of contents' links are there and visible at 1280 px, no
  copy button exists.

The article is chosen from the built site: the one with a code block and the longest table of
contents. Screenshots at 390 and 1280 px, light and dark, go to ARTIFACTS.
usage: article_page_check.py PUBLIC_FOLDER [ARTIFACTS]
"""
import os, re, sys
from local_server import serve
from playwright.sync_api import sync_playwright


def choose(folder):
    """The article page with a code block and the most table-of-contents entries."""
    best = None
    for root, _, names in sorted(os.walk(os.path.join(folder, "kb"), followlinks=True)):
        if "index.html" not in names:
            continue
        with open(os.path.join(root, "index.html"), encoding="utf-8") as page:
            text = page.read()
        if 'class="kind-article"' not in text or "<pre" not in text:
            continue
        toc = re.search(r'<nav class="toc article-toc".*?</nav>', text, re.S)
        entries = len(re.findall(r'<a href="#', toc.group(0))) if toc else 0
        path = "/" + os.path.relpath(root, folder).replace(os.sep, "/") + "/"
        if entries >= 3 and (best is None or entries > best[0]):
            best = (entries, path)
    return best[1] if best else None

def local_only(route):
    # feedback_url is an outside address: answer it here instead of reaching the network.
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.fulfill(status=200, content_type="text/html", body="<!DOCTYPE html><title>feedback</title>")

def main():
    folder = sys.argv[1]
    artifacts = sys.argv[2] if len(sys.argv) > 2 else ".build/screenshots"
    os.makedirs(artifacts, exist_ok=True)
    path = choose(folder)
    if path is None:
        print("no article page with a code block and a table of contents of three entries")
        return 1
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    problems = []
    def expect(condition, message):
        if not condition:
            problems.append(message)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")

        # Wide screen, with the script.
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="ja-JP")
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        context.route("**/*", local_only)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(base + path)
        page.wait_for_load_state("load")
        sidebar = page.locator(".article-sidebar")
        expect(sidebar.is_visible(), "1280 px: the sidebar is not visible")
        box = sidebar.bounding_box() or {"x": 9999, "width": 0}
        content = page.locator(".article .content").bounding_box() or {"x": 0}
        expect(box["x"] + box["width"] <= content["x"], f"1280 px: the sidebar is not beside the article ({box}, text at {content['x']})")
        expect(page.locator(".article-sidebar [aria-current=page]").count() == 1, "the sidebar does not mark the current article")
        expect(page.locator(".article-toc details").evaluate("d => d.open"), "1280 px: the table of contents is not open")
        current = lambda: page.evaluate("() => { const a = document.querySelector('.article-toc a[aria-current=\"true\"]'); return a ? a.getAttribute('href') : null; }")
        links = page.eval_on_selector_all(".article-toc a", "links => links.map(a => a.getAttribute('href'))")
        page.evaluate("() => window.scrollTo(0, 0)")
        page.wait_for_timeout(150)
        first = current()
        # Scroll the second heading of the list to the top: the current item follows.
        target = links[2] if len(links) > 2 else links[-1]
        page.evaluate("id => { const h = document.getElementById(decodeURIComponent(id.slice(1))); window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 20); }", target)
        page.wait_for_timeout(200)
        later = current()
        expect(later is not None and later != first, f"scrolling did not move the table of contents' current item ({first} -> {later})")
        expect(later is None or links.index(later) >= 1, f"after scrolling the current item is {later}")
        top = lambda selector: page.locator(selector).evaluate("e => Math.round(e.getBoundingClientRect().top)")
        expect(page.locator(".article-sidebar").evaluate("e => getComputedStyle(e).position") == "sticky", "the sidebar is not sticky")
        expect(top(".article-sidebar") >= -1 and page.locator(".article-sidebar").is_visible(), "scrolled, the sidebar left the screen")
        expect(top(".article-toc") >= -1, "scrolled, the table of contents left the screen")
        page.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)")
        page.wait_for_timeout(200)
        expect(current() == links[-1], f"at the end of the page the current item is {current()}, not {links[-1]}")
        page.screenshot(path=os.path.join(artifacts, "article-1280-scrolled.png"))

        # The copy button of the first code block.
        button = page.locator(".code-block .copy-button").first
        expect(button.count() == 1, "no copy button on the code block")
        if button.count():
            button.scroll_into_view_if_needed()
            button.click()
            page.wait_for_timeout(200)
            copied = page.evaluate("() => navigator.clipboard.readText()")
            code = page.locator(".code-block pre").first.evaluate("pre => (pre.querySelector('code') || pre).textContent.replace(/\\n$/, '')")
            expect(copied == code, f"the clipboard holds {copied[:40]!r}, not the code {code[:40]!r}")
            expect(button.text_content() == "コピーしました", f"the button says {button.text_content()!r}")
            live = page.eval_on_selector_all("[aria-live]", "nodes => nodes.map(n => n.textContent)")
            expect("コピーしました" in live, f"the live region says {live}")

        # はい: the thank-you, and feedback_url opened (in its own tab) with helpful=yes.
        yes = page.locator(".feedback a[data-feedback=yes]")
        yes.scroll_into_view_if_needed()
        with context.expect_page() as opened:
            yes.click()
        answer = opened.value
        expect("helpful=yes" in answer.url, f"はい opened {answer.url}")
        answer.close()
        thanks = page.locator(".feedback-thanks")
        expect(thanks.count() == 1 and thanks.is_visible() and "ありがとうございました" in (thanks.text_content() or ""), "no thank-you after はい")
        expect(thanks.count() == 1 and thanks.get_attribute("role") == "status", "the thank-you is not a status message")
        expect(not errors, f"script errors: {errors}")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.evaluate("() => window.scrollTo(0, 0)")
            page.wait_for_timeout(100)
            page.screenshot(path=os.path.join(artifacts, f"article-1280-{scheme}.png"))
        # Print: no sidebar, no buttons.
        page.emulate_media(media="print")
        hidden = page.evaluate("() => ['.article-sidebar', '.copy-button', '.feedback', '.article-toc'].every(s => Array.from(document.querySelectorAll(s)).every(e => e.offsetParent === null && getComputedStyle(e).display === 'none'))")
        expect(hidden, "print shows the sidebar, a button, the feedback or the table of contents")
        context.close()

        # A touch phone, with the script.
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ja-JP", has_touch=True, is_mobile=True, device_scale_factor=2)
        context.route("**/*", local_only)
        page = context.new_page()
        page.goto(base + path)
        page.wait_for_load_state("load")
        width = page.evaluate("() => document.documentElement.scrollWidth")
        expect(width <= 391, f"390 px: the page is {width}px wide")
        opacities = page.eval_on_selector_all(".content .anchor", "links => links.map(a => Number(getComputedStyle(a).opacity))")
        expect(opacities and min(opacities) > 0.5, f"390 px: heading links are not visible (opacity {opacities})")
        expect(not page.locator(".article-toc details").evaluate("d => d.open"), "390 px: the table of contents is open and pushes the text down")
        toc = page.locator(".article-toc").bounding_box()
        text = page.locator(".article .content").bounding_box()
        sidebar = page.locator(".article-sidebar").bounding_box()
        expect(toc["height"] <= 60, f"390 px: the closed table of contents is {toc['height']}px high")
        expect(toc["y"] < text["y"] < sidebar["y"], "390 px: the order is not table of contents, text, sidebar")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.screenshot(path=os.path.join(artifacts, f"article-390-{scheme}.png"))
        page.locator(".article-sidebar").scroll_into_view_if_needed()
        page.screenshot(path=os.path.join(artifacts, "article-390-sidebar.png"))
        context.close()

        # Without JavaScript.
        for width in (1280, 390):
            context = browser.new_context(viewport={"width": width, "height": 800}, locale="ja-JP", java_script_enabled=False)
            context.route("**/*", local_only)
            page = context.new_page()
            page.goto(base + path)
            count = page.locator(".article-toc a[href^='#']").count()
            expect(count == len(links), f"{width} px without JavaScript: {count} table-of-contents links, not {len(links)}")
            expect(page.locator(".copy-button").count() == 0, f"{width} px without JavaScript: a copy button shows")
            if width == 1280:
                expect(page.locator(".article-toc a").first.is_visible(), "1280 px without JavaScript: the table of contents' links are hidden")
                page.screenshot(path=os.path.join(artifacts, "article-1280-nojs.png"))
            else:
                page.locator(".article-toc summary").click()
                expect(page.locator(".article-toc a").first.is_visible(), "390 px without JavaScript: the table of contents does not open")
            context.close()
        browser.close()
    server.shutdown()
    for problem in problems:
        print(f"{path}: {problem}")
    print(f"article page {path}: {'ok' if not problems else str(len(problems)) + ' problems'}")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
