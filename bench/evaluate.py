#!/usr/bin/env python3
"""Scores galley's output against a corpus with ground truth.

A corpus is a folder of cases laid out as ../shared/corpus/html/dev/:
    <case>/source.*        the input (source.html.gz is decompressed on the fly)
    <case>/expected.json   the truth: title, byline, authors, date, body_text, ...
A single case folder (such as the seed, with article.txt) works too.

For every case galley converts the input to its JSON model (galley-article/1) and
the fields are scored as the corpus README describes:
  title     exact match after normalisation (NFKC, case-folded, punctuation and
            symbols removed, whitespace collapsed)
  authors   set match of normalised names (leading by/par/von/por dropped, word
            order inside a name ignored); the byline split on , ; & | and/und/et
            is tried as well; name-level precision and recall
  date      exact day, and within one day
  body      the scrapinghub benchmark's metric: 4-token shingles of \\w+ tokens,
            precision and recall per document, each averaged, F1 of the averages;
            accuracy = share of documents whose token lists are identical
  footer    leakage: share of the truth's footer lines found, as whole words, in galley's
            body more often than in the true body
Fields whose truth is null are skipped for that case.

Paged corpora (../shared/corpus/pdf/dev/) add, pooled over the group's cases:
  body micro    precision/recall/F1 over all shingles of all documents together
  footer lines  leaked footer lines / all footer lines
  split joins   paragraph continuations across a page or column break (the truth's
                4 tokens before and after it) found inside one galley paragraph
  intact        truth paragraphs whose tokens appear, in order and contiguous,
                inside one galley paragraph (neither split nor cut)
Cases are grouped by the truth's "family" when it has one, else by "source".

Coverage mode (--coverage) needs no truth: for every PDF (<case>/source.pdf or *.pdf)
it measures how much of the document galley's reading text keeps, against the words
`pdftotext` finds:
  reference  pdftotext's words, lower-cased, digit-only tokens left out, less the
             words galley set apart as page furniture (running headers, page numbers)
  reading    the words of galley's body and notes, its abstract and references (text and
             label), and the keywords, affiliations and licence taken from the body;
             never the footer
  coverage   share of the reference's word multiset found in the reading text
  furniture  share of pdftotext's words that galley put in furniture, printed so
             that text hidden there shows instead of being excused
Per file, then pooled over all files (micro), with the median and the worst.

Usage: bench/evaluate.py [--galley build/bin/galley] [--jobs N] [--by-case] CORPUS...
       bench/evaluate.py --coverage [--galley ...] [--jobs N] FOLDER...
"""
import argparse
import collections
import concurrent.futures
import datetime
import gzip
import json
import os
import re
import subprocess
import sys
import unicodedata

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
BY_PREFIX_RE = re.compile(r"^(by|par|von|por|written by)\s+", re.IGNORECASE)
BYLINE_SPLIT_RE = re.compile(r"\s*(?:[,;&|]|\band\b|\bund\b|\bet\b)\s*", re.IGNORECASE)


def normalise(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return " ".join(text.split())


def normalise_name(name):
    name = BY_PREFIX_RE.sub("", (name or "").strip())
    return " ".join(sorted(normalise(name).split()))


def names_from_byline(byline):
    byline = BY_PREFIX_RE.sub("", (byline or "").strip())
    return {n for n in (normalise_name(p) for p in BYLINE_SPLIT_RE.split(byline)) if n}


def tokens(text):
    return TOKEN_RE.findall(text or "")


def shingles(text, n=4):
    toks = tokens(text)
    grams = [" ".join(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1))]
    return collections.Counter(g for g in grams if g)


def shingle_counts(truth, prediction):
    t, p = shingles(truth), shingles(prediction)
    return sum((t & p).values()), sum((p - t).values()), sum((t - p).values())


def precision_recall(truth, prediction):
    tp, fp, fn = shingle_counts(truth, prediction)
    if fp == fn == 0:
        return 1.0, 1.0
    if tp == 0:
        return 0.0, 0.0
    return tp / (tp + fp), tp / (tp + fn)


def find_source(case_dir):
    for name in sorted(os.listdir(case_dir)):
        if name.startswith(("source.", "article.", "input.")) and not name.endswith(".json"):
            return os.path.join(case_dir, name)
    return None


def run_galley(galley, source):
    """Returns (model, error message)."""
    fmt = []
    data = None
    if source.endswith(".gz"):
        with gzip.open(source, "rb") as f:
            data = f.read()
        inner_ext = os.path.splitext(source[:-3])[1].lstrip(".")
        fmt = ["-f", {"htm": "html", "txt": "text", "md": "text"}.get(inner_ext, inner_ext)]
        cmd = [galley, "convert", "-", *fmt, "-t", "json", "-q"]
    else:
        cmd = [galley, "convert", source, "-t", "json", "-q"]
    try:
        proc = subprocess.run(cmd, input=data, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if proc.returncode != 0:
        return None, proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError as e:
        return None, f"invalid JSON output: {e}"


def folded_tokens(text):
    return " ".join(t.casefold() for t in tokens(text))


def inside_one(needle, paragraphs):
    """Whether the token sequence `needle` appears within one of `paragraphs`."""
    needle = " " + needle + " "
    return needle.strip() != "" and any(needle in " " + p + " " for p in paragraphs)


def body_text(model):
    return "\n\n".join(block.get("text", "") for block in model.get("body", []))


def score_case(case_dir, truth, model):
    """Per-field scores for one case; a field is absent when its truth is null."""
    meta = model.get("metadata", {})
    scores = {}
    if truth.get("title") is not None:
        scores["title"] = float(normalise(meta.get("title")) == normalise(truth["title"]))
    if truth.get("authors"):
        want = {normalise_name(a) for a in truth["authors"]}
        got = {normalise_name(a.get("name", "")) for a in meta.get("authors", [])} - {""}
        from_byline = names_from_byline(meta.get("byline"))
        # The byline's own split counts when it names exactly the right people.
        best = from_byline if from_byline == want or not got else got
        scores["authors"] = float(best == want)
        scores["author_p"] = len(best & want) / len(best) if best else 0.0
        scores["author_r"] = len(best & want) / len(want)
    if truth.get("byline") is not None:
        scores["byline"] = float(normalise_name(meta.get("byline")) == normalise_name(truth["byline"]))
    if truth.get("date") is not None:
        got = meta.get("date")
        scores["date"] = float(got == truth["date"])
        try:
            delta = abs(datetime.date.fromisoformat(got) - datetime.date.fromisoformat(truth["date"]))
            scores["date_1d"] = float(delta.days <= 1)
        except (TypeError, ValueError):
            scores["date_1d"] = 0.0
    body = body_text(model)
    if truth.get("body_text") is not None:
        p, r = precision_recall(truth["body_text"], body)
        scores["body_p"], scores["body_r"] = p, r
        scores["body_exact"] = float(tokens(truth["body_text"]) == tokens(body))
    footer_lines = truth.get("footer_lines") or ([truth["footer_text"]] if truth.get("footer_text") else [])
    leaked = []
    if footer_lines:
        # A line leaks when galley's body holds it, as whole words ("2" is not in "2019"),
        # more often than the true body does: "LE MONDE" may be a running header and
        # also a phrase of the article.
        body_norm = f" {normalise(body)} "
        truth_norm = f" {normalise(truth.get('body_text') or '')} "
        leaked = [line for line in footer_lines if normalise(line)
                  and body_norm.count(f" {normalise(line)} ") > truth_norm.count(f" {normalise(line)} ")]
        scores["footer_leak"] = len(leaked) / len(footer_lines)
    if truth.get("body_text") is not None:
        tp, fp, fn = shingle_counts(truth["body_text"], body)
        scores["body_tp"], scores["body_fp"], scores["body_fn"] = tp, fp, fn
    paragraphs = [folded_tokens(b.get("text", "")) for b in model.get("body", [])]
    if footer_lines:
        scores["footer_leaked_lines"] = len(leaked) if model else 0
        scores["footer_lines"] = len(footer_lines)
    if truth.get("split_joins"):
        joins = [folded_tokens(j["before"] + " " + j["after"]) for j in truth["split_joins"]]
        scores["split_joins_ok"] = sum(inside_one(j, paragraphs) for j in joins)
        scores["split_joins_n"] = len(joins)
    if truth.get("body_text") and truth.get("split_joins") is not None:
        wanted = [folded_tokens(p) for p in truth["body_text"].split("\n\n") if tokens(p)]
        scores["intact_ok"] = sum(inside_one(p, paragraphs) for p in wanted)
        scores["intact_n"] = len(wanted)
    if truth.get("body_paragraph_count") is not None:
        count = sum(1 for b in model.get("body", []) if b.get("type") == "paragraph")
        scores["paragraphs"] = float(count == truth["body_paragraph_count"])
    return scores


def evaluate_case(galley, case_dir):
    with open(os.path.join(case_dir, "expected.json"), encoding="utf-8") as f:
        truth = json.load(f)
    source = find_source(case_dir)
    if source is None:
        return case_dir, truth, None, "no source file"
    model, error = run_galley(galley, source)
    if model is None:
        return case_dir, truth, None, error
    return case_dir, truth, score_case(case_dir, truth, model), None


def case_dirs(paths):
    for path in paths:
        if os.path.isfile(os.path.join(path, "expected.json")):
            yield path
            continue
        for name in sorted(os.listdir(path)):
            sub = os.path.join(path, name)
            if os.path.isfile(os.path.join(sub, "expected.json")):
                yield sub


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def report(group, results):
    fields = collections.defaultdict(list)
    for scores in results:
        for key, value in scores.items():
            fields[key].append(value)
    print(f"== {group}: {len(results)} cases")
    for key in ("title", "authors", "byline", "date", "date_1d", "paragraphs", "footer_leak"):
        if fields[key]:
            extra = ""
            if key == "authors":
                extra = f"  (name precision {mean(fields['author_p']):.3f}, recall {mean(fields['author_r']):.3f})"
            print(f"  {key:<12} {mean(fields[key]):.3f}  n={len(fields[key])}{extra}")
    if fields["body_p"]:
        p, r = mean(fields["body_p"]), mean(fields["body_r"])
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  {'body':<12} F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}  "
              f"exact {mean(fields['body_exact']):.3f}  n={len(fields['body_p'])}")
    for line in pooled_lines(fields):
        print("  " + line)
    return fields


def pooled_lines(fields):
    """The paged corpora's pooled figures (see the module docstring)."""
    lines = []
    if fields["body_tp"]:
        tp, fp, fn = sum(fields["body_tp"]), sum(fields["body_fp"]), sum(fields["body_fn"])
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"{'body micro':<12} F1 {f1:.3f}  precision {p:.3f}  recall {r:.3f}")
    for key, label in (("footer_leaked_lines", "footer lines"), ("split_joins_ok", "split joins"),
                       ("intact_ok", "intact")):
        total_key = {"footer_leaked_lines": "footer_lines"}.get(key, key.replace("_ok", "_n"))
        if fields[total_key] and (key != "intact_ok" or fields["split_joins_ok"] or fields["intact_n"]):
            ok, n = sum(fields[key]), sum(fields[total_key])
            lines.append(f"{label:<12} {ok / n if n else 0.0:.3f}  ({ok:g}/{n:g})")
    return lines


def word_counts(text):
    return collections.Counter(t.casefold() for t in tokens(text) if not t.isdigit())


def model_texts(value):
    """Every "text" string in a model fragment (blocks, list items, notes)."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):
            yield value["text"]
        else:
            for inner in value.values():
                yield from model_texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from model_texts(inner)


def reading_texts(model):
    """The reading text of a model: body and notes, plus the abstract, the references (text
    and label) and the front matter that scholarly fields took out of the body (keywords, affiliations,
    licence), so moving text into a field does not count as losing it."""
    meta = model.get("metadata", {})
    yield from model_texts([model.get("abstract", []), model.get("body", []), model.get("notes", []),
                            model.get("references", []), meta.get("license") or {}])
    yield from (ref.get("label", "") for ref in model.get("references", []))
    yield from meta.get("keywords", [])
    yield from meta.get("affiliations", [])


def coverage_case(galley, pdf):
    """(name, reference words, hits, furniture words, galley words, error) for one PDF."""
    name = os.path.basename(os.path.dirname(pdf)) if os.path.basename(pdf) == "source.pdf" \
        else os.path.splitext(os.path.basename(pdf))[0]
    proc = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, timeout=600)
    reference = word_counts(proc.stdout.decode("utf-8", "replace"))
    model, error = run_galley(galley, pdf)
    if model is None:
        return name, sum(reference.values()), 0, 0, 0, error
    furniture = word_counts(" ".join(f.get("text", "") for f in model.get("furniture", [])))
    reference -= furniture
    reading = word_counts(" ".join(reading_texts(model)))
    return (name, sum(reference.values()), sum((reference & reading).values()),
            sum(furniture.values()), sum(reading.values()), None)


def coverage(args):
    pdfs = []
    for folder in args.corpus:
        pdfs += sorted(os.path.join(folder, d, "source.pdf") for d in os.listdir(folder)
                       if os.path.isfile(os.path.join(folder, d, "source.pdf")))
        pdfs += sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".pdf"))
    if not pdfs:
        sys.exit("evaluate.py: no PDFs under " + " ".join(args.corpus))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda pdf: coverage_case(args.galley, pdf), pdfs))
    shares = []
    for name, ref, hits, furniture, reading, error in rows:
        share = hits / ref if ref else 1.0
        shares.append(share)
        print(f"{name:36s} coverage {share:.3f}  furniture {furniture / (ref + furniture or 1):.3f}  "
              f"galley {reading:7d} / pdftotext {ref:7d} words" + (f"  FAILED {error}" if error else ""))
    total_ref = sum(r[1] for r in rows)
    micro = sum(r[2] for r in rows) / total_ref if total_ref else 1.0
    print(f"SUMMARY pdfs={len(rows)} failed={sum(1 for r in rows if r[5])} coverage_micro={micro:.3f} "
          f"median={sorted(shares)[len(shares) // 2]:.3f} worst={min(shares):.3f} "
          f"under_0.85={sum(1 for s in shares if s < 0.85)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+", help="corpus folders or single case folders")
    parser.add_argument("--galley", default=os.path.join(os.path.dirname(__file__), "..", "build", "bin", "galley"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--by-case", action="store_true", help="print each case's scores")
    parser.add_argument("--coverage", action="store_true",
                        help="measure the reading text kept against pdftotext's words (PDF folders)")
    args = parser.parse_args()
    if args.coverage:
        coverage(args)
        return

    cases = list(case_dirs(args.corpus))
    if not cases:
        sys.exit("evaluate.py: no cases (folders with expected.json) under " + " ".join(args.corpus))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(lambda c: evaluate_case(args.galley, c), cases))

    groups = collections.defaultdict(list)
    failures = []
    for case_dir, truth, scores, error in outcomes:
        if error:
            failures.append((case_dir, error))
            scores = score_case(case_dir, truth, {})  # a failed case scores zero, not nothing
            scores.pop("footer_leak", None)  # ...and an empty body leaks nothing worth counting
        groups[truth.get("family") or truth.get("source") or "unknown"].append(scores)
        if args.by_case:
            print(os.path.basename(case_dir), json.dumps({k: round(v, 3) for k, v in scores.items()}))
    totals = collections.defaultdict(list)
    for group in sorted(groups):
        for key, values in report(group, groups[group]).items():
            totals[key].extend(values)
    for case_dir, error in failures:
        print(f"  FAILED {os.path.basename(case_dir)}: {error.splitlines()[0] if error else ''}")
    body = ""
    if totals["body_p"]:
        p, r = mean(totals["body_p"]), mean(totals["body_r"])
        body = f" body_f1={2 * p * r / (p + r) if p + r else 0.0:.3f}"
    summary = " ".join(f"{k}={mean(totals[k]):.3f}" for k in ("title", "authors", "date", "footer_leak") if totals[k])
    print("== all")
    for line in pooled_lines(totals):
        print("  " + line)
    print(f"SUMMARY cases={len(cases)} failed={len(failures)} {summary}{body}")


if __name__ == "__main__":
    main()
