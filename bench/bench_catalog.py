#!/usr/bin/env python3
"""Whole-process benchmark of `golden catalog` on generated portfolios.

    bench/bench_catalog.py [--golden build/golden] [--sizes 1000,10000] [--runs 5]
                           [--dir /tmp/golden-bench]

For each size it uses (or generates once) the same portfolio as bench_enforce.py, warms the
caches, then times N runs each (median wall time, max RSS, median CPU time user+system):
  catalog-json       golden catalog -q -o /dev/null (the default format)
  catalog-html       golden catalog -q --format html -o /dev/null
  catalog-markdown   golden catalog -q --format markdown -o /dev/null
  catalog-backstage  golden catalog -q --format backstage -o /dev/null
  enforce            golden enforce -q (the baseline: the same scan and checks, a text report)
and prints each with its ratio to enforce measured in the same session, since the catalog
runs enforce's checks on every repository and should cost little more. On a shared, busy
machine the CPU time is the steadier figure (wall time is at best CPU time / cores).
"""

import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bench_enforce import parse_args, portfolio, timed  # noqa: E402  (one timing helper, one set of options)


def main():
    args, golden = parse_args(__doc__, "1000,10000")
    print(f"{'repos':>6} {'command':<18} {'wall s':>7} {'CPU s':>6} {'max RSS MB':>10} "
          f"{'wall vs enforce':>15} {'CPU vs enforce':>14}")
    for size in [int(s) for s in args.sizes.split(",")]:
        root = portfolio(args, size)
        commands = {"enforce": [golden, "enforce", "-q"]}
        for fmt in ["json", "html", "markdown", "backstage"]:
            commands[f"catalog-{fmt}"] = [golden, "catalog", "-q", "--format", fmt, "-o",
                                          "/dev/null"]
        for cmd in commands.values():  # warm the page cache and the dentry cache
            timed(cmd, root)
        results = {}
        for name, cmd in commands.items():
            runs = [timed(cmd, root) for _ in range(args.runs)]
            # timed() gives (wall, CPU, max RSS).
            results[name] = (statistics.median(r[0] for r in runs), max(r[2] for r in runs),
                             statistics.median(r[1] for r in runs))
        base_wall, _, base_cpu = results["enforce"]
        for name, (wall, rss, cpu) in results.items():
            print(f"{size:>6} {name:<18} {wall:>7.3f} {cpu:>6.2f} {rss / 1024:>10.1f} "
                  f"{wall / base_wall:>15.2f} {cpu / base_cpu:>14.2f}")


if __name__ == "__main__":
    main()
