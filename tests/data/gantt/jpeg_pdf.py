#!/usr/bin/env python3
"""Wraps JPEG page images (one per page, all at DPI) into an image-only PDF,
as a scanner writes them: each page one DCT image, no text layer.

usage: jpeg_pdf.py DPI OUT.pdf PAGE1.jpg [PAGE2.jpg ...]
"""
import struct
import sys


def jpeg_size(data):
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h, data[i + 9]
        i += 2 + length
    raise ValueError("no SOF marker")


def main():
    dpi, out, pages = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
    objects = []  # bodies, object n = index + 1
    kids = []
    for path in pages:
        data = open(path, "rb").read()
        w, h, comps = jpeg_size(data)
        pw, ph = w * 72 / dpi, h * 72 / dpi
        space = "/DeviceGray" if comps == 1 else "/DeviceRGB"
        img = len(objects) + 1
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                       b"/ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode "
                       b"/Length %d >>\nstream\n" % (w, h, space.encode(), len(data))
                       + data + b"\nendstream")
        content = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (pw, ph)
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content +
                       b"\nendstream")
        page = len(objects) + 1
        objects.append(b"<< /Type /Page /Parent PAGES /MediaBox [0 0 %.2f %.2f] "
                       b"/Resources << /XObject << /Im0 %d 0 R >> >> "
                       b"/Contents %d 0 R >>" % (pw, ph, img, img + 1))
        kids.append(page)
    pages_obj = len(objects) + 1
    objects = [o.replace(b"PAGES", b"%d 0 R" % pages_obj) for o in objects]
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" %
                   (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
    body = b"%PDF-1.4\n"
    offsets = []
    for n, o in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % n + o + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    body += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" %
             (len(objects) + 1, len(objects), xref))
    open(out, "wb").write(body)


if __name__ == "__main__":
    main()
