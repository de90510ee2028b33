#!/usr/bin/env python3
"""Whole-process benchmark of `golden enforce` on generated portfolios.

    bench/bench_enforce.py [--golden build/golden] [--sizes 1000,10000] [--runs 5]
                           [--dir /tmp/golden-bench] [--distinct-workflows]

For each size it generates a portfolio once (bench/gen_portfolio.py; about 25 files per
repository), warms the page cache, then times, N runs each, median wall time and max RSS
(GNU time):
  enforce       golden enforce -q (text report, every core)
  enforce-json  golden enforce -q --report json
  enforce-j1    golden enforce -q -j 1 (one thread)
  find          find organizations (the baseline: walking the same tree, one thread)
(and CPU time, user + system, which a busy machine disturbs less) and prints the figures
with ratios to the baselines measured in the same session, so that
results from a shared, noisy machine stay comparable.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, cwd):
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M"] + cmd, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, sys_, rss = t.read().split()[-4:]
        return float(wall), float(user) + float(sys_), int(rss)


def make_git_checkouts(root):
    """Turns every repository of the portfolio into a git checkout with all files staged."""
    orgs = os.path.join(root, "organizations")
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@b",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@b")
    for org in sorted(os.listdir(orgs)):
        for repo in sorted(os.listdir(os.path.join(orgs, org))):
            path = os.path.join(orgs, org, repo)
            subprocess.run("git init -q && git add -A", shell=True, cwd=path, env=env,
                           check=True)


def portfolio(args, size, git=False):
    """The generated portfolio of `size` repositories under args.dir (made once), with
    distinct workflows when --distinct-workflows is given and git checkouts when `git`."""
    tags = ("-git" if git else "") + ("-distinct" if args.distinct_workflows else "")
    root = os.path.join(args.dir, f"portfolio{tags}-{size}")
    if not os.path.isdir(os.path.join(root, "organizations")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_portfolio.py"), root,
                        "--repos", str(size)] +
                       (["--distinct-workflows"] if args.distinct_workflows else []), check=True)
        if git:
            make_git_checkouts(root)
    return root


def measure(commands, root, runs):
    """{name: (median wall s, median CPU s, max RSS KB)} after one warm-up run of each."""
    for cmd in commands.values():  # warm the page cache and the dentry cache
        timed(cmd, root)
    results = {}
    for name, cmd in commands.items():
        samples = [timed(cmd, root) for _ in range(runs)]
        results[name] = (statistics.median(r[0] for r in samples),
                         statistics.median(r[1] for r in samples), max(r[2] for r in samples))
    return results


def parse_args(description, sizes="1000,10000", extra=None):
    """The options every whole-process benchmark takes; returns (args, golden binary path).

    `extra(ap)` may add options of its own."""
    ap = argparse.ArgumentParser(description=description.splitlines()[0])
    ap.add_argument("--golden", default=os.path.join(HERE, "..", "build", "golden"))
    ap.add_argument("--sizes", default=sizes)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--dir", default=os.path.join(tempfile.gettempdir(), "golden-bench"))
    ap.add_argument("--distinct-workflows", action="store_true",
                    help="no two workflows alike (gen_portfolio.py's worst case for the parse "
                         "cache)")
    if extra is not None:
        extra(ap)
    args = ap.parse_args()
    golden = os.path.abspath(args.golden)
    if not os.access(golden, os.X_OK):
        sys.exit(f"no golden binary at {golden} (run `make build`)")
    return args, golden


def main():
    args, golden = parse_args(__doc__)
    print(f"{'repos':>6} {'command':<13} {'wall s':>7} {'cpu s':>6} {'max RSS MB':>10} "
          f"{'vs find':>8} {'vs -j1':>7}")
    for size in [int(s) for s in args.sizes.split(",")]:
        root = portfolio(args, size)
        commands = {
            "find": ["find", "organizations"],
            "enforce-j1": [golden, "enforce", "-q", "-j", "1"],
            "enforce": [golden, "enforce", "-q"],
            "enforce-json": [golden, "enforce", "-q", "--report", "json"],
        }
        results = measure(commands, root, args.runs)
        for name in ["enforce", "enforce-json", "enforce-j1", "find"]:
            wall, cpu, rss = results[name]
            vs_find = wall / results["find"][0] if results["find"][0] else float("nan")
            vs_j1 = wall / results["enforce-j1"][0] if results["enforce-j1"][0] else float("nan")
            print(f"{size:>6} {name:<13} {wall:>7.3f} {cpu:>6.2f} {rss / 1024:>10.1f} "
                  f"{vs_find:>8.2f} {vs_j1:>7.2f}")


if __name__ == "__main__":
    main()
