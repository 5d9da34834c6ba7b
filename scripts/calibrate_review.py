#!/usr/bin/env python3
"""Does raingan flag the fields it gets wrong, and only those?

usage: scripts/calibrate_review.py GOLD_DIR OUTPUT... [--threshold T]...
                                   [--by-reason] [--list]

GOLD_DIR holds hand-checked gold files named <id>.json (tests/data/gold or
/work/shared/gold); each OUTPUT is a raingan document JSON, a directory of
them, or a batch directory (its documents/ is read). A document is scored
against the gold file whose <id> its source file name starts with (the
three-digit number before the first "_": 000_..., var_born_002_garuda12.pdf),
and grouped by input form, taken from its source name: text (.txt), born,
unruled, scan300, scan200, bilevel, rotated, photo, unruled300, and the
variants of tests/data/variants as var_<dir> (their directory). Sources
that do not cover a whole report (a single scanned page, *.p008.jpg) are
skipped: their gold would count every other page as missed.

Per form it prints:
  fields   gold fields of matched records (id, section, measure, method,
           owner, period, output, outcome; budget for plans)
  wrong    fields whose value differs from gold after folding
  silent   wrong and not flagged (the misses a clerk never sees)
  needless right and flagged (a clerk's time spent for nothing)
  missed / invented records, and how many of them a warning covers
           (missed: the document has a warning; invented: the record
           has a warning or a review entry)

A field is flagged when the record's `review` names it. With --threshold T
the tool re-decides the confidence part instead: review entries whose
reason comes from the confidence threshold are dropped and a field is
flagged when its field_confidence is below T, as raingan decides, so one
extraction can be scored at many thresholds (`raingan extract
--review-below 1` keeps every confidence-based entry).

The matching is this tool's own: records are paired greedily by the
similarity of their folded measure + method text (difflib), pairs below
0.5 are not a match. Folding: NFC, Thai digits to Arabic, dashes to "-", whitespace
and zero-width characters removed. A field is right only when it is equal
after folding (a list's items joined: where it is cut into items is not
scored); a period when its text, start and end all are.
"""

import argparse
import difflib
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

THAI_DIGITS = {ord("๐") + i: str(i) for i in range(10)}
SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# OCR cannot tell a hyphen from an en or em dash; neither can a reader.
DASHES = {ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}
FIELDS = ["id", "section", "measure", "method", "owner", "period", "output",
          "outcome"]
CONFIDENCE_REASON = "OCR confidence"  # prefix of threshold-made reasons


def fold(text):
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).translate(THAI_DIGITS)
    text = text.translate(DASHES)
    return SPACE.sub("", text)


def fold_list(items):
    # Items joined: where a list is cut into items is not scored (the
    # folded text has no spaces, so the boundaries vanish).
    return "".join(fold(x) for x in (items or []))


def form_of(source_path):
    name = os.path.basename(source_path)
    m = re.match(r"var_([a-z]+)_", name)
    if m:
        return "var_" + m.group(1)
    if name.endswith(".txt"):
        return "text"
    parts = name.split(".")
    if len(parts) >= 3:
        return parts[-2]
    return parts[-1]


def gold_id(source_path):
    m = re.search(r"(?:^|_)(\d{3})_", os.path.basename(source_path))
    return m.group(1) if m else None


def gold_values(g):
    v = {
        "id": fold(g.get("id")),
        "section": fold(g.get("section")),
        "measure": fold(g.get("measure")),
        "period": (fold(g.get("period_text")), g.get("period_start"),
                   g.get("period_end")),
    }
    for f in ("method", "owner", "output", "outcome"):
        v[f] = fold_list(g.get(f))
    if "budget_baht" in g:
        v["budget"] = g.get("budget_baht")
    return v


def pred_values(m):
    p = m.get("period") or {}
    v = {
        "id": fold(m.get("id")),
        "section": fold(m.get("section")),
        "measure": fold(m.get("measure")),
        "period": (fold(p.get("text")), p.get("start"), p.get("end")),
    }
    for f in ("method", "owner", "output", "outcome"):
        v[f] = fold_list(m.get(f))
    v["budget"] = m.get("budget_baht")
    return v


def match_key(v):
    return v["measure"] + "|" + v["method"]


def match(gold, pred):
    """Greedy best-first pairing on measure+method similarity."""
    pairs = []
    for gi, g in enumerate(gold):
        gk = match_key(g)
        for pi, p in enumerate(pred):
            sm = difflib.SequenceMatcher(None, gk, match_key(p),
                                         autojunk=False)
            if sm.real_quick_ratio() < 0.5 or sm.quick_ratio() < 0.5:
                continue
            r = sm.ratio()
            if r >= 0.5:
                pairs.append((r, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for r, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out, used_g, used_p


def flagged_fields(m, threshold):
    review = m.get("review") or []
    flags = {}
    for r in review:
        reason = r.get("reason") or ""
        if threshold is not None and reason.startswith(CONFIDENCE_REASON):
            continue
        flags.setdefault(r.get("field"), reason)
    if threshold is not None:
        fc = m.get("field_confidence") or {}
        for f in FIELDS + ["budget"]:
            c = fc.get(f)
            if c is not None and c < threshold:
                flags.setdefault(f, CONFIDENCE_REASON)
    return flags


def load_outputs(paths):
    docs = []
    for path in paths:
        if os.path.isdir(os.path.join(path, "documents")):
            path = os.path.join(path, "documents")
        files = ([os.path.join(path, f) for f in sorted(os.listdir(path))
                  if f.endswith(".json")] if os.path.isdir(path) else [path])
        for f in files:
            with open(f, encoding="utf-8") as fh:
                docs.append(json.load(fh))
    return docs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("outputs", nargs="+")
    ap.add_argument("--threshold", type=float, action="append",
                    help="re-decide confidence flags at T (repeatable)")
    ap.add_argument("--by-reason", action="store_true",
                    help="also count flags per reason (right/wrong)")
    ap.add_argument("--list", action="store_true",
                    help="list every silent and needless field")
    args = ap.parse_args()

    gold = {}
    for f in os.listdir(args.gold_dir):
        m = re.match(r"(\d{3})_.*\.json$", f)
        if m:
            with open(os.path.join(args.gold_dir, f), encoding="utf-8") as fh:
                gold[m.group(1)] = [gold_values(x)
                                    for x in json.load(fh)["measures"]]
    docs = [d for d in load_outputs(args.outputs)
            if gold_id(d["source"]["path"]) in gold
            and not re.search(r"\.p\d+\.", d["source"]["path"])]
    thresholds = args.threshold or [None]
    for t in thresholds:
        report(docs, gold, t, args)
    return 0


def report(docs, gold, threshold, args):
    rows = defaultdict(lambda: defaultdict(int))
    reasons = defaultdict(lambda: [0, 0])  # reason -> [wrong, right]
    listing = []
    for d in docs:
        src = d["source"]["path"]
        form = form_of(src)
        gv = gold[gold_id(src)]
        pm = d.get("measures") or []
        pv = [pred_values(m) for m in pm]
        pairs, used_g, used_p = match(gv, pv)
        row = rows[form]
        row["documents"] += 1
        row["gold records"] += len(gv)
        doc_warned = bool(d.get("warnings")) or d.get("status") == "partial"
        missed = len(gv) - len(used_g)
        row["missed"] += missed
        row["missed covered"] += missed if doc_warned else 0
        for pi, m in enumerate(pm):
            if pi in used_p:
                continue
            row["invented"] += 1
            if m.get("warnings") or m.get("review"):
                row["invented covered"] += 1
        for gi, pi in pairs:
            g, p, m = gv[gi], pv[pi], pm[pi]
            flags = flagged_fields(m, threshold)
            for f in FIELDS + ["budget"]:
                if f not in g:
                    continue
                wrong = g[f] != p[f]
                flag = f in flags
                row["fields"] += 1
                row["wrong"] += wrong
                row["flagged"] += flag
                row["silent"] += wrong and not flag
                row["needless"] += flag and not wrong
                if flag:
                    key = re.sub(r"[0-9.]+", "#", flags[f].split(":")[0])
                    reasons[key][0 if wrong else 1] += 1
                if (wrong and not flag) or (flag and not wrong):
                    listing.append((form, os.path.basename(src), m.get("id"),
                                    f, "silent" if wrong else "needless",
                                    flags.get(f, ""), p[f], g[f]))
    title = ("review as written" if threshold is None
             else f"confidence threshold {threshold}")
    print(f"== {title}")
    cols = ["documents", "fields", "wrong", "silent", "needless", "flagged",
            "missed", "missed covered", "invented", "invented covered"]
    print("| form | " + " | ".join(cols) +
          " | wrong flagged | right flagged |")
    print("|---" * (len(cols) + 3) + "|")
    total = defaultdict(int)
    for form in sorted(rows):
        r = rows[form]
        for c in cols:
            total[c] += r[c]
        print(line(form, r, cols))
    print(line("all", total, cols))
    if args.by_reason:
        print("flags by reason: reason | on wrong fields | on right fields")
        for k, (w, r) in sorted(reasons.items(), key=lambda x: -sum(x[1])):
            print(f"  {k} | {w} | {r}")
    if args.list:
        for item in listing:
            print("  " + " | ".join(str(x) for x in item))


def line(form, r, cols):
    wrong, right = r["wrong"], r["fields"] - r["wrong"]
    caught = wrong - r["silent"]
    pct = lambda a, b: f"{100.0 * a / b:.0f}%" if b else "-"
    return (f"| {form} | " + " | ".join(str(r[c]) for c in cols) +
            f" | {pct(caught, wrong)} | {pct(r['needless'], right)} |")


if __name__ == "__main__":
    sys.exit(main())
