"""The progress report (báo cáo kết quả) as a .docx in the national format, from its outline."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document

from cchc_desktop.core.report import Report, report_outline
from cchc_desktop.documents import nd30
from cchc_desktop.documents.cleaning import Cleaning


def build_report_document(
    report: Report, clean: Cleaning | None = None, *, figures: bool = True
) -> Document:
    """The whole report as a python-docx Document."""
    return nd30.build_document(report_outline(report, figures=figures), clean)


def write_report_docx(report: Report, target: Path, *, figures: bool = True) -> list[str]:
    """Write the report to ``target`` safely; returns warnings (characters removed, …)."""
    return nd30.write_docx(report_outline(report, figures=figures), target)


__all__ = ["build_report_document", "write_report_docx"]
