from cchc_desktop.core.model import PlanState
from cchc_desktop.core.period import Period, PeriodKind
from cchc_desktop.store.repository import PlanSummary
from cchc_desktop.ui.plan_list import PLAN_ID_ROLE, PlanListModel


def summary(plan_id: int, kind: PeriodKind, year: int) -> PlanSummary:
    return PlanSummary(
        plan_id, 1, f"Kế hoạch {plan_id}", Period(kind, year), PlanState.DRAFT, "", 3, 1, ""
    )


def test_the_plan_list_model_passes_qts_model_tester(qtmodeltester):
    model = PlanListModel()
    model.set_plans([summary(1, PeriodKind.YEAR, 2026), summary(2, PeriodKind.SECOND_HALF, 2025)])
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "6 tháng cuối năm 2025"
    assert model.index(1, 2).data() == "Chưa có số"
    assert model.index(0, 4).data() == "1/3"
    assert model.index(1, 0).data(PLAN_ID_ROLE) == 2
    assert model.row_of(2) == 1
