"""The seeds' plans as Word files, written once per module."""

from __future__ import annotations

import pytest

from tests.importing.seeds import APPENDIX_003, seed_002, seed_003, write_plan, write_seed_000
from tests.importing.wordgen import SEEDS

# Without the seeds (shared/seeds beside the checkout) only what needs none is collected.
if not SEEDS.is_dir():
    collect_ignore = [
        "test_plan_import.py", "test_round_trip.py", "test_template_import.py",
        "test_bad_input.py", "test_cli_import.py",
    ]  # fmt: skip


@pytest.fixture(scope="session")
def word_files(tmp_path_factory):
    """name → path of each clerk-style document the import tests read."""
    folder = tmp_path_factory.mktemp("word")
    return {
        "002-paragraphs": write_plan(
            seed_002(), folder / "002-paragraphs.docx", header="paragraphs", signature="tabs"
        ),
        "002-auto": write_plan(seed_002(), folder / "002-auto.docx", numbering="auto"),
        "002-tcvn3": write_plan(seed_002(), folder / "002-tcvn3.docx", tcvn3_from="IV."),
        "003-typed": write_plan(seed_003(), folder / "003-typed.docx", appendix=APPENDIX_003),
        "003-auto": write_plan(
            seed_003(), folder / "003-auto.docx", numbering="auto", appendix=APPENDIX_003
        ),
        "000": write_seed_000(folder / "000.docx"),
    }
