"""The sample plan and its documents, built once for the document tests."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template


@pytest.fixture(scope="module")
def sample_docx(tmp_path_factory):
    from cchc_desktop.documents.plan_docx import write_plan_docx

    template = bundled_template()
    office = sample_office(template)
    plan = sample_plan(template, office)
    target = tmp_path_factory.mktemp("docx") / "KH-mau.docx"
    assert write_plan_docx(plan, office, target) == []
    return target, plan, office


@pytest.fixture(scope="module")
def sample_xlsx(tmp_path_factory):
    from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx

    template = bundled_template()
    office = sample_office(template)
    plan = sample_plan(template, office)
    plan.chosen_tasks[-1].notes = "=SUM(A1:A9)"
    plan.chosen_tasks[-1].evidence = "+84 912 345 678"
    target = tmp_path_factory.mktemp("xlsx") / "KH-mau-phu-luc.xlsx"
    write_appendix_xlsx(plan, office, target, today=date(2025, 10, 1))
    return target, plan, office
