#!/usr/bin/env python3
"""Writes the Gantt-table fixtures in this folder, with their gold records.

Each fixture is a small ITA measure report whose table gives the period as a
row of month (or quarter) columns under a parent header, with a mark in the
months a measure runs:

  tick     "ต.ค. ๖๗" .. "ก.ย. ๖๘" (years written), marks ✓, two runs, a
           remarks column (หมายเหตุ), the header repeated mid-table and the
           last measure continued under it with its number and name repeated
  slash    quarters ไตรมาส ๑–๔, marks "/"
  cross    full month names without years (the year from the parent header
           ปีงบประมาณ พ.ศ. ๒๕๖๘), marks "x"

Each is written as a text export (<name>.txt, tab-separated, cells in <p>)
and, with --pdf, as a born PDF (<name>.born.pdf: the same table as HTML,
parent header spanning the months, printed by LibreOffice in Laksaman;
gantt_shaded.born.pdf shades the ticked cells grey instead) and as a 300-dpi
scan of it (<name>.scan300.pdf: pdftoppm gray JPEG pages wrapped by
jpeg_pdf.py into an image-only PDF).
gold/<name>.json holds the expected records in the shared gold format.

Needs python3; --pdf also LibreOffice (soffice), fonts-tlwg-laksaman and
poppler-utils.
Only to regenerate the fixtures, never at build or test time.

usage: make_gantt.py [--pdf]
"""
import html
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TH = "๐๑๒๓๔๕๖๗๘๙"


def th(n):
    return "".join(TH[int(d)] for d in str(n))


ORG = "องค์การบริหารส่วนตำบลทดสอบ"
TITLE = ("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
         "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘")
ABBR = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
        "ก.ค.", "ส.ค.", "ก.ย."]
FULL = ["ตุลาคม", "พฤศจิกายน", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน",
        "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน"]
# Calendar (CE year, month) of the fiscal months of FY 2568, October first.
CAL = [(2024, 10), (2024, 11), (2024, 12)] + [(2025, m) for m in range(1, 10)]
DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31,
        11: 30, 12: 31}


def first_day(i):
    y, m = CAL[i]
    return "%04d-%02d-01" % (y, m)


def last_day(i):
    y, m = CAL[i]
    return "%04d-%02d-%02d" % (y, m, DAYS[m])


# Measures: id, name, method steps, owners, ticked fiscal-month indices,
# outputs.
MEASURES = [
    ("1", "จัดทำคู่มือการปฏิบัติงานและมาตรฐานการให้บริการ",
     ["จัดทำคู่มือการปฏิบัติงาน", "แจกเวียนบุคลากรในหน่วยงานให้ทราบ"],
     ["สำนักปลัด"], [0, 1], ["คู่มือการปฏิบัติงาน ๑ เล่ม"]),
    ("2", "ประชุมชี้แจงแนวทางการปฏิบัติงานด้านความโปร่งใส",
     ["จัดประชุมบุคลากรทุกกองงาน", "สรุปผลการประชุมเสนอผู้บริหาร"],
     ["กองคลัง"], [0, 1, 6, 7], ["จัดประชุม ๒ ครั้ง"]),
    ("3", "เผยแพร่ข้อมูลข่าวสารการจัดซื้อจัดจ้างผ่านเว็บไซต์",
     ["รวบรวมข้อมูลการจัดซื้อจัดจ้างรายเดือน", "เผยแพร่ทางเว็บไซต์ของหน่วยงาน"],
     ["กองคลัง", "กองช่าง"], list(range(12)), ["เผยแพร่ข้อมูลครบ ๑๒ เดือน"]),
    ("4", "ส่งเสริมการมีส่วนร่วมของประชาชนในการตรวจสอบการดำเนินงาน",
     ["แต่งตั้งคณะกรรมการตรวจรับพัสดุจากภาคประชาชน", "จัดเวทีประชาคมหมู่บ้าน",
      "รายงานผลต่อผู้บริหาร"],
     ["สำนักปลัด"], [3, 4, 5], ["ประชาชนเข้าร่วม ๑๒๐ คน", "รายงานผล ๑ ฉบับ"]),
]
# Quarter fixture: ticked quarter indices (0 = Q1 = Oct–Dec).
QUARTERS = {"1": [0], "2": [0, 2], "3": [0, 1, 2, 3], "4": [1]}


def month_headers(kind):
    if kind == "tick":
        return [ABBR[i] + " " + th(67 if i < 3 else 68) for i in range(12)]
    if kind == "cross":
        return FULL[:]
    return ["ไตรมาส " + th(q) for q in range(1, 5)]


def ticks_of(kind, mid):
    m = next(x for x in MEASURES if x[0] == mid)
    return QUARTERS[mid] if kind == "slash" else m[4]


def runs_of(ticks):
    runs = []
    for t in ticks:
        if runs and runs[-1][1] == t - 1:
            runs[-1][1] = t
        else:
            runs.append([t, t])
    return runs


def period_of(kind, ticks):
    heads = month_headers(kind)
    runs = runs_of(ticks)
    text = ", ".join(heads[a] if a == b else heads[a] + " - " + heads[b]
                     for a, b in runs)
    if kind == "slash":
        start = first_day(runs[0][0] * 3)
        end = last_day(runs[-1][1] * 3 + 2)
    else:
        start, end = first_day(runs[0][0]), last_day(runs[-1][1])
    return text, start, end


MARK = {"tick": "✓", "slash": "/", "cross": "x"}


def rows(kind):
    """Header rows and data rows as lists of cells (lists of paragraphs)."""
    heads = month_headers(kind)
    n = len(heads)
    parent = "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘"
    h1 = [["ลำดับ"], ["มาตรการ/โครงการ"], ["วิธีการดำเนินการ"], ["ผู้รับผิดชอบ"],
          [parent]] + [[]] * (n - 1) + [["ผลการดำเนินงาน"], ["หมายเหตุ"]]
    h2 = [[]] * 4 + [[h] for h in heads] + [[], []]
    data = []
    for mid, name, steps, owners, _, outputs in MEASURES:
        ticks = ticks_of(kind, mid)
        marks = [[MARK[kind]] if i in ticks else [] for i in range(n)]
        remark = [["ดำเนินการแล้ว"]] if mid == "2" else [[]]
        if mid == "4" and kind == "tick":
            # The record goes on under the repeated header: number and name
            # repeated, the last step and output continued there (the first
            # step repeated: it is not listed twice).
            data.append([[th(mid)], [name], ["๑. " + steps[0], "๒. " + steps[1]],
                         owners, *marks, [outputs[0]], []])
            data.append("HEADER")
            data.append([[th(mid)], [name], ["๑. " + steps[0], "๓. " + steps[2]],
                         [], *[[] for _ in range(n)], [outputs[1]], []])
            continue
        data.append([[th(mid)], [name],
                     ["%s. %s" % (th(i + 1), s) for i, s in enumerate(steps)],
                     owners, *marks, outputs, *remark])
    return h1, h2, data


def cell_text(paras):
    return "".join("<p>%s</p>" % html.escape(p, quote=False) for p in paras) \
        if len(paras) > 1 else (paras[0] if paras else "")


def write_text(kind, path):
    h1, h2, data = rows(kind)
    lines = ["", TITLE, "", ORG, "",
             "ตามที่ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ผลการดำเนินงานมีดังนี้", ""]
    header = ["\t".join(cell_text(c) for c in h1), "\t".join(cell_text(c) for c in h2)]
    lines += header
    for r in data:
        lines += header if r == "HEADER" else ["\t".join(cell_text(c) for c in r)]
    lines += ["", "ลงชื่อ นายก" + ORG, ""]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_html(kind, path, shaded=False):
    h1, h2, data = rows(kind)
    n = len(month_headers(kind))
    css = ("@page{size:29.7cm 21cm}"
           "body,td{font-family:'Laksaman';font-size:12pt}td{vertical-align:top}")
    out = ["<html><head><meta charset='utf-8'><style>%s</style></head><body>" % css,
           # LibreOffice's HTML import swallows the first paragraph.
           "<p>&nbsp;</p><p>%s</p><p>%s</p>" % (TITLE, ORG),
           "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"]

    def header_html():
        s = "<tr>"
        for i, c in enumerate(h1):
            width = [5, 20, 22, 10][i] if i < 4 else 12 if i == 4 + n else 6
            if i == 4:
                s += "<td colspan='%d'>%s</td>" % (n, html.escape(c[0]))
            elif i < 4 or i >= 4 + n:
                s += "<td rowspan='2' width='%d%%'>%s</td>" % (
                    width, html.escape(c[0]))
        s += "</tr><tr>"
        for c in h2[4:4 + n]:
            s += "<td>%s</td>" % html.escape(c[0])
        return s + "</tr>"

    out.append(header_html())
    for r in data:
        if r == "HEADER":
            out.append(header_html())
            continue
        s = "<tr>"
        for i, c in enumerate(r):
            month = 4 <= i < 4 + n
            if month and shaded and c:
                s += "<td bgcolor='#808080'></td>"
            else:
                s += "<td>%s</td>" % "".join(
                    "<p>%s</p>" % html.escape(p) for p in c)
        out.append(s + "</tr>")
    out.append("</table><p>ลงชื่อ นายก%s</p></body></html>" % ORG)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def gold(kind):
    measures = []
    for mid, name, steps, owners, _, outputs in MEASURES:
        text, start, end = period_of(kind, ticks_of(kind, mid))
        measures.append({"id": mid, "section": None, "measure": name,
                         "method": steps, "owner": owners, "period_text": text,
                         "period_start": start, "period_end": end,
                         "output": outputs, "outcome": []})
    return {"seed": "gantt-" + kind,
            "doc": {"kind": "ita_report", "organization": ORG, "district": None,
                    "province": None, "fiscal_year_be": 2568,
                    "fiscal_year_be_end": 2568},
            "measures": measures}


def main():
    os.makedirs(os.path.join(HERE, "gold"), exist_ok=True)
    for kind in ["tick", "slash", "cross"]:
        write_text(kind, os.path.join(HERE, "gantt_%s.txt" % kind))
        with open(os.path.join(HERE, "gold", "gantt_%s.json" % kind), "w",
                  encoding="utf-8") as f:
            json.dump(gold(kind), f, ensure_ascii=False, indent=1)
            f.write("\n")
    if "--pdf" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            jobs = [("tick", False, "gantt_tick"), ("slash", False, "gantt_slash"),
                    ("cross", False, "gantt_cross"), ("tick", True, "gantt_shaded")]
            for kind, shaded, name in jobs:
                src = os.path.join(tmp, name + ".html")
                write_html(kind, src, shaded)
                subprocess.run(["soffice", "--headless", "--convert-to",
                                "pdf:writer_pdf_Export", "--outdir", tmp, src],
                               check=True, capture_output=True)
                os.replace(os.path.join(tmp, name + ".pdf"),
                           os.path.join(HERE, name + ".born.pdf"))
        # 300-dpi scans of the born PDFs: gray JPEG pages, no text layer.
        for name in ["gantt_tick", "gantt_slash", "gantt_cross", "gantt_shaded"]:
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run(["pdftoppm", "-r", "300", "-gray", "-jpeg",
                                "-jpegopt", "quality=80",
                                os.path.join(HERE, name + ".born.pdf"),
                                os.path.join(tmp, "p")], check=True)
                jpgs = sorted(os.path.join(tmp, f) for f in os.listdir(tmp))
                subprocess.run([sys.executable, os.path.join(HERE, "jpeg_pdf.py"),
                                "300", os.path.join(HERE, name + ".scan300.pdf")]
                               + jpgs, check=True)
        with open(os.path.join(HERE, "gold", "gantt_shaded.json"), "w",
                  encoding="utf-8") as f:
            g = gold("tick")
            g["seed"] = "gantt-shaded"
            json.dump(g, f, ensure_ascii=False, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
