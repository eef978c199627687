"""The schema's steps (store/schema.py) as a sqlite-utils migration set: each step and its
record in one transaction (a step that rebuilds tables opens its own)."""

from __future__ import annotations

from sqlite_utils import Migrations

from cchc_desktop.store.schema import MIGRATION_SET, STEPS

migrations = Migrations(MIGRATION_SET)
for _step, _transactional in STEPS:
    migrations(transactional=_transactional)(_step)
