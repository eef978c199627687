"""The plan as a .docx in the national format, with its appendix in a landscape section."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from cchc_desktop.core.model import Office, Plan
from cchc_desktop.core.outline import plan_outline
from cchc_desktop.documents import nd30
from cchc_desktop.documents.cleaning import Cleaning


def build_plan_document(plan: Plan, office: Office, clean: Cleaning | None = None) -> Document:
    """The whole plan as a python-docx Document."""
    return nd30.build_document(plan_outline(plan, office), clean)


def write_plan_docx(plan: Plan, office: Office, target: Path) -> list[str]:
    """Write the plan to ``target`` safely; returns warnings (characters removed, …)."""
    return nd30.write_docx(plan_outline(plan, office), target)


__all__ = ["build_plan_document", "write_plan_docx"]
