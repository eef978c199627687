"""Bundled files are found from the package, never from the working directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from cchc_desktop import paths
from cchc_desktop.errors import ResourceError


def test_resources_and_forms_are_found_from_any_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert paths.resource("templates/hai-phong-2025.json").is_file()
    assert paths.form("main_window.ui").is_file()
    assert [p.name for p in paths.templates()] == ["hai-phong-2025.json"]


@pytest.mark.parametrize("name", ["../pyproject.toml", "/etc/passwd", "", "templates/../../x"])
def test_names_outside_the_resources_are_refused(name):
    with pytest.raises(ResourceError):
        paths.resource(name)


def test_a_missing_resource_says_so_in_vietnamese():
    with pytest.raises(ResourceError, match="hãy cài đặt lại"):
        paths.resource("templates/khong-co.json")


def test_a_frozen_build_looks_in_its_bundle_first(tmp_path, monkeypatch):
    (tmp_path / "resources" / "templates").mkdir(parents=True)
    (tmp_path / "resources" / "templates" / "frozen.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths._root.cache_clear()
    try:
        assert (
            paths.resource("templates/frozen.json") == tmp_path / "resources/templates/frozen.json"
        )
    finally:
        monkeypatch.undo()
        paths._root.cache_clear()


def test_a_plain_wheel_carries_resources_and_forms(tmp_path):
    """What `pip install .` installs: the data folders travel inside the package."""
    root = paths._PACKAGE.parent
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(tmp_path), str(root)],
        check=True, capture_output=True,
    )  # fmt: skip
    wheel = next(tmp_path.glob("cchc_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "cchc_desktop/resources/templates/hai-phong-2025.json",
        "cchc_desktop/resources/i18n/qtbase_vi.qm",
        "cchc_desktop/resources/help/huong-dan.html",
        "cchc_desktop/resources/help/img/cua-so-chinh.png",
        "cchc_desktop/forms/main_window.ui",
        "cchc_desktop/ui/forms/ui_main_window.py",
        "cchc_desktop/core/timewords.py",
        "cchc_desktop/documents/plan_docx.py",
        "cchc_desktop/render/paged.py",
        "cchc_desktop/ui/wizard/pages.py",
    ):
        assert expected in names, expected
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "cchc = cchc_desktop.cli:main" in text
    assert "cchc-desktop = cchc_desktop.ui.app:main" in text


def test_every_python_package_is_listed_for_the_wheel():
    """A package missing from pyproject.toml is silently left out of `pip install .`."""
    import tomllib

    root = paths._PACKAGE.parent
    listed = set(
        tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    on_disk = {
        ".".join(init.parent.relative_to(root).parts)
        for init in (root / "cchc_desktop").rglob("__init__.py")
    }
    assert on_disk <= listed, sorted(on_disk - listed)
