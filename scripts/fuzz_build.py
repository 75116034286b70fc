#!/usr/bin/env python3
"""Bounded fuzz test of `kairan build` on mutated copies of the demo site.

Every run mutates one to three source files of the base site (bytes deleted, inserted or
replaced; lines duplicated, swapped or truncated; YAML, Markdown and Mustache tokens planted,
control characters and invalid UTF-8 included) and builds it into the same output folder.
Each run must hold Kairan's promises:

- the exit code is 0, 1 or 2, never a signal;
- no run takes over 20 s or more than 1 GiB of memory;
- every `error:` line names its place as `file:line` (or `file` for a whole-file problem:
  a folder, a missing file, a link, a size);
- a failed build leaves the previous output byte-identical (what a reader sees through
  output/<audience>/ and the marker).

Fixed seed, so a failure reproduces: `scripts/fuzz_build.py KAIRAN [--runs N] [--seed S] [--keep]`.
Prints `fuzz: N passed, N failed` last and exits non-zero on any failure.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AUDIENCES = ["public", "customers", "internal", "email"]
MARKER = ".kairan-output"
TIME_LIMIT = 20.0
MEMORY_LIMIT_KIB = 1024 * 1024

# What mutations plant: tokens each format gives meaning to, and bytes that must never reach output.
TOKENS = [
    "---", "---\n", "...", "+++", "\x00", "\x01", "\x0b", "\x1b", "\ufffe", "\u202e", "\r", "\r\n", "\t",
    ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "? ", "|", ">", "'", '"', "#", "%YAML 1.2\n",
    "title:", "date: 9999-12-31", "date: 0000-01-01", "date: 2026-02-30", "weight: -99999999999999999999",
    "version: \"1.0\"", "type: major", "audience: internal", "draft: true", "slug: ../../etc", "tags: [a, a]",
    "[x](../../../etc/passwd)", "[x](javascript:alert(1))", "![](nope.png)", "[x](#nope)", "<script>alert(1)</script>",
    "```", "~~", "| a | b |\n| - | - |\n", "[^1]", "{{", "}}", "{{#x}}", "{{/x}}", "{{> layout}}", "{{< layout}}",
    "{{{", "{{!", "{{=<% %>=}}", "\xff\xfe", "😀", "ｱｲｳ", "整骨院", "a" * 300, "\n" * 50,
]
# Whole documents known to have broken parsers: a lone fence, an alias bomb, self-including templates.
HOSTILE = [
    b"", b"---", b"---\n", b"---\r", b"\xef\xbb\xbf---", b"...", b"---\n---", b"\x00",
    b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    b"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    b"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n",
    b"{{> footer}}", b"{{> header}}{{> footer}}", b"{{< layout}}{{/layout}}", b"{{#a}}{{/b}}", b"{{",
]
INVALID_UTF8 = [b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xf0\x28\x8c\x28", b"\xed\xa0\x80"]
ERROR_LINE = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+)(?::\d+)?)?: error: ")


def make_base_site(target):
    """The demo site (site.yaml and content/) with a few template overrides to mutate."""
    os.makedirs(target)
    shutil.copy(os.path.join(ROOT, "site.yaml"), target)
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(target, "content"))
    for template in ["partials/footer.mustache", "partials/header.mustache", "article.mustache", "release.mustache"]:
        os.makedirs(os.path.dirname(os.path.join(target, "templates", template)), exist_ok=True)
        shutil.copy(os.path.join(ROOT, "templates", template), os.path.join(target, "templates", template))


def source_files(site):
    found = []
    for folder, _, names in os.walk(site):
        if os.path.relpath(folder, site).split(os.sep)[0] == "output":
            continue
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), site))
    return sorted(found)


def mutate(data, rng):
    """One random change to a file's bytes."""
    kind = rng.randrange(10)
    lines = data.split(b"\n")
    at = rng.randrange(len(data) + 1)
    if kind == 0 and data:  # delete a range
        end = min(len(data), at + rng.randrange(1, 40))
        return data[:at] + data[end:]
    if kind == 1:  # plant a token
        return data[:at] + rng.choice(TOKENS).encode("utf-8", "surrogatepass") + data[at:]
    if kind == 2:  # invalid UTF-8
        return data[:at] + rng.choice(INVALID_UTF8) + data[at:]
    if kind == 3 and len(lines) > 1:  # duplicate a line (duplicate keys, repeated headings)
        i = rng.randrange(len(lines))
        return b"\n".join(lines[: i + 1] + [lines[i]] + lines[i + 1:])
    if kind == 4 and len(lines) > 2:  # swap two lines
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
        return b"\n".join(lines)
    if kind == 5:  # truncate
        return data[:at]
    if kind == 6 and data:  # flip a byte
        i = rng.randrange(len(data))
        return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]
    if kind == 7 and len(lines) > 1:  # change a value's indentation
        i = rng.randrange(len(lines))
        lines[i] = (b" " * rng.randrange(1, 5)) + lines[i] if rng.random() < 0.5 else lines[i].lstrip()
        return b"\n".join(lines)
    if kind == 8 and len(lines) > 1:  # replace a value after a colon
        i = rng.randrange(len(lines))
        if b":" in lines[i]:
            key = lines[i].split(b":", 1)[0]
            lines[i] = key + b": " + rng.choice(TOKENS).encode("utf-8", "surrogatepass")
        return b"\n".join(lines)
    if kind == 9:  # a whole hostile document
        return rng.choice(HOSTILE)
    return data + rng.choice(TOKENS).encode("utf-8", "surrogatepass")


def output_digest(output):
    """A hash of everything a reader sees: each audience folder (links followed) and the marker."""
    digest = hashlib.sha256()
    for audience in AUDIENCES:
        top = os.path.join(output, audience)
        if not os.path.isdir(top):
            continue
        for folder, dirs, names in os.walk(top, followlinks=True):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(folder, name)
                digest.update(os.path.relpath(path, output).encode() + b"\0")
                with open(path, "rb") as handle:
                    digest.update(hashlib.sha256(handle.read()).digest())
    marker = os.path.join(output, MARKER)
    if os.path.exists(marker):
        with open(marker, "rb") as handle:
            digest.update(b"marker\0" + handle.read())
    return digest.hexdigest()


def run_build(kairan, site, output):
    """Runs one build; returns (exit code or -signal or None on timeout, seconds, peak KiB, stderr text)."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            [kairan, "build", "--site", site, "--output", output, "--date", "2026-11-25", "--quiet"],
            stdout=subprocess.DEVNULL, stderr=errors, stdin=subprocess.DEVNULL,
            env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"})
        code, peak = None, 0
        while True:  # wait4 gives this child's own peak memory
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                peak = usage.ru_maxrss
                process.returncode = code
                break
            if time.monotonic() - started > TIME_LIMIT:
                process.kill()
                process.wait()
                break
            time.sleep(0.005)
        errors.seek(0)
        text = errors.read().decode("utf-8", "replace")
    return code, time.monotonic() - started, peak, text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("kairan")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    kairan = os.path.abspath(args.kairan)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="kairan-fuzz-")
    base, site, output = (os.path.join(work, name) for name in ["base", "site", "output"])
    make_base_site(base)
    files = source_files(base)
    groups = {}
    for relative in files:
        parts = relative.split(os.sep)
        key = "site.yaml" if len(parts) == 1 else "category" if parts[-1] == "_index.md" else "/".join(parts[:2])
        groups.setdefault(key, []).append(relative)
    groups = [groups[key] for key in sorted(groups)]
    passed = failed = largest = 0

    shutil.copytree(base, site)
    code, _, _, errors = run_build(kairan, site, output)
    if code != 0:
        print(f"fuzz: the base site does not build (exit {code}):\n{errors}")
        print("fuzz: 0 passed, 1 failed")
        return 1
    previous = output_digest(output)
    started = time.monotonic()
    for run in range(args.runs):
        # Each kind of source file (articles, categories, releases, training, data, metrics, site.yaml,
        # templates) is as likely to be mutated as any other, however many files it has.
        changed = sorted({rng.choice(rng.choice(groups)) for _ in range(rng.randint(1, 3))})
        for relative in changed:
            path = os.path.join(site, relative)
            with open(path, "rb") as handle:
                data = handle.read()
            for _ in range(rng.randint(1, 3)):
                data = mutate(data, rng)
            with open(path, "wb") as handle:
                handle.write(data)
        code, seconds, peak, errors = run_build(kairan, site, output)
        largest = max(largest, peak)
        problems = []
        if code is None:
            problems.append(f"ran over {TIME_LIMIT:.0f} s")
        elif code < 0:
            problems.append(f"killed by signal {-code}")
        elif code not in (0, 1, 2):
            problems.append(f"exit code {code}")
        if peak > MEMORY_LIMIT_KIB:
            problems.append(f"peak memory {peak // 1024} MiB")
        for line in errors.splitlines():
            if ": error: " in line or line.startswith("error: "):
                match = ERROR_LINE.match(line)
                if line.startswith("error: ") or not match:
                    problems.append(f"error without a place: {line[:160]}")
                elif match.group("line") is None and not os.path.exists(os.path.join(site, match.group("file"))) \
                        and not match.group("file").startswith(("output", "/")):
                    problems.append(f"error names no line and no existing file: {line[:160]}")
        now = output_digest(output)
        if code == 0:
            previous = now
        elif code is not None and now != previous:
            problems.append("a failed build changed the previous output")
        if problems:
            failed += 1
            print(f"FAILED run {run} (seed {args.seed}; {', '.join(changed)}; exit {code}, {seconds:.1f} s):")
            for problem in problems:
                print(f"  {problem}")
            keep = os.path.join(work, f"failed-{run}")
            shutil.copytree(site, keep, ignore=shutil.ignore_patterns("output"))
            print(f"  site kept in {keep}")
        else:
            passed += 1
        for relative in changed:  # back to the base site for the next run
            shutil.copy(os.path.join(base, relative), os.path.join(site, relative))
    print(f"fuzz: {args.runs} mutated builds in {time.monotonic() - started:.0f} s, "
          f"peak memory of any build {largest // 1024} MiB")
    if not args.keep and failed == 0:
        shutil.rmtree(work)
    print(f"fuzz: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
