"""Where the bundled resources/ and forms/ are: in a checkout, an installed wheel or a frozen build.

No Qt and no working directory: every lookup starts from this file or the frozen bundle.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path, PurePosixPath

from cchc_desktop.errors import ResourceError

_PACKAGE = Path(__file__).resolve().parent


def _candidates(folder: str) -> list[Path]:
    found = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / folder)
    found.append(_PACKAGE / folder)  # installed: carried into the package by pyproject.toml
    found.append(_PACKAGE.parent / folder)  # a checkout or an editable install
    return found


@cache
def _root(folder: str) -> Path:
    for candidate in _candidates(folder):
        if candidate.is_dir():
            return candidate
    raise ResourceError(f"Không tìm thấy thư mục «{folder}» của chương trình; hãy cài đặt lại.")


def _safe(name: str) -> PurePosixPath:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ResourceError(f"Tên tài nguyên không hợp lệ: «{name}».")
    return relative


def resource(name: str) -> Path:
    """A file under resources/, e.g. ``resource("templates/hai-phong-2025.json")``."""
    path = _root("resources").joinpath(*_safe(name).parts)
    if not path.exists():
        raise ResourceError(f"Thiếu tệp «{name}» của chương trình; hãy cài đặt lại.")
    return path


def form(name: str) -> Path:
    """A Qt Designer file under forms/, e.g. ``form("main_window.ui")``."""
    path = _root("forms").joinpath(*_safe(name).parts)
    if not path.exists():
        raise ResourceError(f"Thiếu tệp giao diện «{name}»; hãy cài đặt lại.")
    return path


def templates() -> list[Path]:
    """The bundled plan templates."""
    return sorted(_root("resources").joinpath("templates").glob("*.json"))
