"""Build the Windows installer: the PyInstaller folder, a start-up check of it, the uninstall
list, then NSIS. On Windows this gives the installer users run; on Linux (CI) it proves both
halves around the Linux bundle.

    python tools/build_installer.py                 # dist/cchc-desktop/ and dist/cchc-desktop-<version>-setup.exe
    python tools/build_installer.py --bundle-only   # stop after the checked bundle
    python tools/build_installer.py --no-bundle     # reuse dist/cchc-desktop/, run NSIS only

Needs `pip install . pyinstaller` and NSIS 3 (makensis on PATH, or in Program Files on
Windows). The version is read from pyproject.toml (here: cchc_desktop.__version__), never
typed by hand. Exits non-zero when any step fails.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from uninstall_list import write as write_uninstall_list  # noqa: E402

SPEC = ROOT / "cchc-desktop.spec"
NSIS_SCRIPT = ROOT / "installer.nsi"
APP = "cchc-desktop"
WINDOWS = sys.platform == "win32"


def version() -> str:
    """The version pyproject.toml declares: literal, or the attribute it points to (read with
    ast, so the package need not be importable)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if "version" in project["project"]:
        return str(project["project"]["version"])
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    source = ROOT / Path(*module.split("."))
    path = source / "__init__.py" if source.is_dir() else source.with_suffix(".py")
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return str(ast.literal_eval(node.value))
    raise SystemExit(f"no {name} in {path}")


def numeric(text: str) -> str:
    """Windows' four-number form of a version: 0.1.0rc1 -> 0.1.0.0."""
    numbers = [int(n) for n in re.findall(r"\d+", text)[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0][:4])


def size_mb(path: Path) -> float:
    """Megabytes on disk (a symlink, which PyInstaller makes on Linux only, counts nothing)."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if not p.is_symlink()]
    return sum(p.stat().st_size for p in files if p.is_file()) / 1_000_000


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def run(command: list[str]) -> None:
    """Run from the repository's root; stop the build when the command fails."""
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(command, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {command[0]}")


def build_bundle(dist: Path, work: Path) -> None:
    step("PyInstaller: one-folder bundle")
    run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist.parent), "--workpath", str(work), str(SPEC)]
    )  # fmt: skip


# Data the app reads only on first use, which --smoke does not reach (an export): present or not.
MUST_HAVE = (
    "resources/templates/hai-phong-2025.json",
    "resources/i18n/qtbase_vi.qm",
    "resources/help/huong-dan.html",
    "resources/help/img/cua-so-chinh.png",
    "forms/main_window.ui",
    "docx/templates/default.docx",
)
MUST_NOT_HAVE = ("opengl32sw.dll", "Qt6Network.dll", "libQt6Network.so.6", "qtbase_en.qm")


def check_bundle(bundle: Path) -> None:
    step("bundle contents")
    internal = bundle / "_internal"
    missing = [name for name in MUST_HAVE if not (internal / name).is_file()]
    names = {p.name for p in internal.rglob("*")}
    unwanted = [name for name in MUST_NOT_HAVE if name in names]
    if missing or unwanted:
        raise SystemExit(f"bundle: missing {missing}, should not contain {unwanted}")
    print(f"ok: {len(MUST_HAVE)} data files present, none of {len(MUST_NOT_HAVE)} unwanted ones")


def smoke(bundle: Path) -> None:
    """The frozen app starts, shows the sample plan and paints, offscreen."""
    step("the frozen app starts (--smoke)")
    exe = bundle / (APP + (".exe" if WINDOWS else ""))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # A windowed Windows exe has no console: --smoke writes its error here instead.
    log = Path(tempfile.gettempdir()) / "cchc-desktop-smoke.log"
    log.unlink(missing_ok=True)
    print(f"$ {exe} --smoke", flush=True)
    began = time.perf_counter()
    result = subprocess.run([str(exe), "--smoke"], env=env, timeout=120, check=False)
    if result.returncode != 0:
        if log.exists():
            print(log.read_text(encoding="utf-8"), file=sys.stderr)
        raise SystemExit(f"the frozen app failed to start ({result.returncode})")
    print(f"smoke: ok in {time.perf_counter() - began:.2f} s")


def makensis() -> str:
    found = shutil.which("makensis")
    if found:
        return found
    for folder in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if folder and (Path(folder) / "NSIS" / "makensis.exe").exists():
            return str(Path(folder) / "NSIS" / "makensis.exe")
    raise SystemExit(
        "makensis not found: install NSIS 3 (Windows: nsis.sourceforge.io; Debian: apt-get install nsis)"
    )


def build_installer(bundle: Path, out: Path, listing: Path, app_version: str) -> None:
    step("uninstall list")
    count = write_uninstall_list(bundle, listing)
    print(f"{listing.relative_to(ROOT)}: {count} files")
    step("NSIS installer")
    flag = "/" if WINDOWS else "-"  # makensis on Linux takes -D…, on Windows /D…
    defines = {
        "VERSION": app_version,
        "VERSION_NUMERIC": numeric(app_version),
        "DIST": str(bundle),
        "OUTFILE": str(out),
        "UNINSTALL_LIST": str(listing),
        "EXE": APP + (".exe" if WINDOWS else ""),  # the Linux bundle's program has no .exe
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    command = [makensis(), f"{flag}V2"] + [f"{flag}D{k}={v}" for k, v in defines.items()]
    run([*command, str(NSIS_SCRIPT)])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--bundle-only", action="store_true", help="stop after the bundle")
    parser.add_argument("--no-bundle", action="store_true", help="reuse the existing bundle")
    parser.add_argument("--no-smoke", action="store_true", help="skip the start-up check")
    args = parser.parse_args()
    dist = args.dist.resolve()
    bundle = dist / APP
    app_version = version()
    out = dist / f"{APP}-{app_version}-setup.exe"
    print(f"{APP} {app_version}, Python {sys.version.split()[0]} on {sys.platform}")

    if not args.no_bundle:
        build_bundle(bundle, ROOT / "build" / "pyinstaller")
    if not bundle.is_dir():
        raise SystemExit(f"{bundle}: no bundle; run without --no-bundle")
    check_bundle(bundle)
    if not args.no_smoke:
        smoke(bundle)
    if not args.bundle_only:
        build_installer(bundle, out, ROOT / "build" / "uninstall_list.nsh", app_version)

    step("sizes")
    print(f"bundle_mb: {size_mb(bundle):.1f}  ({bundle})")
    if not args.bundle_only:
        print(f"installer_mb: {size_mb(out):.1f}  ({out})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
