"""How long consolidating the packages of many offices takes, and the memory it needs:
114 packages (the communes, wards and special zones of Hải Phòng) and 3,321 (every
commune-level unit in the country), each the sample plan of an office of its own with its own
progress, with the list of expected offices (five of which send nothing).

    python benchmarks/consolidate.py

Prints one figure per line. Each consolidation runs in a process of its own, so that its peak
resident memory is its own. The packages are generated once (the JSON alone in each .zip, as a
package holds it beside its documents) and cached in the temporary folder. Targets: 114 in
under 5 s, 3,321 in under 60 s, memory bounded (not growing with the number of packages).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

CACHE = Path(tempfile.gettempdir()) / "cchc-bench-consolidate-v1"
COUNTS = (114, 3321)
MISSING = 5  # offices on the expected list that send nothing
AS_OF = date(2025, 10, 15)
PROVINCES = [f"tỉnh Số {n}" for n in range(1, 34)] + ["thành phố Hải Phòng"]
KINDS = ("xã", "phường", "đặc khu")


def generate(folder: Path, count: int) -> list[Path]:
    """``count`` packages of offices named "xã Thử Nghiệm 1" …, with the expected list."""
    from cchc_desktop.core import interchange
    from cchc_desktop.core.interchange import PlanData
    from cchc_desktop.core.model import new_uid
    from cchc_desktop.core.sample import sample_office, sample_plan
    from cchc_desktop.core.template import bundled_template
    from cchc_desktop.documents.plan_package import DATA_MEMBER

    done = folder / "xong.txt"
    files = sorted(folder.glob("*.zip"))
    if done.exists() and len(files) == count:
        return files
    folder.mkdir(parents=True, exist_ok=True)
    template = bundled_template()
    office = sample_office(template)
    base = interchange.to_document(
        PlanData(sample_plan(template, office), office, {}, "2025-10-01T02:00:00+00:00", "bench")
    )
    statuses = ("not_started", "in_progress", "done", "dropped")
    rng = random.Random(15)
    names = []
    for n in range(1, count + 1):
        province = "thành phố Hải Phòng" if count <= 114 else PROVINCES[n % len(PROVINCES)]
        kind = KINDS[n % len(KINDS)]
        name = f"Thử Nghiệm {n}"
        document = dict(base)
        document["exported_at"] = f"2025-10-{1 + n % 14:02d}T02:00:00+00:00"
        document["office"] = base["office"] | {
            "kind": kind, "name": name, "province": province, "uid": new_uid(),
        }  # fmt: skip
        tasks = []
        for task in base["plan"]["tasks"]:
            status = rng.choice(statuses)
            results = [{"count": rng.randint(1, 40), "unit": u} for u in ("tin", "bài")]
            tasks.append(
                task | {"uid": new_uid(), "status": status,
                        "results": results if status in ("in_progress", "done") else []}
            )  # fmt: skip
        document["plan"] = base["plan"] | {"uid": new_uid(), "tasks": tasks}
        target = folder / f"KH-{n:04d}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DATA_MEMBER, json.dumps(document, ensure_ascii=False))
        names.append(f"{kind} {name}, {province}")
    names += [f"xã Chưa Gửi {n}, thành phố Hải Phòng" for n in range(MISSING)]
    (folder / "danh-sach.txt").write_text("\n".join(names), encoding="utf-8")
    done.write_text("ok", encoding="utf-8")
    return sorted(folder.glob("*.zip"))


def run_one(folder: Path) -> None:
    """In the child: one consolidation of ``folder``, its time and this process's peak memory."""
    from cchc_desktop.documents.consolidate import consolidate

    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        result = consolidate(
            [folder], Path(out) / "tong-hop.xlsx", as_of=AS_OF,
            expected=folder / "danh-sach.txt",
        )  # fmt: skip
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"s": seconds, "peak_mb": peak_mb, "offices": len(result.whole.counted),
                      "tasks": result.whole.counts.total}))  # fmt: skip


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--run":
        run_one(Path(sys.argv[2]))
        return
    for count in COUNTS:
        start = time.perf_counter()
        folder = CACHE / str(count)
        generate(folder, count)
        made = time.perf_counter() - start
        child = subprocess.run(
            [sys.executable, __file__, "--run", str(folder)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"packages_{count}_ready_s: {made:.2f}")
        print(f"consolidate_{count}_s: {figures['s']:.2f}")
        print(f"consolidate_{count}_peak_mb: {figures['peak_mb']:.0f}")
        print(f"consolidate_{count}_tasks: {figures['tasks']}")


if __name__ == "__main__":
    main()
