"""The wizard's drafts: its whole state saved as the officer types, so nothing is lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from cchc_desktop.core.text import nfc


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    page: int
    payload: dict[str, Any]
    updated_at: str


def _nfc_deep(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_deep(v) for v in value]
    if isinstance(value, dict):
        return {k: _nfc_deep(v) for k, v in value.items()}
    return value


def save_draft(db: Database, draft_id: int | None, page: int, payload: dict[str, Any]) -> int:
    """Insert or replace a draft in one transaction; returns its id."""
    row = {
        "page": page,
        "payload": json.dumps(_nfc_deep(payload), ensure_ascii=False),
        "updated_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    with db.atomic():
        table = db.table("wizard_drafts")
        if draft_id is not None and table.count_where("id = ?", [draft_id]):
            table.update(draft_id, row)
            return draft_id
        pk = table.insert(row).last_pk
    assert isinstance(pk, int)
    return pk


def latest_draft(db: Database) -> Draft | None:
    row = db.execute(
        "SELECT id, page, payload, updated_at FROM wizard_drafts ORDER BY updated_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return Draft(row[0], row[1], json.loads(row[2]), row[3])


def delete_draft(db: Database, draft_id: int) -> None:
    with db.atomic():
        db.execute("DELETE FROM wizard_drafts WHERE id = ?", [draft_id])
