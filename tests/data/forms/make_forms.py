#!/usr/bin/env python3
"""Renders the table-form fixtures in this folder (NNN_*.txt, text exports
with gold in NNN_*.gold.json) as born-digital PDFs, the way a word
processor prints them:

  - a two-row header becomes merged cells: a parent spanning its children
    (colspan) over them, the other header cells spanning both rows
    (rowspan);
  - a row with only its first cell filled (a group heading) spans the
    table;
  - a "- N -" page-number line between two tables is a page break, so the
    row cut before it continues on the next page under the repeated header;
  - other lines are paragraphs; "**bold**" lines are bold.

Each fixture is printed in two fonts and two table styles (ruled, and
borderless with only a rule under the header) into pdf/. The PDFs are
checked against the same gold as the text exports.

Needs python3, LibreOffice (soffice) and fonts-tlwg-*; only to regenerate
the fixtures, never at build or test time.

usage: make_forms.py [OUT_DIR]   (default: pdf/ beside this script)
"""
import html
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "variants"))
from make_variants import TABLE_STYLES, breakable  # noqa: E402

# name suffix → (font, size pt, table style)
RENDERINGS = {
    "garuda12": ("Garuda", 12, "ruled"),
    "norasi14_unruled": ("Norasi", 14, "header_rule"),
    "garuda11_unruled": ("Garuda", 11, "none"),
}
PAGE_NUMBER = re.compile(r"^\s*-\s*[0-9๐-๙]+\s*-\s*$")


def cell_html(text):
    # Cells may hold <p> already (the text export's HTML); plain text is
    # escaped and made breakable like the variants.
    return text if "<p>" in text else breakable(html.escape(text))


def table_html(rows, style):
    attrs = TABLE_STYLES[style].format(pad=4)
    rule = ' style="border-bottom:1px solid #000"' if style == "header_rule" else ""
    out = [f'<table {attrs} width="100%">']
    i = 0
    while i < len(rows):
        cells = rows[i]
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        two_row = (i == 0 and nxt is not None and not nxt[0].strip()
                   and sum(1 for c in nxt if c.strip()) >= 2)
        if two_row:
            top, sub = "<tr>", "<tr>"
            c = 0
            while c < len(cells):
                span = 1
                while (c + span < len(cells) and not cells[c + span].strip()
                       and nxt[c + span].strip()):
                    span += 1
                if span > 1 or nxt[c].strip():
                    top += f'<td{rule} colspan="{span}">{cell_html(cells[c])}</td>'
                    sub += "".join(f"<td{rule}>{cell_html(nxt[k])}</td>"
                                   for k in range(c, c + span))
                else:
                    top += f'<td{rule} rowspan="2">{cell_html(cells[c])}</td>'
                c += span
            out += [top + "</tr>", sub + "</tr>"]
            i += 2
            continue
        if i == 0:
            out.append("<tr>" + "".join(f"<td{rule}>{cell_html(c)}</td>"
                                        for c in cells) + "</tr>")
        elif cells[0].strip() and not any(c.strip() for c in cells[1:]):
            out.append(f'<tr><td colspan="{len(cells)}">{cell_html(cells[0])}</td></tr>')
        else:
            out.append("<tr>" + "".join(f"<td>{cell_html(c)}</td>"
                                        for c in cells) + "</tr>")
        i += 1
    out.append("</table>")
    return out


def to_html(text, font, size, style):
    out = [f'<html><head><meta charset="utf-8"><style>'
           f'body,td{{font-family:"{font}";font-size:{size}pt}}td{{vertical-align:top}}'
           f'</style></head><body><p>&nbsp;</p>']
    rows, page_break = [], False

    def flush():
        nonlocal rows
        if rows:
            out.extend(table_html(rows, style))
            rows = []

    for line in text.split("\n"):
        if "\t" in line:
            if page_break and not rows:
                out.append('<p style="page-break-before:always">&nbsp;</p>')
                page_break = False
            rows.append(line.split("\t"))
            continue
        flush()
        if PAGE_NUMBER.match(line):
            page_break = True
            continue
        line = line.strip()
        if not line:
            continue
        bold = line.startswith("**") and line.endswith("**")
        line = breakable(html.escape(line.strip("*")))
        out.append(f"<p><b>{line}</b></p>" if bold else f"<p>{line}</p>")
    flush()
    return "\n".join(out + ["</body></html>"])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "pdf")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        htmls = []
        for name in sorted(os.listdir(HERE)):
            if not re.match(r"^\d{3}_.*\.txt$", name):
                continue
            text = open(os.path.join(HERE, name), encoding="utf-8").read()
            for suffix, (font, size, style) in RENDERINGS.items():
                path = os.path.join(tmp, f"{name[:-4]}_{suffix}.html")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(to_html(text, font, size, style))
                htmls.append(path)
        subprocess.run(["soffice", "--headless", "--convert-to",
                        "pdf:writer_pdf_Export", "--outdir", out, *htmls],
                       check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
