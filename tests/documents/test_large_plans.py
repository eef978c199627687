"""Big plans: the documents of a plan of thousands of tasks hold every task, in order, and the
fast paths that write them produce what the libraries' own calls would."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from cchc_desktop.core.outline import Role
from cchc_desktop.documents import nd30
from cchc_desktop.documents.cleaning import Cleaning

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TEXTS = ["Tin, bài", "  hai đầu  ", "   ", "\t", "cột\tcột", "dòng\nmới\r\nnữa", "<&> \"'", ""]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(
    ("role", "bold", "align"),
    [
        (Role.TABLE_CELL, None, None),
        (Role.TABLE_CELL, True, "left"),
        (Role.TABLE_HEAD, False, "center"),
        (Role.PREAMBLE, None, "justify"),
    ],
)
def test_a_paragraph_is_written_as_python_docx_writes_it(text, role, bold, align):
    writer = nd30.Writer(Cleaning())
    document = writer.document
    fast = writer.paragraph(document, text, role, bold=bold, align=align)
    slow = document.add_paragraph(style=nd30.STYLE_NAMES[role])
    if align is not None:
        slow.alignment = ALIGN[align]
    if text:
        run = slow.add_run(text)
        if bold is not None and bold != nd30.SPECS[role].bold:
            run.bold = bold
    assert etree.tostring(fast._p) == etree.tostring(slow._p)
    assert fast.text == slow.text
    assert document.paragraphs[-2]._p is fast._p  # in order, before the section properties
