#!/usr/bin/env python3
"""Draws the toolbar icons (a magnifying lens over a hook) as PNGs, stdlib only.

Run from the repository root: python3 scripts/make_icons.py
Writes extension/icons/{lens,lens-error}-{16,32,48,128}.png and www/favicon.png.
"""
import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
SUPERSAMPLE = 4


def png_bytes(width, height, rgba_rows):
    raw = b"".join(b"\x00" + bytes(row) for row in rgba_rows)

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def shape_colour(x, y, ring, handle, mark):
    """Colour of one sample in a unit square, or None when transparent."""
    cx, cy, r = 0.42, 0.42, 0.30
    d = math.hypot(x - cx, y - cy)
    if dist_to_segment(x, y, 0.63, 0.63, 0.90, 0.90) < 0.085:
        return handle
    if abs(d - r) < 0.075:
        return ring
    if d < r - 0.075:
        # a small hook inside the lens: the lure being looked at
        if dist_to_segment(x, y, 0.42, 0.26, 0.42, 0.50) < 0.045:
            return mark
        if abs(math.hypot(x - 0.36, y - 0.50) - 0.06) < 0.04 and y > 0.50:
            return mark
        return (255, 255, 255, 235)
    return None


def render(size, ring, handle, mark):
    n = size * SUPERSAMPLE
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(SUPERSAMPLE):
                for sx in range(SUPERSAMPLE):
                    c = shape_colour((px * SUPERSAMPLE + sx + 0.5) / n,
                                     (py * SUPERSAMPLE + sy + 0.5) / n, ring, handle, mark)
                    if c:
                        a = c[3]
                        acc[0] += c[0] * a
                        acc[1] += c[1] * a
                        acc[2] += c[2] * a
                        acc[3] += a
            samples = SUPERSAMPLE * SUPERSAMPLE
            alpha = acc[3] / samples
            if acc[3]:
                row += [round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)]
            else:
                row += [0, 0, 0, 0]
        rows.append(row)
    return png_bytes(size, size, rows)


def main():
    root = Path(__file__).resolve().parent.parent
    out = root / "extension" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    teal, dark, amber = (15, 118, 110, 255), (17, 94, 89, 255), (217, 119, 6, 255)
    grey, red = (107, 114, 128, 255), (220, 38, 38, 255)
    for size in SIZES:
        (out / f"lens-{size}.png").write_bytes(render(size, teal, dark, amber))
        (out / f"lens-error-{size}.png").write_bytes(render(size, grey, grey, red))
    (root / "www" / "favicon.png").parent.mkdir(exist_ok=True)
    (root / "www" / "favicon.png").write_bytes(render(32, teal, dark, amber))


if __name__ == "__main__":
    main()
