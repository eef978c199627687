"""The national format's rules (ND30.md) checked on any plan's or report's .docx and on its
paper: what the sample's tests check rule by rule, for a document made any way (a ward's, a
department's; the app's own PDF)."""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from cchc_desktop.core.textwidth import text_width_cm
from tests.documents.paper import LEFT_PT, RIGHT_PT, Page, Word

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def effective(paragraph, attribute):
    """A run's own formatting, else its paragraph style's, else the style's base."""
    for run in paragraph.runs:
        value = getattr(run.font, attribute)
        if value is not None:
            return value
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def centred(paragraph) -> bool:
    alignment = paragraph.alignment or paragraph.style.paragraph_format.alignment
    return alignment == WD_ALIGN_PARAGRAPH.CENTER


def rules(cell) -> list[float]:
    """The length (cm) of each rule drawn in a cell: a bottom border with equal indents."""
    width = cell.width.cm
    found = []
    for p in cell.paragraphs:
        p_pr = p._p.pPr
        if p_pr is not None and p_pr.find(qn("w:pBdr")) is not None:
            left, right = p.paragraph_format.left_indent.cm, p.paragraph_format.right_indent.cm
            assert abs(left - right) < 0.02, "a rule is centred"
            found.append(width - left - right)
    return found


def check_plan_docx(document, **expected) -> None:
    """A plan's header, title, body, signature and recipients as the decree wants them."""
    check_docx(document, doc_type="KẾ HOẠCH", **expected)


def check_docx(
    document,
    *,
    doc_type: str = "KẾ HOẠCH",
    governing: list[str],
    issuer: list[str],
    suffix: str,
    place: str,
    authority: list[str],
    signer: str,
) -> None:
    """Header, title, body, signature and recipients as the decree wants them (a plan's, or
    another ``doc_type``'s: "BÁO CÁO")."""
    header = document.tables[0]
    grid = [
        int(c.get(qn("w:w"))) / 1440 * 2.54 for c in header._tbl.tblGrid.findall(qn("w:gridCol"))
    ]
    assert grid[1] >= 9.65, "the national title needs its column"
    assert sum(grid) <= 16.5 + 0.36, "the header overhangs the right margin a little at most"
    left, right = header.rows[0].cells
    lines = [p for p in left.paragraphs if p.text]
    assert [p.text for p in lines] == governing + issuer
    for p in lines:
        assert centred(p)
        assert effective(p, "bold") == (p.text in issuer), p.text  # governing body not bold
        assert text_width_cm(p.text, 13, bold=p.text in issuer) <= grid[0] + 0.01, p.text
    [issuer_rule] = rules(left)
    longest = max(text_width_cm(t, 13, bold=True) for t in issuer)
    assert longest / 3 <= issuer_rule <= longest / 2 + 0.01
    national = [p.text for p in right.paragraphs if p.text]
    assert national == [TITLE, MOTTO]
    [motto_rule] = rules(right)
    assert abs(motto_rule - text_width_cm(MOTTO, 14, bold=True)) < 0.06
    number, date_cell = header.rows[1].cells
    assert re.fullmatch(rf"Số: (\d\d+|\xa0+)/{re.escape(suffix)}", number.paragraphs[0].text)
    date_line = date_cell.paragraphs[0].text
    assert date_line.startswith(f"{place}, ngày ") and effective(date_cell.paragraphs[0], "italic")
    month = re.search(r"tháng (\S+) năm", date_line)
    # "tháng 02", "tháng 8" (never "08"), "tháng 12"; or blank for the clerk.
    assert month and re.fullmatch(r"0[12]|[3-9]|1[0-2]|\xa0+", month.group(1)), month.group(1)

    body = [p for p in document.paragraphs if p.text.strip()]
    assert body[0].text == doc_type and effective(body[0], "bold")
    summary = body[1]
    assert effective(summary, "bold") and centred(summary)
    assert summary.text != summary.text.upper(), "the summary is in sentence case"
    closing = [p for p in body if p.text.rstrip().endswith("./.")]
    assert closing, "the text ends with ./."
    assert closing[-1]._p.getnext().tag == qn("w:tbl"), "the signature follows the closing"

    # The table after the closing paragraph: a report has a table of figures before it.
    signature = Table(closing[-1]._p.getnext(), document._body).rows[0]
    assert signature._tr.trPr.find(qn("w:cantSplit")) is not None
    recipients, signing = signature.cells
    sent = [p for p in recipients.paragraphs if p.text]
    assert (
        sent[0].text == "Nơi nhận:" and effective(sent[0], "italic") and effective(sent[0], "bold")
    )
    assert all(p.text.startswith("- ") for p in sent[1:])
    assert all(p.text.endswith(";") for p in sent[1:-1]) and sent[-1].text.endswith(".")
    assert sent[-1].text.startswith("- Lưu")
    assert effective(sent[1], "size") == Pt(11)
    signed = [p.text for p in signing.paragraphs if p.text]
    assert signed == [*authority, signer]
    room = signing.paragraphs[len(authority)]
    assert room.text == "" and 2.5 <= room.paragraph_format.space_after.cm <= 3.0


def check_plan_paper(
    pages: list[Page], *, place: str, issuer_first: str, authority: list[str]
) -> None:
    """On paper: A4 portrait, national title and motto on one line each, the issuer left of
    them, "Số" level with the date line, the signature with the closing paragraph, page
    numbers from page 2, the appendix (if any) landscape and numbered on its own."""
    first = pages[0]
    assert first.is_a4 and not first.landscape
    assert first.on_one_line(TITLE) and first.on_one_line(MOTTO)
    date = first.find(f"{place}, ngày")
    assert date, f"no date line for {place}"
    issuer = first.find(issuer_first)[0]
    title = first.find(TITLE)[0]
    assert issuer.x1 < title.x0
    number = first.find("Số:")[0]
    assert abs(number.y0 - date[0].y0) < 3
    signature_page = next(p for p in pages if p.find(authority[0]))
    assert signature_page.find("./.") or any(w.text.endswith("./.") for w in signature_page.words)
    portrait = [p for p in pages if not p.landscape]
    assert pages[: len(portrait)] == portrait
    tops = [[w.text for w in p.words if w.y1 < 60] for p in portrait]
    assert tops[0] == [] or not tops[0][0].isdigit()
    assert [t[0] if t else None for t in tops[1:]] == [str(n) for n in range(2, len(portrait) + 1)]
    for page in pages:
        assert page.is_a4


# A date as the decree writes it: the day padded below 10, the month only in January and
# February ("05/02/2025", "15/8/2025"), never "15/08/2025" nor "5/8/2025".
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
SUMMARY_CM, SUMMARY_PT = 16.5, 14


def badly_written_dates(text: str) -> list[str]:
    wrong = []
    for match in DATE.finditer(text):
        day, month = match[1], match[2]
        if len(day) != 2 or month != (f"{int(month):02d}" if int(month) < 3 else str(int(month))):
            wrong.append(match[0])
    return wrong


def summary_paragraphs(document) -> list:
    """The summary's lines: the bold centred paragraphs after the document type, up to its
    rule."""
    body = list(document.paragraphs)
    start = next(i for i, p in enumerate(body) if p.text.strip()) + 1
    lines = []
    for p in body[start:]:
        if not p.text.strip():
            break
        lines.append(p)
    return lines


def check_report_docx(document, **expected) -> None:
    """A progress report: the decree's rules as for a plan, "BÁO CÁO" as its type; its
    summary on lines that fit the page, none ending with a word alone; every date written as
    the decree writes it; its figures table with a header repeated on each page and rows that
    never split."""
    check_docx(document, doc_type="BÁO CÁO", **expected)
    summary = summary_paragraphs(document)
    assert summary
    for p in summary:
        assert centred(p) and effective(p, "bold")
        assert text_width_cm(p.text, SUMMARY_PT, bold=True) <= SUMMARY_CM, p.text
    assert len(summary[-1].text.split()) >= 2, "a word alone on the summary's last line"
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert badly_written_dates(f"{text}\n{cells}") == []
    figures = document.tables[1]
    head = figures.rows[0]._tr.trPr
    assert head is not None and head.find(qn("w:tblHeader")) is not None
    for row in figures.rows:
        assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None


def check_report_paper(pages: list[Page], *, summary: list[str], **expected) -> None:
    """On paper as a plan is, and the summary printed on the lines it was given: "BÁO CÁO",
    then each line centred, the last never a word alone; every date as the decree writes it."""
    check_plan_paper(pages, **expected)
    first = pages[0]
    top = first.find("BÁO CÁO")[0].y0 + 2  # word boxes of one line overlap the next
    lines: list[list[Word]] = []
    for word in sorted((w for w in first.words if w.y0 > top), key=lambda w: (w.y0, w.x0)):
        if lines and abs(word.y0 - lines[-1][0].y0) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    lines = [sorted(line, key=lambda w: w.x0) for line in lines]
    printed = lines[: len(summary)]
    assert [" ".join(w.text for w in line) for line in printed] == summary
    centre = (LEFT_PT + first.width - RIGHT_PT) / 2
    for line in printed:
        assert abs((line[0].x0 + line[-1].x1) / 2 - centre) < 6, [w.text for w in line]
    assert len(printed[-1]) >= 2, "a word alone on the summary's last line"
    assert badly_written_dates(" ".join(p.text() for p in pages)) == []
