"""How long importing a plan from Word takes: a 20-page plan with a 30-row appendix, read,
parsed and saved into a new database.

    python benchmarks/import_docx.py [--pages]

Prints ``import_20p_s`` (the first import in this process: the reader's and the store's own
imports included, as an officer's first import pays them), then the median of later runs, and
the document's size. ``--pages`` also counts its pages with LibreOffice. Target: under 1 s.
"""

from __future__ import annotations

import copy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.core.model import ItemRole, find_role, walk
from cchc_desktop.core.sample import sample_office, sample_plan
from cchc_desktop.core.template import bundled_template

RUNS = 7
TASKS = 30
TARGET_WORDS = 7600  # about 20 pages of 14 pt text on A4 with the decree's margins


def big_plan():
    """The sample plan, its content and forms repeated until the text is about 20 pages, and
    30 tasks in its appendix."""
    template = bundled_template()
    office = sample_office(template)
    plan = sample_plan(template, office)
    content = find_role(plan.sections, ItemRole.CONTENT)
    assert content is not None
    originals = [c for c in content.children if c.chosen]

    def words() -> int:
        return sum(len(i.text.split()) for i in walk(plan.sections) if i.chosen)

    while words() < TARGET_WORDS:
        for item in originals:
            content.children.append(copy.deepcopy(item))
    chosen = plan.chosen_tasks
    plan.tasks = []
    for n in range(TASKS):
        task = copy.deepcopy(chosen[n % len(chosen)])
        task.title = f"{task.title} (đợt {n // len(chosen) + 1})"
        plan.tasks.append(task)
    return plan, office, words()


def main() -> None:
    from cchc_desktop.documents.plan_docx import write_plan_docx

    plan, office, word_count = big_plan()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "KH-20-trang.docx"
        write_plan_docx(plan, office, source)

        def run(n: int) -> float:
            start = time.perf_counter()
            from cchc_desktop.documents.word_import import import_plan
            from cchc_desktop.store.database import open_database
            from cchc_desktop.store.repository import Repository

            repo = Repository(open_database(folder / f"cchc-{n}.sqlite"))
            imported = import_plan(source, repo)
            elapsed = time.perf_counter() - start
            assert len(imported.plan.tasks) == TASKS
            repo.close()
            return elapsed

        first = run(0)
        later = statistics.median(run(n) for n in range(1, RUNS + 1))
        print(f"import_20p_s: {first:.3f}")
        print(f"import_20p_warm_s: {later:.3f}")
        print(f"words: {word_count}")
        print(f"tasks: {TASKS}")
        if "--pages" in sys.argv and shutil.which("soffice"):
            subprocess.run(
                ["soffice", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                 "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                capture_output=True, timeout=300, check=False,
            )  # fmt: skip
            info = subprocess.run(
                ["pdfinfo", str(source.with_suffix(".pdf"))], capture_output=True, text=True
            ).stdout
            pages = next(
                (line.split()[-1] for line in info.splitlines() if line.startswith("Pages")), "?"
            )
            print(f"pages: {pages}")


if __name__ == "__main__":
    main()
