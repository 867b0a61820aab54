#!/usr/bin/python3
"""The Python module against the library a Python user would otherwise pick for web
pages, readability-lxml (Debian: python3-readability), on the same pages in one run:
pages/second with one thread and with THREADS threads, and the ratios. galley releases
the GIL while it converts, so its threads run in parallel; readability-lxml holds it.

Usage: PYTHONPATH=build/python bench/bench_python.py [CORPUS_DIR] [THREADS] [ROUNDS]
  defaults: ../shared/corpus/html/dev, 8, 3 (each page converted ROUNDS times per run)
"""
import concurrent.futures
import gzip
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
    tools = [("galley", galley_page), ("readability-lxml", readability_page)]
except ImportError:
    print("readability-lxml not installed (apt-get install python3-readability): galley only")
    tools = [("galley", galley_page)]

print(f"{len(pages)} pages ({len(pages) // rounds} x {rounds}), threads 1 and {threads}")
results = {}
for name, convert in tools:
    one, many = rate(convert, 1), rate(convert, threads)
    results[name] = (one, many)
    print(f"  {name:17s} 1 thread {one:8.1f} pages/s   {threads} threads {many:8.1f} pages/s"
          f"   speed-up {many / one:.2f}x")
if len(results) == 2:
    g, r = results["galley"], results["readability-lxml"]
    print(f"  galley/readability-lxml: 1 thread {g[0] / r[0]:.1f}x, {threads} threads "
          f"{g[1] / r[1]:.1f}x")
