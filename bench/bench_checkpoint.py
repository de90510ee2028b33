#!/usr/bin/env python3
"""Whole-process benchmark of `golden checkpoint` on generated portfolios.

    bench/bench_checkpoint.py [--golden build/golden] [--sizes 1000,10000] [--runs 5]
                              [--dir /tmp/golden-bench] [--git] [--distinct-workflows]

For each size it generates a portfolio once (bench/gen_portfolio.py; with --git every
repository is also made a git checkout whose index holds every file, so the git shortcut of
files_hash is exercised), warms the page cache, then times, N runs each, the median wall time,
the median CPU time (user + system) and the max RSS:
  enforce     golden enforce -q: the baseline, the same scan and checks
  first       golden checkpoint -q with no previous checkpoint (the folder emptied each time)
  rerun       golden checkpoint -q with nothing changed since the previous checkpoint
and prints the figures with ratios to enforce measured in the same session, so that results
from a shared, noisy machine stay comparable.
"""

import os
import shutil
import statistics

from bench_enforce import parse_args, portfolio, timed  # timed: (wall s, CPU s, max RSS KB) of one run


def main():
    args, golden = parse_args(
        __doc__, "1000,10000",
        lambda ap: ap.add_argument("--git", action="store_true",
                                   help="make every repository a git checkout"))
    print(f"{'repos':>6} {'git':>4} {'command':<8} {'wall s':>7} {'cpu s':>7} {'RSS MB':>7}"
          f" {'wall/enf':>8} {'cpu/enf':>8}")
    for size in [int(s) for s in args.sizes.split(",")]:
        root = portfolio(args, size, git=args.git)
        checkpoints = os.path.join(root, ".metaHub", "checkpoints")
        enforce = [golden, "enforce", "-q"]
        checkpoint = [golden, "checkpoint", "-q"]

        def first():
            shutil.rmtree(checkpoints, ignore_errors=True)
            return timed(checkpoint, root)

        def rerun():
            # Keep checkpoint-latest.json (the previous checkpoint), drop the rest.
            for name in os.listdir(checkpoints):
                if name != "checkpoint-latest.json":
                    os.remove(os.path.join(checkpoints, name))
            return timed(checkpoint, root)

        timed(enforce, root)  # warm the page cache and the dentry cache
        first()
        results = {}
        for name, fn in [("enforce", lambda: timed(enforce, root)), ("first", first),
                         ("rerun", rerun)]:
            runs = [fn() for _ in range(args.runs)]
            results[name] = (statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs), max(r[2] for r in runs))
        base_wall, base_cpu, _ = results["enforce"]
        for name, (wall, cpu, rss) in results.items():
            print(f"{size:>6} {'yes' if args.git else 'no':>4} {name:<8} {wall:>7.3f} {cpu:>7.3f}"
                  f" {rss / 1024:>7.1f} {wall / base_wall:>8.2f} {cpu / base_cpu:>8.2f}")


if __name__ == "__main__":
    main()
