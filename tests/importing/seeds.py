"""The seeds' plans as .docx files in several clerks' styles (see wordgen.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.importing.wordgen import MARKER, Writer, repeat_header, seed_text, set_font, to_tcvn3

_ROMAN = re.compile(r"^[IVX]+\.\s")
_DECIMAL = re.compile(r"^\d+\.\s")
_LETTER = re.compile(r"^[a-zđ]\)\s")


@dataclass
class SeedPlan:
    """A seed's plan as paragraphs, with the parts a clerk types around the body."""

    issuer: list[str]
    number: str
    date_line: str
    summary: list[str]
    opening: list[str]  # bases and preamble, as typed
    body: list[str]  # every paragraph of the body with its typed label
    closing: list[str]
    recipients: list[str]
    authority: list[str]
    signer: str
    governing: list[str] = field(default_factory=list)


def _join(lines: list[str], *, wrapped: bool) -> list[str]:
    """Lines back into paragraphs: a line starting with a small letter goes on the one
    before (a paragraph split by a page), and so does, in a hard-wrapped text, a line after
    a long one that did not end its sentence."""
    paragraphs: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        starts = bool(MARKER.match(line)) or line.startswith("Trên đây")
        previous = paragraphs[-1] if paragraphs else ""
        carried = wrapped and len(previous) > 60 and not previous.endswith((".", ":", ";"))
        if previous and not starts and (line[0].islower() or carried):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def seed_002() -> SeedPlan:
    """xã Quyết Thắng, second half of 2025: sections I-IV, numbered points and dashes."""
    lines = seed_text("002").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ Kế hoạch số 12"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    paragraphs = _join(lines[start:end], wrapped=True)
    body_at = next(i for i, p in enumerate(paragraphs) if _ROMAN.match(p))
    closing_at = next(i for i, p in enumerate(paragraphs) if p.startswith("Trên đây"))
    return SeedPlan(
        issuer=["ỦY BAN NHÂN DÂN", "XÃ QUYẾT THẮNG"],
        number="Số:      /KH-UBND",
        date_line="Tiên Lãng, ngày       tháng 8 năm 2025",
        summary=["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"],
        opening=paragraphs[:body_at],
        body=paragraphs[body_at:closing_at],
        closing=paragraphs[closing_at:],
        recipients=[
            "- Sở KHCN;",
            "- TTĐU, TTHĐND;",
            "- CT, các PCT UBND xã;",
            "- Các phòng, ban, ngành liên quan;",
            "- Trung tâm sự nghiệp công;",
            "- Lưu: VT, VHTT.",
        ],
        authority=["TM. UỶ BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer="Mai Đàm Thanh Vân",
    )


def seed_003() -> SeedPlan:
    """phường Thạch Khôi, 2026: adapted from the city plan, its "f)" and two names kept."""
    lines = seed_text("003").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ Quyết định số 37"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận"))
    paragraphs = _join([line.replace("*", "") for line in lines[start:end]], wrapped=False)
    body_at = next(i for i, p in enumerate(paragraphs) if _ROMAN.match(p))
    closing_at = next(i for i, p in enumerate(paragraphs) if p.startswith("Trên đây"))
    return SeedPlan(
        issuer=["ỦY BAN NHÂN DÂN", "PHƯỜNG THẠCH KHÔI"],
        number="Số:      /KH-UBND",
        date_line="Thạch Khôi, ngày      tháng 01 năm 2026",
        summary=["Tuyên truyền cải cách hành chính nhà nước năm 2026"],
        opening=paragraphs[:body_at],
        body=paragraphs[body_at:closing_at],
        closing=paragraphs[closing_at:],
        recipients=[
            "- UBND thành phố (để báo cáo);",
            "- Sở Văn hóa, Thể thao và Du lịch;",
            "- Lãnh đạo UBND phường;",
            "- Các phòng chuyên môn, cơ quan liên quan;",
            "- Lưu: VT, VHXXH.",
        ],
        authority=["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        signer="Phạm Ngọc Sơn",
    )


# The ward's appendix (the seed refers to it): two header rows, "Thời gian thực hiện" over
# "Triển khai" and "Hoàn thành", a Ghi chú column; one lead unit merged down two rows.
APPENDIX_003 = (
    ("Đưa tin, bài tuyên truyền cải cách hành chính trên Cổng thông tin điện tử phường",
     ["Nội dung: Tình hình triển khai, kết quả thực hiện cải cách hành chính trên địa bàn phường"],
     "Tin, bài, ảnh", "Tháng 01/2026", "Thường xuyên", "Phòng Văn hóa - Xã hội",
     "Trung tâm Văn hóa, Thể thao và Truyền thông", ""),
    ("Xây dựng chuyên mục cải cách hành chính trên hệ thống truyền thanh phường",
     ["Thời lượng: 02 buổi/tuần", "Nội dung: Dịch vụ công trực tuyến, thanh toán trực tuyến"],
     "Chuyên mục, tin, bài", "Quý I/2026", "Trong năm 2026", "Phòng Văn hóa - Xã hội",
     "Trung tâm Văn hóa, Thể thao và Truyền thông", ""),
    ("Tham gia các cuộc thi tuyên truyền về cải cách hành chính nhà nước thành phố Hải Phòng năm 2026",
     [], "Bài dự thi", "Quý II/2026", "Quý III/2026", "Phòng Văn hóa - Xã hội",
     "Đoàn Thanh niên phường", "Khi thành phố phát động"),
    ("Niêm yết công khai các thủ tục hành chính tại Trung tâm phục vụ hành chính công",
     ["Cập nhật khi có thủ tục hành chính mới"], "Bảng niêm yết", "Tháng 01/2026",
     "Thường xuyên", "Trung tâm phục vụ hành chính công", "Văn phòng HĐND và UBND", ""),
)  # fmt: skip


def write_plan(plan: SeedPlan, path: Path, *, header: str = "table", numbering: str = "typed",
               signature: str = "table", appendix: tuple = (), tcvn3_from: str = "") -> Path:  # fmt: skip
    """The plan as a .docx. ``numbering="auto"`` takes the body's labels away and numbers the
    paragraphs with Word's lists instead; ``tcvn3_from`` types the body from the paragraph
    starting so in TCVN3 (.VnTime, headings in .VnTimeH)."""
    w = Writer()
    if header == "table":
        w.header_table(plan.issuer, plan.number, plan.date_line, plan.governing)
    else:
        w.header_paragraphs(plan.issuer, plan.number, plan.date_line)
    w.title(plan.summary)
    for line in plan.opening:
        w.para(line, italic=line.startswith("Căn cứ") and line.endswith((";", ".")))
    legacy = False
    for line in plan.body:
        legacy = legacy or bool(tcvn3_from and line.startswith(tcvn3_from))
        heading = bool(_ROMAN.match(line)) or (
            bool(_DECIMAL.match(line)) and len(line) < 70 and not line.endswith(".")
        )
        if numbering == "auto" and MARKER.match(line):
            _auto(w, line, heading)
            continue
        if legacy:
            p = w.doc.add_paragraph()
            capitals = bool(_ROMAN.match(line))
            run = p.add_run(to_tcvn3(line, capitals_font=capitals))
            run.bold = heading or None
            set_font(run, ".VnTimeH" if capitals else ".VnTime")
            continue
        w.para(line, bold=heading)
    for line in plan.closing:
        if legacy:
            run = w.doc.add_paragraph().add_run(to_tcvn3(line))
            set_font(run, ".VnTime")
        else:
            w.para(line)
    if signature == "table":
        w.signature_table(plan.recipients, plan.authority, plan.signer)
    else:
        w.signature_tabs(plan.recipients, plan.authority, plan.signer)
    if appendix:
        write_appendix(w, appendix)
    return w.save(path)


def _auto(w: Writer, line: str, heading: bool) -> None:
    """A paragraph numbered by Word: I. (upperRoman), 1. (decimal), a) (lowerLetter),
    - and + (bullets), on the levels of one list."""
    label = MARKER.match(line).group(0).strip()
    text = line[MARKER.match(line).end() :]
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
              ("bullet", "-"), ("bullet", "+")]  # fmt: skip
    num = w.numbering.num("body", levels)
    if _ROMAN.match(label + " "):
        ilvl = 0
    elif re.fullmatch(r"\d+\.", label):
        ilvl = 1
    elif re.fullmatch(r"[a-zđ]\)", label):
        ilvl = 2
    else:
        ilvl = 3 if label == "-" else 4
    p = w.para(text, bold=heading)
    w.numbering.apply(p, num, ilvl)


def write_appendix(w: Writer, rows: tuple, *, split_at: int = 2) -> None:
    """A landscape section: "Phụ lục", its title, "(Kèm theo …)", and the task table with two
    header rows (merged cells), repeated on each page; the table goes on in the next section
    after ``split_at`` tasks, the task before it running over with a line of its own."""
    w.landscape_section()
    w.para("Phụ lục", bold=True, center=True)
    w.para("DANH MỤC NHIỆM VỤ TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026", bold=True, center=True)
    w.para("(Kèm theo Kế hoạch số       /KH-UBND ngày       tháng 01 năm 2026 của Ủy ban nhân "
           "dân phường Thạch Khôi)", italic=True, center=True)  # fmt: skip
    heads = ("TT", "Nội dung nhiệm vụ", "Sản phẩm", "Thời gian thực hiện", "", "Cơ quan chủ trì",
             "Cơ quan phối hợp", "Ghi chú")  # fmt: skip

    def table(tasks: list[tuple], first_number: int, carry: str = ""):
        t = w.doc.add_table(rows=2 + len(tasks) + (1 if carry else 0), cols=8)
        t.style = w.doc.styles["Table Grid"]
        for i, text in enumerate(heads):
            if text:
                t.cell(0, i).text = text
        t.cell(1, 3).text = "Triển khai"
        t.cell(1, 4).text = "Hoàn thành"
        t.cell(0, 3).merge(t.cell(0, 4))
        for i in (0, 1, 2, 5, 6, 7):
            t.cell(0, i).merge(t.cell(1, i))
        repeat_header(t.rows[0])
        repeat_header(t.rows[1])
        r = 2
        if carry:
            t.cell(r, 1).text = carry
            r += 1
        for n, (title, details, output, start, finish, lead, support, remarks) in enumerate(tasks):
            cell = t.cell(r, 1)
            cell.paragraphs[0].add_run(title).bold = True
            for d in details:
                cell.add_paragraph(f"- {d}")
            for i, value in ((0, str(first_number + n)), (2, output), (3, start), (4, finish),
                             (5, lead), (6, support), (7, remarks)):  # fmt: skip
                t.cell(r, i).text = value
            r += 1
        return t

    first = table(list(rows[:split_at]), 1)
    # the last two tasks of the first part share their lead unit: a vertical merge
    if split_at >= 2 and rows[split_at - 2][5] == rows[split_at - 1][5]:
        first.cell(2 + split_at - 2, 5).merge(first.cell(2 + split_at - 1, 5))
        first.cell(2 + split_at - 2, 5).text = rows[split_at - 1][5]
    w.landscape_section()
    table(
        list(rows[split_at:]), split_at + 1, carry="- Báo cáo kết quả trước ngày 05 tháng cuối quý"
    )


APPENDIX_002 = ()


def seed_000_text() -> list[str]:
    """The city's decision and plan, markdown marks taken away, paragraphs rejoined."""
    out: list[str] = []
    for raw in seed_text("000").splitlines():
        line = re.sub(r"^#+\s*", "", raw).replace("**", "").replace("*", "").strip()
        line = re.sub(r"<(https?://[^>]+)>", r"\1", line)
        if not line:
            continue
        if out and line[:1].islower() and not MARKER.match(line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _cell_paragraphs(html: str) -> list[tuple[str, bool]]:
    """The seed's "<p><b>Title</b></p> <p>- detail</p>" cell as (text, bold) paragraphs."""
    found = re.findall(r"<p>(.*?)</p>", html) or [html]
    out: list[tuple[str, bool]] = []
    for part in found:
        bold = re.match(r"\s*<b>(.*?)</b>(.*)", part)
        if bold:
            out.append((bold.group(1).strip(), True))
            rest = bold.group(2).strip()
            if rest:
                out.append((rest, False))
        else:
            out.append((re.sub(r"</?b>", "", part).strip(), False))
    return [(t, b) for t, b in out if t]


def seed_000_appendix() -> tuple[list[str], list[list[str]]]:
    """The city's task table: its heading row and its rows as in the seed (a row that runs
    onto the next page is a row without a number)."""
    lines = seed_text("000").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("TT\t"))
    heads = lines[at].split("\t")
    rows = [line.split("\t") for line in lines[at + 1 :] if "\t" in line]
    return heads, rows


def write_seed_000(path: Path) -> Path:
    """The city's decision with its plan and appendix, as the city's office typed it."""
    text = seed_000_text()
    w = Writer()
    w.header_table(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], "Số: 362 /QĐ-UBND",
                   "Hải Phòng, ngày 10 tháng 02 năm 2025")  # fmt: skip
    w.para("QUYẾT ĐỊNH", bold=True, center=True)
    w.para("Ban hành Kế hoạch tuyên truyền cải cách hành chính nhà nước\nthành phố Hải Phòng "
           "năm 2025", bold=True, center=True)  # fmt: skip
    w.para("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", bold=True, center=True)
    start = text.index("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG") + 1
    end = text.index("Nơi nhận:")
    for line in text[start:end]:
        w.para(line, bold=line == "QUYẾT ĐỊNH:", center=line == "QUYẾT ĐỊNH:")
    recipients = text[end + 1 : text.index("KT. CHỦ TỊCH")]
    w.signature_table(recipients, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Hoàng Minh Cường")
    w.para("KẾ HOẠCH", bold=True, center=True).paragraph_format.page_break_before = True
    w.para("Tuyên truyền cải cách hành chính nhà nước thành phố Hải Phòng năm 2025",
           bold=True, center=True)  # fmt: skip
    w.para("(Kèm theo Quyết định số 362 /QĐ-UBND ngày 10 tháng 02 năm 2025\ncủa Chủ tịch của "
           "Ủy ban nhân dân thành phố)", italic=True, center=True)  # fmt: skip
    body_start = text.index("I. MỤC ĐÍCH, YÊU CẦU")
    closing = next(i for i, line in enumerate(text) if line.startswith("Trên đây là Kế hoạch"))
    for line in text[body_start - 1 : closing]:
        heading = bool(_ROMAN.match(line)) or (
            bool(_DECIMAL.match(line)) and not line.endswith(".")
        )
        heading = heading and len(line) < 120 and not line.endswith((".", ":"))
        w.para(line, bold=heading, italic=False)
    w.para(text[closing])
    w.landscape_section()
    w.para("Phụ lục", bold=True, center=True)
    w.para("DANH MỤC NHIỆM VỤ CỤ THỂ TRIỂN KHAI CÔNG TÁC TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH\n"
           "NHÀ NƯỚC THÀNH PHỐ HẢI PHÒNG NĂM 2025", bold=True, center=True)  # fmt: skip
    w.para("(Kèm theo Quyết định số 362/QĐ-UBND ngày 10 tháng 02 năm 2025 của Chủ tịch Ủy ban "
           "nhân dân thành phố Hải Phòng)", italic=True, center=True)  # fmt: skip
    heads, rows = seed_000_appendix()
    split = next(i for i, row in enumerate(rows) if not row[0].strip())
    for part in (rows[:split], rows[split:]):
        table = w.doc.add_table(rows=1 + len(part), cols=len(heads))
        table.style = w.doc.styles["Table Grid"]
        for i, head in enumerate(heads):
            table.cell(0, i).text = head
        repeat_header(table.rows[0])
        for r, row in enumerate(part, start=1):
            for c, value in enumerate(row[: len(heads)]):
                cell = table.cell(r, c)
                paragraphs = _cell_paragraphs(value) if c == 1 else [(value.strip(), False)]
                first = True
                for line, bold in paragraphs:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    p.add_run(line).bold = bold or None
                    first = False
        if part is rows[:split]:
            w.doc.add_paragraph().add_run().add_break(7)  # a page break between the two parts
    return w.save(path)
