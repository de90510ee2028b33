#!/usr/bin/env python3
"""Whole-process benchmark of `golden enforce` with the default policy pack.

    bench/bench_policies.py [--golden build/golden] [--sizes 10000] [--runs 5]
                            [--dir /tmp/golden-bench]

On the portfolios of bench/gen_portfolio.py (generated once, shared with bench_enforce.py), it
warms the caches, then takes the median wall time, CPU time (user + system) and the largest
max RSS of N runs of:
  enforce            golden enforce -q                        (built-in checks only: the baseline)
  policies           golden enforce -q --policies policies/   (plus the default pack)
  policies-json      the same with --report json
  policies-j1        the same on one thread
and prints each as a ratio to `enforce` measured in the same session.
"""

import os

from bench_enforce import measure, parse_args, portfolio

HERE = os.path.dirname(os.path.abspath(__file__))
PACK = os.path.abspath(os.path.join(HERE, "..", "policies"))


def main():
    args, golden = parse_args(__doc__, "10000")
    print(f"{'repos':>6} {'command':<14} {'wall s':>7} {'cpu s':>6} {'max RSS MB':>10} "
          f"{'wall vs enforce':>15} {'cpu vs enforce':>14}")
    for size in [int(s) for s in args.sizes.split(",")]:
        root = portfolio(args, size)
        with_pack = [golden, "enforce", "-q", "--policies", PACK]
        commands = {
            "enforce": [golden, "enforce", "-q"],
            "policies": with_pack,
            "policies-json": with_pack + ["--report", "json"],
            "policies-j1": with_pack + ["-j", "1"],
        }
        results = measure(commands, root, args.runs)
        base_wall, base_cpu, _ = results["enforce"]
        for name, (wall, cpu, rss) in results.items():
            print(f"{size:>6} {name:<14} {wall:>7.3f} {cpu:>6.2f} {rss / 1024:>10.1f} "
                  f"{wall / base_wall:>15.2f} {cpu / base_cpu:>14.2f}")


if __name__ == "__main__":
    main()
