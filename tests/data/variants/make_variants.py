#!/usr/bin/env python3
"""Regenerates the variant fixtures in this folder from the real samples.

Each variant is the same report as samples/000_* or samples/002_* produced
another way, so it is scored against the same gold records
(tests/data/gold/): what changes is only how the report was written.

  text/  text exports rewritten: columns in another order, other header
         wording, an extra sequence column, Arabic digits, a markdown pipe
         table, TIS-620 encoding.
  born/  the text exports (and the plan 004, in Norasi) set as HTML tables and printed to PDF by
         LibreOffice in other Thai fonts (Garuda, Norasi, Loma landscape,
         Kinnari with permuted columns). LibreOffice lets header rows and
         data rows break across pages, draws consecutive tables edge to
         edge, and does not repeat headers: layouts Word rarely produces.

Needs python3, LibreOffice (soffice) and fonts-tlwg-*; only to regenerate
the fixtures, never at build or test time.

  unruled/  the same HTML tables with no borders, only rules between rows,
         only an outer frame, or only a rule under the header, in other
         fonts and cell paddings (`--unruled` makes only these).

usage: make_variants.py SAMPLES_DIR OUT_DIR [--unruled]
"""
import html
import os
import re
import subprocess
import sys
import tempfile

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
LEADING_VOWELS = set("เแโใไ")
SAMPLES = ["000_3cee52bff17396b4", "002_f81f378ca2341cd5"]
# The five-year plan: one-label-per-paragraph project sheets over 130+
# pages; one rendering is enough (the text variants are about tables).
PLAN_SAMPLE = "004_4a7e64d5c0343923"
PLAN_VARIANT = "norasi16"


def is_header(cells):
    return any(c.strip() == "ผู้รับผิดชอบ" for c in cells)


def map_rows(text, fn):
    out = []
    for line in text.split("\n"):
        out.append("\t".join(fn(line.split("\t"))) if "\t" in line else line)
    return "\n".join(out)


def permute(order):
    return lambda c: [c[i] for i in order] if len(c) == len(order) else c


def rename_header(cells):
    if len(cells) != 6 or not is_header(cells):
        return cells
    out = []
    for x in cells:
        if "ผู้รับผิดชอบ" in x:
            x = "หน่วยงานที่รับผิดชอบ"
        elif "ระยะเวลา" in x:
            x = "ระยะเวลาดำเนินการ"
        elif "ผลลัพธ์" in x or "outcome" in x.lower():
            x = "ผลสัมฤทธิ์"
        elif "ผลการดำเนินการ" in x or "output" in x.lower():
            x = "ผลผลิต"
        elif "ขั้นตอน" in x:
            x = "วิธีการดำเนินการ"
        else:
            x = "โครงการ/กิจกรรม"
        out.append(x)
    return out


def add_sequence_column(text):
    n = 0

    def fn(cells):
        nonlocal n
        if is_header(cells):
            return ["ลำดับ"] + cells
        n += 1
        return [str(n)] + cells

    return map_rows(text, fn)


def pipe_table(text):
    out, in_table = [], False
    for line in text.split("\n"):
        if "\t" not in line:
            in_table = False
            out.append(line)
            continue
        cells = [re.sub(r"<[^>]+>", " ", c).replace("|", "/") for c in line.split("\t")]
        out.append("| " + " | ".join(cells) + " |")
        if not in_table:
            out.append("|" + "---|" * len(cells))
            in_table = True
    return "\n".join(out)


TEXT_VARIANTS = {
    "perm_mix": lambda t: map_rows(t, permute([1, 0, 4, 2, 5, 3])),
    "header_rename": lambda t: map_rows(t, rename_header),
    "sequence_column": add_sequence_column,
    "arabic_digits": lambda t: t.translate({ord(c): str(i) for i, c in enumerate(THAI_DIGITS)}),
    "pipe_table": pipe_table,
}


def breakable(text, every=25):
    """Zero-width spaces at cluster boundaries: LibreOffice has no Thai
    dictionary here and would run a long line off the page (Word wraps)."""
    out, run = [], 0
    for i, ch in enumerate(text):
        if (run >= every and "\u0e01" <= ch <= "\u0e2e" and i > 0
                and text[i - 1] not in LEADING_VOWELS
                and not "\u0e31" <= text[i - 1] <= "\u0e3a"):
            out.append("\u200b")
            run = 0
        out.append(ch)
        run = 0 if ch == " " else run + 1
    return "".join(out)


# How a table's borders are drawn, as HTML attributes LibreOffice's import
# understands: every border (what Word and the samples do), none at all,
# only lines between rows, only the outer frame, only a rule under the
# header. `pad` is the cell padding in pixels (the gap between columns).
TABLE_STYLES = {
    "ruled": 'border="1" cellspacing="0" cellpadding="{pad}"',
    "none": 'border="0" cellspacing="0" cellpadding="{pad}"',
    "rows": 'frame="void" rules="rows" border="1" cellspacing="0" cellpadding="{pad}"',
    "frame": 'frame="box" rules="none" border="1" cellspacing="0" cellpadding="{pad}"',
    "header_rule": 'border="0" cellspacing="0" cellpadding="{pad}"',
}


def to_html(text, font, size, order=None, landscape=False, style="ruled", pad=4,
            top=False, repeat_header=False):
    page = "@page{size:29.7cm 21cm}" if landscape else ""
    # LibreOffice's HTML import swallows the first paragraph: give it one.
    out = [f'<html><head><meta charset="utf-8"><style>'
           f'body,td{{font-family:"{font}";font-size:{size}pt}}td{{vertical-align:top}}'
           f'{page}</style></head><body><p>&nbsp;</p>']
    in_table = False
    attrs = TABLE_STYLES[style].format(pad=pad)
    rule = ' style="border-bottom:1px solid #000"' if style == "header_rule" else ""
    for line in text.split("\n"):
        if "\t" in line:
            cells = line.split("\t")
            if order and len(cells) == len(order):
                cells = [cells[i] for i in order]
            if not in_table:
                out.append(f'<table {attrs} width="100%">')
                in_table = True
            valign = ' valign="top"' if top else ""
            td = f"<td{rule}{valign}>" if is_header(cells) else f"<td{valign}>"
            row = "<tr>" + "".join(f"{td}{c}</td>" for c in cells) + "</tr>"
            if repeat_header and is_header(cells):
                row = f"<thead>{row}</thead>"
            out.append(row)
            continue
        if in_table:
            out.append("</table>")
            in_table = False
        line = line.strip().replace("**", "").lstrip("# ")
        if line and not line.startswith("The image"):
            out.append(f"<p>{breakable(html.escape(line))}</p>")
    if in_table:
        out.append("</table>")
    return "\n".join(out + ["</body></html>"])


BORN_VARIANTS = {
    "garuda12": ("Garuda", 12, None, False),
    "norasi16": ("Norasi", 16, None, False),
    "loma14_landscape": ("Loma", 14, None, True),
    "kinnari14_permuted": ("Kinnari", 14, [0, 2, 1, 3, 5, 4], False),
}


# Tables without (all) borders: (sample, font, size, style, padding,
# cells aligned to the top, header repeated on every page). Word sets
# cells to the top and repeats a marked header; LibreOffice's HTML import
# centres cells and repeats a <thead>. The "_mid" variants keep both of
# LibreOffice's defaults: centred cells and headers broken across pages.
UNRULED_VARIANTS = {
    "000_none_garuda12": ("000", "Garuda", 12, "none", 4, True, True),
    "000_rows_norasi14": ("000", "Norasi", 14, "rows", 4, True, True),
    "000_header_rule_kinnari14": ("000", "Kinnari", 14, "header_rule", 4, True, True),
    "000_frame_loma13_mid": ("000", "Loma", 13, "frame", 3, False, False),
    "002_none_sawasdee14_pad2_mid": ("002", "Sawasdee", 14, "none", 2, False, False),
    "002_rows_umpush14": ("002", "Umpush", 14, "rows", 4, True, True),
    "002_header_rule_waree12": ("002", "Waree", 12, "header_rule", 4, True, True),
    "002_frame_garuda14": ("002", "Garuda", 14, "frame", 6, True, True),
    "004_none_norasi16": ("004", "Norasi", 16, "none", 4, True, True),
}


def make_unruled(samples, out, tmp):
    os.makedirs(f"{out}/unruled", exist_ok=True)
    names = {s[:3]: s for s in SAMPLES + [PLAN_SAMPLE]}
    for name, (short, font, size, style, pad, top, repeat) in UNRULED_VARIANTS.items():
        text = open(f"{samples}/{names[short]}.txt", encoding="utf-8").read()
        with open(f"{tmp}/{name}.html", "w", encoding="utf-8") as f:
            f.write(to_html(text, font, size, style=style, pad=pad, top=top,
                            repeat_header=repeat))
    htmls = sorted(os.path.join(tmp, f"{n}.html") for n in UNRULED_VARIANTS)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                    "--outdir", f"{out}/unruled", *htmls],
                   check=True, stdout=subprocess.DEVNULL)


def main():
    samples, out = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "--unruled":
        with tempfile.TemporaryDirectory() as tmp:
            make_unruled(samples, out, tmp)
        return
    os.makedirs(f"{out}/text", exist_ok=True)
    os.makedirs(f"{out}/born", exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for sample in SAMPLES:
            text = open(f"{samples}/{sample}.txt", encoding="utf-8").read()
            short = sample[:3]
            for name, fn in TEXT_VARIANTS.items():
                with open(f"{out}/text/{short}_{name}.txt", "w", encoding="utf-8",
                          newline="") as f:
                    f.write(fn(text))
            with open(f"{out}/text/{short}_tis620.txt", "wb") as f:
                f.write(text.encode("cp874", errors="replace"))
            for name, (font, size, order, landscape) in BORN_VARIANTS.items():
                with open(f"{tmp}/{short}_{name}.html", "w", encoding="utf-8") as f:
                    f.write(to_html(text, font, size, order, landscape))
        text = open(f"{samples}/{PLAN_SAMPLE}.txt", encoding="utf-8").read()
        font, size, order, landscape = BORN_VARIANTS[PLAN_VARIANT]
        with open(f"{tmp}/{PLAN_SAMPLE[:3]}_{PLAN_VARIANT}.html", "w",
                  encoding="utf-8") as f:
            f.write(to_html(text, font, size, order, landscape))
        htmls = sorted(os.path.join(tmp, f) for f in os.listdir(tmp))
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_pdf_Export",
                        "--outdir", f"{out}/born", *htmls],
                       check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
