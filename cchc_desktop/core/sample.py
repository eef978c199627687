"""A sample commune and its plan, built through the same path as the wizard: adapt a template."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime

from cchc_desktop.core.adapt import adapt, default_signer, default_units
from cchc_desktop.core.model import (
    Office,
    OfficeKind,
    Plan,
    ResultCount,
    Signer,
    Task,
    TaskStatus,
)
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
    tasks tracked as an officer would have by early November (every step of
    ``SAMPLE_STEPS``)."""
    plan = adapt(
        template,
        office,
        SAMPLE_PERIOD,
        local_cchc_plan="Kế hoạch số 12/KH-UBND ngày 30/7/2025",
        drafted_on=date(2025, 8, 1),
    )
    return track_sample(plan)


@dataclass(frozen=True, slots=True)
class Step:
    """One save in the sample's tracker: when (local time), which task (its template key),
    and the fields it changed, as they became."""

    when: datetime
    key: str
    status: TaskStatus | None = None
    results: tuple[tuple[int, str], ...] | None = None
    evidence: str | None = None
    reason: str | None = None
    notes: str | None = None

    def apply(self, task: Task) -> None:
        if self.status is not None:
            task.status = self.status
        if self.results is not None:
            task.results = [ResultCount(count, unit) for count, unit in self.results]
        for name in ("evidence", "reason", "notes"):
            value = getattr(self, name)
            if value is not None:
                setattr(task, name, value)


# The sample's tasks, by their keys in the bundled template.
_WEBSITE = "xa-nv-tin-bai-trang-thong-tin"
_RADIO = "xa-nv-truyen-thanh"
_ONLINE = "xa-nv-huong-dan-dich-vu-cong"
_BANNERS = "xa-nv-bang-ron-khau-hieu"
_CONTEST = "xa-nv-tham-gia-cuoc-thi"
_TRAINING = "xa-nv-tap-huan"
_MEETINGS = "xa-nv-hoi-nghi-giao-ban"
_STARTED, _DONE = TaskStatus.IN_PROGRESS, TaskStatus.DONE
_WEBSITE_PAGES = "Chuyên mục «Cải cách hành chính» trên Trang thông tin điện tử xã; fanpage UBND xã"

# What the sample commune recorded, and when: from the plan's first week in August to the
# quarter III report (due 10 September), then September's and October's work entered in
# October and November. A new user's quarter IV report shows figures "trong kỳ" apart from
# "lũy kế"; the banners stay unfinished past their due date (quarter III), with the reason.
SAMPLE_STEPS = (
    Step(datetime(2025, 8, 5, 8, 30), _WEBSITE, _STARTED, ((4, "tin"), (1, "bài")),
         evidence=_WEBSITE_PAGES),
    Step(datetime(2025, 8, 5, 8, 40), _MEETINGS, _STARTED, ((2, "cuộc"),),
         evidence="Biên bản giao ban tháng 7/2025"),
    Step(datetime(2025, 8, 8, 15, 10), _RADIO, _STARTED, ((2, "buổi phát thanh"), (1, "tin")),
         evidence="Sổ nhật ký phát thanh của đài truyền thanh xã",
         notes="Phát vào 17h thứ Hai, thứ Năm"),
    Step(datetime(2025, 8, 11, 9, 0), _ONLINE, _STARTED, ((60, "lượt người"),),
         evidence="Sổ theo dõi hỗ trợ tại Trung tâm Phục vụ hành chính công"),
    Step(datetime(2025, 8, 12, 14, 0), _TRAINING, _STARTED,
         evidence="Công văn số 45/UBND-VHXH ngày 12/8/2025 cử cán bộ dự tập huấn"),
    Step(datetime(2025, 8, 14, 10, 0), _BANNERS, _STARTED, ((5, "băng rôn"),)),
    Step(datetime(2025, 8, 15, 16, 0), _CONTEST, notes="Thành phố chưa phát động cuộc thi"),
    Step(datetime(2025, 8, 22, 16, 30), _TRAINING, _DONE, ((2, "cuộc"), (6, "lượt người"))),
    Step(datetime(2025, 8, 29, 16, 0), _WEBSITE, results=((10, "tin"), (3, "bài"))),
    Step(datetime(2025, 8, 29, 16, 5), _RADIO, results=((8, "buổi phát thanh"), (5, "tin"))),
    Step(datetime(2025, 9, 3, 8, 45), _MEETINGS, results=((4, "cuộc"),),
         evidence="Biên bản giao ban tháng 7, 8/2025"),
    Step(datetime(2025, 9, 3, 9, 0), _ONLINE, results=((180, "lượt người"),)),
    Step(datetime(2025, 9, 4, 10, 30), _BANNERS, results=((8, "băng rôn"),),
         reason="Chờ bổ sung kinh phí in pano, áp phích"),
    Step(datetime(2025, 10, 2, 9, 0), _WEBSITE, results=((14, "tin"), (5, "bài"))),
    Step(datetime(2025, 10, 2, 9, 10), _RADIO, results=((16, "buổi phát thanh"), (9, "tin"))),
    Step(datetime(2025, 11, 4, 8, 30), _WEBSITE, results=((18, "tin"), (6, "bài"))),
    Step(datetime(2025, 11, 4, 8, 40), _RADIO, results=((24, "buổi phát thanh"), (12, "tin"))),
    Step(datetime(2025, 11, 4, 9, 0), _ONLINE, results=((320, "lượt người"),)),
)  # fmt: skip


def track_sample(plan: Plan) -> Plan:
    """Every step of ``SAMPLE_STEPS`` applied to the sample's tasks; others stay not started."""
    tasks = {task.key: task for task in plan.tasks if task.chosen}
    for step in SAMPLE_STEPS:
        step.apply(tasks[step.key])
    return plan


def untracked(plan: Plan) -> Plan:
    """A copy of ``plan`` whose tasks have nothing recorded yet: where the sample's tracking
    starts from."""
    fresh = copy.deepcopy(plan)
    for task in fresh.tasks:
        task.status, task.results = TaskStatus.NOT_STARTED, []
        task.evidence = task.reason = task.notes = ""
    return fresh
