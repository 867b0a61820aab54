"""galley: articles from web pages, PDFs and plain text into clean publication formats.

    import galley
    article = galley.read(open("story.html", "rb").read())      # the galley-article/1 dict
    markdown = galley.convert(data, "markdown")                   # str (bytes for "epub")
    for record in galley.iter_warc("crawl.warc.gz"):              # every record, converted
        if record["status"] == "ok":
            print(record["warc"]["target_uri"], record["article"]["metadata"]["title"])

Conversions release the GIL, so threads convert in parallel. Errors raise galley.Error,
whose `code` is "Malformed", "Unsupported", "UnknownFormat", "LimitExceeded",
"Cancelled" or "Io", with the `input` it names and the `message`.
"""
import json as _json

from . import _galley
from ._galley import Error, formats

__version__ = _galley.__version__
__all__ = ["Error", "convert", "formats", "iter_warc", "read"]


def _options(options):
    known = {"name", "media_type", "base_url", "date_order", "recover", "timeout",
             "max_input_bytes"}
    unknown = set(options) - known
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    return options


def convert(data, to, format=None, *, warnings=None, **options):
    """Reads `data` (bytes; format detected unless `format` names it: "html", "pdf",
    "text", "json") and returns it written as `to` ("markdown", "json", "jsonl", "txt",
    "jats" as str; "epub" as bytes). Options: name (used in messages), media_type (as
    served, "text/html; charset=iso-8859-2"), base_url, date_order ("auto", "day-first",
    "month-first"), recover (the recovery passes, default True), timeout (seconds, 0 =
    none), max_input_bytes. Warnings are appended to the list `warnings` when given."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    out, said = _galley.convert(bytes(data), to, format or "", **_options(options))
    if warnings is not None:
        warnings.extend(said)
    return out


def read(data, format=None, *, warnings=None, **options):
    """Reads `data` into the article model: the galley-article/1 JSON object as a dict
    (docs/json-schema.md). Takes the options of convert()."""
    return _json.loads(convert(data, "json", format, warnings=warnings, **options))


def iter_warc(*paths, date_order="auto", recover=True, timeout=0.0, max_input_bytes=256 << 20):
    """Yields every record of the web archives at `paths` (.warc, .warc.gz) as a dict:
    input, warc (record_id, type, target_uri, date, http_status, content_type), status
    ("ok", "ignored": no document in it, with the reason, or "failed", with the error),
    the article (a dict, for "ok") and its warnings. Records are read one at a time."""
    return _galley.WarcWalk([str(p) for p in paths], date_order=date_order, recover=recover,
                            timeout=timeout, max_input_bytes=max_input_bytes)
