import sqlite3
import unicodedata
from datetime import date

import pytest

from cchc_desktop.core.model import (
    Basis,
    ItemKind,
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
    UnitDuty,
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
                            PlanItem(ItemKind.POINT, "Điểm a", [PlanItem(ItemKind.DASH, "gạch")]),
                            PlanItem(ItemKind.POINT, "Điểm bỏ", chosen=False, key="k"),
                        ],
                    )
                ],
                key="muc-dich-yeu-cau",
            ),
            PlanItem(ItemKind.SECTION, "Kinh phí", [PlanItem(ItemKind.PARAGRAPH, "Văn xuôi")]),
        ],
        duties=[
            UnitDuty("Phòng Văn hóa - Xã hội", [PlanItem(ItemKind.POINT, "Tham mưu")], "vhxh"),
            UnitDuty("Phòng Kinh tế", [], "kt", chosen=False),
        ],
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


def test_a_plan_round_trips_exactly_with_its_tree_duties_and_tasks(repo):
    office_id = repo.save_office(make_office())
    plan = make_plan(office_id)
    plan_id = repo.save_plan(plan)
    assert all(t.id is not None for t in plan.tasks)
    assert repo.plan(plan_id) == plan


def test_saving_again_keeps_task_ids_and_deletes_removed_tasks(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    first_id = plan.tasks[0].id
    plan.tasks.pop(1)
    plan.tasks.append(Task(title="Mới"))
    plan.number = "05"
    plan.issued_on = date(2026, 1, 20)
    plan.state = PlanState.ISSUED
    repo.save_plan(plan)
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
    older = make_plan(office_id)
    older.period = Period(PeriodKind.SECOND_HALF, 2025)
    repo.save_plan(older)
    newer = make_plan(office_id)
    newer.tasks[0].status = TaskStatus.DONE
    repo.save_plan(newer)
    listed = repo.plans()
    assert [p.period.label for p in listed] == ["năm 2026", "6 tháng cuối năm 2025"]
    assert (listed[0].task_count, listed[0].done_count) == (1, 1)


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


def test_deleting_a_plan_removes_its_rows(repo):
    plan = make_plan(repo.save_office(make_office()))
    repo.save_plan(plan)
    repo.delete_plan(plan.id)
    for table in ("plans", "plan_items", "plan_bases", "plan_duties", "tasks"):
        assert repo.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    with pytest.raises(NotFoundError, match="Không tìm thấy kế hoạch"):
        repo.plan(plan.id)
