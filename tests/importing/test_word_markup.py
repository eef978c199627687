"""What Word keeps in a .docx besides plain runs, read as the page shows it: tracked changes
(what was deleted is gone), hidden text, fields and links, symbols, soft breaks, All Caps,
headings numbered through their style, lists restarted, bullets from the Symbol font, text
boxes, content controls, a table inside a cell, a row pushed right, a chunk from another
file."""

from __future__ import annotations

from docx.oxml.ns import qn

from cchc_desktop.core.model import ItemKind, ItemRole
from cchc_desktop.core.numbering import number_items
from cchc_desktop.documents.word_import import load_document, read_plan
from tests.importing.wordgen import Writer, commune_plan


def items(parsed) -> list[tuple[int, str, str]]:
    """(depth, printed label, text) of each item of the body."""
    return [(n.depth, n.label, n.item.text) for n in number_items(parsed.plan.sections)]


def run(text: str, props: str = "") -> str:
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*runs: str, props: str = "") -> str:
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def section_one(xml: str):
    """A plan whose section I holds the given paragraphs (as Word's XML)."""

    def body(w: Writer) -> None:
        w.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        w.raw(xml)
        w.para("II. TỔ CHỨC THỰC HIỆN", bold=True)
        w.para("1. Phòng Văn hóa - Xã hội", bold=True)
        w.para("Chủ trì thực hiện Kế hoạch.")

    return commune_plan(body)


def points(parsed) -> list[str]:
    return [i.text for i in parsed.plan.sections[0].children]


def test_tracked_changes_read_as_accepted_and_hidden_text_is_left_out(tmp_path):
    xml = para(
        run("a) Tuyên truyền "),
        '<w:del w:id="1" w:author="Văn thư"><w:r><w:delText>trên báo giấy</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="Văn thư">' + run("trên hệ thống truyền thanh xã") + "</w:ins>",
        run("."),
        run(" (xem lại với anh Sơn)", "<w:vanish/>"),
    ) + para(
        run("b) Niêm yết "),
        '<w:moveFrom w:id="3" w:author="Văn thư">' + run("công khai ") + "</w:moveFrom>",
        run("thủ tục hành chính "),
        '<w:moveTo w:id="4" w:author="Văn thư">' + run("công khai ") + "</w:moveTo>",
        run("tại Trung tâm phục vụ hành chính công."),
    )
    parsed = read_plan(section_one(xml).save(tmp_path / "sua.docx"))
    assert points(parsed) == [
        "Tuyên truyền trên hệ thống truyền thanh xã.",
        "Niêm yết thủ tục hành chính công khai tại Trung tâm phục vụ hành chính công.",
    ]


def test_links_and_fields_show_their_result_not_their_code(tmp_path):
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://dichvucong.gov.vn" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("dichvucong.gov.vn")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    xml = para(
        run("a) Hướng dẫn nộp hồ sơ trên Cổng Dịch vụ công quốc gia ("),
        field,
        run(") và Cổng thông tin điện tử xã ("),
        '<w:hyperlink r:id="rId99">' + run("anlao.haiphong.gov.vn") + "</w:hyperlink>",
        run(")."),
    ) + para(
        '<w:smartTag w:uri="urn:schemas" w:element="date">'
        + run("b) Tháng 8/2025")
        + "</w:smartTag>",
        '<w:fldSimple w:instr=" DOCPROPERTY Company ">'
        + run(" tổ chức hội nghị")
        + "</w:fldSimple>",
        run("."),
    )
    parsed = read_plan(section_one(xml).save(tmp_path / "lien-ket.docx"))
    assert points(parsed) == [
        "Hướng dẫn nộp hồ sơ trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) và Cổng "
        "thông tin điện tử xã (anlao.haiphong.gov.vn).",
        "Tháng 8/2025 tổ chức hội nghị.",
    ]


def test_symbols_soft_breaks_and_non_breaking_hyphens_read_as_printed(tmp_path):
    xml = para(
        '<w:r><w:sym w:font="Symbol" w:char="F02D"/></w:r>',
        run(" Tuyên truyền trên hệ thống truyền thanh:"),
        "<w:r><w:br/></w:r>",
        run("02 buổi/tuần, mỗi buổi 15 phút;"),
        "<w:r><w:cr/></w:r>",
        run("phát lại vào buổi tối."),
    ) + para(
        '<w:r><w:sym w:font="Symbol" w:char="F02D"/><w:sym w:font="Wingdings" w:char="zz"/></w:r>',
        run(" Phối hợp Phòng Văn hóa"),
        "<w:r><w:noBreakHyphen/></w:r>",
        run("Xã hội."),
    )
    parsed = read_plan(section_one(xml).save(tmp_path / "ky-hieu.docx"))
    assert items(parsed)[1:3] == [
        (1, "-", "Tuyên truyền trên hệ thống truyền thanh:\n02 buổi/tuần, mỗi buổi 15 phút;\n"
                 "phát lại vào buổi tối."),
        (1, "-", "Phối hợp Phòng Văn hóa-Xã hội."),
    ]  # fmt: skip


def test_all_caps_formatting_makes_a_section_heading(tmp_path):
    w = commune_plan(
        lambda w: w.raw(
            para(run("I. Mục đích, yêu cầu", "<w:b/><w:caps/>"))
            + para(run("1. Nâng cao nhận thức về cải cách hành chính."))
            + para(run("II. Tổ chức thực hiện", "<w:b/><w:caps/>"))
            + para(run("1. Phòng Văn hóa - Xã hội", "<w:b/>"))
            + para(run("Chủ trì thực hiện Kế hoạch."))
        )
    )
    parsed = read_plan(w.save(tmp_path / "caps.docx"))
    sections = parsed.plan.sections
    assert [(s.kind, s.text, s.role) for s in sections] == [
        (ItemKind.SECTION, "Mục đích, yêu cầu", ItemRole.PURPOSES),
        (ItemKind.SECTION, "Tổ chức thực hiện", ItemRole.ORGANISATION),
    ]


def _heading_numbering(w: Writer) -> None:
    """Heading 1 and Heading 2 numbered "I." and "1." by one multilevel list tied to the
    styles (the way Word's "Define new multilevel list → Link level to style" saves it)."""
    num = w.numbering.num("headings", [("upperRoman", "%1."), ("decimal", "%2.")])
    numbering = w.doc.part.numbering_part.element
    abstract = numbering.findall(qn("w:abstractNum"))[-1]
    for lvl, style in zip(abstract.findall(qn("w:lvl")), ("Heading1", "Heading2"), strict=True):
        p_style = lvl.makeelement(qn("w:pStyle"), {qn("w:val"): style})
        lvl.insert(0, p_style)
    for style in ("Heading 1", "Heading 2"):
        ppr = w.doc.styles[style].element.get_or_add_pPr()
        num_pr = ppr.makeelement(qn("w:numPr"), {})
        num_id = num_pr.makeelement(qn("w:numId"), {qn("w:val"): str(num)})
        num_pr.append(num_id)
        ppr.insert(0, num_pr)


def test_headings_numbered_through_their_style(tmp_path):
    def body(w: Writer) -> None:
        _heading_numbering(w)
        w.para("MỤC ĐÍCH, YÊU CẦU", style="Heading 1")
        w.para("Mục đích", style="Heading 2")
        w.para("Nâng cao nhận thức của cán bộ, công chức.")
        w.para("Yêu cầu", style="Heading 2")
        w.para("Bám sát nội dung Kế hoạch của thành phố.")
        w.para("TỔ CHỨC THỰC HIỆN", style="Heading 1")
        w.para("Phòng Văn hóa - Xã hội", style="Heading 2")
        w.para("Chủ trì thực hiện Kế hoạch.")

    parsed = read_plan(commune_plan(body).save(tmp_path / "heading.docx"))
    assert items(parsed) == [
        (0, "I.", "Mục đích, yêu cầu"),
        (1, "1.", "Mục đích"),
        (2, "", "Nâng cao nhận thức của cán bộ, công chức."),
        (1, "2.", "Yêu cầu"),
        (2, "", "Bám sát nội dung Kế hoạch của thành phố."),
        (0, "II.", "Tổ chức thực hiện"),
        (1, "1.", "Phòng Văn hóa - Xã hội"),
        (2, "", "Chủ trì thực hiện Kế hoạch."),
    ]
    assert [u.key for u in parsed.office.units] == ["vhxh"]


def test_a_heading_given_an_outline_level_starts_the_body_without_a_number(tmp_path):
    def body(w: Writer) -> None:
        w.raw(
            para(run("Mục đích, yêu cầu"), props='<w:outlineLvl w:val="0"/>')
            + para(run("- Nâng cao nhận thức về cải cách hành chính."))
            + para(run("Tổ chức thực hiện"), props='<w:outlineLvl w:val="0"/>')
            + para(run("- Phòng Văn hóa - Xã hội chủ trì thực hiện."))
        )

    parsed = read_plan(commune_plan(body).save(tmp_path / "outline.docx"))
    assert [(s.text, s.kind, [c.text for c in s.children]) for s in parsed.plan.sections] == [
        ("Mục đích, yêu cầu", ItemKind.SUBSECTION, ["Nâng cao nhận thức về cải cách hành chính."]),
        ("Tổ chức thực hiện", ItemKind.SUBSECTION, ["Phòng Văn hóa - Xã hội chủ trì thực hiện."]),
    ]
    assert [b.text[:29] for b in parsed.plan.bases] == ["Căn cứ Kế hoạch số 12/KH-UBND"]


def test_a_list_restarted_under_each_unit_is_lettered_again(tmp_path):
    """Word's "Restart at a)": the second list is a new numbering instance of the same list
    with a start override; without it the letters would go on d), e)."""

    def body(w: Writer) -> None:
        letters = w.numbering.num("duties", [("decimal", "%1."), ("lowerLetter", "%2)")])
        numbering = w.doc.part.numbering_part.element
        restart = numbering.makeelement(qn("w:num"), {qn("w:numId"): "300"})
        restart.append(restart.makeelement(qn("w:abstractNumId"), {qn("w:val"): "100"}))
        override = restart.makeelement(qn("w:lvlOverride"), {qn("w:ilvl"): "1"})
        override.append(override.makeelement(qn("w:startOverride"), {qn("w:val"): "1"}))
        restart.append(override)
        numbering.append(restart)
        w.para("I. TỔ CHỨC THỰC HIỆN", bold=True)
        w.para("1. Phòng Văn hóa - Xã hội", bold=True)
        for text in ("Chủ trì tham mưu.", "Theo dõi, đôn đốc.", "Tổng hợp, báo cáo."):
            w.numbering.apply(w.para(text), letters, 1)
        w.para("2. Trung tâm phục vụ hành chính công", bold=True)
        for text in ("Niêm yết thủ tục.", "Hướng dẫn người dân."):
            w.numbering.apply(w.para(text), 300, 1)

    parsed = read_plan(commune_plan(body).save(tmp_path / "restart.docx"))
    assert [(d, label) for d, label, _ in items(parsed)] == [
        (0, "I."), (1, "1."), (2, "a)"), (2, "b)"), (2, "c)"),
        (1, "2."), (2, "a)"), (2, "b)"),
    ]  # fmt: skip


def test_zero_padded_numbers_and_symbol_font_bullets_print_as_word_shows_them(tmp_path):
    def body(w: Writer) -> None:
        padded = w.numbering.num("padded", [("decimalZero", "%1.")])
        dashes = w.numbering.num("dashes", [("bullet", "\uf02d")])
        dots = w.numbering.num("dots", [("bullet", "\uf0b7")])
        w.para("I. NỘI DUNG TUYÊN TRUYỀN", bold=True)
        for text, bullets in (("Chủ trương, đường lối của Đảng", dashes),
                              ("Kết quả cải cách hành chính", dots)):  # fmt: skip
            w.numbering.apply(w.para(text, bold=True), padded, 0)
            w.numbering.apply(w.para("Trên hệ thống truyền thanh xã."), bullets, 0)
            w.numbering.apply(w.para("Trên Cổng thông tin điện tử xã."), bullets, 0)

    parsed = read_plan(commune_plan(body).save(tmp_path / "ky-hieu.docx"))
    assert [(d, label) for d, label, _ in items(parsed)] == [
        (0, "I."), (1, "01."), (2, "-"), (2, "-"), (1, "02."), (2, "•"), (2, "•"),
    ]  # fmt: skip


def test_numbering_that_no_longer_exists_leaves_the_typed_label(tmp_path):
    """Paragraphs pasted from another file point at lists this file does not define (or at a
    level it lacks, or one numbered "none"): what is typed is what prints."""

    def body(w: Writer) -> None:
        quiet = w.numbering.num("quiet", [("none", "")])
        w.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        w.numbering.apply(w.para("a) Nâng cao nhận thức."), 777, 0)
        w.numbering.apply(w.para("b) Tạo chuyển biến."), quiet, 4)
        w.numbering.apply(w.para("c) Bám sát thực tiễn."), quiet, 0)

    parsed = read_plan(commune_plan(body).save(tmp_path / "dan.docx"))
    assert items(parsed)[:4] == [
        (0, "I.", "Mục đích, yêu cầu"),
        (1, "a)", "Nâng cao nhận thức."),
        (1, "b)", "Tạo chuyển biến."),
        (1, "c)", "Bám sát thực tiễn."),
    ]


TEXT_BOX = (
    '<w:drawing><wp:anchor><wp:docPr id="{id}" name="Text Box {id}"/><a:graphic><a:graphicData>'
    "<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
    "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
)


def test_text_in_text_boxes_is_read_once(tmp_path):
    """A text box as Word 2010+ saves it (the shape, then a VML copy for old Word, which must
    not double the text) and as a bare drawing."""
    national = para(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "<w:b/>")) + para(
        run("Độc lập - Tự do - Hạnh phúc", "<w:b/>")
    )
    dated = para(run("An Lão, ngày 12 tháng 7 năm 2025", "<w:i/>"))
    w = Writer()
    w.raw(
        para(
            run("ỦY BAN NHÂN DÂN", "<w:b/>"),
            '<w:r><mc:AlternateContent><mc:Choice Requires="wps">'
            + TEXT_BOX.format(id=1, content=national)
            + "</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
            + national
            + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
        )
        + para(
            run("XÃ AN LÃO", "<w:b/>"), "<w:r>" + TEXT_BOX.format(id=2, content=dated) + "</w:r>"
        )
        + para(run("Số: 15/KH-UBND"))
    )
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.ending()
    path = w.save(tmp_path / "hop-van-ban.docx")
    texts = [p.clean for p in load_document(path).paragraphs()]
    assert texts[:6] == [
        "ỦY BAN NHÂN DÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "XÃ AN LÃO",
        "An Lão, ngày 12 tháng 7 năm 2025",
        "Số: 15/KH-UBND",
    ]
    parsed = read_plan(path)
    assert parsed.office.header_lines == ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"]
    assert (parsed.plan.number, parsed.plan.issued_on.isoformat()) == ("15", "2025-07-12")


def test_runs_inside_markup_compatibility_blocks_are_read_once(tmp_path):
    xml = para(
        run("a) Tổ chức "),
        '<mc:AlternateContent><mc:Choice Requires="w14">'
        + run("Hội nghị trực tuyến")
        + "</mc:Choice><mc:Fallback>"
        + run("Hội nghị trực tuyến")
        + "</mc:Fallback></mc:AlternateContent>",
        run(" về cải cách hành chính."),
    )
    parsed = read_plan(section_one(xml).save(tmp_path / "mc.docx"))
    assert points(parsed) == ["Tổ chức Hội nghị trực tuyến về cải cách hành chính."]


def test_paragraphs_in_content_controls_are_read_in_order(tmp_path):
    """A form-like template: the bases and a section in content controls (w:sdt)."""

    def body(w: Writer) -> None:
        w.raw(
            '<w:sdt><w:sdtPr><w:alias w:val="Căn cứ"/></w:sdtPr><w:sdtContent>'
            + para(run("Căn cứ Kế hoạch số 20/KH-UBND ngày 05/02/2025 của Ủy ban nhân dân xã."))
            + "</w:sdtContent></w:sdt>"
            + '<w:customXml w:element="body">'
            + para(run("I. MỤC ĐÍCH, YÊU CẦU", "<w:b/>"))
            + para(run("1. Nâng cao nhận thức về cải cách hành chính."))
            + "</w:customXml>"
        )
        w.para("II. TỔ CHỨC THỰC HIỆN", bold=True)
        w.para("1. Phòng Văn hóa - Xã hội chủ trì thực hiện.")

    parsed = read_plan(commune_plan(body).save(tmp_path / "sdt.docx"))
    assert [b.text for b in parsed.plan.bases] == [
        "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã An Lão",
        "Căn cứ Kế hoạch số 20/KH-UBND ngày 05/02/2025 của Ủy ban nhân dân xã",
    ]
    assert [(d, label, t[:20]) for d, label, t in items(parsed)] == [
        (0, "I.", "Mục đích, yêu cầu"),
        (1, "1.", "Nâng cao nhận thức v"),
        (0, "II.", "Tổ chức thực hiện"),
        (1, "1.", "Phòng Văn hóa - Xã h"),
    ]


def test_a_chunk_of_another_file_is_pointed_out(tmp_path):
    def body(w: Writer) -> None:
        w.small_body()
        w.raw('<w:altChunk r:id="rIdChunk1"/>')

    parsed = read_plan(commune_plan(body).save(tmp_path / "chunk.docx"))
    assert (
        "Văn bản có phần chèn từ tệp khác (altChunk) không đọc được; hãy kiểm tra."
        in parsed.warnings
    )
    assert len(parsed.plan.sections) == 2


def test_page_and_column_breaks_keep_the_words_around_them(tmp_path):
    """Ctrl+Enter before "Phụ lục" (Word keeps the break and the word in one run), and a
    column break inside a paragraph, in a run of its own."""
    w = commune_plan()
    w.raw(
        para('<w:r><w:rPr><w:b/></w:rPr><w:br w:type="page"/><w:t>Phụ lục</w:t></w:r>',
             props='<w:jc w:val="center"/>')
        + para(run("DANH MỤC NHIỆM VỤ", "<w:b/>"), props='<w:jc w:val="center"/>')
        + para(run("(Kèm theo Kế hoạch số 15/KH-UBND"), '<w:r><w:br w:type="column"/></w:r>',
               run("ngày 12/7/2025 của Ủy ban nhân dân xã An Lão)"))
    )  # fmt: skip
    path = w.save(tmp_path / "ngat-trang.docx")
    blocks = load_document(path).blocks
    label, title, attachment = blocks[-3:]
    assert (label.text, label.bold, label.page_break_before) == ("Phụ lục", True, True)
    assert not title.page_break_before and not attachment.page_break_before
    assert attachment.text == (
        "(Kèm theo Kế hoạch số 15/KH-UBND\nngày 12/7/2025 của Ủy ban nhân dân xã An Lão)"
    )
    parsed = read_plan(path)
    assert parsed.plan.appendix_title == "DANH MỤC NHIỆM VỤ"
    assert parsed.plan.attachment_line == attachment.text.replace("\n", " ")


def cell(*paragraphs: str, props: str = "") -> str:
    tcpr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    return f"<w:tc>{tcpr}{''.join(para(run(p)) if p else '<w:p/>' for p in paragraphs)}</w:tc>"


def row(*cells: str, props: str = "") -> str:
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def test_a_task_table_with_content_controls_a_table_in_a_cell_and_a_row_pushed_right(tmp_path):
    """A form-like appendix: the task rows in a repeating-section content control, a number
    in a cell's content control, a task's details typed in a small table inside its cell, and
    the lines carried over to a row that starts one column in (Word's "gridBefore")."""
    nested = (
        "<w:tc>" + para(run("Tuyên truyền trên hệ thống truyền thanh xã"))
        + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>"
        + row(cell("- Thời lượng: 02 buổi/tuần"), cell("- Thời điểm: buổi sáng"))
        + "</w:tbl><w:p/></w:tc>"
    )  # fmt: skip
    heads = ("TT", "Nội dung", "Sản phẩm", "Thời gian", "Chủ trì", "Phối hợp")
    table = (
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/></w:tblPr><w:tblGrid>"
        + "<w:gridCol/>" * 6 + "</w:tblGrid>"
        + row(*(cell(h) for h in heads), props="<w:tblHeader/>")
        + "<w:sdt><w:sdtPr><w:alias w:val=\"Nhiệm vụ\"/></w:sdtPr><w:sdtContent>"
        + row(cell("1"), nested, cell("Chuyên mục"), cell("Quý III/2025"),
              cell("Phòng Văn hóa - Xã hội"), cell(""))
        + row(cell("2"), cell("Niêm yết thủ tục hành chính"), cell("Bảng niêm yết"),
              cell("Tháng 8/2025"), cell("Văn phòng"), cell(""))
        + "</w:sdtContent></w:sdt>"
        + row(cell("- Cập nhật khi có thủ tục mới"), cell(""), cell(""), cell(""), cell(""),
              props='<w:gridBefore w:val="1"/>')
        + row("<w:sdt><w:sdtContent>" + cell("3") + "</w:sdtContent></w:sdt>",
              cell("Cuộc thi tìm hiểu"), cell("Cuộc thi"), cell("Quý IV/2025"),
              cell("Văn phòng"), cell("Đoàn Thanh niên"))
        + "</w:tbl>"
    )  # fmt: skip
    w = commune_plan()
    w.landscape_section()
    w.para("Phụ lục", bold=True, center=True)
    w.para("DANH MỤC NHIỆM VỤ", bold=True, center=True)
    w.raw(table)
    tasks = read_plan(w.save(tmp_path / "bieu-mau.docx")).plan.tasks
    assert [(t.title, t.details, t.finish_text, t.lead_unit) for t in tasks] == [
        ("Tuyên truyền trên hệ thống truyền thanh xã",
         ["Thời lượng: 02 buổi/tuần", "Thời điểm: buổi sáng"], "Quý III/2025",
         "Phòng Văn hóa - Xã hội"),
        ("Niêm yết thủ tục hành chính", ["Cập nhật khi có thủ tục mới"], "Tháng 8/2025",
         "Văn phòng"),
        ("Cuộc thi tìm hiểu", [], "Quý IV/2025", "Văn phòng"),
    ]  # fmt: skip
