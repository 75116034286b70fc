#!/usr/bin/env python3
"""WCAG 2 contrast of the default theme's colours, computed from the CSS, in light and dark
(`@media (prefers-color-scheme: dark)`): text and status colours (body text, muted text, links,
buttons, the ok/warn/bad/stale statuses, badges, the internal banner, callouts, marks) against
the backgrounds they are shown on need 4.5:1 (AA for normal text); UI graphics (the focus ring,
chart lines) need 3:1. Pairs come from a list of where the theme shows what (PAIRS, with the
callout variants' own --callout/--callout-bg) and from every rule that sets both `color` and a
`background`. `@media print` is left out (black on white).

The checker checks itself first: a light and a dark stylesheet with one too-faint colour each
must fail (and a good one pass), so it cannot pass by finding nothing.
usage: contrast_check.py [CSS_FILE ...]   (default: templates/assets/kairan.css)
"""
import os, re, sys

TEXT, GRAPHIC = 4.5, 3.0

# (what, foreground, background, minimum, selector whose custom properties apply or None)
PAIRS = [
    ("body text", "--fg", "--bg", TEXT, None),
    ("body text on panels (header, tables' heads, code, callouts)", "--fg", "--soft", TEXT, None),
    ("muted text (meta, captions, lead)", "--muted", "--bg", TEXT, None),
    ("muted text on panels (badges, header)", "--muted", "--soft", TEXT, None),
    ("links", "--accent", "--bg", TEXT, None),
    ("links on panels (header, table of contents, alerts)", "--accent", "--soft", TEXT, None),
    ("button and skip-link text", "--accent-fg", "--accent", TEXT, None),
    ("warning text on its background (internal banner, warning callout)", "--warn", "--warn-bg", TEXT, None),
    ("text on the warning background (overdue rows, search marks)", "--fg", "--warn-bg", TEXT, None),
    ("links in overdue rows", "--accent", "--warn-bg", TEXT, None),
    ("off-target status (warn)", "--warn", "--bg", TEXT, None),
    ("off-target status on panels", "--warn", "--soft", TEXT, None),
    ("on-target status (ok)", "--ok", "--bg", TEXT, None),
    ("ok on panels (alerts list)", "--ok", "--soft", TEXT, None),
    ("alert status (bad)", "--bad", "--bg", TEXT, None),
    ("bad on panels (alerts list, findings)", "--bad", "--soft", TEXT, None),
    ("stale / no-data status", "--stale", "--bg", TEXT, None),
    ("stale on panels", "--stale", "--soft", TEXT, None),
    ("focus ring", "--focus", "--bg", GRAPHIC, None),
    ("focus ring on panels", "--focus", "--soft", GRAPHIC, None),
    ("chart line", "--accent", "--bg", GRAPHIC, None),
    ("chart target line", "--ok", "--bg", GRAPHIC, None),
    ("chart alert line", "--bad", "--bg", GRAPHIC, None),
    ("sparkline target line", "--muted", "--bg", GRAPHIC, None),
] + [
    (f"callout title ({variant})", "--callout", "--callout-bg", TEXT, variant)
    for variant in (".callout", ".callout-note", ".callout-tip", ".callout-important", ".callout-warning", ".callout-caution")
] + [
    (f"callout text ({variant})", "--fg", "--callout-bg", TEXT, variant)
    for variant in (".callout", ".callout-note", ".callout-tip", ".callout-important", ".callout-warning", ".callout-caution")
] + [
    (f"links in a callout ({variant})", "--accent", "--callout-bg", TEXT, variant)
    for variant in (".callout", ".callout-note", ".callout-tip", ".callout-important", ".callout-warning", ".callout-caution")
]

NAMED = {"white": "#ffffff", "black": "#000000"}

def blocks(css):
    """(media, selector, declarations) of every rule, one level of @media deep."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found, i, media = [], 0, []
    selector_start = 0
    depth_media = None
    while i < len(css):
        char = css[i]
        if char == "{":
            head = css[selector_start:i].strip()
            if head.startswith("@media"):
                media.append(head)
                selector_start = i + 1
            else:
                end = css.index("}", i)
                found.append((media[-1] if media else "", head, css[i + 1:end]))
                i = end
                selector_start = i + 1
        elif char == "}":
            if media: media.pop()
            selector_start = i + 1
        i += 1
    return found

def declarations(body):
    out = {}
    for part in body.split(";"):
        if ":" in part:
            name, value = part.split(":", 1)
            out[name.strip()] = value.strip()
    return out

def applies(media, scheme):
    if not media: return True
    if "print" in media: return False
    if "prefers-color-scheme: dark" in media.replace("  ", " "): return scheme == "dark"
    if "prefers-color-scheme: light" in media: return scheme == "light"
    return True  # width queries and the like do not change colours here

def environment(rules, scheme, scope=None):
    """Custom properties at `:root` (and in `scope`'s rules, which override them) for a scheme."""
    env = {}
    for selector in [":root"] + ([scope] if scope else []):
        for media, head, body in rules:
            if applies(media, scheme) and selector in [s.strip() for s in head.split(",")]:
                env.update({k: v for k, v in declarations(body).items() if k.startswith("--")})
    return env

def resolve(value, env, depth=0):
    value = value.strip()
    if depth > 10: return None
    match = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", value)
    if match:
        name, fallback = match.groups()
        if name in env: return resolve(env[name], env, depth + 1)
        return resolve(fallback, env, depth + 1) if fallback else None
    value = NAMED.get(value.lower(), value)
    if re.fullmatch(r"#[0-9a-fA-F]{3}", value): value = "#" + "".join(c * 2 for c in value[1:])
    if re.fullmatch(r"#[0-9a-fA-F]{6}", value): return tuple(int(value[k:k + 2], 16) for k in (1, 3, 5))
    return None

def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b

def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)

def check(css):
    """(checked, problems): every pair in both schemes; a pair whose colours are missing is a problem too."""
    rules = blocks(css)
    problems, checked = [], 0
    for scheme in ("light", "dark"):
        base = environment(rules, scheme)
        for what, fg, bg, minimum, scope in PAIRS:
            env = environment(rules, scheme, scope) if scope else base
            if scope and not any(scope in [s.strip() for s in head.split(",")] for _, head, _ in rules):
                continue  # the theme has no such callout variant
            a, b = resolve(f"var({fg})", env), resolve(f"var({bg})", env)
            if a is None or b is None:
                problems.append(f"{scheme}: {what}: {fg} or {bg} is not a colour")
                continue
            checked += 1
            if ratio(a, b) < minimum:
                problems.append(f"{scheme}: {what}: {fg} on {bg} is {ratio(a, b):.2f}:1, under {minimum}:1")
        # Every rule that sets both a text colour and a background, with that rule's own properties.
        for media, head, body in rules:
            if not applies(media, scheme): continue
            decls = declarations(body)
            background = decls.get("background-color", decls.get("background"))
            if "color" not in decls or background is None: continue
            env = dict(base)
            env.update({k: v for k, v in decls.items() if k.startswith("--")})
            a, b = resolve(decls["color"], env), resolve(background, env)
            if a is None or b is None: continue
            checked += 1
            if ratio(a, b) < TEXT:
                problems.append(f"{scheme}: `{head}`: color on background is {ratio(a, b):.2f}:1, under {TEXT}:1")
    return checked, problems

def self_test():
    """The checker finds a too-faint colour in light and in dark, and passes good ones."""
    good = """:root { --bg: #ffffff; --fg: #111111; --muted: #555555; --soft: #f3f3f3; --accent: #0b62a4; --accent-fg: #ffffff;
              --focus: #b36b00; --warn: #7a4200; --warn-bg: #fff4e0; --ok: #1e7a3c; --bad: #b3261e; --stale: #555555; }
              @media (prefers-color-scheme: dark) { :root { --bg: #000000; --fg: #eeeeee; --muted: #aaaaaa; --soft: #111111;
              --accent: #7cc0f5; --accent-fg: #000000; --focus: #f5a400; --warn: #ffcf85; --warn-bg: #3a2a10; --ok: #7fd69b;
              --bad: #ff9a90; --stale: #aaaaaa; } }
              .callout { --callout: var(--accent); --callout-bg: var(--soft); }"""
    assert not check(good)[1], check(good)[1]
    faint_light = good.replace("--muted: #555555", "--muted: #999999")
    assert any(p.startswith("light: muted text") for p in check(faint_light)[1]), "a faint light muted colour passed"
    faint_dark = good.replace("--ok: #7fd69b", "--ok: #1e7a3c")
    assert any(p.startswith("dark: on-target status") for p in check(faint_dark)[1]), "a faint dark status colour passed"
    rule = good + " .tag { color: #777777; background: #888888; }"
    assert any("`.tag`" in p for p in check(rule)[1]), "a rule's own faint pair passed"
    assert abs(ratio((255, 255, 255), (0, 0, 0)) - 21) < 1e-9 and abs(ratio((119, 119, 119), (255, 255, 255)) - 4.48) < 0.01

def main():
    self_test()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    files = sys.argv[1:] or [os.path.join(root, "templates", "assets", "kairan.css")]
    failures = 0
    for path in files:
        with open(path, encoding="utf-8") as handle:
            checked, problems = check(handle.read())
        for problem in problems:
            print(f"{path}: {problem}")
        failures += len(problems)
        print(f"contrast: {path}: {checked} colour pairs checked in light and dark, {len(problems)} under WCAG AA")
    return 1 if failures else 0

if __name__ == "__main__":
    sys.exit(main())
