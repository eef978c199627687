"""How long exporting the sample plan takes: each document and the whole package.

    python benchmarks/export.py

Prints one figure per line (median of several runs, seconds). Target: the whole package
(docx + xlsx + pdf) well under a second.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template

RUNS = 7


def median_seconds(action, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    first = time.perf_counter()
    from cchc_desktop.documents.appendix_xlsx import write_appendix_xlsx
    from cchc_desktop.documents.package import export_package
    from cchc_desktop.documents.plan_docx import write_plan_docx
    from cchc_desktop.render.paged import ensure_gui, write_plan_pdf
    from cchc_desktop.render.pdf_process import start_plan_pdf

    ensure_gui()
    imports = time.perf_counter() - first
    template = bundled_template()
    office = sample_office(template)
    plan = sample_plan(template, office)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"import_exporters_s: {imports:.3f}")
        print(
            f"docx_s: {median_seconds(lambda: write_plan_docx(plan, office, folder / 'a.docx')):.3f}"
        )
        print(
            f"xlsx_s: {median_seconds(lambda: write_appendix_xlsx(plan, office, folder / 'a.xlsx')):.3f}"
        )
        print(
            f"pdf_s: {median_seconds(lambda: write_plan_pdf(plan, office, folder / 'a.pdf')):.3f}"
        )
        package = median_seconds(
            lambda: export_package(plan, office, folder, pdf_writer=start_plan_pdf, overwrite=True)
        )
        print(f"package_s: {package:.3f}")


if __name__ == "__main__":
    main()
