"""A sample commune and its plan, built through the same path as the wizard: adapt a template."""

from __future__ import annotations

from datetime import date

from cchc_desktop.core.adapt import adapt, default_signer, default_units
from cchc_desktop.core.model import Office, OfficeKind, Plan, ResultCount, Signer, TaskStatus
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.core.template import Template

SAMPLE_PERIOD = Period(PeriodKind.SECOND_HALF, 2025)


def sample_office(template: Template) -> Office:
    """Xã Quyết Thắng, thành phố Hải Phòng, as in the commune plan of the seeds."""
    signer = default_signer()
    return Office(
        kind=OfficeKind.XA,
        name="Quyết Thắng",
        province="thành phố Hải Phòng",
        place_name="Quyết Thắng",
        units=default_units(template, OfficeKind.XA),
        signers=[Signer("Mai Đàm Thanh Vân", signer.authority_lines)],
        recipients=[],
        number_suffix="KH-UBND",
    )


def sample_plan(template: Template, office: Office) -> Plan:
    """The sample office's plan for the second half of 2025, drafted in August, with its
    tasks tracked as an officer would have by mid-September (see ``track_sample``)."""
    plan = adapt(
        template,
        office,
        SAMPLE_PERIOD,
        local_cchc_plan="Kế hoạch số 12/KH-UBND ngày 30/7/2025",
        drafted_on=date(2025, 8, 1),
    )
    return track_sample(plan)


# What the sample commune has recorded by mid-September 2025, per template task: status,
# results, evidence, reason (why late or not done) and notes. A new user opens a living tracker.
SAMPLE_PROGRESS: dict[str, tuple[TaskStatus, list[tuple[int, str]], str, str, str]] = {
    "xa-nv-tin-bai-trang-thong-tin": (
        TaskStatus.IN_PROGRESS, [(18, "tin"), (6, "bài")],
        "Chuyên mục «Cải cách hành chính» trên Trang thông tin điện tử xã; fanpage UBND xã",
        "", "",
    ),
    "xa-nv-truyen-thanh": (
        TaskStatus.IN_PROGRESS, [(24, "buổi phát thanh"), (12, "tin")],
        "Sổ nhật ký phát thanh của đài truyền thanh xã", "", "Phát vào 17h thứ Hai, thứ Năm",
    ),
    "xa-nv-huong-dan-dich-vu-cong": (
        TaskStatus.IN_PROGRESS, [(320, "lượt người")],
        "Sổ theo dõi hỗ trợ tại Trung tâm Phục vụ hành chính công", "", "",
    ),
    "xa-nv-bang-ron-khau-hieu": (
        TaskStatus.IN_PROGRESS, [(8, "băng rôn")], "",
        "Chờ bổ sung kinh phí in pano, áp phích", "",
    ),
    "xa-nv-tham-gia-cuoc-thi": (
        TaskStatus.NOT_STARTED, [], "", "", "Thành phố chưa phát động cuộc thi",
    ),
    "xa-nv-tap-huan": (
        TaskStatus.DONE, [(2, "cuộc"), (6, "lượt người")],
        "Công văn số 45/UBND-VHXH ngày 12/8/2025 cử cán bộ dự tập huấn", "", "",
    ),
    "xa-nv-hoi-nghi-giao-ban": (
        TaskStatus.IN_PROGRESS, [(4, "cuộc")], "Biên bản giao ban tháng 7, 8/2025", "", "",
    ),
}  # fmt: skip


def track_sample(plan: Plan) -> Plan:
    """Mark the sample's tasks as in ``SAMPLE_PROGRESS``; others stay not started."""
    for task in plan.tasks:
        progress = SAMPLE_PROGRESS.get(task.key)
        if progress is None or not task.chosen:
            continue
        status, results, evidence, reason, notes = progress
        task.status = status
        task.results = [ResultCount(count, unit) for count, unit in results]
        task.evidence, task.reason, task.notes = evidence, reason, notes
    return plan
