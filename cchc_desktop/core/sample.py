"""A sample commune and its plan, built through the same path as the wizard: adapt a template."""

from __future__ import annotations

from datetime import date

from cchc_desktop.core.adapt import adapt, default_signer, default_units
from cchc_desktop.core.model import Office, OfficeKind, Plan, Signer
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
    """The sample office's plan for the second half of 2025, drafted in August."""
    return adapt(
        template,
        office,
        SAMPLE_PERIOD,
        local_cchc_plan="Kế hoạch số 12/KH-UBND ngày 30/7/2025",
        drafted_on=date(2025, 8, 1),
    )
