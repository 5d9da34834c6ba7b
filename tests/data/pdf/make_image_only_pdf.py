#!/usr/bin/env python3
"""Wraps an 8-bit gray PGM (P5) into a one-page PDF with no text layer.

Used once to make scanned_page.pdf, the fixture of a page that needs OCR:
  pdftoppm -f 8 -l 8 -r 25 -gray SAMPLE.scan300.pdf page
  python3 make_image_only_pdf.py page-08.pgm scanned_page.pdf
The page is A4 (595 x 842 pt) and the image fills it.
"""
import sys
import zlib


def read_pgm(path):
    data = open(path, 'rb').read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    assert fields[0] == b'P5' and fields[3] == b'255', 'need an 8-bit P5 PGM'
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def main(src, dst):
    width, height, pixels = read_pgm(src)
    image = zlib.compress(pixels, 9)
    content = b'q 595 0 0 842 0 0 cm /Im0 Do Q'
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] '
        b'/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
        b'<< /Type /XObject /Subtype /Image /Width %d /Height %d '
        b'/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode '
        b'/Length %d >>\nstream\n' % (width, height, len(image)) + image +
        b'\nendstream',
        b'<< /Length %d >>\nstream\n' % len(content) + content +
        b'\nendstream',
    ]
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for off in offsets:
        out += b'%010d 00000 n \n' % off
    out += (b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n'
            % (len(objects) + 1, xref))
    open(dst, 'wb').write(out)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
