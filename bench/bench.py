#!/usr/bin/env python3
"""Times galley side by side with the tool a user would otherwise pick.

Each tool is a label and a shell-free command template; {in} is replaced by the
input file and {out} by a scratch output path. Every tool runs over the same
inputs in one run, interleaved: each pass runs every tool on the first input, then
every tool on the second, and so on, --repeat passes in all, so a change in the
machine's load falls on all tools alike. Each input's time for a tool is the median
of its passes. For each tool it prints files/second (CPU and wall), the mean CPU
time per file, the largest peak resident memory of any one process, failures, the
ratio of its total CPU time to galley's (the first tool), and the median over inputs
of the per-input ratio, which one slow input cannot move.

Example:
  bench/bench.py --tool galley "build/bin/galley convert {in} -o {out}.md" \\
                 --tool pandoc "pandoc -f html -t markdown {in} -o {out}.md" page1.html page2.html
"""
import argparse
import os
import shlex
import statistics
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


class Timings:
    """One tool's runs: per input, the CPU and wall seconds of each pass."""

    def __init__(self, n):
        self.cpu = [[] for _ in range(n)]
        self.wall = [[] for _ in range(n)]
        self.failed = [False] * n
        self.peak = 0

    def medians(self):
        """(cpu, wall) per input, the median of its passes; None for a failed input."""
        return [None if failed or not c else (statistics.median(c), statistics.median(w))
                for failed, c, w in zip(self.failed, self.cpu, self.wall)]


def measure(tools, inputs, repeat, scratch):
    """Runs every tool on every input, interleaved, `repeat` passes."""
    timings = [Timings(len(inputs)) for _ in tools]
    argvs = [[[arg.replace("{in}", path).replace("{out}", os.path.join(scratch, f"out{index}"))
               for arg in shlex.split(template)] for index, path in enumerate(inputs)]
             for _, template in tools]
    for index in range(len(inputs)):
        for tool, timing in enumerate(timings):
            timing.peak = max(timing.peak, peak_rss_kib(argvs[tool][index], scratch))
    for _ in range(repeat):
        for index in range(len(inputs)):
            for tool, timing in enumerate(timings):
                if timing.failed[index]:
                    continue
                ok, c, w = run_once(argvs[tool][index])
                timing.failed[index] = not ok
                timing.cpu[index].append(c)
                timing.wall[index].append(w)
    return timings


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
    print(f"{args.title}: {n} inputs, {args.repeat} interleaved passes, median per input")
    width = max(14, 2 + max(len(label) for label, _ in args.tool))
    print(f"  {'tool':<{width}}{'files/s cpu':>12}{'files/s wall':>13}{'ms cpu/file':>12}{'peak MiB':>10}"
          f"{'failed':>8}{'cpu ratio':>11}{'median ratio':>14}")
    with tempfile.TemporaryDirectory(prefix="galley-bench-") as scratch:
        timings = measure(args.tool, args.inputs, args.repeat, scratch)
    base = timings[0].medians()
    for (label, _), timing in zip(args.tool, timings):
        medians = timing.medians()
        both = [(m[0], b[0]) for m, b in zip(medians, base) if m and b and b[0] > 0]
        cpu = sum(m for m, _ in both)
        wall = sum(m[1] for m in medians if m)
        done = sum(1 for m in medians if m)
        ratio = cpu / sum(b for _, b in both) if both else float("nan")
        median_ratio = statistics.median(m / b for m, b in both) if both else float("nan")
        print(f"  {label:<{width}}{done / cpu if cpu else 0:>12.1f}{done / wall if wall else 0:>13.1f}"
              f"{1000 * cpu / len(both) if both else 0:>12.2f}{timing.peak / 1024:>10.1f}"
              f"{sum(timing.failed):>8}{ratio:>10.2f}x{median_ratio:>13.2f}x")
    first = args.tool[0][0]
    print(f"  (ratios = the tool's CPU time / {first}'s on the inputs both converted; "
          f"above 1 means {first} is faster)")


if __name__ == "__main__":
    sys.exit(main())
