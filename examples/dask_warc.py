#!/usr/bin/python3
"""Converts web archives on a Dask cluster into one JSON Lines file, the same file that
`galley batch WARC... -o OUT.jsonl` writes: a task per WARC, each worker process
converting its records with the galley Python module, the lines joined in the order
of the WARCs given.

    python3 examples/dask_warc.py -o articles.jsonl crawl-*.warc.gz            # a local cluster
    python3 examples/dask_warc.py -o articles.jsonl --scheduler tcp://head:8786 crawl-*.warc.gz

On a cluster every worker must import galley (see the README) and read the WARCs at the
paths given, on a shared file system.
"""
import argparse
import json
import os
import tempfile

from dask.distributed import Client, LocalCluster


def warc_lines(path):
    """The JSON Lines of one WARC's documents, as galley batch writes them."""
    import galley
    lines = []
    for record in galley.iter_warc(path):
        if record["status"] != "ok":
            continue
        warc = record["warc"]
        article = dict(record["article"])
        article["source"] = {"input": record["input"],
                             "warc": {"record_id": warc["record_id"],
                                      "target_uri": warc["target_uri"], "date": warc["date"]}}
        lines.append(json.dumps(article, ensure_ascii=False, separators=(",", ":")) + "\n")
    return lines


def convert(paths, output, client):
    futures = client.map(warc_lines, paths, pure=False)
    # Written beside the output and renamed into place whole, as galley batch does.
    folder = os.path.dirname(os.path.abspath(output))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as out:
        for future in futures:  # in the order of `paths`
            out.writelines(future.result())
    os.replace(out.name, output)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warcs", nargs="+")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--scheduler", help="a running cluster's scheduler address")
    parser.add_argument("--workers", type=int, default=4, help="local worker processes")
    args = parser.parse_args()
    if args.scheduler:
        with Client(args.scheduler) as client:
            convert(args.warcs, args.output, client)
    else:
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            convert(args.warcs, args.output, client)


if __name__ == "__main__":
    main()
