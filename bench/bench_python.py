#!/usr/bin/python3
"""The Python module against the library a Python user would otherwise pick for web
pages, readability-lxml (Debian: python3-readability), on the same pages in one run:
pages/second with one thread, with a thread per core and with THREADS threads, and the
ratios. galley releases the GIL while it converts, so its threads run in parallel;
readability-lxml holds it. galley.read() also parses the article's JSON into a dict,
which needs the GIL: convert() alone is measured too.

Usage: PYTHONPATH=build/python bench/bench_python.py [CORPUS_DIR] [THREADS] [ROUNDS]
  defaults: ../shared/corpus/html/dev, 8, 3 (each page converted ROUNDS times per run)
"""
import concurrent.futures
import gzip
import os
import pathlib
import sys
import time

import galley

root = pathlib.Path(__file__).resolve().parent.parent
corpus = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared/corpus/html/dev"
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 8
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
pages = [gzip.decompress(p.read_bytes()) for p in sorted(corpus.glob("*/source.html.gz"))] * rounds


def galley_page(page):
    return galley.read(page)["metadata"]["title"]


def galley_convert(page):
    return galley.convert(page, "json")


def readability_page(page):
    from readability import Document
    document = Document(page)
    document.summary()
    return document.short_title()


def rate(convert, workers):
    start = time.perf_counter()
    if workers == 1:
        for page in pages:
            convert(page)
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(convert, pages))
    return len(pages) / (time.perf_counter() - start)


try:
    import readability  # noqa: F401
    tools = [("galley.read", galley_page), ("galley.convert", galley_convert),
             ("readability-lxml", readability_page)]
except ImportError:
    print("readability-lxml not installed (apt-get install python3-readability): galley only")
    tools = [("galley.read", galley_page), ("galley.convert", galley_convert)]

cores = os.cpu_count() or 1
counts = sorted({1, cores, threads})
print(f"{len(pages)} pages ({len(pages) // rounds} x {rounds}), threads {counts}")
results = {}
for name, convert in tools:
    # Alternating, best of two each, so that warming up and the machine's load fall on all.
    best = dict.fromkeys(counts, 0.0)
    for _ in range(2):
        for n in counts:
            best[n] = max(best[n], rate(convert, n))
    results[name] = best
    print(f"  {name:17s} " + "   ".join(f"{n} thr {best[n]:7.1f} pages/s" for n in counts) +
          "   speed-up " + ", ".join(f"{best[n] / best[1]:.2f}x" for n in counts[1:]))
if "readability-lxml" in results:
    g, r = results["galley.read"], results["readability-lxml"]
    print("  galley.read/readability-lxml: " +
          ", ".join(f"{n} thr {g[n] / r[n]:.1f}x" for n in counts))
