"""Shared fixtures: Qt offscreen, a private data folder and settings, fresh databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user's data folder or settings."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CCHC_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


@pytest.fixture
def template():
    from cchc_desktop.core.template import bundled_template

    return bundled_template()


@pytest.fixture
def sample(template):
    """The sample plan of xã Quyết Thắng and its office, built afresh for each test."""
    from cchc_desktop.core.sample import sample_office, sample_plan

    office = sample_office(template)
    office.id = 1
    return sample_plan(template, office), office


@pytest.fixture
def repo():
    from cchc_desktop.store.database import connect
    from cchc_desktop.store.repository import Repository

    db = connect(":memory:")  # as the app opens it: sqlite-utils wraps it on the first write
    yield Repository(db)
    db.close()


@pytest.fixture
def file_repo(tmp_path: Path):
    from cchc_desktop.store.database import connect
    from cchc_desktop.store.repository import Repository

    db = connect(tmp_path / "cchc.sqlite")
    yield Repository(db)
    db.close()
