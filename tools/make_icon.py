"""Draw the application icon with Qt and write resources/icons/app.ico: run after changing
the drawing, and commit the result (`python tools/make_icon.py`).

The picture: a red rounded square (the colour of the national emblem's field) holding a white
sheet with text lines and a yellow star — a plan on paper. The .ico holds 16, 24, 32, 48 and
64 px images as 32-bit bitmaps, which every Windows and NSIS read, and 256 px as PNG.
"""

from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
BITMAP_SIZES = (16, 24, 32, 48, 64)
PNG_SIZES = (256,)
RED, PAPER, STAR, INK = "#c8102e", "#ffffff", "#ffcd00", "#9a9a9a"


def draw(size: int) -> QImage:
    """The icon at ``size`` px, drawn on a 64-unit canvas."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(RED))
    painter.drawRoundedRect(QRectF(1, 1, 62, 62), 12, 12)
    painter.setBrush(QColor(PAPER))
    painter.drawRect(QRectF(15, 9, 34, 46))
    painter.setBrush(QColor(STAR))
    star = QPolygonF()
    for i in range(10):
        radius = 7.5 if i % 2 == 0 else 3.0
        angle = math.radians(-90 + i * 36)
        star.append(QPointF(32 + radius * math.cos(angle), 21 + radius * math.sin(angle)))
    painter.drawPolygon(star)
    if size >= 24:  # text lines are noise at 16 px
        painter.setBrush(QColor(INK))
        for y in (33, 39, 45):
            painter.drawRect(QRectF(20, y, 24, 2.5))
    painter.end()
    return image


def _bitmap_entry(image: QImage) -> bytes:
    """A 32-bit BGRA DIB (bottom-up) with its 1-bit AND mask, as ICO files store them."""
    size = image.width()
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows = []
    for y in reversed(range(size)):
        line = bytearray()
        for x in range(size):
            argb = image.pixel(x, y)
            line += struct.pack("<I", argb)  # little-endian ARGB32 is B, G, R, A
        rows.append(bytes(line))
    mask_row = ((size + 31) // 32) * 4
    mask = bytes(mask_row * size)  # all zero: the alpha channel decides
    return header + b"".join(rows) + mask


def _png_entry(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes() -> bytes:
    entries = [(s, _bitmap_entry(draw(s))) for s in BITMAP_SIZES]
    entries += [(s, _png_entry(draw(s))) for s in PNG_SIZES]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        side = size if size < 256 else 0
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _size, data in entries)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    target = ICONS / "app.ico"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(ico_bytes())
    print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
