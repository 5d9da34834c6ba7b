#!/usr/bin/env python3
"""Wraps JPEG files into an image-only PDF, one page per file.

The JPEG data is copied as it is (DCTDecode), so the pages hold exactly
the scan's pixels; the page size is the image size at DPI:
  make_scan_pdf.py DPI OUT.pdf PAGE1.jpg [PAGE2.jpg ...]
Used to make the scanned fixtures of this directory (see README.md).
"""
import struct
import sys


def jpeg_size(data):
    """(width, height, components) from the first SOF marker."""
    pos = 2
    while pos < len(data):
        if data[pos] != 0xFF:
            raise ValueError('not a JPEG marker at %d' % pos)
        marker = data[pos + 1]
        length = struct.unpack('>H', data[pos + 2:pos + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack('>HH', data[pos + 5:pos + 9])
            return width, height, data[pos + 9]
        pos += 2 + length
    raise ValueError('no SOF marker')


def main(dpi, dst, sources):
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>', None]
    kids = []
    for src in sources:
        data = open(src, 'rb').read()
        width, height, comps = jpeg_size(data)
        w_pt, h_pt = width * 72.0 / dpi, height * 72.0 / dpi
        space = b'/DeviceGray' if comps == 1 else b'/DeviceRGB'
        page_id = len(objects) + 1
        kids.append(b'%d 0 R' % page_id)
        content = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (w_pt, h_pt)
        objects.append(
            b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] '
            b'/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>'
            % (w_pt, h_pt, page_id + 1, page_id + 2))
        objects.append(
            b'<< /Type /XObject /Subtype /Image /Width %d /Height %d '
            b'/ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode '
            b'/Length %d >>\nstream\n' % (width, height, space, len(data)) +
            data + b'\nendstream')
        objects.append(b'<< /Length %d >>\nstream\n' % len(content) +
                       content + b'\nendstream')
    objects[1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (
        b' '.join(kids), len(kids))
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
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
