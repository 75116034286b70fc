#!/usr/bin/env python3
"""Checks the redirects of a public tree (`aliases:`): every redirect page sends the browser to a
page the tree holds (not to another redirect), names that page as canonical, is `noindex` and
absent from the sitemap; `_redirects` lists exactly those redirects, one `/old /new 301` per line,
sorted, each leading to a page that exists.

usage: redirects_check.py OUTPUT/public BASE_URL
"""
import os
import re
import sys
import urllib.parse

def page_file(public, path):
    """The file a site path is served from, or None."""
    relative = urllib.parse.unquote(path).lstrip("/")
    candidate = os.path.join(public, relative, "index.html") if path.endswith("/") else os.path.join(public, relative)
    return candidate if os.path.isfile(candidate) else None

def is_redirect(file):
    with open(file, encoding="utf-8") as page:
        return 'http-equiv="refresh"' in page.read(4096)

def main():
    public, base_url = sys.argv[1], sys.argv[2].rstrip("/") + "/"
    base_path = urllib.parse.urlsplit(base_url).path
    problems, redirects = [], {}
    for root, _, names in os.walk(public, followlinks=True):
        for name in names:
            if not name.endswith(".html"):
                continue
            file = os.path.join(root, name)
            with open(file, encoding="utf-8") as page:
                html = page.read()
            if 'http-equiv="refresh"' not in html:
                continue
            old = "/" + os.path.relpath(file, public).replace(os.sep, "/")
            old = old[: -len("index.html")] if old.endswith("/index.html") else old
            refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
            canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
            if not refresh or not canonical:
                problems.append(f"{old}: no refresh or no canonical link")
                continue
            target = refresh.group(1)
            if not target.startswith(base_path):
                problems.append(f"{old}: leads outside the base path: {target}")
                continue
            site_path = "/" + target[len(base_path):]
            found = page_file(public, site_path)
            if not found:
                problems.append(f"{old}: leads to {target}, which the build does not write")
            elif is_redirect(found):
                problems.append(f"{old}: leads to {target}, another redirect")
            if canonical.group(1) != base_url + target[len(base_path):]:
                problems.append(f"{old}: canonical {canonical.group(1)} is not the target {target}")
            if '<meta name="robots" content="noindex">' not in html:
                problems.append(f"{old}: not noindex")
            if f'<a href="{target}">' not in html:
                problems.append(f"{old}: no visible link to {target}")
            redirects[base_path + old[1:]] = target
    sitemap = os.path.join(public, "sitemap.xml")
    if os.path.isfile(sitemap):
        with open(sitemap, encoding="utf-8") as file:
            listed = set(re.findall(r"<loc>([^<]+)</loc>", file.read()))
        for old in redirects:
            if base_url + old[len(base_path):] in listed:
                problems.append(f"{old}: a redirect is listed in sitemap.xml")
    listing = os.path.join(public, "_redirects")
    if redirects and not os.path.isfile(listing):
        problems.append("_redirects is missing")
    elif os.path.isfile(listing):
        with open(listing, encoding="utf-8") as file:
            lines = file.read().splitlines()
        if lines != sorted(lines):
            problems.append("_redirects is not sorted")
        parsed = {}
        for line in lines:
            parts = line.split(" ")
            if len(parts) != 3 or parts[2] != "301":
                problems.append(f"_redirects: not `/old /new 301`: {line}")
                continue
            parsed[urllib.parse.unquote(parts[0])] = urllib.parse.unquote(parts[1])
        pages = {urllib.parse.unquote(old): urllib.parse.unquote(new) for old, new in redirects.items()}
        if parsed != pages:
            problems.append(f"_redirects does not list the redirect pages: {sorted(set(parsed.items()) ^ set(pages.items()))}")
    for problem in problems:
        print(problem)
    print(f"{len(redirects)} redirects checked, {len(problems)} problems")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main())
