#!/usr/bin/env python3
"""Times whole jobs side by side: each tool is one command (run through sh -c, so it
may be a loop that starts a process per input), run --repeat times, the tools taking
turns. Prints each job's median CPU time (its own and its children's, from wait4) and
wall time, and the ratio of its CPU time to the first tool's.

Example:
  bench/bench_totals.py --tool "galley, a process per page" 'for f in p/*.html; do galley convert "$f" -o /dev/null; done' \\
                        --tool "readability, one process" 'node bench/readability.js p/*.html'
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def run_once(command):
    """(ok, cpu seconds, wall seconds) of `command` and every process it waited for."""
    start = time.perf_counter()
    proc = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return (os.waitstatus_to_exitcode(status) == 0, usage.ru_utime + usage.ru_stime,
            time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", nargs=2, action="append", metavar=("LABEL", "COMMAND"),
                        required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--title", default="jobs")
    args = parser.parse_args()
    runs = [[] for _ in args.tool]
    failed = [False] * len(args.tool)
    for _ in range(args.repeat):
        for i, (_, command) in enumerate(args.tool):
            ok, cpu, wall = run_once(command)
            failed[i] = failed[i] or not ok
            runs[i].append((cpu, wall))
    print(f"{args.title}: {args.repeat} interleaved runs, median")
    print(f"  {'job':<36}{'cpu s':>9}{'wall s':>9}{'cpu ratio':>11}")
    base = statistics.median(c for c, _ in runs[0])
    for (label, _), timing, bad in zip(args.tool, runs, failed):
        cpu = statistics.median(c for c, _ in timing)
        wall = statistics.median(w for _, w in timing)
        note = "  (a run failed)" if bad else ""
        print(f"  {label:<36}{cpu:>9.2f}{wall:>9.2f}{cpu / base if base else float('nan'):>10.2f}x{note}")
    print(f"  (cpu ratio = the job's CPU time / {args.tool[0][0]}'s; above 1 means it costs more)")


if __name__ == "__main__":
    sys.exit(main())
