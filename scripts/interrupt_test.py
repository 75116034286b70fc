#!/usr/bin/env python3
"""Kills `kairan build` with SIGKILL at random instants and checks the output is never a mix.

Generates a site of a few thousand tiny articles in two versions (every article edited), builds
one into an output folder, then repeatedly starts a build of the other version, kills it after a
random delay spread over the whole run (the swap included), and checks that what a reader sees —
every file reachable through output/<audience>/ plus the .kairan-output marker — equals the
previous build or the new one byte for byte. Then a normal build must succeed and give the new
build; the next round builds the other version, so every round is a real change.

usage: scripts/interrupt_test.py [path/to/kairan] [--kills N] [--articles N] [--seed N]
Standard library only. The last line is `interrupt: N passed, N failed`; exit 1 on any failure.
"""
import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

AUDIENCES = ["public", "customers", "internal", "email"]
CATEGORIES = [("start", "はじめに"), ("account", "アカウント"), ("billing", "請求"), ("trouble", "トラブル"), ("admin", "管理")]
SITE_YAML = """title: 中断テスト
base_url: https://help.example.com/
feedback_url: https://example.com/feedback
schedule:
  items:
    - {id: office-hours, title: オフィスアワー, kind: office-hours, rule: weekly thu, time: "14:00", duration: 60, audience: customers, url: "https://example.com/booking"}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def generate(folder, articles, version):
    """A site: five categories of tiny articles and a training program (customers output)."""
    write(os.path.join(folder, "site.yaml"), SITE_YAML)
    for slug, title in CATEGORIES:
        write(os.path.join(folder, "content", "kb", slug, "_index.md"), f"---\ntitle: {title}\n---\n{title}の記事です。\n")
    for i in range(articles):
        slug, title = CATEGORIES[i % len(CATEGORIES)]
        write(os.path.join(folder, "content", "kb", slug, f"article-{i:05d}.md"),
              f"---\ntitle: {title} {i}\ndate: 2026-05-01\ntags: [t{i % 7}]\n---\n版 {version} の本文 {i}。\n")
    write(os.path.join(folder, "content", "training", "programs", "onboarding.md"),
          f"---\ntitle: オンボーディング\nsessions:\n  - {{title: キックオフ, minutes: 60}}\n---\n版 {version}。\n")


def reader_view(output):
    """One hash of every file reachable through output/<audience> (links followed) and the marker."""
    digest = hashlib.sha256()

    def add(name, path):
        with open(path, "rb") as f:
            digest.update(f"{name}\0{hashlib.sha256(f.read()).hexdigest()}\n".encode())

    for audience in AUDIENCES:
        top = os.path.join(output, audience)
        if os.path.isfile(top):
            add(audience, top)
        elif os.path.isdir(top):
            found = []
            for root, folders, files in os.walk(top):
                folders.sort()
                for name in files:
                    found.append(os.path.join(root, name))
            for path in sorted(found):
                add(audience + "/" + os.path.relpath(path, top), path)
    marker = os.path.join(output, ".kairan-output")
    if os.path.lexists(marker):
        add(".kairan-output", marker)
    return digest.hexdigest()


def build(kairan, site, output, verbose=False):
    command = [kairan, "build", "--site", site, "--output", output, "--date", "2026-11-25", "--verbose" if verbose else "--quiet"]
    return subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def swap_window(verbose_output, wall):
    """When the last step (the swap) starts and how long it takes, in seconds from the start,
    from `--verbose` step timings; the process's start-up is the wall time the steps do not cover."""
    steps = [float(line.rsplit(":", 1)[1].split()[0]) / 1000 for line in verbose_output.splitlines()
             if line.startswith("  ") and line.rstrip().endswith(" ms")]
    if not steps:
        return wall * 0.8, wall * 0.2
    start_up = max(0.0, wall - sum(steps))
    return start_up + sum(steps[:-1]), steps[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kairan", nargs="?", default=".build/debug/kairan")
    parser.add_argument("--kills", type=int, default=32)
    parser.add_argument("--articles", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    kairan = os.path.abspath(args.kairan)
    rng = random.Random(args.seed)
    # tmpfs when there is one: the test is about what a reader sees, not about the disk's speed.
    shm = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
    base = tempfile.mkdtemp(prefix="kairan-interrupt-", dir=shm)
    passed = failed = 0
    try:
        sites = [os.path.join(base, "site-a"), os.path.join(base, "site-b")]
        for version, site in enumerate(sites):
            generate(site, args.articles, version)
        # The two references, each built alone; the time of a full build bounds the kill delays.
        references = []
        for index, site in enumerate(sites):
            started = time.monotonic()
            run = build(kairan, site, os.path.join(base, f"reference-{index}"), verbose=True)
            duration = time.monotonic() - started
            if run.returncode != 0:
                print(run.stderr, file=sys.stderr)
                print("interrupt: 0 passed, 1 failed")
                return 1
            references.append(reader_view(os.path.join(base, f"reference-{index}")))
        # A rebuild (of the second reference, over the first version's output) shows when the swap runs.
        started = time.monotonic()
        run = build(kairan, sites[0], os.path.join(base, "reference-1"), verbose=True)
        swap_start, swap_length = swap_window(run.stdout, time.monotonic() - started)
        if references[0] == references[1]:
            print("interrupt: the two versions build the same output", file=sys.stderr)
            print("interrupt: 0 passed, 1 failed")
            return 1

        output = os.path.join(base, "output")
        build(kairan, sites[0], output)
        live = 0
        aim = swap_start
        seen = {"previous": 0, "new": 0}
        for kill in range(args.kills):
            target = 1 - live
            # Half the kills are spread over the whole run; the other half aim at the swap, the aim
            # following the instant the output turns from previous to new (later after a kill that
            # found the previous build, earlier after one that found the new one).
            at_swap = kill % 2 == 1
            if at_swap:
                delay = max(0.0, aim + rng.uniform(-1, 1) * max(swap_length, 0.02))
            else:
                delay = rng.uniform(0.0, 1.1) * duration
            process = subprocess.Popen([kairan, "build", "--site", sites[target], "--output", output, "--date", "2026-11-25", "--quiet"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            view = reader_view(output)
            problems = []
            if view == references[live]:
                seen["previous"] += 1
                aim += 0.02 if at_swap else 0
            elif view == references[target]:
                seen["new"] += 1
                aim -= 0.02 if at_swap else 0
            else:
                problems.append("the output is neither the previous build nor the new one")
            run = build(kairan, sites[target], output)
            if run.returncode != 0:
                problems.append(f"the next build failed ({run.returncode}): {run.stderr.strip()}")
            elif reader_view(output) != references[target]:
                problems.append("the next build did not give the new output")
            if problems:
                failed += 1
                print(f"kill {kill + 1} after {delay:.3f} s: " + "; ".join(problems))
            else:
                passed += 1
            live = target
        print(f"kills found the previous build {seen['previous']} times, the new one {seen['new']} times "
              f"(full build {duration:.2f} s, swap from {swap_start:.2f} s for {swap_length:.3f} s, {args.articles} articles)")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"interrupt: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
