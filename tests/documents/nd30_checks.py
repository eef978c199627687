"""The national format's rules (ND30.md) checked on any plan's .docx and on its paper: what the
sample's tests check rule by rule, for a plan made any way (a ward's, a department's)."""

from __future__ import annotations

import re

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from cchc_desktop.core.textwidth import text_width_cm
from tests.documents.paper import Page

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


def check_plan_docx(
    document,
    *,
    governing: list[str],
    issuer: list[str],
    suffix: str,
    place: str,
    authority: list[str],
    signer: str,
    doc_type: str = "KẾ HOẠCH",
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
    assert month and not re.fullmatch(r"0[3-9]", month.group(1))  # "tháng 8", never "08"

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
