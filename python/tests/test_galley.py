"""The Python module: read, convert, errors, web archives, and threads converting at once."""
import concurrent.futures
import gzip
import json
import os
import pathlib

import pytest

import galley

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = pathlib.Path(os.environ.get("GALLEY_FIXTURES", ROOT / "fixtures"))
CRAWL = FIXTURES / "batch" / "warc_crawl" / "input.warc.gz"
PAGE = (b"<html><head><title>Harbour Lights</title>"
        b'<meta name="author" content="Ada Brennan"></head><body><article>'
        b"<h1>Harbour Lights</h1><p>The harbour lights will be replaced this winter with lamps "
        b"that use a tenth of the power, the port authority said on Monday.</p>"
        b"<p>Work starts in November and will take three weeks, one pier at a time.</p>"
        b"</article></body></html>")


def test_read_gives_the_article_model():
    article = galley.read(PAGE)
    assert article["schema"] == "galley-article/1"
    assert article["metadata"]["title"] == "Harbour Lights"
    assert article["metadata"]["byline"] == "Ada Brennan"
    assert article["body"][0]["type"] == "paragraph"


def test_options_reach_the_reader():
    article = galley.read(PAGE, base_url="https://gazette.example/lights")
    assert article["metadata"]["url"] == "https://gazette.example/lights"
    latin2 = "<html><head><title>Dvořák</title></head><body><p>x</p></body></html>"
    served = galley.read(latin2.encode("iso-8859-2"), media_type="text/html; charset=ISO-8859-2")
    assert served["metadata"]["title"] == "Dvořák"
    with pytest.raises(TypeError):
        galley.read(PAGE, no_such_option=1)
    with pytest.raises(ValueError):
        galley.read(PAGE, date_order="sideways")


def test_convert_gives_text_or_bytes():
    markdown = galley.convert(PAGE, "markdown")
    assert isinstance(markdown, str)
    assert markdown.startswith("---\ntitle: \"Harbour Lights\"\n")
    epub = galley.convert(PAGE, "epub")
    assert isinstance(epub, bytes) and epub.startswith(b"PK")
    line = galley.convert(PAGE, "jsonl")
    assert line.count("\n") == 1 and json.loads(line)["metadata"]["title"] == "Harbour Lights"
    warnings = []
    galley.convert(b"<p>Only a paragraph of text, with no title at all.</p>", "txt",
                   "html", warnings=warnings)
    assert warnings and "no article found" in warnings[0]


def test_errors_carry_code_input_and_message():
    with pytest.raises(galley.Error) as caught:
        galley.read(b"", "html", name="empty.html")
    assert caught.value.code == "Malformed"
    assert caught.value.input == "empty.html"
    assert caught.value.message == "empty document"
    assert str(caught.value) == "empty.html: empty document"
    with pytest.raises(galley.Error) as unknown:
        galley.convert(PAGE, "docx")
    assert unknown.value.code == "UnknownFormat"


def test_iter_warc_accounts_for_every_record_as_batch_does():
    records = list(galley.iter_warc(CRAWL))
    assert len(records) == 11
    statuses = [r["status"] for r in records]
    assert statuses.count("ok") == 5 and statuses.count("ignored") == 5
    assert statuses.count("failed") == 1
    first = next(r for r in records if r["status"] == "ok")
    assert first["warc"]["target_uri"] == "https://news.example/2024/ferry-fares.html"
    assert first["article"]["metadata"]["url"] == first["warc"]["target_uri"]
    # The same articles, in the same order, as the batch's JSON Lines fixture.
    expected = [json.loads(line) for line in
                (CRAWL.parent / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    for line in expected:
        del line["source"]
    assert [r["article"] for r in records if r["status"] == "ok"] == expected


def test_threads_convert_at_once_with_the_same_results():
    pages = [PAGE.replace(b"Harbour Lights", f"Harbour Lights {i}".encode()) for i in range(64)]
    serial = [galley.convert(p, "json") for p in pages]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda p: galley.convert(p, "json"), pages))
    assert parallel == serial


def test_the_dask_example_writes_what_galley_batch_writes(tmp_path):
    import subprocess
    import sys
    # Three archives: the fixture, a copy, and the fixture inflated (a plain .warc).
    warcs = [CRAWL, tmp_path / "copy.warc.gz", tmp_path / "whole.warc"]
    warcs[1].write_bytes(CRAWL.read_bytes())
    warcs[2].write_bytes(gzip.decompress(CRAWL.read_bytes()))
    names = [str(w) for w in warcs]
    cli = os.environ.get("GALLEY_CLI", str(ROOT / "build" / "bin" / "galley"))
    batch = subprocess.run([cli, "batch", *names, "-o",
                            str(tmp_path / "batch.jsonl"), "-q"], capture_output=True, text=True)
    assert batch.returncode == 3, batch.stderr  # the fixture's cut record, three times
    example = ROOT / "examples" / "dask_warc.py"
    env = dict(os.environ, PYTHONPATH=os.environ.get("PYTHONPATH", ""))
    dask = subprocess.run([sys.executable, str(example), "-o", str(tmp_path / "dask.jsonl"),
                           "--workers", "4", *names], capture_output=True, text=True, env=env,
                          timeout=300)
    assert dask.returncode == 0, dask.stderr
    assert (tmp_path / "dask.jsonl").read_bytes() == (tmp_path / "batch.jsonl").read_bytes()
