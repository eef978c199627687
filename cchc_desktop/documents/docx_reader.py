"""Reading a .docx for import: the package checked (size, zip bomb, password, damage), then the
body read with lxml into core/docsource.py's plain paragraphs and tables — Word's automatic
numbering computed into labels, merged cells resolved, legacy Vietnamese fonts converted.

python-docx is not needed here: the parts are read straight from the zip with a bounded size,
which is what lets a damaged or hostile file be refused with a clear message.
"""

from __future__ import annotations

import contextlib
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_desktop.core import legacy_encoding as legacy
from cchc_desktop.core.docsource import (
    SourceCell,
    SourceDocument,
    SourceParagraph,
    SourceRow,
    SourceTable,
)
from cchc_desktop.errors import DocumentImportError

MAX_FILE_BYTES = 20 * 1024 * 1024  # a plan with its pictures is a few MB; 20 MB is generous
MAX_PART_BYTES = 40 * 1024 * 1024  # one XML part, once unpacked
MAX_TOTAL_BYTES = 200 * 1024 * 1024  # every part, once unpacked
MAX_RATIO = 150  # unpacked / packed for a large part: more is a zip bomb

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


T, TAB, BR, CR, SYM, RUN, PARA, TABLE = (
    _w("t"), _w("tab"), _w("br"), _w("cr"), _w("sym"), _w("r"), _w("p"), _w("tbl"),
)  # fmt: skip
PTAB, NB_HYPHEN = _w("ptab"), _w("noBreakHyphen")
DRAWING, PICT, TXBX = _w("drawing"), _w("pict"), _w("txbxContent")
# Containers whose runs are part of the paragraph's text.
_INLINE_CONTAINERS = frozenset(
    _w(n)
    for n in (
        "hyperlink",
        "ins",
        "smartTag",
        "fldSimple",
        "sdt",
        "sdtContent",
        "customXml",
        "moveTo",
        "dir",
        "bdo",
    )
)
_FALSE = frozenset({"0", "false", "off", "none"})

# Kinds of file told apart by their first bytes.
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF = b"{\\rtf"


def sniff(data: bytes) -> str:
    """ "docx" (a zip), "doc" (Word 97-2003), "encrypted" (a password-protected .docx),
    "rtf", or "" for anything else."""
    if data.startswith(_ZIP):
        return "docx"
    if data.startswith(_OLE):
        return "encrypted" if "EncryptedPackage".encode("utf-16-le") in data else "doc"
    if data.startswith(_RTF):
        return "rtf"
    return ""


def _fail(name: str, problem: str) -> DocumentImportError:
    return DocumentImportError(f"Không nhập được tệp «{name}»: {problem}")


TOO_LARGE = "tệp quá lớn ({size:.1f} MB, tối đa {limit} MB); hãy xóa bớt hình ảnh rồi lưu lại."


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing one that is too large before reading it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _fail(path.name, f"không mở được ({exc.strerror or exc}).") from exc
    if size > MAX_FILE_BYTES:
        raise _fail(
            path.name, TOO_LARGE.format(size=size / 1024 / 1024, limit=MAX_FILE_BYTES >> 20)
        )
    if size == 0:
        raise _fail(path.name, "tệp rỗng.")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _fail(path.name, f"không đọc được ({exc.strerror or exc}).") from exc


class _Package:
    """The zip, with every part read through a size limit."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, ValueError, EOFError) as exc:
            raise _fail(name, "tệp bị hỏng, không phải tệp .docx đọc được.") from exc
        if any(i.flag_bits & 0x1 for i in infos):
            raise _fail(name, "tệp có đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu rồi lưu lại.")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise _fail(name, "tệp nén bất thường (giải nén quá lớn), không an toàn để mở.")
        self.infos = {i.filename: i for i in infos}

    def read(self, part: str, *, required: bool = False) -> bytes | None:
        info = self.infos.get(part)
        if info is None:
            if required:
                raise _fail(self.name, "tệp không có nội dung văn bản Word (thiếu phần chính).")
            return None
        if info.file_size > MAX_PART_BYTES or (
            info.file_size > 5 * 1024 * 1024
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise _fail(self.name, "tệp nén bất thường (giải nén quá lớn), không an toàn để mở.")
        try:
            with self.zip.open(info) as stream:
                return stream.read()  # it stops at the size checked above, whatever it holds
        except (
            zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError,
        ) as exc:  # fmt: skip
            raise _fail(self.name, "tệp bị hỏng, không phải tệp .docx đọc được.") from exc

    def xml(self, part: str, *, required: bool = False) -> Any:
        from lxml import etree

        data = self.read(part, required=required)
        if data is None:
            return None
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            if required:
                raise _fail(self.name, "tệp bị hỏng (nội dung XML không đọc được).") from exc
            return None
        if STRICT_W in (root.nsmap or {}).values():
            raise _fail(
                self.name,
                "tệp lưu theo chuẩn «Strict Open XML»; hãy lưu lại dưới dạng «Word Document "
                "(.docx)» thông thường.",
            )
        return root

    def main_part(self) -> str:
        """word/document.xml, or wherever the package's relationships say it is."""
        if "word/document.xml" in self.infos:
            return "word/document.xml"
        rels = self.xml("_rels/.rels")
        if rels is not None:
            for rel in rels.iter(f"{{{R_NS}}}Relationship"):
                if rel.get("Type") == OFFICE_DOCUMENT:
                    return str(rel.get("Target", "")).lstrip("/")
        if "[Content_Types].xml" not in self.infos:
            raise _fail(self.name, "tệp không phải tệp Word .docx (có thể là tệp nén khác).")
        raise _fail(self.name, "tệp không có nội dung văn bản Word (thiếu phần chính).")


# --- styles ---------------------------------------------------------------------------


def _on(element: Any) -> bool | None:
    """A toggle property (w:b, w:i, w:caps): None when absent."""
    if element is None:
        return None
    return element.get(_w("val"), "true").lower() not in _FALSE


@dataclass(slots=True)
class _Style:
    name: str = ""
    based_on: str = ""
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    font: str = ""
    align: str = ""
    num_id: str = ""
    ilvl: int | None = None
    outline: int | None = None


def _fonts(rpr: Any) -> str:
    if rpr is None:
        return ""
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return ""
    ascii_font = fonts.get(_w("ascii"), "") or ""
    high = fonts.get(_w("hAnsi"), "") or ""
    # The high half of the code page (where legacy Vietnamese lives) uses hAnsi.
    if legacy.font_encoding(high):
        return high
    return ascii_font or high


class _Styles:
    def __init__(self, root: Any) -> None:
        self.styles: dict[str, _Style] = {}
        self.default_paragraph = ""
        self.default_font = ""
        self._cache: dict[tuple[str, str], tuple[bool, bool, bool, str]] = {}
        if root is None:
            return
        defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_font = _fonts(defaults)
        for element in root.iter(_w("style")):
            style_id = element.get(_w("styleId"), "")
            style = _Style()
            name = element.find(_w("name"))
            style.name = name.get(_w("val"), "") if name is not None else style_id
            based = element.find(_w("basedOn"))
            style.based_on = based.get(_w("val"), "") if based is not None else ""
            rpr = element.find(_w("rPr"))
            if rpr is not None:
                style.bold = _on(rpr.find(_w("b")))
                style.italic = _on(rpr.find(_w("i")))
                style.caps = _on(rpr.find(_w("caps")))
                style.font = _fonts(rpr)
            ppr = element.find(_w("pPr"))
            if ppr is not None:
                jc = ppr.find(_w("jc"))
                style.align = jc.get(_w("val"), "") if jc is not None else ""
                num = ppr.find(_w("numPr"))
                if num is not None:
                    num_id = num.find(_w("numId"))
                    ilvl = num.find(_w("ilvl"))
                    style.num_id = num_id.get(_w("val"), "") if num_id is not None else ""
                    style.ilvl = int(ilvl.get(_w("val"), "0")) if ilvl is not None else None
                outline = ppr.find(_w("outlineLvl"))
                if outline is not None:
                    style.outline = int(outline.get(_w("val"), "9"))
            if element.get(_w("type")) == "paragraph" and element.get(_w("default")) in (
                "1",
                "true",
            ):
                self.default_paragraph = style_id
            self.styles[style_id] = style

    def chain(self, style_id: str) -> Iterator[_Style]:
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            style = self.styles[style_id]
            yield style
            style_id = style.based_on

    def value(self, style_id: str, attribute: str) -> Any:
        for style in self.chain(style_id or self.default_paragraph):
            value = getattr(style, attribute)
            if value not in (None, ""):
                return value
        return None

    def run_defaults(self, p_style: str, r_style: str) -> tuple[bool, bool, bool, str]:
        """(bold, italic, caps, font) a run takes from its character and paragraph styles."""
        key = (p_style, r_style)
        found = self._cache.get(key)
        if found is None:
            values = []
            for attribute in ("bold", "italic", "caps", "font"):
                value = self.value(r_style, attribute) if r_style else None
                if value in (None, ""):
                    value = self.value(p_style, attribute)
                values.append(value)
            found = (
                bool(values[0]),
                bool(values[1]),
                bool(values[2]),
                values[3] or self.default_font,
            )
            self._cache[key] = found
        return found


# --- numbering ------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    style: str = ""
    font: str = ""


@dataclass(slots=True)
class _Numbering:
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstract id → levels
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # id → (abs, starts)
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)  # pStyle → (abs, lvl)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: Any) -> _Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"), "")
            levels: dict[int, _Level] = {}
            for lvl in abstract.iter(_w("lvl")):
                level = _Level()
                for name, attribute in (("numFmt", "fmt"), ("lvlText", "text")):
                    element = lvl.find(_w(name))
                    if element is not None:
                        setattr(level, attribute, element.get(_w("val"), "") or "")
                start = lvl.find(_w("start"))
                if start is not None:
                    level.start = _int(start.get(_w("val")), 1)
                level.legal = lvl.find(_w("isLgl")) is not None
                style = lvl.find(_w("pStyle"))
                if style is not None:
                    level.style = style.get(_w("val"), "")
                    numbering.style_levels[level.style] = (
                        abstract_id,
                        _int(lvl.get(_w("ilvl")), 0),
                    )
                level.font = _fonts(lvl.find(_w("rPr")))
                levels[_int(lvl.get(_w("ilvl")), 0)] = level
            numbering.levels[abstract_id] = levels
        for num in root.iter(_w("num")):
            abstract = num.find(_w("abstractNumId"))
            if abstract is None:
                continue
            starts = {}
            for override in num.iter(_w("lvlOverride")):
                start = override.find(_w("startOverride"))
                if start is not None:
                    starts[_int(override.get(_w("ilvl")), 0)] = _int(start.get(_w("val")), 1)
            numbering.nums[num.get(_w("numId"), "")] = (abstract.get(_w("val"), ""), starts)
        return numbering

    def label(self, num_id: str, ilvl: int) -> tuple[str, str, str]:
        """The label of the next paragraph of a list at a level: (label, format, list id)."""
        found = self.nums.get(num_id)
        if found is None:
            return "", "", ""
        abstract_id, starts = found
        levels = self.levels.get(abstract_id, {})
        level = levels.get(ilvl)
        if level is None:
            return "", "", ""
        counters = self.counters.setdefault(abstract_id, [None] * 10)
        if num_id not in self.started:
            self.started.add(num_id)
            for lvl, start in starts.items():
                if 0 <= lvl < 10:
                    counters[lvl] = start - 1
        if level.fmt == "bullet":
            return _bullet(level.text), "bullet", abstract_id
        if level.fmt == "none":
            return "", "none", abstract_id
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            lvl = levels.get(at, _Level())
            value = counters[at] if 0 <= at < 10 and counters[at] is not None else lvl.start
            fmt = "decimal" if level.legal and at != ilvl else lvl.fmt
            return _format(int(value or 0), fmt)

        return re.sub(r"%(\d)", number, level.text), level.fmt, abstract_id


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _bullet(text: str) -> str:
    """A bullet's printed sign: dashes and plus signs as they are, the rest "•"."""
    sign = text.strip()[:1]
    if sign and 0xF000 <= ord(sign) <= 0xF0FF:
        sign = chr(ord(sign) - 0xF000)
    return sign if sign in ("-", "–", "+", "*") else "•"


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman") and value > 0:
        out = []
        for amount, symbol in _ROMAN:
            while value >= amount:
                out.append(symbol)
                value -= amount
        text = "".join(out)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


# --- the body -------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    text: str
    bold: bool
    italic: bool
    encoding: str = ""
    break_first: bool = False  # a page or column break before any of its text


class _Reader:
    def __init__(self, package: _Package) -> None:
        self.styles = _Styles(package.xml("word/styles.xml"))
        self.numbering = _Numbering.read(package.xml("word/numbering.xml"))
        self.document = SourceDocument(name=package.name)
        self.section = 0
        self.landscape: list[bool] = []
        self.index = 0
        self.encodings: set[str] = set()

    def read(self, root: Any) -> SourceDocument:
        body = root.find(_w("body"))
        if body is None:
            raise _fail(self.document.name, "tệp không có phần nội dung văn bản.")
        for sect in body.iter(_w("sectPr")):
            size = sect.find(_w("pgSz"))
            landscape = False
            if size is not None:
                width, height = _int(size.get(_w("w")), 0), _int(size.get(_w("h")), 0)
                landscape = size.get(_w("orient")) == "landscape" or width > height > 0
            self.landscape.append(landscape)
        for block in self._blocks(body):
            self.document.blocks.append(block)
        if self.encodings:
            names = " và ".join(sorted(self.encodings))
            self.document.notes.append(f"Đã chuyển chữ gõ bằng bảng mã {names} sang Unicode.")
        return self.document

    def _blocks(self, container: Any) -> Iterator[SourceParagraph | SourceTable]:
        for child in container:
            tag = child.tag
            if tag == PARA:
                yield from self._paragraph(child)
            elif tag == TABLE:
                yield self._table(child)
            elif tag in _INLINE_CONTAINERS:
                yield from self._blocks(child)
            elif tag == _w("altChunk"):
                self.document.notes.append(
                    "Văn bản có phần chèn từ tệp khác (altChunk) không đọc được; hãy kiểm tra."
                )

    @property
    def is_landscape(self) -> bool:
        return self.section < len(self.landscape) and self.landscape[self.section]

    def _paragraph(self, p: Any) -> Iterator[SourceParagraph | SourceTable]:
        ppr = p.find(_w("pPr"))
        style_id = ""
        align = ""
        num_id = ""
        ilvl: int | None = None
        indent = 0
        page_break = False
        ends_section = False
        outline = None
        if ppr is not None:
            style = ppr.find(_w("pStyle"))
            style_id = style.get(_w("val"), "") if style is not None else ""
            jc = ppr.find(_w("jc"))
            align = jc.get(_w("val"), "") if jc is not None else ""
            num = ppr.find(_w("numPr"))
            if num is not None:
                found = num.find(_w("numId"))
                num_id = found.get(_w("val"), "") if found is not None else ""
                level = num.find(_w("ilvl"))
                ilvl = _int(level.get(_w("val")), 0) if level is not None else None
            ind = ppr.find(_w("ind"))
            if ind is not None:
                indent = _int(ind.get(_w("left")) or ind.get(_w("start")), 0)
            page_break = _on(ppr.find(_w("pageBreakBefore"))) is True
            ends_section = ppr.find(_w("sectPr")) is not None
            found_outline = ppr.find(_w("outlineLvl"))
            if found_outline is not None:
                outline = _int(found_outline.get(_w("val")), 9)
        style_id = style_id or self.styles.default_paragraph
        align = align or (self.styles.value(style_id, "align") or "")
        if outline is None:
            outline = self.styles.value(style_id, "outline")
        if not num_id:
            num_id = self.styles.value(style_id, "num_id") or ""
            if ilvl is None:
                ilvl = self.styles.value(style_id, "ilvl")
        if num_id and style_id in self.numbering.style_levels and ilvl is None:
            ilvl = self.numbering.style_levels[style_id][1]
        ilvl = ilvl or 0

        runs: list[_Run] = []
        boxes: list[Any] = []
        breaks = self._runs(p, style_id, runs, boxes)
        page_break = page_break or breaks
        plain = [r for r in runs if not r.encoding]
        guessed = legacy.detect("".join(r.text for r in plain)) if plain else ""
        if guessed:
            for r in plain:
                r.text = legacy.to_unicode(r.text, guessed)
                r.encoding = guessed
        encodings = {r.encoding for r in runs if r.encoding}
        self.encodings |= encodings
        text = unicodedata.normalize("NFC", "".join(r.text for r in runs)) if runs else ""
        letters = [(r.bold, r.italic, c) for r in runs for c in r.text if not c.isspace()]
        bold = bool(letters) and all(b for b, _, _ in letters)
        italic = bool(letters) and all(i for _, i, _ in letters)
        bold_start = bool(letters) and all(b for b, _, _ in letters[:4])

        label, fmt, list_id = ("", "", "")
        if num_id and num_id != "0" and text.strip():
            label, fmt, list_id = self.numbering.label(num_id, ilvl)
        paragraph = SourceParagraph(
            text=text,
            auto_label=label,
            auto_format=fmt,
            auto_level=ilvl,
            auto_list=list_id,
            style=self.styles.styles[style_id].name if style_id in self.styles.styles else "",
            outline_level=outline if outline is not None and outline < 9 else None,
            bold=bold,
            bold_start=bold_start,
            italic=italic,
            centered=align == "center",
            right=align in ("right", "end"),
            indent_cm=round(indent / 567, 2),
            page_break_before=page_break,
            section=self.section,
            landscape=self.is_landscape,
            encoding=" ".join(sorted(encodings)),
            index=self.index,
        )
        self.index += 1
        yield paragraph
        for box in boxes:
            yield from self._blocks(box)
        if ends_section:
            self.section += 1

    def _runs(self, element: Any, p_style: str, runs: list[_Run], boxes: list[Any]) -> bool:
        """Collect the runs' text in order; returns whether a page break came first."""
        page_break = False
        for child in element:
            tag = child.tag
            if tag == RUN:
                run = self._run(child, p_style, boxes)
                if run is None:
                    continue
                if run.break_first:
                    if any(r.text.strip() for r in runs):
                        runs.append(_Run("\n", run.bold, run.italic))  # the words either side
                    else:
                        page_break = True
                runs.append(run)
            elif tag in _INLINE_CONTAINERS:
                page_break = self._runs(child, p_style, runs, boxes) or page_break
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    page_break = self._runs(choice, p_style, runs, boxes) or page_break
        return page_break

    def _run(self, r: Any, p_style: str, boxes: list[Any]) -> _Run | None:
        rpr = r.find(_w("rPr"))
        r_style = ""
        if rpr is not None:
            found = rpr.find(_w("rStyle"))
            r_style = found.get(_w("val"), "") if found is not None else ""
        bold, italic, caps, font = self.styles.run_defaults(p_style, r_style)
        if rpr is not None:
            if _on(rpr.find(_w("vanish"))):
                return None
            own = _on(rpr.find(_w("b")))
            bold = bold if own is None else own
            own = _on(rpr.find(_w("i")))
            italic = italic if own is None else own
            own = _on(rpr.find(_w("caps")))
            caps = caps if own is None else own
            font = _fonts(rpr) or font
        parts: list[str] = []
        break_first = False
        for child in r:
            tag = child.tag
            if tag == T:
                parts.append(child.text or "")
            elif tag in (TAB, PTAB):
                parts.append("\t")
            elif tag == BR:
                if child.get(_w("type"), "") in ("page", "column") and not parts:
                    break_first = True
                else:
                    parts.append("\n")
            elif tag == CR:
                parts.append("\n")
            elif tag == NB_HYPHEN:
                parts.append("-")
            elif tag == SYM:
                with contextlib.suppress(ValueError):
                    parts.append(_bullet(chr(int(child.get(_w("char"), ""), 16))))
            elif tag in (DRAWING, PICT):
                boxes.extend(child.iter(TXBX))
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    boxes.extend(choice.iter(TXBX))
        text = "".join(parts)
        encoding = legacy.font_encoding(font) if text else ""
        if encoding:
            text = legacy.to_unicode(text, encoding, capitals=legacy.capital_font(font))
        if caps:
            text = text.upper()
        return _Run(text, bold, italic, encoding, break_first)

    def _table(self, tbl: Any) -> SourceTable:
        grid = tbl.find(_w("tblGrid"))
        columns = len(grid.findall(_w("gridCol"))) if grid is not None else 0
        rows: list[SourceRow] = []
        borders = _table_borders(tbl, self.styles)
        for tr in tbl.iter(_w("tr")):
            if tr.getparent() is not tbl and not _same_table(tr, tbl):
                continue
            trpr = tr.find(_w("trPr"))
            header = trpr is not None and _on(trpr.find(_w("tblHeader"))) is True
            column = 0
            if trpr is not None:
                before = trpr.find(_w("gridBefore"))
                if before is not None:
                    column = _int(before.get(_w("val")), 0)
            cells: list[SourceCell] = []
            for tc in tr:
                if tc.tag == _w("sdt"):
                    content = tc.find(_w("sdtContent"))
                    tcs = [] if content is None else content.findall(_w("tc"))
                elif tc.tag == _w("tc"):
                    tcs = [tc]
                else:
                    continue
                for cell in tcs:
                    tcpr = cell.find(_w("tcPr"))
                    span = 1
                    merged = False
                    if tcpr is not None:
                        found = tcpr.find(_w("gridSpan"))
                        if found is not None:
                            span = max(_int(found.get(_w("val")), 1), 1)
                        vmerge = tcpr.find(_w("vMerge"))
                        merged = vmerge is not None and vmerge.get(_w("val")) != "restart"
                    paragraphs = [
                        b if isinstance(b, SourceParagraph) else None
                        for b in self._cell_blocks(cell)
                    ]
                    kept = [p for p in paragraphs if p is not None]
                    cells.append(
                        SourceCell([] if merged else kept, column, span, merged_above=merged)
                    )
                    column += span
            rows.append(SourceRow(cells, header))
            columns = max(columns, column)
        return SourceTable(rows, columns, borders, self.section, self.is_landscape)

    def _cell_blocks(self, cell: Any) -> Iterator[SourceParagraph | None]:
        for block in self._blocks(cell):
            if isinstance(block, SourceTable):
                yield from block.paragraphs()  # a table inside a cell: its text, in order
            else:
                yield block


def _same_table(tr: Any, tbl: Any) -> bool:
    """A row of this table (inside a content control), not of a table nested in a cell."""
    for ancestor in tr.iterancestors():
        if ancestor.tag == TABLE:
            return ancestor is tbl
    return False


def _table_borders(tbl: Any, styles: _Styles) -> bool:
    tblpr = tbl.find(_w("tblPr"))
    if tblpr is None:
        return False
    edges = tblpr.find(_w("tblBorders"))
    if edges is not None:
        return any(e.get(_w("val"), "nil") not in ("nil", "none") for e in edges)
    style = tblpr.find(_w("tblStyle"))
    if style is not None:
        name = styles.styles.get(style.get(_w("val"), ""), _Style()).name.lower()
        return "grid" in name or "lưới" in name
    return False


def read_docx_bytes(data: bytes, name: str) -> SourceDocument:
    """A .docx's body as plain paragraphs and tables; a bad file raises DocumentImportError
    with a one-line Vietnamese message."""
    kind = sniff(data)
    if kind == "encrypted":
        raise _fail(name, "tệp có đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu rồi lưu lại.")
    if kind != "docx":
        raise _fail(name, "đây không phải tệp Word .docx.")
    package = _Package(data, name)
    root = package.xml(package.main_part(), required=True)
    return _Reader(package).read(root)
