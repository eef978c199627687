"""The consolidation on paper, as LibreOffice prints it: the draft report in the national
format, and every page of the workbook A4 landscape with its column headings."""

from __future__ import annotations

import pytest

from cchc_desktop.documents.consolidate import consolidate
from tests.documents.nd30_checks import check_plan_paper
from tests.documents.paper import libreoffice_pdf, read_pdf
from tests.exchange.conftest import AS_OF, department, minimal_package, plan_for, ward


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nhan")
    for n in range(12):  # enough tasks for the task sheet to run over several pages
        office = ward(f"Số {n + 1}")
        minimal_package(folder, plan_for(office), office)
    agency = department()
    minimal_package(folder, plan_for(agency), agency)
    result = consolidate([folder], folder.parent / "th.xlsx", as_of=AS_OF, signer="Trần Văn Bình")
    out = tmp_path_factory.mktemp("lo")
    workbook = read_pdf(libreoffice_pdf(result.files[0], out / "x"), text_area_only=False)
    report = read_pdf(libreoffice_pdf(result.files[1], out / "d"))
    return workbook, report


def test_libreoffice_prints_the_draft_report_as_the_decree_wants(printed):
    _, report = printed
    check_plan_paper(report, place="Hải Phòng", issuer_first="SỞ NỘI VỤ",
                     authority=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"])  # fmt: skip


def test_every_page_of_the_workbook_is_a4_landscape_with_its_headings(printed):
    workbook, _ = printed
    tasks = [p for p in workbook if p.find("Trạng thái")]
    assert len(tasks) >= 2, "the task sheet runs over pages, its heading row on each"
    for page in workbook:
        assert page.is_a4 and page.landscape
    assert workbook[0].find("TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH")
