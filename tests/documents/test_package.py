"""The package sent upward: names that survive email and Windows, nothing overwritten silently."""

from __future__ import annotations

import re
import zipfile

import pytest

from cchc_desktop.core.model import OfficeKind
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.documents.package import (
    TargetsExistError,
    document_stem,
    export_package,
)
from tests.documents.test_safe_write import tiny_pdf


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
            names[:-1] if names[-1].endswith(".zip") else names
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
