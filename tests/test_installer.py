"""The Windows installer's sources: the uninstall list, the NSIS script, the version it carries.

The full build (PyInstaller, then makensis with LZMA) runs in CI after the tests; here the
script is compiled around a tiny fake bundle, which takes a second.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import build_installer  # noqa: E402
import uninstall_list  # noqa: E402

NSIS = ROOT / "installer.nsi"


def between(text: str, start: str, end: str) -> str:
    """From the first `start` to the `end` after it: one macro or function of the script."""
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "dist" / "cchc-desktop"
    (folder / "_internal" / "resources" / "templates").mkdir(parents=True)
    (folder / "cchc-desktop.exe").write_bytes(b"MZ")
    (folder / "_internal" / "resources" / "templates" / "hai-phong-2025.json").write_text("{}")
    (folder / "_internal" / "odd $name.txt").write_text("x")
    return folder


def test_the_uninstall_list_deletes_every_bundled_file_and_only_empty_folders(bundle, tmp_path):
    target = tmp_path / "uninstall_list.nsh"
    assert uninstall_list.write(bundle, target) == 3
    text = target.read_text(encoding="utf-8-sig")
    assert 'Delete "$INSTDIR\\cchc-desktop.exe"' in text
    assert 'Delete "$INSTDIR\\_internal\\resources\\templates\\hai-phong-2025.json"' in text
    assert 'Delete "$INSTDIR\\_internal\\odd $$name.txt"' in text  # NSIS's $ escaped
    folders = [line for line in text.splitlines() if line.startswith("RMDir")]
    assert folders == [
        'RMDir "$INSTDIR\\_internal\\resources\\templates"',
        'RMDir "$INSTDIR\\_internal\\resources"',
        'RMDir "$INSTDIR\\_internal"',
    ]
    assert "/r" not in text
    assert all(
        line.startswith(('Delete "$INSTDIR\\', 'RMDir "$INSTDIR\\', ";"))
        for line in text.splitlines()
    )


def test_the_installer_never_removes_the_users_data_or_whole_folders():
    text = NSIS.read_text(encoding="utf-8-sig")
    commands = [
        line.strip() for line in text.splitlines() if line.strip().startswith(("Delete ", "RMDir "))
    ]
    assert commands, "the uninstaller removes something"
    for command in commands:
        assert "/r" not in command, command
        assert "$APPDATA" not in command and "CCHC" not in command, command
        target = command.split(None, 1)[1]
        # $Previous: the folder of the install being upgraded, once its own uninstaller has
        # run there: only that uninstaller, and the folder if nothing is left in it.
        assert target.startswith(('"$INSTDIR', '"$SMPROGRAMS', '"$DESKTOP')) or target in (
            '"$Previous\\${UNINSTALLER}"',
            '"$Previous"',
        ), command


def test_the_installer_uses_one_registry_view_and_the_64_bit_program_files():
    # Shipped 32-bit, tested under Wine as amd64: the two must read and write the same keys
    # (a 32-bit installer's default view of HKLM\Software is WOW6432Node) and the same folder.
    text = NSIS.read_text(encoding="utf-8-sig")
    views = [line.split()[1] for line in text.splitlines() if line.strip().startswith("SetRegView")]
    assert views and set(views) == {"64"}
    assert "$PROGRAMFILES64" in text
    assert "$PROGRAMFILES\\" not in text and "$PROGRAMFILES32" not in text and "$SYSDIR" not in text


def test_the_wine_tests_pretence_of_an_unelevated_process_only_replaces_the_admin_check():
    text = NSIS.read_text(encoding="utf-8-sig")
    block = between(text, "!macro CHECK_ADMIN", "!macroend")
    assert text.count("TEST_UNELEVATED") == 2  # the comment above the macro, and its !ifdef
    assert "!ifdef TEST_UNELEVATED" in block
    assert "UserInfo::GetAccountType" in block
    assert "TEST_UNELEVATED" not in (ROOT / "tools" / "build_installer.py").read_text()


def test_an_elevated_installer_never_offers_to_start_the_app():
    text = NSIS.read_text(encoding="utf-8-sig")
    assert "!define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishShow\n!define MUI_FINISHPAGE_RUN" in text
    finish = between(text, "Function FinishShow", "FunctionEnd")
    assert "${If} $IsAdmin == 1" in finish
    assert "${NSD_Uncheck} $mui.FinishPage.Run" in finish
    assert "ShowWindow $mui.FinishPage.Run ${SW_HIDE}" in finish


def test_the_installer_script_is_utf8_with_bom_unicode_lzma_and_per_user():
    raw = NSIS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "Unicode true" in text
    assert "SetCompressor /SOLID lzma" in text
    assert "RequestExecutionLevel user" in text
    assert "$LOCALAPPDATA\\Programs\\${APP_ID}" in text
    assert '!define APP_NAME "Kế hoạch tuyên truyền CCHC"' in text
    assert '!insertmacro MUI_LANGUAGE "Vietnamese"' in text
    assert '!insertmacro MUI_LANGUAGE "English"' in text


def test_the_installer_version_is_the_packages_version():
    assert build_installer.version() == __version__
    assert build_installer.numeric("0.1.0rc1") == "0.1.0.0"
    assert build_installer.numeric("2") == "2.0.0.0"


makensis = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(makensis is None, reason="NSIS not installed (CI installs it)")


def compile_nsis(*defines: str) -> subprocess.CompletedProcess[str]:
    # zlib instead of solid LZMA: same script, a second instead of minutes.
    return subprocess.run(
        [makensis or "makensis", "-V2", *defines, "-XSetCompressor /FINAL zlib", str(NSIS)],
        capture_output=True,
        text=True,
        check=False,
    )


@needs_makensis
@pytest.mark.parametrize(
    "options",
    [
        pytest.param([], id="shipped: 32-bit"),
        pytest.param(["-XTarget amd64-unicode", "-DTEST_UNELEVATED"], id="Wine test: amd64"),
    ],
)
def test_the_installer_compiles_around_a_bundle(bundle, tmp_path, options):
    listing = tmp_path / "uninstall_list.nsh"
    uninstall_list.write(bundle, listing)
    out = tmp_path / "setup.exe"
    result = compile_nsis(
        *options,
        f"-DVERSION={__version__}",
        "-DVERSION_NUMERIC=0.1.0.0",
        f"-DDIST={bundle}",
        f"-DOUTFILE={out}",
        f"-DUNINSTALL_LIST={listing}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
    # The PE header names the machine: 0x14c for x86, 0x8664 for amd64.
    data = out.read_bytes()
    pe = int.from_bytes(data[0x3C:0x40], "little")
    machine = int.from_bytes(data[pe + 4 : pe + 6], "little")
    assert machine == (0x8664 if options else 0x14C)


@needs_makensis
def test_the_installer_refuses_to_compile_without_a_version(bundle, tmp_path):
    result = compile_nsis(f"-DDIST={bundle}", f"-DOUTFILE={tmp_path / 'setup.exe'}")
    assert result.returncode != 0
    assert "VERSION is not defined" in result.stdout + result.stderr
    assert not (tmp_path / "setup.exe").exists()
