"""The package sent upward: names that survive email and Windows, nothing overwritten silently,
the whole new set or the whole old one."""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile

import docx
import openpyxl
import pytest

from cchc_desktop.core.model import OfficeKind
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.documents import safe_write
from cchc_desktop.documents.package import (
    STEM_MAX,
    TargetsExistError,
    document_stem,
    export_package,
    export_report,
    package_paths,
)
from cchc_desktop.documents.safe_write import write_atomically
from cchc_desktop.errors import ExportError, ReadOnlyTargetError
from tests.documents.test_report import sample_report
from tests.documents.test_safe_write import tiny_pdf
from tests.store.saved_sample import saved_sample


def test_file_names_are_ascii_and_start_with_kh(sample):
    plan, office = sample
    assert (
        document_stem("KH", plan, office) == "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"
    )
    office.kind, office.name = OfficeKind.DAC_KHU, "Bạch Long Vĩ"
    plan.period = Period(PeriodKind.YEAR, 2026)
    assert document_stem("KH", plan, office) == "KH-tuyen-truyen-CCHC-nam-2026-dac-khu-Bach-Long-Vi"
    office.kind, office.name = OfficeKind.PHUONG, "Lê Ích Mộc"
    plan.period = Period(PeriodKind.FIRST_HALF, 2026)
    assert (
        document_stem("KH", plan, office)
        == "KH-tuyen-truyen-CCHC-6-thang-dau-2026-phuong-Le-Ich-Moc"
    )


def fake_pdf(plan, office, target):
    target.write_bytes(tiny_pdf(plan.summary))


def test_one_action_writes_docx_xlsx_pdf_and_zip(sample, tmp_path):
    plan, office = sample
    result = export_package(plan, office, tmp_path, pdf_writer=fake_pdf, make_zip=True)
    names = sorted(p.name for p in tmp_path.iterdir())
    stem = "KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Quyet-Thang"
    assert names == sorted([f"{stem}.docx", f"{stem}-phu-luc.xlsx", f"{stem}.pdf", f"{stem}.zip"])
    assert [p.name for p in result.files] == [
        f"{stem}.docx",
        f"{stem}-phu-luc.xlsx",
        f"{stem}.pdf",
        f"{stem}.zip",
    ]
    assert all(re.fullmatch(r"[A-Za-z0-9.-]+", n) for n in names)
    with zipfile.ZipFile(tmp_path / f"{stem}.zip") as archive:
        assert sorted(archive.namelist()) == sorted(
            [*(n for n in names if not n.endswith(".zip")), "du-lieu-ke-hoach.json"]
        )


def test_existing_files_are_never_overwritten_silently(sample, tmp_path):
    plan, office = sample
    export_package(plan, office, tmp_path, pdf_writer=fake_pdf)
    docx_file = next(tmp_path.glob("*.docx"))
    before = docx_file.read_bytes()
    plan.summary = "Đã sửa"
    with pytest.raises(TargetsExistError, match="Chưa ghi đè tệp nào") as caught:
        export_package(plan, office, tmp_path, pdf_writer=fake_pdf)
    assert len(caught.value.existing) == 3
    assert docx_file.read_bytes() == before
    export_package(plan, office, tmp_path, pdf_writer=fake_pdf, overwrite=True)
    assert docx_file.read_bytes() != before


LONG_WORDS = "Trung tâm Phục vụ hành chính công và Chuyển đổi số liên xã vùng biên giới "


@pytest.mark.parametrize("length", [200, 300, 1000])
def test_a_very_long_office_name_is_cut_at_a_word_and_tagged(sample, tmp_path, length):
    """200 characters made names LibreOffice could not open, 300 names past the 255 bytes a
    file system allows."""
    plan, office = sample
    office.name = (LONG_WORDS * 20)[:length]
    stem = document_stem("KH", plan, office)
    assert len(stem) <= STEM_MAX
    assert stem.startswith("KH-tuyen-truyen-CCHC-6-thang-cuoi-2025-xa-Trung-tam-Phuc-vu-")
    assert re.fullmatch(r".*[a-z]-[0-9a-f]{8}", stem)  # cut after a whole word, then a tag
    assert all(len(p.name) <= 100 for p in package_paths(plan, office, tmp_path).files)
    office.name = office.name[:-1] + "X"
    assert document_stem("KH", plan, office) != stem  # two long names, two file names


def test_the_shortened_names_are_saved_and_open_again(sample, tmp_path):
    plan, office = sample
    office.name = (LONG_WORDS * 3)[:200]
    result = export_package(plan, office, tmp_path, pdf_writer=fake_pdf, make_zip=True)
    assert all(len(p.name) <= 100 for p in result.files)
    assert result.files[1].name == f"{document_stem('KH', plan, office)}-phu-luc.xlsx"
    docx.Document(str(result.files[0]))
    openpyxl.load_workbook(result.files[1], read_only=True).close()


def test_a_long_name_of_one_word_is_cut_within_it(sample):
    plan, office = sample
    office.name = "A" * 300
    stem = document_stem("KH", plan, office)
    assert len(stem) == STEM_MAX and "-AAAA" in stem


def old_package(plan, office, folder):
    plan.summary = "Bản cũ"
    files = export_package(plan, office, folder, pdf_writer=fake_pdf).files
    plan.summary = "Bản mới"
    return {p: p.read_bytes() for p in files}


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(("~", "."))]


def test_a_full_disk_at_the_third_file_leaves_the_old_package_untouched(sample, tmp_path):
    plan, office = sample
    before = old_package(plan, office, tmp_path)

    def pdf_on_full_disk(plan, office, target):
        def write(temp):
            temp.write_bytes(b"%PDF-1.4\n")
            raise OSError(errno.ENOSPC, "No space left on device")

        write_atomically(target, write)

    with pytest.raises(ExportError, match="Ổ đĩa đã đầy"):
        export_package(plan, office, tmp_path, pdf_writer=pdf_on_full_disk, overwrite=True)
    assert {p: p.read_bytes() for p in before} == before
    assert leftovers(tmp_path) == []


def test_a_pdf_cut_short_without_an_error_leaves_the_old_package_untouched(sample, tmp_path):
    plan, office = sample
    before = old_package(plan, office, tmp_path)

    def half_pdf(plan, office, target):
        target.write_bytes(tiny_pdf()[:100])

    with pytest.raises(ExportError, match="ghi ra không trọn vẹn"):
        export_package(plan, office, tmp_path, pdf_writer=half_pdf, overwrite=True)
    assert {p: p.read_bytes() for p in before} == before
    assert leftovers(tmp_path) == []


def test_a_file_that_cannot_be_replaced_puts_back_the_ones_already_replaced(
    sample, tmp_path, monkeypatch
):
    plan, office = sample
    before = old_package(plan, office, tmp_path)
    pdf = package_paths(plan, office, tmp_path).pdf
    real = os.replace

    def pdf_open_elsewhere(src, dst):
        if os.fspath(src) == os.fspath(pdf):
            raise PermissionError(errno.EACCES, "Access is denied")
        real(src, dst)

    monkeypatch.setattr(safe_write.os, "replace", pdf_open_elsewhere)
    with pytest.raises(ExportError, match=r"Không thay được tệp «.*\.pdf»"):
        export_package(plan, office, tmp_path, pdf_writer=fake_pdf, overwrite=True)
    monkeypatch.undo()
    assert {p: p.read_bytes() for p in before} == before
    assert leftovers(tmp_path) == []


def test_a_report_is_written_both_files_or_neither(template, tmp_path, monkeypatch):
    report = sample_report(saved_sample(template))
    old = export_report(report, tmp_path).files
    before = {p: p.read_bytes() for p in old}
    monkeypatch.setattr(
        "cchc_desktop.documents.report_xlsx.write_atomically",
        lambda target, write: write_atomically(target, lambda t: t.write_bytes(b"PK")),
    )
    with pytest.raises(ExportError, match=r"ket-qua\.xlsx» ghi ra không trọn vẹn"):
        export_report(report, tmp_path, overwrite=True)
    assert {p: p.read_bytes() for p in old} == before
    assert leftovers(tmp_path) == []


def test_exported_files_get_a_document_s_permissions(sample, tmp_path):
    plan, office = sample
    mask = os.umask(0o022)
    try:
        files = export_package(plan, office, tmp_path, pdf_writer=fake_pdf, make_zip=True).files
    finally:
        os.umask(mask)
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in files} == {"0o644"}


def test_a_read_only_file_of_the_package_is_asked_about_before_it_is_replaced(sample, tmp_path):
    plan, office = sample
    before = old_package(plan, office, tmp_path)
    docx_path = package_paths(plan, office, tmp_path).docx
    docx_path.chmod(0o444)
    for overwrite in (False, True):
        with pytest.raises(ReadOnlyTargetError) as caught:
            export_package(plan, office, tmp_path, pdf_writer=fake_pdf, overwrite=overwrite)
        assert caught.value.files == [docx_path]
    assert {p: p.read_bytes() for p in before} == before
    export_package(
        plan, office, tmp_path, pdf_writer=fake_pdf, overwrite=True, replace_read_only=True
    )
    assert docx_path.read_bytes() != before[docx_path]
    assert "Bản mới" in "".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
