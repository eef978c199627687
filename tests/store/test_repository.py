import sqlite3
import unicodedata
from datetime import date

import pytest

from cchc_desktop.core.model import (
    Basis,
    ItemKind,
    ItemRole,
    Marker,
    Office,
    OfficeKind,
    Plan,
    PlanItem,
    PlanState,
    ResultCount,
    Signer,
    Task,
    TaskStatus,
    Unit,
    walk,
)
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.errors import NotFoundError


def make_office() -> Office:
    return Office(
        kind=OfficeKind.PHUONG,
        name="Thạch Khôi",
        province="thành phố Hải Phòng",
        place_name="Thạch Khôi",
        units=[
            Unit("Phòng Văn hóa - Xã hội", "VHXH", "vhxh"),
            Unit("Ủy ban Mặt trận Tổ quốc Việt Nam phường", "MTTQ", "mttq", request=True),
        ],
        signers=[Signer("Phạm Ngọc Sơn", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])],
        recipients=["UBND thành phố (để báo cáo)", "Lưu: VT, VHXH."],
        number_suffix="KH-UBND",
        report_deadline_day=5,
        header_lines=["Ủy ban nhân dân", "phường Thạch Khôi"],
    )


def make_plan(office_id: int) -> Plan:
    return Plan(
        office_id=office_id,
        period=Period(PeriodKind.YEAR, 2026),
        summary="Tuyên truyền cải cách hành chính năm 2026",
        bases=[Basis("Căn cứ Quyết định số 37/QĐ-UBND", key="b1"), Basis("Bỏ", chosen=False)],
        preamble="Ủy ban nhân dân phường ban hành Kế hoạch, cụ thể như sau:",
        sections=[
            PlanItem(
                ItemKind.SECTION,
                "Mục đích, yêu cầu",
                [
                    PlanItem(
                        ItemKind.SUBSECTION,
                        "Mục đích",
                        [
                            PlanItem(
                                ItemKind.POINT,
                                "Điểm a",
                                [PlanItem(ItemKind.POINT, "gạch", marker=Marker.DASH)],
                                label="e)",
                            ),
                            PlanItem(ItemKind.POINT, "Điểm bỏ", chosen=False, key="k"),
                        ],
                    )
                ],
                key="muc-dich-yeu-cau",
                role=ItemRole.PURPOSES,
            ),
            PlanItem(
                ItemKind.SECTION,
                "Kinh phí",
                [PlanItem(ItemKind.POINT, "Văn xuôi\ndòng hai", marker=Marker.NONE)],
                role=ItemRole.BUDGET,
            ),
            PlanItem(
                ItemKind.SECTION,
                "Tổ chức thực hiện",
                [
                    PlanItem(
                        ItemKind.SUBSECTION,
                        "Phòng Văn hóa - Xã hội",
                        [PlanItem(ItemKind.POINT, "Tham mưu", marker=Marker.LETTER_DOT)],
                        role=ItemRole.UNIT,
                        unit_key="vhxh",
                    ),
                    PlanItem(
                        ItemKind.SUBSECTION,
                        "Phòng Kinh tế",
                        [],
                        chosen=False,
                        role=ItemRole.UNIT,
                        unit_key="kt",
                    ),
                ],
                role=ItemRole.ORGANISATION,
            ),
        ],
        appendix_title="Danh mục nhiệm vụ của phường",
        attachment_line="(Kèm theo Kế hoạch của phường)",
        tasks=[
            Task(
                title="Tuyên truyền trên trang thông tin điện tử",
                details=["Nội dung: tin, bài"],
                output="Tin, bài",
                start_text="Tháng 1/2026",
                finish_text="Thường xuyên",
                lead_unit="Phòng Văn hóa - Xã hội",
                supporting_units="Trung tâm Dịch vụ sự nghiệp công",
                status=TaskStatus.IN_PROGRESS,
                results=[ResultCount(12, "tin, bài")],
                evidence="Công văn 15/UBND-VHXH ngày 02/3/2026",
                notes="=SUM(A1)",
            ),
            Task(title="Cuộc thi", finish_text="Quý III/2026", chosen=False),
        ],
        closing="Trên đây là Kế hoạch ./.",
        signer=Signer("Phạm Ngọc Sơn", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        recipients=["Lưu: VT, VHXH."],
        number="",
        issued_on=None,
        drafted_on=date(2026, 1, 12),
        template_id="hai-phong-2025",
    )


def test_an_office_round_trips_exactly(repo):
    office = make_office()
    office_id = repo.save_office(office)
    assert repo.office(office_id) == office
    office.units.pop()
    office.name = "Thạch Khê"
    repo.save_office(office)
    assert repo.office(office_id) == office
    assert len(repo.offices()) == 1


def test_a_plan_round_trips_exactly_with_its_tree_markers_roles_and_tasks(repo):
    office_id = repo.save_office(make_office())
    plan = make_plan(office_id)
    plan_id = repo.save_plan(plan)
    assert all(t.id is not None for t in plan.tasks)
    loaded = repo.plan(plan_id)
    assert loaded == plan
    assert [i.uid for i in walk(loaded.sections)] == [i.uid for i in walk(plan.sections)]


def test_every_item_text_is_stored_precomposed(repo):
    import unicodedata

    plan = make_plan(repo.save_office(make_office()))
    for item in walk(plan.sections):
        item.text = unicodedata.normalize("NFD", item.text)
    plan.preamble = unicodedata.normalize("NFD", plan.preamble)
    repo.save_plan(plan)
    loaded = repo.plan(plan.id)
    for item in walk(loaded.sections):
        assert item.text == unicodedata.normalize("NFC", item.text)
    assert loaded.preamble == unicodedata.normalize("NFC", plan.preamble)


def test_saving_again_keeps_task_ids_and_deletes_removed_tasks(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    first_id = plan.tasks[0].id
    plan.tasks.pop(1)
    plan.tasks.append(Task(title="Mới"))
    plan.number = "05"
    plan.issued_on = date(2026, 1, 20)
    repo.save_plan(plan)
    assert plan.state is PlanState.ISSUED  # a number and a date: issued
    loaded = repo.plan(plan.id)
    assert [t.title for t in loaded.tasks] == ["Tuyên truyền trên trang thông tin điện tử", "Mới"]
    assert loaded.tasks[0].id == first_id
    assert loaded == plan


def test_due_dates_are_stored_from_the_time_words_for_queries(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    rows = repo.db.execute("SELECT start_date, due_date FROM tasks ORDER BY position").fetchall()
    assert rows == [("2026-01-01", "2026-12-31"), ("2026-07-01", "2026-09-30")]


def test_one_task_edit_is_saved_on_its_own(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    task = plan.tasks[1]
    task.status = TaskStatus.DONE
    task.results = [ResultCount(1, "cuộc")]
    repo.save_task(plan.id, task)
    assert repo.plan(plan.id).tasks[1] == task
    added = Task(title="Thêm")
    repo.save_task(plan.id, added)
    assert repo.tasks(plan.id)[-1] == added


def test_decomposed_vietnamese_is_stored_precomposed(repo):
    office = make_office()
    office.name = unicodedata.normalize("NFD", "Thạch Khôi")
    plan_text = unicodedata.normalize("NFD", "Tuyên truyền cải cách hành chính")
    office_id = repo.save_office(office)
    plan = make_plan(office_id)
    plan.summary = plan_text
    plan.tasks[0].title = plan_text
    repo.save_plan(plan)
    assert repo.office(office_id).name == unicodedata.normalize("NFC", "Thạch Khôi")
    loaded = repo.plan(plan.id)
    assert loaded.summary == loaded.tasks[0].title == unicodedata.normalize("NFC", plan_text)
    assert loaded.summary != plan_text


def test_plans_are_listed_newest_period_first_with_task_counts(repo):
    office_id = repo.save_office(make_office())
    for kind, year in (
        (PeriodKind.FIRST_HALF, 2026), (PeriodKind.SECOND_HALF, 2025),
        (PeriodKind.SECOND_HALF, 2026), (PeriodKind.YEAR, 2026),
    ):  # fmt: skip
        plan = make_plan(office_id)
        plan.period = Period(kind, year)
        plan.tasks[0].status = TaskStatus.DONE if year == 2025 else TaskStatus.NOT_STARTED
        repo.save_plan(plan)
    listed = repo.plans()
    assert [p.period.label for p in listed] == [
        "6 tháng cuối năm 2026", "năm 2026", "6 tháng đầu năm 2026", "6 tháng cuối năm 2025",
    ]  # fmt: skip
    assert (listed[-1].task_count, listed[-1].done_count) == (1, 1)
    assert (listed[0].task_count, listed[0].done_count) == (1, 0)


def test_a_failed_save_leaves_the_previous_plan_intact(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    before = repo.plan(plan.id)
    plan.summary = "Đổi"
    plan.tasks[0].id = 999_999  # a task that does not belong to the plan
    with pytest.raises(NotFoundError):
        repo.save_plan(plan)
    assert repo.plan(plan.id) == before


def test_foreign_keys_are_enforced(repo):
    with pytest.raises(sqlite3.IntegrityError):
        repo.db.execute(
            "INSERT INTO tasks (plan_id, position, title, updated_at) VALUES (42, 0, 'x', '')"
        )


def test_a_deleted_plan_goes_to_the_bin_and_comes_back_whole(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    repo.delete_plan(plan.id)
    assert repo.plans() == [] and [p.id for p in repo.plans(deleted=True)] == [plan.id]
    repo.restore_plan(plan.id)
    assert [p.id for p in repo.plans()] == [plan.id]
    assert repo.plan(plan.id) == plan


def test_purging_a_plan_removes_its_rows(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    repo.delete_plan(plan.id)
    repo.purge_plan(plan.id)
    for table in ("plans", "plan_items", "plan_bases", "tasks"):
        assert repo.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    with pytest.raises(NotFoundError, match="Không tìm thấy kế hoạch"):
        repo.plan(plan.id)


def test_recording_the_issue_touches_only_the_plans_own_fields(repo):
    """A tracker edit saved after the plan was read must survive recording its number."""
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    stale = repo.plan(plan.id)  # read before the dialog opens
    task = repo.plan(plan.id).tasks[0]
    task.status = TaskStatus.DONE
    task.notes = "đã làm trong lúc hộp thoại mở"
    repo.save_task(plan.id, task)
    issued = repo.record_issue(stale.id, "5", date(2026, 1, 20))
    assert (issued.number, issued.issued_on, issued.state) == (
        "05",
        date(2026, 1, 20),
        PlanState.ISSUED,
    )
    assert repo.plan(plan.id).tasks[0].notes == "đã làm trong lúc hộp thoại mở"
    [version] = repo.versions(plan.id)
    kept, office = repo.version_document(version)
    assert (kept.number, kept.issued_on) == ("05", date(2026, 1, 20))
    assert kept.sections == plan.sections
    assert office == repo.office(plan.office_id)


def test_a_number_without_a_date_leaves_the_plan_a_draft(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    assert repo.record_issue(plan.id, "9", None).state is PlanState.DRAFT
    assert repo.plan(plan.id).number == "09"
    assert repo.versions(plan.id) == []


def test_a_duplicate_is_a_new_plan_with_the_same_words_and_fresh_tasks(repo):
    plan = make_plan(repo.save_office(make_office()))
    plan.number, plan.issued_on = "05", date(2026, 1, 20)
    repo.save_plan(plan)
    copy_id = repo.duplicate_plan(plan.id)
    copy = repo.plan(copy_id)
    assert copy_id != plan.id and copy.uid != plan.uid
    assert (copy.number, copy.issued_on, copy.state) == ("", None, PlanState.DRAFT)
    assert copy.summary == plan.summary
    assert [i.text for i in walk(copy.sections)] == [i.text for i in walk(plan.sections)]
    assert {i.uid for i in walk(copy.sections)}.isdisjoint(i.uid for i in walk(plan.sections))
    assert [t.title for t in copy.tasks] == [t.title for t in plan.tasks]
    assert all(t.status is TaskStatus.NOT_STARTED and not t.results for t in copy.tasks)
    assert len(repo.plan(plan.id).tasks) == len(plan.tasks)  # the original keeps its tasks
