"""The paper itself: the sample's documents rendered by LibreOffice, and the app's own PDF
(made with Qt, for PCs without an office suite), checked word by word."""

from __future__ import annotations

import itertools

import pytest

from tests.documents.paper import Page, libreoffice_pdf, raster, read_pdf

TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@pytest.fixture(scope="module")
def docx_pages(sample_docx, tmp_path_factory):
    return read_pdf(libreoffice_pdf(sample_docx[0], tmp_path_factory.mktemp("lo")))


@pytest.fixture(scope="module")
def qt_pages(qapp, sample_docx, tmp_path_factory):
    from cchc_desktop.render.paged import write_plan_pdf

    _, plan, office = sample_docx
    target = tmp_path_factory.mktemp("qt") / "KH.pdf"
    write_plan_pdf(plan, office, target)
    return read_pdf(target)


@pytest.fixture(scope="module")
def xlsx_pdf(sample_xlsx, tmp_path_factory):
    return libreoffice_pdf(sample_xlsx[0], tmp_path_factory.mktemp("lo-xlsx"))


@pytest.fixture(scope="module")
def xlsx_pages(xlsx_pdf):
    return read_pdf(xlsx_pdf, text_area_only=False)


def check_first_page(page: Page) -> None:
    assert page.is_a4 and not page.landscape
    assert page.on_one_line(TITLE)
    assert page.on_one_line(MOTTO)
    date = page.find("Quyết Thắng, ngày")
    assert date and page.on_one_line("Quyết Thắng, ngày")
    month = page.find("tháng 8 năm 2025")
    assert month and abs(month[0].y0 - date[0].y0) < 2  # the date line does not wrap
    issuer = page.find("ỦY BAN NHÂN DÂN")[0]
    title = page.find(TITLE)[0]
    assert issuer.x1 < title.x0  # issuer on the left, national title on the right
    assert abs(issuer.y0 - title.y0) < 3  # on the same level
    number = page.find("Số:")[0]
    assert abs(number.y0 - date[0].y0) < 3  # "Số" level with the date
    assert page.find("KẾ HOẠCH")[0].y0 > number.y0


def top_number(page: Page) -> str | None:
    """The page number printed centred in the top margin, if any."""
    top = [w for w in page.words if w.y1 < 60]
    return top[0].text if len(top) == 1 and top[0].text.isdigit() else None


def check_numbering_and_appendix(pages: list[Page]) -> None:
    portrait = [p for p in pages if not p.landscape]
    landscape = [p for p in pages if p.landscape]
    assert pages[: len(portrait)] == portrait  # the appendix comes last
    assert landscape, "no landscape appendix"
    assert top_number(portrait[0]) is None
    assert [top_number(p) for p in portrait[1:]] == [str(n) for n in range(2, len(portrait) + 1)]
    assert top_number(landscape[0]) is None
    assert [top_number(p) for p in landscape[1:]] == [str(n) for n in range(2, len(landscape) + 1)]
    assert landscape[0].find("Phụ lục")
    for page in landscape:
        assert page.is_a4
        assert page.find("Nội dung nhiệm vụ"), "header row missing on an appendix page"
        assert page.find("Triển") and page.find("Hoàn")  # the split time columns


def test_libreoffice_prints_the_docx_as_the_decree_wants(docx_pages):
    check_first_page(docx_pages[0])
    check_numbering_and_appendix(docx_pages)
    body = " ".join(p.text() for p in docx_pages)
    assert "TM. ỦY BAN NHÂN DÂN" in body and "Mai Đàm Thanh Vân" in body


def test_the_apps_own_pdf_matches_the_docx_layout(qt_pages, docx_pages):
    check_first_page(qt_pages[0])
    check_numbering_and_appendix(qt_pages)
    headings = ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "V. TỔ CHỨC THỰC HIỆN"]
    qt_text = " ".join(p.text() for p in qt_pages)
    docx_text = " ".join(p.text() for p in docx_pages)
    for heading in headings:
        assert heading in qt_text and heading in docx_text


def test_no_task_row_is_split_in_the_apps_pdf(qt_pages, sample_docx):
    _, plan, _ = sample_docx
    landscape = [p for p in qt_pages if p.landscape]
    for task in plan.chosen_tasks:
        opening = " ".join(task.title.split()[:3])
        closing = " ".join(task.details[-1].split()[-6:]) if task.details else opening
        holders = {i for i, p in enumerate(landscape) if p.find(opening)}
        enders = {i for i, p in enumerate(landscape) if p.find(closing)}
        assert len(holders) == 1 and holders == enders, task.title


def test_libreoffice_prints_the_xlsx_landscape_with_the_header_on_each_page(xlsx_pages):
    appendix = [p for p in xlsx_pages if p.find("Nội dung nhiệm vụ")]
    assert appendix
    for page in xlsx_pages:
        assert page.is_a4 and page.landscape
    assert "Trang 1/" in xlsx_pages[0].text().replace("Trang 1 /", "Trang 1/")


def test_the_signature_never_stands_alone_on_a_page(docx_pages):
    page = next(p for p in docx_pages if p.find("TM. ỦY BAN NHÂN DÂN"))
    assert page.find("Trên đây là Kế hoạch") or page.find("giải quyết./.")


def test_the_apps_pdf_keeps_the_closing_paragraph_with_the_signature(qapp, sample, tmp_path):
    """Whatever the length of the body, the signature page also holds the closing paragraph."""
    from cchc_desktop.render.paged import write_plan_pdf

    plan, office = sample
    points = [p for s in plan.sections for sub in s.children for p in sub.children if p.chosen]
    moved = 0
    for count in range(0, 14):
        for i, point in enumerate(points):
            point.chosen = i >= count
        target = tmp_path / f"KH-{count}.pdf"
        write_plan_pdf(plan, office, target)
        pages = read_pdf(target)
        signature = next(p for p in pages if p.find("TM. ỦY BAN NHÂN DÂN"))
        assert signature.find("giải quyết./."), f"signature alone with {count} points dropped"
        closing_starts = next(i for i, p in enumerate(pages) if p.find("Trên đây là Kế hoạch"))
        first_word = next(w.text for w in signature.words if not w.text.isdigit())
        moved += closing_starts == pages.index(signature) and first_word == "Trên"
    assert moved, "no layout needed the closing moved: the test proves nothing"


def signature_room_cm(pages: list[Page]) -> float:
    page = next(p for p in pages if p.find("PHÓ CHỦ TỊCH"))
    title, name = page.find("PHÓ CHỦ TỊCH"), page.find("Mai Đàm Thanh Vân")
    return (name[0].y0 - title[0].y1) / 72 * 2.54


def test_there_is_room_to_sign_and_seal_on_paper_in_both_renderings(qt_pages, docx_pages):
    """About 2.5-3 cm for the signature and the seal, the same in Word's and the app's PDF."""
    app, office_suite = signature_room_cm(qt_pages), signature_room_cm(docx_pages)
    assert 2.8 <= app <= 3.6 and 2.8 <= office_suite <= 3.6
    assert abs(app - office_suite) < 0.3


def test_the_apps_pdf_draws_every_border_of_the_appendix_table(qapp, sample, tmp_path):
    """Down the appendix table run its vertical borders: left of the first column, between
    the columns, and right of the last one — as many lines as columns, and one, the last one
    right of every word in the table."""
    from cchc_desktop.core.outline import appendix_columns
    from cchc_desktop.render.paged import write_plan_pdf

    plan, office = sample
    target = tmp_path / "KH.pdf"
    write_plan_pdf(plan, office, target)
    pages = read_pdf(target)
    number = next(i for i, p in enumerate(pages, start=1) if p.landscape)
    page = pages[number - 1]
    picture = raster(target, number)
    scale = picture.width / page.width
    first = page.find(plan.chosen_tasks[0].title.split()[0])[0]  # the first row's first word
    rows = [w for w in page.words if w.y0 >= first.y0]
    top, bottom = round(first.y0 * scale), round(max(w.y1 for w in rows) * scale)
    solid = [
        x for x in range(picture.width)
        if sum(picture.dark(x, y) for y in range(top, bottom)) >= 0.95 * (bottom - top)
    ]  # fmt: skip
    lines = [x for i, x in enumerate(solid) if i == 0 or x - solid[i - 1] > 1]
    assert len(lines) == len(appendix_columns(plan)) + 1, lines
    assert max(solid) >= max(w.x1 for w in rows) * scale, "the table's right border is missing"


def test_the_appendix_workbooks_rows_fit_their_text_on_paper(xlsx_pdf, xlsx_pages):
    """Each task's row is as tall as its text needs: none cut, none with more than about a line
    and a half to spare (they were 40 % taller than their text, a page more than needed)."""
    page = xlsx_pages[0]
    picture = raster(xlsx_pdf, 1, dpi=144)
    scale = picture.width / page.width
    numbers = [w for w in page.words if w.text.isdigit() and w.x0 < page.width * 0.2]
    left = round(min(w.x0 for w in numbers) * scale) - 2
    # Row borders: dark all across the first column, below the header.
    top = round(min(w.y0 for w in numbers) * scale) - 4
    edges = [
        y for y in range(top, picture.height)
        if all(picture.dark(x, y) for x in range(left, left + 8))
    ]  # fmt: skip
    borders = [y / scale for i, y in enumerate(edges) if i == 0 or y - edges[i - 1] > 2]
    assert len(borders) >= 4, borders
    spare_lines = []
    for upper, lower in itertools.pairwise(borders):
        words = [w for w in page.words if upper < (w.y0 + w.y1) / 2 < lower]
        if not words:
            continue
        line = min(w.y1 - w.y0 for w in words)
        assert max(w.y1 for w in words) <= lower + 0.5, "a row's text is cut"
        spare_lines.append((lower - max(w.y1 for w in words)) / line)
    assert spare_lines and max(spare_lines) < 1.5, spare_lines
