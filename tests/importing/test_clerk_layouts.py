"""Plans typed the way different clerks type them, read back part by part: the header typed
line by line or with spaces, a blank line in the title, the plan's period said in other words,
a date that cannot be, sections without numbers, a table in the body, a closing without "Trên
đây", signatures typed with "(Đã ký)" or side by side with spaces, a header left out."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.model import ItemKind, ItemRole, OfficeKind
from cchc_desktop.core.numbering import number_items
from cchc_desktop.core.period import PeriodKind
from cchc_desktop.documents.word_import import read_plan
from tests.importing.wordgen import CLOSING, Writer, commune_plan


def read(w: Writer, tmp_path, name: str = "kh.docx"):
    return read_plan(w.save(tmp_path / name))


def tree(parsed) -> list[tuple[int, str, str, str]]:
    return [
        (n.depth, n.label, n.item.kind.value, n.item.text)
        for n in number_items(parsed.plan.sections)
    ]


# --- the header ------------------------------------------------------------------------


def test_a_header_typed_line_by_line_with_the_right_column_pushed_by_tabs_and_indent(tmp_path):
    w = Writer()
    w.para("ỦY BAN NHÂN DÂN", bold=True)
    w.para("\t\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    w.para("XÃ AN LÃO", bold=True)
    w.para("\t\t\tĐộc lập - Tự do - Hạnh phúc", bold=True)
    w.para("Số: 15/KH-UBND")
    w.para("V/v tuyên truyền cải cách hành chính")
    dated = w.para("An Lão, ngày 12 tháng 7 năm 2025", italic=True, center=True)
    dated.paragraph_format.left_indent = 567 * 8 * 635  # 8 cm, in EMU
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.ending()
    parsed = read(w, tmp_path)
    office, plan = parsed.office, parsed.plan
    assert (office.kind, office.name, office.place_name) == (OfficeKind.XA, "An Lão", "An Lão")
    assert office.header_lines == ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"]
    assert (plan.number, plan.number_suffix, plan.issued_on) == ("15", "KH-UBND", date(2025, 7, 12))


def test_a_header_and_signature_kept_apart_by_spaces(tmp_path):
    w = Writer()
    w.para("UBND XÃ AN LÃO              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)
    w.para("                                         Độc lập - Tự do - Hạnh phúc", bold=True)
    w.para("Số: 15/KH-UBND                   An Lão, ngày 12 tháng 7 năm 2025")
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.para(CLOSING)
    w.para("Nơi nhận:                                             TM. ỦY BAN NHÂN DÂN")
    w.para("- UBND thành phố;                                      CHỦ TỊCH")
    w.para("- Lưu: VT.")
    w.para("Nguyễn Văn An", bold=True, center=True)
    parsed = read(w, tmp_path)
    assert (parsed.office.name, parsed.office.header_lines) == ("An Lão", ["UBND XÃ AN LÃO"])
    assert parsed.plan.issued_on == date(2025, 7, 12)
    signer = parsed.plan.signer
    assert (signer.authority_lines, signer.name) == (
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn An",
    )
    assert parsed.plan.recipients == ["UBND thành phố", "Lưu: VT"]


def test_a_date_that_cannot_be_is_left_out_and_said(tmp_path):
    w = Writer()
    w.commune_header(date_line="An Lão, ngày 31 tháng 6 năm 2025")
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.ending()
    parsed = read(w, tmp_path)
    assert (parsed.plan.issued_on, parsed.plan.drafted_on) == (None, None)
    assert "Ngày ban hành trong văn bản không hợp lệ; đã bỏ qua." in parsed.warnings
    assert parsed.document == "Kế hoạch số 15/KH-UBND ngày 31/6/2025"


def test_a_draft_without_its_header_takes_the_commune_its_text_names_most(tmp_path):
    w = Writer()
    w.title(["Tuyên truyền cải cách hành chính năm 2025"])
    w.para("Ủy ban nhân dân xã An Lão ban hành Kế hoạch tuyên truyền như sau:")
    w.para("I. MỤC ĐÍCH, YÊU CẦU", bold=True)
    w.para("1. Nâng cao nhận thức của Nhân dân xã An Lão và xã Tân Dân lân cận.")
    w.para("2. Phát huy vai trò của cán bộ xã An Lão.")
    w.para(CLOSING)
    parsed = read(w, tmp_path)
    assert (parsed.office.kind, parsed.office.name, parsed.locality) == (
        OfficeKind.XA,
        "An Lão",
        "xã An Lão",
    )
    assert parsed.issuer_name == "Ủy ban nhân dân xã An Lão"
    assert parsed.office.header_lines == [] and parsed.plan.signer is None


def test_names_the_header_types_in_capitals_read_in_their_usual_case(tmp_path):
    """Where the text never writes the issuer in small letters, a commune's name gets capital
    initials and an agency's a capital first letter; the governing body reads as the text
    writes it."""
    w = Writer()
    w.header_table(["ỦY BAN NHÂN DÂN XÃ KIẾN HẢI", "BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH"], "Số: 03/KH-BCĐ",
                   "Kiến Hải, ngày 02 tháng 3 năm 2025")  # fmt: skip
    w.title(["Tuyên truyền cải cách hành chính năm 2025"])
    w.para("Thực hiện Kế hoạch của Ủy ban nhân dân xã Kiến Hải;")
    w.small_body()
    w.ending()
    parsed = read(w, tmp_path)
    office = parsed.office
    assert (office.kind, office.name, office.governing_body) == (
        OfficeKind.BAN,
        "Chỉ đạo cải cách hành chính",
        "Ủy ban nhân dân xã Kiến Hải",
    )
    assert (parsed.level, parsed.issuer_name) == ("agency", "Ban Chỉ đạo cải cách hành chính")

    w = commune_plan()
    w.doc.tables[0].rows[0].cells[0].paragraphs[1].runs[0].text = "XÃ KIẾN THỤY"
    parsed = read(w, tmp_path, "kien-thuy.docx")
    assert (parsed.office.name, parsed.locality) == ("Kiến Thụy", "xã Kiến Thụy")


# --- the title and the period -----------------------------------------------------------


def test_a_blank_line_between_ke_hoach_and_the_summary(tmp_path):
    w = Writer()
    w.commune_header()
    w.para("KẾ HOẠCH", bold=True, center=True)
    w.para("")
    w.para("Tuyên truyền cải cách hành chính", bold=True, center=True)
    w.para("6 tháng cuối năm 2025", bold=True, center=True)
    w.para("")
    w.para("Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân xã An Lão.")
    w.para("")
    w.small_body()
    w.ending()
    plan = read(w, tmp_path).plan
    assert plan.summary == "Tuyên truyền cải cách hành chính\n6 tháng cuối năm 2025"
    assert [b.text[:29] for b in plan.bases] == ["Căn cứ Kế hoạch số 12/KH-UBND"]
    assert [s.text for s in plan.sections] == ["Mục đích, yêu cầu", "Tổ chức thực hiện"]


@pytest.mark.parametrize(
    ("summary", "kind", "year", "warning"),
    [
        ("Tuyên truyền cải cách hành chính 6 tháng đầu năm 2026", PeriodKind.FIRST_HALF, 2026,
         None),
        ("Tuyên truyền cải cách hành chính sáu tháng cuối năm 2025", PeriodKind.SECOND_HALF,
         2025, None),
        ("Tuyên truyền cải cách hành chính quý III năm 2025", PeriodKind.SECOND_HALF, 2025,
         "Kế hoạch theo quý: chương trình theo dõi theo 6 tháng, đã xếp vào 6 tháng cuối năm "
         "2025."),
        ("Tuyên truyền cải cách hành chính quý I/2026", PeriodKind.FIRST_HALF, 2026,
         "Kế hoạch theo quý: chương trình theo dõi theo 6 tháng, đã xếp vào 6 tháng đầu năm "
         "2026."),
        ("Tuyên truyền cải cách hành chính nhà nước", PeriodKind.YEAR, 2025,
         "Không thấy năm của kế hoạch trong trích yếu; đã lấy năm 2025."),
    ],
)  # fmt: skip
def test_the_period_is_read_from_the_summary(tmp_path, summary, kind, year, warning):
    parsed = read(commune_plan(summary=summary), tmp_path)
    assert (parsed.plan.period.kind, parsed.plan.period.year) == (kind, year)
    quarter_or_year = [w for w in parsed.warnings if "quý" in w or "năm của kế hoạch" in w]
    assert quarter_or_year == ([warning] if warning else [])


# --- the body ----------------------------------------------------------------------------


def test_sections_typed_as_bold_capitals_without_numbers(tmp_path):
    def body(w: Writer) -> None:
        w.para("MỤC ĐÍCH, YÊU CẦU", bold=True)
        w.para("")
        w.para("- Nâng cao nhận thức của cán bộ, công chức.")
        w.para("- Tạo sự chuyển biến trong thực thi công vụ.")
        w.para("")
        w.para("KINH PHÍ THỰC HIỆN", bold=True)
        w.para("Từ nguồn ngân sách xã năm 2025.")
        w.para("TỔ CHỨC THỰC HIỆN", bold=True)
        w.para("1. Phòng Văn hóa - Xã hội", bold=True)
        w.para("Chủ trì, tham mưu thực hiện Kế hoạch.")

    parsed = read(commune_plan(body), tmp_path)
    assert tree(parsed) == [
        (0, "", "section", "Mục đích, yêu cầu"),
        (1, "-", "point", "Nâng cao nhận thức của cán bộ, công chức."),
        (1, "-", "point", "Tạo sự chuyển biến trong thực thi công vụ."),
        (0, "", "section", "Kinh phí thực hiện"),
        (1, "", "point", "Từ nguồn ngân sách xã năm 2025."),
        (0, "", "section", "Tổ chức thực hiện"),
        (1, "1.", "subsection", "Phòng Văn hóa - Xã hội"),
        (2, "", "point", "Chủ trì, tham mưu thực hiện Kế hoạch."),
    ]
    roles = [s.role for s in parsed.plan.sections]
    assert roles == [ItemRole.PURPOSES, ItemRole.BUDGET, ItemRole.ORGANISATION]


def test_a_table_in_the_body_is_said_and_the_text_around_it_kept(tmp_path):
    def body(w: Writer) -> None:
        w.para("I. NỘI DUNG TUYÊN TRUYỀN", bold=True)
        w.para("1. Các chuyên mục trên hệ thống truyền thanh:")
        table = w.doc.add_table(rows=2, cols=3)
        for i, text in enumerate(("Tháng", "Chủ đề", "Thời lượng")):
            table.cell(0, i).text = text
        for i, text in enumerate(("7", "Dịch vụ công trực tuyến", "15 phút")):
            table.cell(1, i).text = text
        w.para("2. Tin, bài trên Cổng thông tin điện tử xã.")
        w.para("II. TỔ CHỨC THỰC HIỆN", bold=True)
        w.para("1. Phòng Văn hóa - Xã hội chủ trì thực hiện.")

    parsed = read(commune_plan(body), tmp_path)
    assert [(d, t) for d, _, _, t in tree(parsed)] == [
        (0, "Nội dung tuyên truyền"),
        (1, "Các chuyên mục trên hệ thống truyền thanh:"),
        (1, "Tin, bài trên Cổng thông tin điện tử xã."),
        (0, "Tổ chức thực hiện"),
        (1, "Phòng Văn hóa - Xã hội chủ trì thực hiện."),
    ]
    assert (
        "Trong phần nội dung có bảng: chương trình chưa giữ được bảng trong thân kế hoạch, "
        "nội dung bảng không được nhập." in parsed.warnings
    )
    assert parsed.plan.signer.name == "Nguyễn Văn An"


def test_a_closing_without_tren_day_is_the_last_sentence_ending_with_slash_dot(tmp_path):
    w = Writer()
    w.commune_header()
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.para("Yêu cầu các bộ phận, đơn vị nghiêm túc triển khai thực hiện./.")
    w.para("")
    w.signature_table(["- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")
    parsed = read(w, tmp_path)
    assert parsed.plan.closing == "Yêu cầu các bộ phận, đơn vị nghiêm túc triển khai thực hiện./."
    last = parsed.plan.sections[-1].children[-1]
    assert last.children[-1].text == "Tuyên truyền trên hệ thống truyền thanh xã."


def test_a_list_numbered_by_word_in_words_keeps_its_label(tmp_path):
    """Word numbering "Phần I.", "Phần II." is no label the app counts: it is kept as typed."""

    def body(w: Writer) -> None:
        parts = w.numbering.num("parts", [("upperRoman", "Phần %1.")])
        for heading, point in (("MỤC ĐÍCH, YÊU CẦU", "- Nâng cao nhận thức."),
                               ("TỔ CHỨC THỰC HIỆN", "- Phòng Văn hóa - Xã hội chủ trì.")):  # fmt: skip
            w.numbering.apply(w.para(heading, bold=True), parts, 0)
            w.para(point)

    parsed = read(commune_plan(body), tmp_path)
    assert [(d, label, t) for d, label, _, t in tree(parsed)] == [
        (0, "Phần I.", "Mục đích, yêu cầu"),
        (1, "-", "Nâng cao nhận thức."),
        (0, "Phần II.", "Tổ chức thực hiện"),
        (1, "-", "Phòng Văn hóa - Xã hội chủ trì."),
    ]


def test_units_named_twice_or_by_a_whole_sentence(tmp_path):
    def body(w: Writer) -> None:
        w.para("I. TỔ CHỨC THỰC HIỆN", bold=True)
        for text in (
            "1. Phòng Văn hóa - Xã hội",
            "2. Ủy ban Mặt trận Tổ quốc Việt Nam xã",
            "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội",
            "4. Các cơ quan, đơn vị, trường học, trạm y tế đóng trên địa bàn xã căn cứ chức năng, "
            "nhiệm vụ được giao chủ động phối hợp triển khai",
        ):
            w.para(text, bold=True)
            w.para("Thực hiện các nhiệm vụ theo Kế hoạch.")

    parsed = read(commune_plan(body), tmp_path)
    units = [(u.name, u.key, u.request) for u in parsed.office.units]
    assert units == [
        ("Phòng Văn hóa - Xã hội", "vhxh", False),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "mttq", False),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "", True),
    ]
    blocks = parsed.plan.sections[0].children
    assert [b.role for b in blocks] == [ItemRole.UNIT] * 4
    assert [b.unit_key for b in blocks] == ["vhxh", "mttq", "", ""]


# --- the signature -------------------------------------------------------------------------


def test_a_signed_copy_with_da_ky_and_recipients_on_the_first_line(tmp_path):
    w = Writer()
    w.commune_header()
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.para(CLOSING)
    table = w.doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận: - UBND thành phố;"
    w.para("- Lưu: VT.", container=left)
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    for line in ("CHỦ TỊCH", "(Đã ký)", "Chủ tịch UBND xã", "Nguyễn Văn An"):
        w.para(line, container=right)
    parsed = read(w, tmp_path)
    plan = parsed.plan
    assert plan.recipients == ["UBND thành phố", "Lưu: VT"]
    assert (plan.signer.authority_lines, plan.signer.name) == (
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn An",
    )
    assert "Bỏ dòng «(Đã ký)» trong phần chữ ký." in parsed.warnings
    assert (
        "Phần chữ ký có nhiều dòng ngoài tên người ký; giữ dòng cuối «Nguyễn Văn An»."
        in parsed.warnings
    )


def test_a_signature_typed_right_aligned_under_the_recipients(tmp_path):
    w = Writer()
    w.commune_header()
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    w.para(CLOSING)
    table = w.doc.add_table(rows=2, cols=1)
    table.cell(0, 0).paragraphs[0].text = "Nơi nhận:"
    w.para("- Lưu: VT.", container=table.cell(0, 0))
    table.cell(1, 0).paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    w.para("CHỦ TỊCH", container=table.cell(1, 0))
    w.para("Nguyễn Văn An", container=table.cell(1, 0))
    parsed = read(w, tmp_path)
    plan = parsed.plan
    assert plan.recipients == ["Lưu: VT"]
    assert (plan.signer.authority_lines, plan.signer.name) == (
        ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        "Nguyễn Văn An",
    )
    assert [s.kind for s in plan.sections] == [ItemKind.SECTION, ItemKind.SECTION]


@pytest.mark.parametrize("last", ["a point", "a table"])
def test_a_plan_without_a_closing_keeps_its_last_lines_in_the_body(tmp_path, last):
    w = Writer()
    w.commune_header()
    w.title(["Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025"])
    w.small_body()
    if last == "a table":
        table = w.doc.add_table(rows=1, cols=3)
        for i, text in enumerate(("Văn phòng", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên")):
            table.cell(0, i).text = text
    w.signature_table(["- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "Nguyễn Văn An")
    plan = read(w, tmp_path).plan
    assert plan.closing == ""
    last_unit = plan.sections[-1].children[-1]
    assert [c.text for c in last_unit.children] == ["Tuyên truyền trên hệ thống truyền thanh xã."]
    assert plan.signer.name == "Nguyễn Văn An"
