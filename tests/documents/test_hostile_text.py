"""Text no document can hold — control characters pasted from old files, the non-characters
U+FFFE/U+FFFF, half a surrogate pair — wherever it sits (the office's name, the plan's number,
a task, a result's unit) is saved, exported and reported without it, and the officer is told;
the rest of the words come through."""

from __future__ import annotations

import zipfile
from datetime import date

import docx
import openpyxl
import pytest

from cchc_desktop.core.deadlines import parse_report_period
from cchc_desktop.core.model import ResultCount
from cchc_desktop.core.report import build_report
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.text import clean, strip_control
from cchc_desktop.core.tracking import TrackedTask
from cchc_desktop.documents.package import export_package, export_report
from cchc_desktop.render.paged import write_plan_pdf
from cchc_desktop.store.repository import Repository
from cchc_desktop.store.tracking import TaskStore

HOSTILE = {
    "control": "\x00\x07\x1b",
    "nonchar": "\ufffe\uffff",
    "surrogate": "\ud800",
}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Quyết\x00 Thắng\x07", "Quyết Thắng"),
        ("a\ufffeb\uffffc", "abc"),
        ("nửa\ud83d cặp", "nửa cặp"),
        ("Tab\tvà\nxuống dòng", "Tab\tvà\nxuống dòng"),
        ("Quye\u0302\u0301t", "Quyết"),  # decomposed, as some keyboards send it
    ],
)
def test_cleaning_keeps_the_words_and_drops_what_no_document_holds(text, kept):
    assert clean(text) == kept
    assert strip_control(text) == kept or "\u0302" in text


def hostile_plan(template, bad: str):
    office = sample_office(template)
    office.name = f"Quyết{bad} Thắng"
    plan = sample_plan(template, office)
    plan.number = f"15{bad}"
    plan.summary = f"Tuyên truyền{bad} cải cách hành chính"
    task = plan.tasks[0]
    task.title = f"Đưa tin{bad}, bài"
    task.results = [ResultCount(5, f"tin{bad}")]
    task.evidence = f"Công văn{bad} số 12"
    return office, plan


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_is_saved_without_it(repo, template, kind):
    office, plan = hostile_plan(template, HOSTILE[kind])
    repo.save_office(office)
    plan.office_id = office.id
    plan_id = repo.save_plan(plan)
    stored = repo.plan(plan_id)
    assert repo.office(office.id).name == "Quyết Thắng"
    assert stored.number == "15"
    assert stored.tasks[0].results == [ResultCount(5, "tin")]
    assert stored.tasks[0].title == "Đưa tin, bài"
    task = stored.tasks[0]
    task.notes = f"Ghi chú{HOSTILE[kind]}"
    TaskStore(repo).update_task(plan_id, task)
    assert repo.tasks(plan_id)[0].notes == "Ghi chú"


def all_text_of_docx(path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs]
    return "\n".join(parts)


def all_text_of_xlsx(path) -> str:
    book = openpyxl.load_workbook(path)
    return "\n".join(
        str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row
        if cell.value is not None
    )  # fmt: skip


def assert_clean(text: str) -> None:
    assert strip_control(text) == text, [c for c in text if strip_control(c) != c][:5]


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_is_exported_without_it_and_said(qapp, tmp_path, template, kind):
    office, plan = hostile_plan(template, HOSTILE[kind])
    result = export_package(plan, office, tmp_path, pdf_writer=write_plan_pdf, make_zip=True)
    names = {p.suffix for p in result.files}
    assert names == {".docx", ".xlsx", ".pdf", ".zip"}
    text = all_text_of_docx(next(p for p in result.files if p.suffix == ".docx"))
    assert_clean(text)
    assert "XÃ QUYẾT THẮNG" in text and "Số: 15/" in text
    assert "Đưa tin, bài" in text
    sheets = all_text_of_xlsx(next(p for p in result.files if p.suffix == ".xlsx"))
    assert_clean(sheets)
    assert "Đưa tin, bài" in sheets
    with zipfile.ZipFile(next(p for p in result.files if p.suffix == ".zip")) as archive:
        assert archive.testzip() is None
    assert any("không in được" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_text_is_reported_without_it(tmp_path, template, kind):
    office, plan = hostile_plan(template, HOSTILE[kind])
    for number, task in enumerate(plan.tasks, start=1):
        task.id = number  # as read from the store
    tracked = [TrackedTask(t, None, date(2025, 12, 31), i) for i, t in enumerate(plan.tasks)]
    report = build_report(
        plan, office, tracked, parse_report_period("h2", plan.period), date(2025, 12, 20), {}
    )
    result = export_report(report, tmp_path)
    docx_path, xlsx_path = result.files
    text = all_text_of_docx(docx_path)
    assert_clean(text)
    assert "QUYẾT THẮNG" in text
    sheets = all_text_of_xlsx(xlsx_path)
    assert_clean(sheets)
    assert "tin" in sheets


def test_a_draft_of_hostile_text_is_saved_without_it(repo):
    from cchc_desktop.store.drafts import latest_draft, save_draft

    save_draft(repo.db, None, 0, {"office": {"name": "Quyết\ud800 Thắng\x00"}})
    draft = latest_draft(repo.db)
    assert draft is not None and draft.payload["office"]["name"] == "Quyết Thắng"


def test_the_store_cleans_through_one_function(repo, template):
    """No text reaches the file uncleaned: every text column of a saved plan holds only what
    ``clean`` leaves."""
    office, plan = hostile_plan(template, "\x00\ufffe")
    Repository.save_office(repo, office)
    plan.office_id = office.id
    repo.save_plan(plan)
    for table in ("offices", "plans", "tasks", "plan_items", "plan_bases", "units", "signers"):
        for row in repo.rows(f"SELECT * FROM {table}"):
            for value in row.values():
                if isinstance(value, str):
                    assert clean(value) == value, (table, value[:40])


def test_an_office_name_of_300_characters_exports_with_its_properties_cut(qapp, tmp_path, template):
    office = sample_office(template)
    office.name = " ".join(["Quyết Thắng"] * 28)[:300]
    plan = sample_plan(template, office)
    result = export_package(plan, office, tmp_path, pdf_writer=write_plan_pdf)
    document = docx.Document(str(next(p for p in result.files if p.suffix == ".docx")))
    assert len(document.core_properties.author) <= 255
    assert document.core_properties.author.endswith("…")
    assert office.name.upper()[:200] in all_text_of_docx(result.files[0]).replace("\n", " ")
    book = openpyxl.load_workbook(next(p for p in result.files if p.suffix == ".xlsx"))
    assert len(book.properties.creator) <= 255
    assert all(len(p.name) <= 100 for p in result.files)
