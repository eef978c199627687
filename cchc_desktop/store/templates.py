"""Templates the office brought in (from Word, or as a file from another office), kept in the
database's ``templates`` table: listed, read back, exported and imported as one .json file."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop.core.cleaning import clean_data
from cchc_desktop.core.model import new_uid
from cchc_desktop.core.template import Template, load_template, parse_template
from cchc_desktop.errors import NotFoundError, StoreError

if TYPE_CHECKING:
    from cchc_desktop.store.repository import Repository


@dataclass(frozen=True, slots=True)
class StoredTemplate:
    id: int
    uid: str
    name: str
    source: str  # where it came from: "Word: KH-362.docx", "Tệp: mau-hai-phong.json"
    created_at: str
    payload: dict[str, Any]

    def template(self) -> Template:
        return parse_template(self.payload, self.name)


def _row(r: dict[str, Any]) -> StoredTemplate:
    return StoredTemplate(
        r["id"], r["uid"], r["name"], r["source"], r["created_at"], json.loads(r["payload"])
    )


def stored_templates(repo: Repository) -> list[StoredTemplate]:
    """The office's templates, oldest first."""
    return [_row(r) for r in repo.rows("SELECT * FROM templates ORDER BY id")]


def stored_template(repo: Repository, ref: str | int) -> StoredTemplate:
    """A template by its number, its name or its template id ("hai-phong-2025")."""
    for template in stored_templates(repo):
        if str(template.id) == str(ref) or ref in (template.name, template.payload.get("id")):
            return template
    raise NotFoundError(f"Không tìm thấy mẫu kế hoạch «{ref}» (xem «cchc templates»).")


def _free_name(repo: Repository, name: str) -> str:
    taken = {t.name for t in stored_templates(repo)}
    candidate, n = name, 2
    while candidate in taken:
        candidate = f"{name} ({n})"
        n += 1
    return candidate


def save_template(repo: Repository, payload: dict[str, Any], source: str) -> StoredTemplate:
    """Validate and keep a template (one transaction); a name already taken gets a number."""
    payload = clean_data(payload)
    template = parse_template(payload, str(payload.get("name", "mẫu")))
    name = _free_name(repo, template.name)
    payload = {**payload, "name": name}
    uid = new_uid()
    with repo.transaction():
        row_id = repo._insert(
            "templates",
            {
                "uid": uid,
                "name": name,
                "payload": json.dumps(payload, ensure_ascii=False),
                "source": clean_data(source),
                "created_at": repo.clock.stamp(),
            },
        )
    return stored_template(repo, row_id)


def delete_template(repo: Repository, template_id: int) -> None:
    with repo.transaction():
        repo.db.execute("DELETE FROM templates WHERE id = ?", [template_id])


def export_template(repo: Repository, ref: str | int, target: Path) -> Path:
    """One template as a .json file to pass to another office, written beside the target and
    moved into place, so that a failure leaves any earlier file as it was."""
    template = stored_template(repo, ref)
    text = json.dumps(template.payload, ensure_ascii=False, indent=1) + "\n"
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".~", suffix=".json", dir=target.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp, target)
    except OSError as exc:
        raise StoreError(f"Không ghi được tệp «{target}»: {exc.strerror or exc}.") from exc
    return target


def import_template_file(repo: Repository, path: Path) -> StoredTemplate:
    """A template file from another office, checked, then kept."""
    load_template(path)  # raises TemplateError naming the bad field
    payload = json.loads(path.read_text(encoding="utf-8"))
    return save_template(repo, payload, f"Tệp: {path.name}")
