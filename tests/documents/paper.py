"""What is on the paper: pages and word positions of a PDF, from poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

NS = {"x": "http://www.w3.org/1999/xhtml"}


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def is_a4(self) -> bool:
        short, long = sorted((self.width, self.height))
        return abs(short - 595.3) < 2 and abs(long - 841.9) < 2

    def find(self, phrase: str) -> list[Word]:
        """The words of the first place the phrase stands, in order."""
        wanted = phrase.split()
        texts = [w.text for w in self.words]
        for i in range(len(texts) - len(wanted) + 1):
            if texts[i : i + len(wanted)] == wanted:
                return self.words[i : i + len(wanted)]
        return []

    def on_one_line(self, phrase: str) -> bool:
        words = self.find(phrase)
        assert words, f"«{phrase}» not on the page"
        return max(w.y0 for w in words) - min(w.y0 for w in words) < 2

    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def require(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is missing: run tools/setup-debian.sh (LibreOffice, poppler-utils)")
    return found


MARGIN_PT = 20 / 25.4 * 72  # top and bottom margins of every page
LEFT_PT, RIGHT_PT = 30 / 25.4 * 72, 15 / 25.4 * 72


def _visible(word: Word, width: float, height: float) -> bool:
    """On paper: inside the text area, or the page number centred in the top margin. A
    renderer may leave clipped (invisible) glyphs of a neighbouring page's line outside the
    text area."""
    in_text_area = word.y0 >= MARGIN_PT - 3 and word.y1 <= height - MARGIN_PT + 3
    centre = (LEFT_PT + width - RIGHT_PT) / 2
    page_number = (
        word.y1 < MARGIN_PT - 3
        and word.text.isdigit()
        and abs((word.x0 + word.x1) / 2 - centre) < 20
    )
    return in_text_area or page_number


def read_pdf(path: Path, *, text_area_only: bool = True) -> list[Page]:
    out = subprocess.run(
        [require("pdftotext"), "-bbox-layout", str(path), "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    root = ET.fromstring(out)
    pages = []
    for page in root.iter(f"{{{NS['x']}}}page"):
        words = [
            Word(
                w.text or "",
                float(w.get("xMin")),
                float(w.get("yMin")),
                float(w.get("xMax")),
                float(w.get("yMax")),
            )
            for w in page.iter(f"{{{NS['x']}}}word")
        ]
        width, height = float(page.get("width")), float(page.get("height"))
        visible = [w for w in words if _visible(w, width, height)] if text_area_only else words
        pages.append(Page(float(page.get("width")), height, visible))
    return pages


def libreoffice_pdf(source: Path, out_dir: Path) -> Path:
    soffice = require("soffice")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{out_dir}/lo-profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(source)],
        capture_output=True, check=True, timeout=180,
    )  # fmt: skip
    return out_dir / (source.stem + ".pdf")


@dataclass(frozen=True)
class Raster:
    """A page as grey pixels (0 black … 255 white), from poppler's pdftoppm."""

    width: int
    height: int
    pixels: bytes

    def dark(self, x: int, y: int) -> bool:
        return self.pixels[y * self.width + x] < 128

    def dark_runs(self, y: int) -> list[tuple[int, int]]:
        """The dark stretches of row ``y``, as (first x, last x)."""
        runs: list[tuple[int, int]] = []
        start = None
        for x in range(self.width):
            if self.dark(x, y) and start is None:
                start = x
            elif not self.dark(x, y) and start is not None:
                runs.append((start, x - 1))
                start = None
        if start is not None:
            runs.append((start, self.width - 1))
        return runs


def raster(path: Path, page: int, dpi: int = 100) -> Raster:
    """One page (from 1) of a PDF, drawn in grey."""
    data = subprocess.run(
        [require("pdftoppm"), "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(path)],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    # A binary PGM: "P5", width, height, maxval, each after whitespace, then the pixels.
    fields, rest = [], data
    while len(fields) < 4:
        rest = rest.lstrip()
        end = min(i for i in (rest.find(b" "), rest.find(b"\n")) if i >= 0)
        fields.append(rest[:end])
        rest = rest[end:]
    width, height = int(fields[1]), int(fields[2])
    pixels = rest[1:]
    return Raster(width, height, pixels[: width * height])
