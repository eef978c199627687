"""Word documents written the way clerks write them, built with python-docx from the seeds'
text: headers as tables (rules as borders) or as tab-aligned paragraphs, markers typed or from
Word's automatic numbering, appendix tables with two header rows and merged cells, passages in
TCVN3. The import tests read them back."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


def _seeds() -> Path:
    """The seeds: in shared/ beside the checkout (as CI lays it), or the team's shared/."""
    for folder in (
        Path(__file__).resolve().parents[3] / "shared" / "seeds",
        Path("/work/shared/seeds"),
    ):
        if folder.is_dir():
            return folder
    return Path("shared/seeds")


SEEDS = _seeds()

MARKER = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|-|\+)\s*")


def seed_text(number: str) -> str:
    path = next(SEEDS.glob(f"{number}_*.txt"))
    return path.read_text(encoding="utf-8")


# --- TCVN3 -------------------------------------------------------------------------------

_TCVN3_PAIRS = (
    "àµ á¸ ả¶ ã· ạ¹ ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ â© ầÇ ấÊ ẩÈ ẫÉ ậË đ® èÌ éÐ ẻÎ ẽÏ ẹÑ êª ềÒ ếÕ ểÓ ễÔ ệÖ "
    "ì× íÝ ỉØ ĩÜ ịÞ òß óã ỏá õâ ọä ô« ồå ốè ổæ ỗç ộé ơ¬ ờê ớí ởë ỡì ợî ùï úó ủñ ũò ụô "
    "ư\u00ad ừõ ứø ửö ữ÷ ựù ỳú ýý ỷû ỹü ỵþ Ă¡ Â¢ Đ§ Ê£ Ô¤ Ơ¥ Ư¦"
)
_TO_TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}


def to_tcvn3(text: str, *, capitals_font: bool = False) -> str:
    """Unicode Vietnamese as a .VnTime (or, for capitals, .VnTimeH) run stores it."""
    if capitals_font:
        text = text.lower()
    out = []
    for c in text:
        if c in _TO_TCVN3:
            out.append(_TO_TCVN3[c])
        elif c.lower() in _TO_TCVN3 and c.isupper() and not capitals_font:
            out.append(_TO_TCVN3[c.lower()])  # .VnTime has no accented capitals: the clerk's habit
        else:
            out.append(c)
    return "".join(out)


# --- building blocks -----------------------------------------------------------------------


def set_font(run, name: str) -> None:
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(slot), name)


def bottom_border(paragraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    tbl_pr.append(borders)


def cell_bottom_border(cell) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), "6")
    borders.append(bottom)
    tc_pr.append(borders)


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


@dataclass
class Numbering:
    """Word's automatic numbering: one abstract definition per list shape."""

    document: object
    next_abstract: int = 100
    next_num: int = 100
    defined: dict[str, int] = field(default_factory=dict)

    def num(self, name: str, levels: list[tuple[str, str]]) -> int:
        """A list (numId) with the given (numFmt, lvlText) levels; ``name`` reuses it."""
        if name in self.defined:
            return self.defined[name]
        numbering = self.document.part.numbering_part.element
        abstract = OxmlElement("w:abstractNum")
        abstract.set(qn("w:abstractNumId"), str(self.next_abstract))
        for ilvl, (fmt, text) in enumerate(levels):
            lvl = OxmlElement("w:lvl")
            lvl.set(qn("w:ilvl"), str(ilvl))
            for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
                element = OxmlElement(tag)
                element.set(qn("w:val"), value)
                lvl.append(element)
            if fmt == "bullet":
                rpr = OxmlElement("w:rPr")
                fonts = OxmlElement("w:rFonts")
                fonts.set(qn("w:ascii"), "Symbol")
                fonts.set(qn("w:hAnsi"), "Symbol")
                rpr.append(fonts)
                lvl.append(rpr)
            abstract.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(self.next_num))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(self.next_abstract))
        num.append(ref)
        numbering.append(num)
        self.defined[name] = self.next_num
        self.next_abstract += 1
        self.next_num += 1
        return self.defined[name]

    @staticmethod
    def apply(paragraph, num_id: int, ilvl: int) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        level = OxmlElement("w:ilvl")
        level.set(qn("w:val"), str(ilvl))
        num = OxmlElement("w:numId")
        num.set(qn("w:val"), str(num_id))
        num_pr.append(level)
        num_pr.append(num)
        ppr.insert(0, num_pr)


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = " ".join(
    f'xmlns:{prefix}="{uri}"'
    for prefix, uri in (
        ("w", W_NS),
        ("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"),
        ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
        ("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
        ("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"),
        ("v", "urn:schemas-microsoft-com:vml"),
        ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    )
)
SMALL_BODY = (
    ("I. MỤC ĐÍCH, YÊU CẦU", True),
    ("1. Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.", False),
    ("II. TỔ CHỨC THỰC HIỆN", True),
    ("1. Văn phòng HĐND và UBND xã", True),
    ("Chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch.", False),
    ("2. Phòng Văn hóa - Xã hội", True),
    ("Tuyên truyền trên hệ thống truyền thanh xã.", False),
)
CLOSING = "Trên đây là Kế hoạch tuyên truyền cải cách hành chính của Ủy ban nhân dân xã An Lão./."


class Writer:
    """A document being typed, paragraph by paragraph."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        self.doc.styles["Normal"].font.name = "Times New Roman"
        self.doc.styles["Normal"].font.size = Pt(14)
        body = self.doc.element.body
        for p in body.findall(qn("w:p")):
            body.remove(p)
        self.numbering = Numbering(self.doc)

    def para(self, text: str = "", *, bold: bool = False, italic: bool = False,
             center: bool = False, font: str = "", container=None, style: str | None = None):  # fmt: skip
        target = container if container is not None else self.doc
        p = target.add_paragraph(style=style) if style else target.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if text:
            run = p.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if font:
                set_font(run, font)
        return p

    def runs(self, parts: list[tuple[str, bool]], container=None):
        """A paragraph of several runs: (text, bold)."""
        p = (container or self.doc).add_paragraph()
        for text, bold in parts:
            p.add_run(text).bold = bold or None
        return p

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path

    # --- the parts of a plan -------------------------------------------------------

    def header_table(self, issuer: list[str], number: str, date_line: str,
                     governing: list[str] = ()) -> None:  # fmt: skip
        """The national header as a borderless two-column table, the rules drawn as
        paragraph borders (issuer, motto) and as a cell border (under "Số")."""
        table = self.doc.add_table(rows=2, cols=2)
        no_borders(table)
        left, right = table.rows[0].cells
        left.paragraphs[0].text = ""
        for line in governing:
            self.para(line, center=True, container=left)
        for line in issuer:
            self.para(line, bold=True, center=True, container=left)
        bottom_border(self.para("", center=True, container=left))
        self.para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, center=True, container=right)
        self.para("Độc lập - Tự do - Hạnh phúc", bold=True, center=True, container=right)
        bottom_border(self.para("", center=True, container=right))
        for cell in (left, right):
            first = cell.paragraphs[0]
            if not first.text:
                first._p.getparent().remove(first._p)
        number_cell, date_cell = table.rows[1].cells
        number_cell.paragraphs[0].text = number
        number_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        date_cell.paragraphs[0].add_run(date_line).italic = True
        date_cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        cell_bottom_border(table.rows[0].cells[0])

    def header_paragraphs(self, issuer: list[str], number: str, date_line: str) -> None:
        """The header typed as paragraphs, the two columns kept apart by tabs, the rules as
        underscores."""
        self.para(f"{issuer[0]}\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
        self.para(f"{issuer[1]}\t\tĐộc lập - Tự do - Hạnh phúc", bold=True)
        self.para("    _______\t\t\t______________________")
        self.runs([(number, False), ("\t\t", False), (date_line, False)])

    def title(self, summary: list[str]) -> None:
        self.para("KẾ HOẠCH", bold=True, center=True)
        for line in summary:
            self.para(line, bold=True, center=True)
        bottom_border(self.para("", center=True))

    def signature_table(self, recipients: list[str], authority: list[str], name: str) -> None:
        table = self.doc.add_table(rows=1, cols=2)
        no_borders(table)
        left, right = table.rows[0].cells
        left.paragraphs[0].add_run("Nơi nhận:").bold = True
        for line in recipients:
            self.para(line, container=left)
        right.paragraphs[0].add_run(authority[0]).bold = True
        for line in authority[1:]:
            self.para(line, bold=True, center=True, container=right)
        self.para("", container=right)
        self.para("", container=right)
        self.para(name, bold=True, center=True, container=right)

    def signature_tabs(self, recipients: list[str], authority: list[str], name: str) -> None:
        """Nơi nhận and the signature side by side on the same lines, kept apart by tabs."""
        lines = ["Nơi nhận:", *recipients]
        right = [*authority, "", "", name]
        for i in range(max(len(lines), len(right))):
            a = lines[i] if i < len(lines) else ""
            b = right[i] if i < len(right) else ""
            self.para(f"{a}\t\t\t{b}" if b else a)

    def landscape_section(self) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = Cm(2)

    # --- what python-docx does not write ------------------------------------------------

    def raw(self, xml: str, container=None) -> None:
        """Body XML as Word writes it (tracked changes, fields, content controls, text boxes),
        added in order; ``w:``, ``mc:``, ``wp:``, ``a:`` and ``wps:`` are bound."""
        wrapper = parse_xml(f"<w:body {NAMESPACES}>{xml}</w:body>")
        target = container._tc if container is not None else self.doc.element.body
        end = target.find(qn("w:sectPr"))
        for element in list(wrapper):
            if end is not None:
                end.addprevious(element)
            else:
                target.append(element)

    def commune_header(self, name: str = "AN LÃO", date_line: str = "") -> None:
        self.header_table(["ỦY BAN NHÂN DÂN", f"XÃ {name}"], "Số: 15/KH-UBND",
                          date_line or "An Lão, ngày 12 tháng 7 năm 2025")  # fmt: skip

    def small_body(self) -> None:
        """Two sections, the second the units' blocks, typed with their labels."""
        for line, bold in SMALL_BODY:
            self.para(line, bold=bold)

    def ending(self, closing: str = CLOSING) -> None:
        """The closing paragraph, the recipients and the signature, in a table."""
        self.para(closing)
        self.signature_table(["- Lưu: VT, VHXH."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
                             "Nguyễn Văn An")  # fmt: skip


def commune_plan(body=None, *, summary: str = "Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025") -> Writer:  # fmt: skip
    """A short plan of xã An Lão up to its signature; ``body(w)`` types the body (the usual
    two sections when None)."""
    w = Writer()
    w.commune_header()
    w.title([summary])
    w.para("Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã An Lão.")
    (body or Writer.small_body)(w)
    w.ending()
    return w


def repack(source: Path, target: Path, *, parts: dict[str, bytes | None] | None = None) -> Path:
    """A .docx's package rewritten: each named part replaced by new bytes, or left out (None)."""
    parts = parts or {}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            if info.filename in parts:
                continue
            new.writestr(info, old.read(info))
        for name, data in parts.items():
            if data is not None:
                new.writestr(name, data)
    return target
