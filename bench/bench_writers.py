#!/usr/bin/env python3
"""Times galley against pandoc writing EPUB and JATS from the same articles, per article.

For every input and both targets it runs galley and pandoc --repeat times, keeps the
fastest run of each (CPU time, user + system, as bench.py measures it), and prints the
two times and their ratio. The summary gives each target's total and smallest ratio;
the exit status is 1 when galley is less than --min-ratio times faster on any article.

Example:
  bench/bench_writers.py --galley build/bin/galley --from html --pandoc-from html page*.html
"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import run_once  # noqa: E402  (one way of timing a process for every benchmark)

TARGETS = [
    # label, galley -t, pandoc -t and options, output extension
    ("epub", "epub", ["-t", "epub3"], "epub"),
    ("jats", "jats", ["-t", "jats", "-s"], "xml"),
]


def best_cpu(argv, repeat):
    """The smallest CPU time of `repeat` runs, or None when a run fails."""
    best = None
    for _ in range(repeat):
        ok, cpu, _wall = run_once(argv)
        if not ok:
            return None
        best = cpu if best is None else min(best, cpu)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--galley", required=True, help="the galley executable")
    parser.add_argument("--from", dest="source", required=True, help="galley input format")
    parser.add_argument("--pandoc-from", required=True, help="pandoc input format")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--min-ratio", type=float, default=10.0)
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()

    print(f"galley vs pandoc, {len(args.inputs)} articles, CPU ms (best of {args.repeat})")
    print(f"  {'article':<40}" + "".join(
        f"{t[0] + ' galley':>13}{t[0] + ' pandoc':>13}{'ratio':>8}" for t in TARGETS))
    totals = {t[0]: [0.0, 0.0] for t in TARGETS}
    smallest = {t[0]: float("inf") for t in TARGETS}
    failures = 0
    with tempfile.TemporaryDirectory(prefix="galley-bench-writers-") as scratch:
        for path in args.inputs:
            name = os.path.basename(path)
            row = f"  {name[:40]:<40}"
            for label, galley_to, pandoc_to, ext in TARGETS:
                out = os.path.join(scratch, f"out.{ext}")
                ours = best_cpu([args.galley, "convert", path, "-f", args.source, "-t", galley_to,
                                 "-q", "-o", out], args.repeat)
                theirs = best_cpu(["pandoc", "-f", args.pandoc_from, *pandoc_to, path, "-o", out],
                                  args.repeat)
                if ours is None or theirs is None:
                    failures += 1
                    row += f"{'failed' if ours is None else f'{1000 * ours:.1f}':>13}"
                    row += f"{'failed' if theirs is None else f'{1000 * theirs:.1f}':>13}{'-':>8}"
                    continue
                ratio = theirs / ours if ours else float("inf")
                totals[label][0] += ours
                totals[label][1] += theirs
                smallest[label] = min(smallest[label], ratio)
                row += f"{1000 * ours:>13.1f}{1000 * theirs:>13.1f}{ratio:>7.1f}x"
            print(row)
    ok = failures == 0
    for label, (ours, theirs) in totals.items():
        total_ratio = theirs / ours if ours else float("nan")
        print(f"  {label}: galley {1000 * ours:.0f} ms, pandoc {1000 * theirs:.0f} ms in total; "
              f"ratio {total_ratio:.1f}x overall, {smallest[label]:.1f}x on the slowest article")
        ok = ok and smallest[label] >= args.min_ratio
    print(f"  {'PASS' if ok else 'FAIL'}: galley at least {args.min_ratio:g}x faster than pandoc "
          f"on every article" + (f" ({failures} runs failed)" if failures else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
