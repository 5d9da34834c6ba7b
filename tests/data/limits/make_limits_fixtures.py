#!/usr/bin/env python3
"""Makes the fixtures of tests/data/limits/ (issue 20: inputs that expand).

Run once from this directory (python3 stdlib, and pdftoppm from
poppler-utils for the 600-dpi crops):
  python3 make_limits_fixtures.py
Nothing here runs at build or test time. Every file is deterministic.

Bombs - small files whose pixels expand far beyond any real page:
  bomb_40000.png   40000 x 40000 px, 1-bit gray, white (zlib at its best
                   ratio): 200 MB of pixels, 1.6 GB once in 8-bit gray
  bomb_40000.tif   the same pixels in a TIFF, one Deflate strip
  bomb_40000.jpg   a baseline JPEG whose frame header says 40000 x 40000
                   gray; the entropy data stops after 16 bytes, which
                   libjpeg pads (with a warning) into the full frame
  bomb_image.pdf   an A4 page drawing a 40000 x 40000 1-bit image, its
                   data Flate-compressed twice ([/FlateDecode /FlateDecode])
  huge_mediabox.pdf a 14400 x 14400 pt page (200 inches, the largest the
                   PDF specification allows) with a 64 x 64 gray image
                   across it, so it is a page to OCR

Legitimate scans finer than the OCR resolution (600 dpi crops, 600 x 800
px, of page 8 of sample 000, from ../pdf/000_p7-9.pdf page 2):
  cell_600dpi.jpg       RGB JPEG (pdftoppm -jpeg)
  cell_600dpi_cmyk.jpg  CMYK JPEG (pdftoppm -jpegcmyk)
  cell_600dpi_16bit.png 16-bit gray PNG
  cell_600dpi_cmyk.tif  CMYK TIFF, Deflate
"""
import os
import struct
import subprocess
import tempfile
import zlib

SIDE = 40000


def white_1bit_rows(png_filter):
    row = (b'\x00' if png_filter else b'') + b'\xff' * (SIDE // 8)
    return row, SIDE


def deflate_rows(row, count):
    c = zlib.compressobj(9)
    parts = [c.compress(row) for _ in range(count)]
    parts.append(c.flush())
    return b''.join(parts)


def png_chunk(kind, data):
    return (struct.pack('>I', len(data)) + kind + data +
            struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))


def write_png(path, width, height, bit_depth, color_type, idat, dpi):
    ppm = round(dpi / 0.0254)
    out = b'\x89PNG\r\n\x1a\n'
    out += png_chunk(b'IHDR', struct.pack('>IIBBBBB', width, height,
                                          bit_depth, color_type, 0, 0, 0))
    out += png_chunk(b'pHYs', struct.pack('>IIB', ppm, ppm, 1))
    for i in range(0, len(idat), 1 << 16):
        out += png_chunk(b'IDAT', idat[i:i + (1 << 16)])
    out += png_chunk(b'IEND', b'')
    open(path, 'wb').write(out)


def write_tiff(path, width, height, bits, samples, photometric, strip,
               compression, dpi, inkset=None, rows_per_strip=None):
    """A little-endian classic TIFF of one page. `strip` is the page's
    data, one strip; or, with rows_per_strip, a list of the strips' data,
    each that many rows (as scanners write them)."""
    strips = strip if rows_per_strip else [strip]
    rows_per_strip = rows_per_strip or height
    # (tag, type, count, value); for arrays and rationals the value is
    # filled in below with the offset of the data placed after the IFD.
    entries = [
        [256, 4, 1, width],
        [257, 4, 1, height],
        [258, 3, samples, bits],
        [259, 3, 1, compression],
        [262, 3, 1, photometric],
        [273, 4, len(strips), 0],  # StripOffsets
        [277, 3, 1, samples],
        [278, 4, 1, rows_per_strip],
        [279, 4, len(strips), 0],  # StripByteCounts
        [282, 5, 1, 0],  # XResolution
        [283, 5, 1, 0],  # YResolution
        [296, 3, 1, 2],  # ResolutionUnit: inch
    ]
    if inkset:
        entries.append([332, 3, 1, inkset])
    entries.sort()
    extra_at = 8 + 2 + 12 * len(entries) + 4
    extra = b''
    if samples > 2:  # BitsPerSample does not fit in the entry
        bits_at = extra_at + len(extra)
        extra += struct.pack('<%dH' % samples, *([bits] * samples))
    res_at = extra_at + len(extra)
    extra += struct.pack('<II', dpi, 1)
    many = len(strips) > 1  # the arrays do not fit in their entries
    offsets_at = extra_at + len(extra) + (4 * len(strips) if many else 0)
    counts_at = extra_at + len(extra)
    if many:
        extra += struct.pack('<%dI' % len(strips), *map(len, strips))
        extra += b'\0' * (4 * len(strips))  # offsets, filled in below
    data_at = extra_at + len(extra)
    strip_offsets, at = [], data_at
    for data in strips:
        strip_offsets.append(at)
        at += len(data)
    if many:
        start = offsets_at - extra_at
        extra = (extra[:start] +
                 struct.pack('<%dI' % len(strips), *strip_offsets) +
                 extra[start + 4 * len(strips):])
    ifd = struct.pack('<H', len(entries))
    for tag, typ, count, value in entries:
        if tag == 258 and samples > 2:
            value = bits_at
        elif tag in (282, 283):
            value = res_at
        elif tag == 273:
            value = offsets_at if many else strip_offsets[0]
        elif tag == 279:
            value = counts_at if many else len(strips[0])
        if typ == 3 and count <= 2:
            values = [value] * count + [0] * (2 - count)
            ifd += struct.pack('<HHIHH', tag, typ, count, *values)
        else:
            ifd += struct.pack('<HHII', tag, typ, count, value)
    ifd += struct.pack('<I', 0)
    out = b'II*\x00' + struct.pack('<I', 8) + ifd + extra + b''.join(strips)
    open(path, 'wb').write(out)


def write_pdf(path, media_box, image_dict, image_data, content):
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [%s] '
        b'/Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>'
        % media_box,
        b'<< /Type /XObject /Subtype /Image ' + image_dict +
        b' /Length %d >>\nstream\n' % len(image_data) + image_data +
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
    open(path, 'wb').write(bytes(out))


def jpeg_bomb(path):
    def segment(marker, body):
        return b'\xff' + marker + struct.pack('>H', len(body) + 2) + body
    out = b'\xff\xd8'
    out += segment(b'\xe0', b'JFIF\x00\x01\x01\x01' +
                   struct.pack('>HH', 300, 300) + b'\x00\x00')
    out += segment(b'\xdb', b'\x00' + b'\x01' * 64)
    out += segment(b'\xc0', b'\x08' + struct.pack('>HH', SIDE, SIDE) +
                   b'\x01' + b'\x01\x11\x00')
    one_code = b'\x01' + b'\x00' * 15  # one code of length 1
    out += segment(b'\xc4', b'\x00' + one_code + b'\x00')  # DC: category 0
    out += segment(b'\xc4', b'\x10' + one_code + b'\x00')  # AC: end of block
    out += segment(b'\xda', b'\x01' + b'\x01\x00' + b'\x00\x3f\x00')
    out += b'\x00' * 16 + b'\xff\xd9'
    open(path, 'wb').write(out)


def render(pdf, args, prefix):
    subprocess.run(['pdftoppm', '-f', '2', '-l', '2', '-r', '600', '-x',
                    '1900', '-y', '1800', '-W', '600', '-H', '800',
                    '-singlefile'] + args + [pdf, prefix], check=True)


def read_pnm(path):
    data = open(path, 'rb').read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(here)
    row, count = white_1bit_rows(png_filter=True)
    write_png('bomb_40000.png', SIDE, SIDE, 1, 0, deflate_rows(row, count),
              300)
    row, count = white_1bit_rows(png_filter=False)
    once = deflate_rows(row, count)
    # WhiteIsZero: 0xff is black, so invert for a white page.
    black_row = b'\x00' * (SIDE // 8)
    write_tiff('bomb_40000.tif', SIDE, SIDE, 1, 1, 0,
               deflate_rows(black_row, SIDE), 8, 300)
    jpeg_bomb('bomb_40000.jpg')
    twice = zlib.compress(once, 9)
    write_pdf('bomb_image.pdf', b'0 0 595 842',
              b'/Width %d /Height %d /ColorSpace /DeviceGray '
              b'/BitsPerComponent 1 /Filter [/FlateDecode /FlateDecode]'
              % (SIDE, SIDE), twice, b'q 595 0 0 842 0 0 cm /Im0 Do Q')
    gray = bytes((x * 7 + y * 3) % 256 for y in range(64) for x in range(64))
    write_pdf('huge_mediabox.pdf', b'0 0 14400 14400',
              b'/Width 64 /Height 64 /ColorSpace /DeviceGray '
              b'/BitsPerComponent 8 /Filter /FlateDecode',
              zlib.compress(gray, 9), b'q 14400 0 0 14400 0 0 cm /Im0 Do Q')

    pdf = os.path.join(here, '..', 'pdf', '000_p7-9.pdf')
    with tempfile.TemporaryDirectory() as tmp:
        render(pdf, ['-jpeg', '-jpegopt', 'quality=85'], 'cell_600dpi')
        render(pdf, ['-jpegcmyk'], 'cell_600dpi_cmyk')
        render(pdf, ['-gray'], os.path.join(tmp, 'g'))
        w, h, pixels = read_pnm(os.path.join(tmp, 'g.pgm'))
        rows = bytearray()
        for y in range(h):
            line = pixels[y * w:(y + 1) * w]
            wide = bytearray(2 * w)
            wide[0::2] = line
            wide[1::2] = line
            rows += b'\x00' + wide
        write_png('cell_600dpi_16bit.png', w, h, 16, 0,
                  zlib.compress(bytes(rows), 9), 600)
        render(pdf, [], os.path.join(tmp, 'c'))
        w, h, rgb = read_pnm(os.path.join(tmp, 'c.ppm'))
        cmyk = bytearray(4 * w * h)
        cmyk[0::4] = bytes(255 - v for v in rgb[0::3])
        cmyk[1::4] = bytes(255 - v for v in rgb[1::3])
        cmyk[2::4] = bytes(255 - v for v in rgb[2::3])
        write_tiff('cell_600dpi_cmyk.tif', w, h, 8, 4, 5,
                   zlib.compress(bytes(cmyk), 9), 8, 600, inkset=1)


if __name__ == '__main__':
    main()
