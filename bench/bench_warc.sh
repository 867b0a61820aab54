#!/usr/bin/env bash
# Web archive throughput: `galley batch` on a WARC of real pages (the HTML corpus's
# pages, repeated to PAGES responses, each with its request record as crawlers write
# them, a gzip member per record) against the same pages as files in a folder, in one
# run: documents/second, peak memory, and the WARC's rate as a share of the folder's
# (the figure issue 18 asks to stay at 0.90 or more). Both write one JSON Lines file.
# With several sizes, peak memory should stay flat as the WARC grows.
# Usage: bench/bench_warc.sh [PAGES[,PAGES...]] [JOBS] [CORPUS_DIR]
#   defaults: 1000,10000, the number of cores, ../shared/corpus/html/dev
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/scripts/deps.sh"
galley_install_packages time bc python3
galley="$root/build/bin/galley"
sizes=${1:-1000,10000}
jobs=${2:-$(nproc)}
corpus=${3:-$root/../shared/corpus/html/dev}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

make_inputs() {  # pages, folder of the WARC and of the pages
python3 - "$corpus" "$1" "$2" <<'PY'
import gzip, pathlib, sys
corpus, records, work = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
pages = [gzip.decompress(p.read_bytes()) for p in sorted(corpus.glob("*/source.html.gz"))]
folder = work / "pages"
folder.mkdir(parents=True)

def record(kind, uri, block, n, content_type):
    head = (f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{n:08x}-0000-4000-8000-"
            f"000000000000>\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6, mtime=0)

with open(work / "crawl.warc.gz", "wb") as out:
    for i in range(records):
        page = pages[i % len(pages)]
        uri = f"https://site{i % 50}.example/{i // 100:03d}/page{i}.html"
        request = f"GET /page{i}.html HTTP/1.1\r\nHost: site{i % 50}.example\r\n\r\n".encode()
        response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
                    str(len(page)).encode() + b"\r\n\r\n" + page)
        out.write(record("request", uri, request, 2 * i, "application/http; msgtype=request"))
        out.write(record("response", uri, response, 2 * i + 1, "application/http; msgtype=response"))
        path = folder / f"site{i % 50}.example" / f"{i // 100:03d}" / f"page{i}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page)
PY
}

run() {  # label, input
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$galley" batch "$2" -o "$work/out.jsonl" \
    -j "$jobs" -q --report "$work/report.jsonl" || true
  read -r wall peak user sys <"$work/time"
  docs=$(wc -l <"$work/out.jsonl")
  rate=$(echo "$docs / $wall" | bc -l)
  printf '  %-7s %6d docs  %7.2f s wall  %7.2f s cpu  %8.1f docs/s  peak %6.1f MiB\n' "$1" "$docs" \
    "$wall" "$(echo "$user + $sys" | bc -l)" "$rate" "$(echo "$peak / 1024" | bc -l)"
}
echo "galley batch -o out.jsonl, -j $jobs, $(nproc) cores"
for pages in ${sizes//,/ }; do
  rm -rf "$work/in"
  make_inputs "$pages" "$work/in"
  echo "$pages pages ($(du -h "$work/in/crawl.warc.gz" | cut -f1) WARC, $((2 * pages)) records)"
  run folder "$work/in/pages"
  folder_rate=$rate
  run warc "$work/in/crawl.warc.gz"
  printf '  warc/folder docs/s ratio: %.2f\n' "$(echo "$rate / $folder_rate" | bc -l)"
done
