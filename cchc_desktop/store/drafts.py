"""The wizard's drafts: its whole state saved as the officer types, so nothing is lost."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cchc_desktop.core.cleaning import clean_data
from cchc_desktop.core.clock import Clock
from cchc_desktop.store.database import writing

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    page: int
    payload: dict[str, Any]
    updated_at: str


def save_draft(
    db: Database,
    draft_id: int | None,
    page: int,
    payload: dict[str, Any],
    clock: Clock | None = None,
) -> int:
    """Insert or replace a draft in one transaction; returns its id."""
    row = {
        "page": page,
        "payload": json.dumps(clean_data(payload), ensure_ascii=False),
        "updated_at": (clock or Clock()).stamp(),
    }
    with writing(db.conn):
        table = db.table("wizard_drafts")
        if draft_id is not None and table.count_where("id = ?", [draft_id]):
            table.update(draft_id, row)
            return draft_id
        pk = table.insert(row).last_pk
    assert isinstance(pk, int)
    return pk


def latest_draft(db: Database) -> Draft | None:
    """The draft saved last; one whose text is not JSON any more comes back empty, for the
    wizard to say so."""
    row = db.execute(
        "SELECT id, page, payload, updated_at FROM wizard_drafts "
        "ORDER BY updated_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    try:
        payload = json.loads(row[2])
    except json.JSONDecodeError:
        payload = {}
    return Draft(row[0], row[1], payload if isinstance(payload, dict) else {}, row[3])


def delete_draft(db: Database, draft_id: int) -> None:
    with writing(db.conn):
        db.execute("DELETE FROM wizard_drafts WHERE id = ?", [draft_id])
