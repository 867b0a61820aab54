#!/usr/bin/env python3
"""Checks the JATS galley writes for journal and conference papers read from PDF.

A paper passes when its JATS
  valid      validates against the JATS 1.3 DTD (xmllint --valid, with the catalog of
             tests/data/jats, as bench/validate_corpus.sh calls it)
  abstract   has an <abstract> in <front> whose \\w+ words number within 10 % of the
             printed abstract's (so an introduction taken for the abstract, or half an
             abstract, fails); a paper printing none (an excerpt) fails: it has none
  sections   has at least two <sec> with a non-empty <title> in <body> (a paper has an
             introduction and more)
  references has a <ref-list> whose <ref> count is within 5 % of the references printed
             in the paper (none printed: no <ref>)
The printed counts are in bench/scholarly_counts.tsv (case, references, abstract words),
counted by hand from pdftotext's output of each paper; a paper missing from it cannot pass.

Papers are taken from the folders given:
  a folder whose README.md has a table with a "kind" column (../shared/corpus/pdf/realworld):
      the rows of kind "paper", each <name>/source.pdf
  a folder of cases with expected.json (../shared/corpus/pdf/dev): the cases whose
      "family" is "real-journal"

Where the corpus has truth, per-field figures are printed over the papers that have it:
  title      exact match after normalisation (bench/evaluate.py's), against
             science-parse's truth.json ("title") or the case's expected.json
  year       the <pub-date> year against truth.json's "year" or expected.json's "date"
  authors    name F1 (names normalised as evaluate.py does, word order ignored) against
             expected.json's "authors"
  abstract   token F1 (\\w+ tokens, case-folded, as multisets) against an "abstract" in
             expected.json, where one is given
  headings   share of docling's truth.md headings ("## 5.1 Title") found as a <sec> title
  references share of papers whose <ref> count equals the printed count exactly
One line per paper, the per-field lines, then a SUMMARY line.

Usage: bench/scholarly.py [--galley build/bin/galley] [--jobs N] [FOLDER...]
       (default folders: ../shared/corpus/pdf/realworld ../shared/corpus/pdf/dev)
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evaluate import normalise, normalise_name, tokens  # noqa: E402  (one normalisation for every score)

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
COUNTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "scholarly_counts.tsv")
CATALOG = os.path.join(ROOT, "tests", "data", "jats", "catalog.xml")
REFERENCE_TOLERANCE = 0.05
ABSTRACT_TOLERANCE = 0.10
MIN_SECTIONS = 2


def readme_papers(folder):
    """The papers of a corpus README's table: rows whose "kind" column says paper."""
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
                for line in f if line.startswith("|")]
    if not rows or "kind" not in rows[0]:
        return []
    kind = rows[0].index("kind")
    return [os.path.join(folder, row[0]) for row in rows[1:]
            if len(row) > kind and row[kind] == "paper"]


def journal_cases(folder):
    """The cases of a truth corpus whose family is real-journal."""
    out = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name, "expected.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                if json.load(f).get("family") == "real-journal":
                    out.append(os.path.join(folder, name))
    return out


def papers(folders):
    out = []
    for folder in folders:
        has_table = os.path.isfile(os.path.join(folder, "README.md"))
        out += readme_papers(folder) if has_table else []
        out += journal_cases(folder)
    return sorted(set(out), key=os.path.basename)


def printed_counts():
    """{case: (references, abstract words)} as printed in each paper."""
    counts = {}
    with open(COUNTS, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, references, words = line.split("\t")
                counts[name] = (int(references), int(words))
    return counts


def near(got, want, tolerance):
    return abs(got - want) <= tolerance * want


def truth_of(case):
    """Title, year, authors, abstract and headings the case's truth files give (None: unknown)."""
    truth = {"title": None, "year": None, "authors": None, "abstract": None, "headings": None}
    expected = os.path.join(case, "expected.json")
    if os.path.isfile(expected):
        with open(expected, encoding="utf-8") as f:
            data = json.load(f)
        truth["title"], truth["authors"] = data.get("title"), data.get("authors")
        truth["abstract"] = data.get("abstract")
        truth["year"] = int(data["date"][:4]) if data.get("date") else None
    parsed = os.path.join(case, "truth.json")
    if os.path.isfile(parsed):
        with open(parsed, encoding="utf-8-sig") as f:
            data = json.load(f)
        if isinstance(data, list):  # science-parse: [["title", "..."], ["year", 2014], ...]
            for key, value in data:
                if key in ("title", "year"):
                    truth[key] = value
    markdown = os.path.join(case, "truth.md")
    if os.path.isfile(markdown):
        with open(markdown, encoding="utf-8") as f:
            truth["headings"] = [line.lstrip("#").strip() for line in f if re.match(r"#{1,6} ", line)]
    return truth


def text(element):
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def convert(galley, case, work):
    """Writes the case's JATS into `work`; returns (path, error)."""
    out = os.path.join(work, os.path.basename(case) + ".xml")
    try:
        proc = subprocess.run([galley, "convert", os.path.join(case, "source.pdf"), "-q", "-t", "jats",
                               "-o", out], capture_output=True, timeout=600)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if proc.returncode != 0:
        return None, proc.stderr.decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
    return out, None


def dtd_errors(path):
    env = dict(os.environ, XML_CATALOG_FILES=CATALOG)
    proc = subprocess.run(["xmllint", "--noout", "--nonet", "--valid", path],
                          capture_output=True, env=env, timeout=600)
    return sum(1 for line in proc.stderr.decode("utf-8", "replace").splitlines() if "error" in line)


def f1(got, want):
    both = sum((got & want).values())
    if not both:
        return 0.0
    p, r = both / sum(got.values()), both / sum(want.values())
    return 2 * p * r / (p + r)


def name_of(contrib):
    string_name = contrib.find(".//string-name")
    if string_name is not None:
        return text(string_name)
    name = contrib.find(".//name")
    return " ".join(filter(None, (text(name.find("given-names")), text(name.find("surname"))))) \
        if name is not None else ""


def check(galley, case, printed, work):
    """One paper's checks and field scores."""
    name = os.path.basename(case)
    want_refs, want_words = printed.get(name, (None, None))
    row = {"name": name, "printed": want_refs, "printed_words": want_words, "error": None}
    path, error = convert(galley, case, work)
    if error:
        row["error"] = error
        return row, {}
    root = ET.parse(path).getroot()
    row["dtd_errors"] = dtd_errors(path)
    row["abstract_words"] = len(tokens(" ".join(text(a) for a in root.iterfind("front//abstract"))))
    row["sections"] = sum(1 for sec in root.iterfind("body//sec") if text(sec.find("title")))
    row["refs"] = len(root.findall("back/ref-list//ref"))
    row["abstract_ok"] = bool(want_words) and row["abstract_words"] > 0 and \
        near(row["abstract_words"], want_words, ABSTRACT_TOLERANCE)
    row["refs_ok"] = want_refs is not None and near(row["refs"], want_refs, REFERENCE_TOLERANCE)
    row["pass"] = (row["dtd_errors"] == 0 and row["abstract_ok"]
                   and row["sections"] >= MIN_SECTIONS and row["refs_ok"])

    truth, scores = truth_of(case), {}
    meta = root.find("front/article-meta")
    if truth["title"]:
        scores["title"] = float(normalise(text(meta.find("title-group/article-title"))) ==
                                normalise(truth["title"]))
    if truth["year"]:
        scores["year"] = float(text(meta.find("pub-date/year")) == str(truth["year"]))
    if truth["authors"]:
        got = collections.Counter(normalise_name(name_of(c)) for c in meta.iterfind(".//contrib"))
        scores["authors"] = f1(got, collections.Counter(normalise_name(a) for a in truth["authors"]))
    if truth["abstract"]:
        fold = lambda s: collections.Counter(t.casefold() for t in tokens(s))  # noqa: E731
        scores["abstract"] = f1(fold(" ".join(text(a) for a in meta.iterfind("abstract"))),
                                fold(truth["abstract"]))
    if truth["headings"]:
        titles = {normalise(text(sec.find("title"))) for sec in root.iterfind("body//sec")}
        scores["headings"] = sum(normalise(h) in titles for h in truth["headings"]) / len(truth["headings"])
    if want_refs is not None:
        scores["references"] = float(row["refs"] == want_refs)
    return row, scores


def describe(row):
    if row["error"]:
        return f"{row['name']:36s} FAILED {row['error'].splitlines()[0]}"
    unknown = lambda value: "?" if value is None else value  # noqa: E731
    verdict = "PASS" if row["pass"] else "fail: " + ", ".join(
        reason for reason, bad in (("not valid", row["dtd_errors"] > 0),
                                   ("abstract", not row["abstract_ok"]),
                                   ("sections", row["sections"] < MIN_SECTIONS),
                                   ("references", not row["refs_ok"])) if bad)
    return (f"{row['name']:36s} dtd_errors={row['dtd_errors']} "
            f"abstract_words={row['abstract_words']:3d}/{unknown(row['printed_words'])} "
            f"sections={row['sections']:2d} refs={row['refs']:2d}/{unknown(row['printed'])}  {verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", default=[os.path.join(ROOT, "..", "shared", "corpus", "pdf", d)
                                                       for d in ("realworld", "dev")])
    parser.add_argument("--galley", default=os.path.join(ROOT, "build", "bin", "galley"))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    cases = papers(args.folders)
    if not cases:
        sys.exit("scholarly.py: no papers under " + " ".join(args.folders))
    printed = printed_counts()
    with tempfile.TemporaryDirectory() as work, concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        results = list(pool.map(lambda case: check(args.galley, case, printed, work), cases))

    fields = collections.defaultdict(list)
    for row, scores in results:
        print(describe(row))
        for key, value in scores.items():
            fields[key].append(value)
    for key in ("title", "year", "authors", "abstract", "headings", "references"):
        values = fields[key]
        figure = f"{sum(values) / len(values):.3f}" if values else "  -  "
        print(f"  {key:<11} {figure}  n={len(values)}")
    rows = [row for row, _ in results]
    ok = [row for row in rows if not row["error"]]
    passed = sum(1 for row in ok if row["pass"])
    print(f"SUMMARY papers={len(rows)} failed={len(rows) - len(ok)} "
          f"valid={sum(1 for r in ok if r['dtd_errors'] == 0)} "
          f"abstract={sum(1 for r in ok if r['abstract_ok'])} "
          f"sections={sum(1 for r in ok if r['sections'] >= MIN_SECTIONS)} "
          f"references={sum(1 for r in ok if r['refs_ok'])} "
          f"pass={passed} ({passed / len(rows):.3f})")


if __name__ == "__main__":
    main()
