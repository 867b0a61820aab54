#!/usr/bin/env python3
"""Times galley side by side with the tool a user would otherwise pick.

Each tool is a label and a shell-free command template; {in} is replaced by the
input file and {out} by a scratch output path. Every tool runs over the same
inputs in one run, --repeat times, and the fastest repetition of each input counts.
For each tool it prints files/second (CPU and wall), the mean CPU time per file,
the largest peak resident memory of any one process, failures, and the ratio of
its CPU time to galley's (the first tool).

Example:
  bench/bench.py --tool galley "build/bin/galley convert {in} -o {out}.md" \\
                 --tool pandoc "pandoc -f html -t markdown {in} -o {out}.md" page1.html page2.html
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time


GNU_TIME = "/usr/bin/time"  # Debian package "time"


def run_once(argv):
    """Runs argv; returns (ok, cpu seconds, wall seconds) with wait4's microsecond times."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return os.waitstatus_to_exitcode(status) == 0, usage.ru_utime + usage.ru_stime, wall


def peak_rss_kib(argv, scratch):
    """Peak resident memory of one run, measured by GNU time: a process forked
    straight from Python counts Python's own pages in its high-water mark."""
    report = os.path.join(scratch, "time.txt")
    subprocess.run([GNU_TIME, "-f", "%M", "-o", report, *argv], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    with open(report) as f:
        return int(f.read().split()[-1])


def measure(template, inputs, repeat, scratch):
    cpu = wall = 0.0
    peak = 0
    failures = 0
    for index, path in enumerate(inputs):
        out = os.path.join(scratch, f"out{index}")
        argv = [arg.replace("{in}", path).replace("{out}", out) for arg in shlex.split(template)]
        best = None
        peak = max(peak, peak_rss_kib(argv, scratch))
        for _ in range(repeat):
            ok, c, w = run_once(argv)
            if not ok:
                failures += 1
                break
            best = (c, w) if best is None or c < best[0] else best
        if best:
            cpu += best[0]
            wall += best[1]
    return cpu, wall, peak, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", nargs=2, action="append", metavar=("LABEL", "COMMAND"), required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--title", default="benchmark")
    parser.add_argument("inputs", nargs="+")
    args = parser.parse_args()
    if not os.access(GNU_TIME, os.X_OK):
        sys.exit("bench.py: needs GNU time: apt-get install -y time")

    n = len(args.inputs)
    print(f"{args.title}: {n} inputs, best of {args.repeat}")
    print(f"  {'tool':<14}{'files/s cpu':>12}{'files/s wall':>13}{'ms cpu/file':>12}{'peak MiB':>10}{'failed':>8}{'cpu ratio':>11}")
    baseline = None
    with tempfile.TemporaryDirectory(prefix="galley-bench-") as scratch:
        for label, template in args.tool:
            cpu, wall, peak, failures = measure(template, args.inputs, args.repeat, scratch)
            baseline = baseline if baseline is not None else cpu
            ratio = cpu / baseline if baseline else float("nan")
            print(f"  {label:<14}{n / cpu if cpu else 0:>12.1f}{n / wall if wall else 0:>13.1f}"
                  f"{1000 * cpu / n:>12.2f}{peak / 1024:>10.1f}{failures:>8}{ratio:>10.1f}x")
    print(f"  (cpu ratio = the tool's CPU time / {args.tool[0][0]}'s; above 1 means {args.tool[0][0]} is faster)")


if __name__ == "__main__":
    sys.exit(main())
