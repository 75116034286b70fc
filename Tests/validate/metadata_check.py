#!/usr/bin/env python3
"""Checks the web metadata of every public page with consumers' parsers.

usage: metadata_check.py OUTPUT/public BASE_URL

For every HTML page of the public tree but redirect pages (a meta refresh and nothing else):
- JSON-LD, read by PyPI `extruct` (the library crawlers' pipelines use) and by Python's strict
  `json`: every `<script type="application/ld+json">` parses, and the page has exactly the
  expected `@type`s: BreadcrumbList everywhere; Article on help articles and release notes;
  FAQPage on the FAQ category (`/kb/faq/`). Breadcrumb positions count from 1 and every item
  is an absolute URL under BASE_URL; the last item is the page's canonical URL.
- OpenGraph and Twitter card, read by extruct's OpenGraph parser: og:title, og:type
  (article for articles and release notes, else website), og:url equal to the canonical link,
  og:site_name, og:locale, twitter:card; og:image, when present, an absolute https/http URL.
- Images in the body: every <img> has loading (but a lead image) and decoding="async"; a local
  image has width and height equal to its file's real size (read again here, with Python).
Prints one line per problem and a summary; exits 1 on any problem.
"""
import json
import os
import re
import struct
import sys
from html.parser import HTMLParser
from urllib.parse import unquote

import extruct

ARTICLE_KINDS = {"article", "release"}


class Page(HTMLParser):
    """What the check needs of a page: canonical, body kind, ld+json texts, meta tags, images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.canonical = None
        self.kind = None
        self.refresh = False
        self.scripts = []
        self.images = []
        self._in_ld = False
        self._buffer = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href")
        elif tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh":
            self.refresh = True
        elif tag == "body":
            for name in (a.get("class") or "").split():
                if name.startswith("kind-"):
                    self.kind = name[len("kind-"):]
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
            self._buffer = []
        elif tag == "img":
            self.images.append((a, self.getpos()))

    def handle_endtag(self, tag):
        if tag == "script" and self._in_ld:
            self.scripts.append("".join(self._buffer))
            self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self._buffer.append(data)


def image_size(path):
    """(width, height) of a PNG, GIF, JPEG, WebP or SVG file, by an independent reader; None if unknown."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return struct.unpack("<HH", data[6:10])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        kind = data[12:16]
        if kind == b"VP8X":
            w = int.from_bytes(data[24:27], "little") + 1
            h = int.from_bytes(data[27:30], "little") + 1
            return w, h
        if kind == b"VP8L":
            bits = int.from_bytes(data[21:25], "little")
            return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
        if kind == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h & 0x3FFF
        return None
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 4 <= len(data):
            if data[i] != 0xFF:
                return None
            marker = data[i + 1]
            if marker == 0xFF:
                i += 1
                continue
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + length
        return None
    text = data.decode("utf-8", "replace")
    match = re.search(r"<svg\b([^>]*)>", text)
    if not match:
        return None
    attrs = dict(re.findall(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', match.group(1)))
    number = lambda v: float(v[:-2] if v.endswith("px") else v)
    try:
        if "width" in attrs and "height" in attrs:
            return round(number(attrs["width"])), round(number(attrs["height"]))
        box = [float(x) for x in re.split(r"[\s,]+", attrs.get("viewBox", "").strip())]
        if len(box) == 4:
            if "width" in attrs:
                w = number(attrs["width"])
                return round(w), round(w * box[3] / box[2])
            return round(box[2]), round(box[3])
    except ValueError:
        return None
    return None


def main():
    root, base_url = sys.argv[1], sys.argv[2]
    problems = []
    pages = 0
    counts = {}
    for folder, _, names in os.walk(root, followlinks=True):
        for name in sorted(names):
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                html = f.read()
            page = Page()
            page.feed(html)
            if page.refresh:
                continue
            pages += 1

            def problem(message):
                problems.append(f"{rel}: {message}")

            # JSON-LD: strict JSON, and extruct reads the same nodes.
            strict = []
            for text in page.scripts:
                try:
                    strict.append(json.loads(text))
                except ValueError as error:
                    problem(f"JSON-LD does not parse: {error}")
            if "</script" in "".join(page.scripts).lower() or "<!--" in "".join(page.scripts):
                problem("JSON-LD holds </script or <!--")
            try:
                data = extruct.extract(html, base_url=page.canonical or base_url, syntaxes=["json-ld", "opengraph"], errors="strict")
            except Exception as error:  # extruct's own parse failure: reported, the page's other checks skipped
                problem(f"extruct cannot read the page: {type(error).__name__}: {error}")
                continue
            nodes = data["json-ld"]
            if len(nodes) != len(strict):
                problem(f"extruct read {len(nodes)} JSON-LD nodes, json {len(strict)}")
            types = sorted(node.get("@type", "?") for node in nodes)
            expected = ["BreadcrumbList"]
            if page.kind in ARTICLE_KINDS:
                expected.append("Article")
            if rel == os.path.join("kb", "faq", "index.html"):
                expected.append("FAQPage")
            if types != sorted(expected):
                problem(f"JSON-LD types {types}, expected {sorted(expected)} (kind {page.kind})")
            for node in nodes:
                counts[node.get("@type")] = counts.get(node.get("@type"), 0) + 1
                if node.get("@context") != "https://schema.org":
                    problem(f"{node.get('@type')}: @context {node.get('@context')!r}")
                if node.get("@type") == "BreadcrumbList":
                    items = node.get("itemListElement") or []
                    if [item.get("position") for item in items] != list(range(1, len(items) + 1)):
                        problem("BreadcrumbList positions do not count from 1")
                    if not items or any(not str(item.get("item", "")).startswith(base_url) or not item.get("name") for item in items):
                        problem("BreadcrumbList item without a name or an absolute URL under the base URL")
                    elif page.canonical and items[-1]["item"] != page.canonical:
                        problem(f"BreadcrumbList ends at {items[-1]['item']}, not the canonical {page.canonical}")
                if node.get("@type") == "Article":
                    for key in ("headline", "inLanguage", "url", "publisher", "dateModified"):
                        if not node.get(key):
                            problem(f"Article without {key}")
                    if node.get("url") != page.canonical:
                        problem("Article url is not the canonical URL")
                if node.get("@type") == "FAQPage":
                    questions = node.get("mainEntity") or []
                    if not questions or any(q.get("@type") != "Question" or not q.get("name")
                                            or not (q.get("acceptedAnswer") or {}).get("text") for q in questions):
                        problem("FAQPage without questions, or a question without name or answer")

            # OpenGraph and the Twitter card.
            og = {}
            for item in data["opengraph"]:
                for key, value in item.get("properties", []):
                    og.setdefault(key, value)
            twitter = re.search(r'<meta name="twitter:card" content="(summary|summary_large_image)">', html)
            for key in ("og:title", "og:type", "og:url", "og:site_name", "og:locale"):
                if not og.get(key):
                    problem(f"no {key}")
            if og.get("og:url") != page.canonical:
                problem(f"og:url {og.get('og:url')} is not the canonical {page.canonical}")
            want_type = "article" if page.kind in ARTICLE_KINDS else "website"
            if og.get("og:type") != want_type:
                problem(f"og:type {og.get('og:type')}, expected {want_type}")
            if og.get("og:locale") != "ja_JP":
                problem(f"og:locale {og.get('og:locale')}")
            if "og:image" in og and not re.match(r"https?://", og["og:image"]):
                problem(f"og:image {og['og:image']} is not absolute")
            if not twitter:
                problem("no twitter:card")
            elif (twitter.group(1) == "summary_large_image") != ("og:image" in og):
                problem("twitter:card summary_large_image goes with an og:image, summary without")

            # Images of the body.
            for attrs, (line, _) in page.images:
                src = attrs.get("src", "")
                if attrs.get("decoding") != "async":
                    problem(f"line {line}: <img src={src}> without decoding=async")
                if src.startswith("/"):
                    file = os.path.join(root, unquote(src.lstrip("/")))
                    size = image_size(file) if os.path.isfile(file) else None
                    if size is None:
                        problem(f"line {line}: cannot read the size of {src}")
                    elif (attrs.get("width"), attrs.get("height")) != (str(size[0]), str(size[1])):
                        problem(f"line {line}: {src} is {size[0]}x{size[1]}, width/height say "
                                f"{attrs.get('width')}x{attrs.get('height')}")
                counts["img"] = counts.get("img", 0) + 1

    for line in problems:
        print(line)
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items(), key=lambda x: str(x[0])))
    print(f"metadata: {pages} pages ({summary}), {len(problems)} problems")
    if pages == 0:
        print("no pages found")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
