#!/usr/bin/python3
"""Makes scanned forms of a born-digital PDF, the way reports arrive.

Each form imitates one way paper reaches a clerk; the parameters vary
with the seed, so that one seed is the fixture and others are unseen
reports of the same form:

  scan300   a clean 300-dpi scan: skew up to 1.5 deg, light noise, JPEG;
  noisy200  a 200-dpi office scan: skew up to 2.5 deg, dust and toner
            specks, a faint round stamp, blur, JPEG quality 60-75;
  bilevel   a copier / fax: 200 dpi, 1 bit per pixel, specks, skew;
  rotated   300-dpi scan pages fed turned: page 2 upside down, every third
            page a quarter turn (direction from the seed);
  photo     a phone photo: the sheet in perspective on a desk, a shadow
            gradient across it, warm paper, colour JPEG.

usage: make_scans.py FORM SEED IN.pdf OUT.pdf [FIRST LAST]
Needs python3-pil, python3-numpy and poppler-utils (pdftoppm); used to make
the fixtures of tests/data/scans and by scripts/eval_scans.sh, never at
build time.
"""
import io
import math
import os
import random
import subprocess
import sys
import tempfile

import numpy as np
from PIL import Image, ImageDraw, ImageFilter


def render(pdf, dpi, first, last):
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ['pdftoppm', '-r', str(dpi), '-gray', '-png']
        if first:
            cmd += ['-f', str(first), '-l', str(last)]
        subprocess.run(cmd + [pdf, os.path.join(tmp, 'p')], check=True)
        names = sorted(os.listdir(tmp))
        return [Image.open(os.path.join(tmp, n)).convert('L') for n in names]


def specks(img, rng, count, max_size):
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(count):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(0.6, max_size)
        draw.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(40, 150))


def stamp(img, rng, dpi):
    """A faint round office stamp with a ring of ticks, over the text."""
    layer = Image.new('L', img.size, 0)
    draw = ImageDraw.Draw(layer)
    w, h = img.size
    r = dpi * rng.uniform(0.5, 0.7)
    cx, cy = rng.uniform(w * 0.55, w * 0.8), rng.uniform(h * 0.15, h * 0.4)
    for k in (1.0, 0.8):
        draw.ellipse([cx - r * k, cy - r * k, cx + r * k, cy + r * k],
                     outline=255, width=max(2, dpi // 60))
    for a in range(0, 360, 12):
        t = math.radians(a)
        draw.line([cx + 0.82 * r * math.cos(t), cy + 0.82 * r * math.sin(t),
                   cx + 0.95 * r * math.cos(t), cy + 0.95 * r * math.sin(t)],
                  fill=255, width=max(2, dpi // 80))
    ink = np.asarray(layer, dtype=np.float32) / 255 * rng.uniform(60, 100)
    page = np.asarray(img, dtype=np.float32)
    return Image.fromarray(np.clip(page - ink, 0, 255).astype(np.uint8))


def skew(img, degrees):
    return img.rotate(degrees, resample=Image.BICUBIC, expand=False,
                      fillcolor=255)


def scan300(pages, rng):
    out = []
    for p in pages:
        p = skew(p, rng.uniform(-1.5, 1.5))
        a = np.asarray(p, dtype=np.float32)
        a += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 4, a.shape)
        p = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        out.append(('jpeg', p, rng.randint(50, 70)))
    return out


def noisy200(pages, rng):
    out = []
    for p in pages:
        p = skew(p, rng.uniform(-2.5, 2.5))
        specks(p, rng, rng.randint(300, 900), 2.2)
        if not out:
            p = stamp(p, rng, 200)
        a = np.asarray(p, dtype=np.float32)
        a += np.random.default_rng(rng.randint(0, 1 << 30)).normal(
            0, rng.uniform(6, 12), a.shape)
        p = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        p = p.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.6)))
        out.append(('jpeg', p, rng.randint(60, 75)))
    return out


def bilevel(pages, rng):
    out = []
    for p in pages:
        p = skew(p, rng.uniform(-1.5, 1.5))
        specks(p, rng, rng.randint(100, 400), 1.6)
        threshold = rng.randint(150, 185)
        out.append(('1bit', p.point(lambda v: 255 if v > threshold else 0,
                                    mode='1'), None))
    return out


def rotated(pages, rng):
    out = []
    quarter = rng.choice([90, 270])
    for i, p in enumerate(pages):
        p = skew(p, rng.uniform(-1.0, 1.0))
        if i == 1:
            p = p.rotate(180, expand=True)
        elif i % 3 == 2:
            p = p.rotate(quarter, expand=True)
        out.append(('jpeg', p, 70))
    return out


def perspective_coeffs(dst, src):
    """Coefficients PIL's PERSPECTIVE transform wants: for each output
    pixel (a point of `dst`) the input point (of `src`)."""
    rows = []
    for (x, y), (u, v) in zip(dst, src):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    b = [c for pt in src for c in pt]
    return np.linalg.solve(np.array(rows, dtype=float), np.array(b, dtype=float))


def photo(pages, rng):
    out = []
    for p in pages:
        w, h = p.size
        W, H = int(w * 1.25), int(h * 1.18)
        # Sheet corners in the photo: an inset frame, each corner moved.
        mx, my = (W - w * 0.92) / 2, (H - h * 0.92) / 2
        j = 0.045 * w
        dst = [(mx + rng.uniform(-j, j) + rng.uniform(0, j), my + rng.uniform(-j, j)),
               (W - mx + rng.uniform(-j, j) - rng.uniform(0, j), my + rng.uniform(-j, j)),
               (W - mx + rng.uniform(-j, j), H - my + rng.uniform(-j, j)),
               (mx + rng.uniform(-j, j), H - my + rng.uniform(-j, j))]
        src = [(0, 0), (w, 0), (w, h), (0, h)]
        coeffs = perspective_coeffs(dst, src)
        sheet = p.convert('RGB').transform((W, H), Image.PERSPECTIVE, coeffs,
                                           Image.BICUBIC, fillcolor=(0, 0, 0))
        mask = Image.new('L', p.size, 255).transform(
            (W, H), Image.PERSPECTIVE, coeffs, Image.BILINEAR, fillcolor=0)
        desk_color = tuple(rng.randint(40, 95) for _ in range(3))
        desk = Image.new('RGB', (W, H), desk_color)
        d = np.asarray(desk, dtype=np.float32)
        d += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 8, d.shape)
        desk = Image.fromarray(np.clip(d, 0, 255).astype(np.uint8))
        img = Image.composite(sheet, desk, mask)
        a = np.asarray(img, dtype=np.float32)
        # Warm paper, then a shadow gradient from one side.
        a *= np.array([1.0, 0.96, 0.86], dtype=np.float32)
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        angle = rng.uniform(0, 2 * math.pi)
        t = (xx * math.cos(angle) + yy * math.sin(angle))
        t = (t - t.min()) / (t.max() - t.min())
        depth = rng.uniform(0.25, 0.45)
        a *= (1 - depth * np.clip(1 - t * 1.6, 0, 1))[..., None]
        a += np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, 4, a.shape)
        img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 0.8)))
        out.append(('jpeg', img, 80))
    return out


FORMS = {'scan300': (300, scan300), 'noisy200': (200, noisy200), 'bilevel': (200, bilevel),
         'rotated': (300, rotated), 'photo': (200, photo)}


def main():
    form, seed, src, dst = sys.argv[1:5]
    first, last = (int(sys.argv[5]), int(sys.argv[6])) if len(sys.argv) > 6 else (0, 0)
    dpi, make = FORMS[form]
    rng = random.Random(int(seed))
    pages = make(render(src, dpi, first, last), rng)
    images = []
    for kind, img, quality in pages:
        if kind == 'jpeg':
            buf = io.BytesIO()
            img.save(buf, 'JPEG', quality=quality)
            images.append(Image.open(io.BytesIO(buf.getvalue())))
        else:
            images.append(img)
    images[0].save(dst, 'PDF', save_all=True, append_images=images[1:],
                   resolution=dpi)


if __name__ == '__main__':
    main()
