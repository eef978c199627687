"""The app's exceptions; each carries the Vietnamese message a user is shown."""

from __future__ import annotations

from pathlib import Path


class CchcError(Exception):
    """Base of every error a user may see. ``str(error)`` is the Vietnamese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TemplateError(CchcError):
    """A template file that cannot be used; the message names the bad field."""

    def __init__(self, source: str, field: str, problem: str) -> None:
        super().__init__(f"Mẫu kế hoạch {source} không hợp lệ: trường «{field}» {problem}.")
        self.source = source
        self.field = field
        self.problem = problem


class StoreError(CchcError):
    """The database cannot be opened, read or written."""


class DatabaseTooNewError(StoreError):
    """The file was written by a newer version of the app; it is left untouched."""


class DatabaseEmptyError(StoreError):
    """The file is empty (0 bytes): nothing to open; the officer may start afresh in it."""


class NotADatabaseError(StoreError):
    """The file is not SQLite, or is another program's database; it is left untouched."""


class DatabaseDamagedError(StoreError):
    """The file is damaged or misses tables; it is left untouched (restore a backup)."""


class DatabaseLockedError(StoreError):
    """Another program holds the file; nothing was changed."""


class DatabaseReadOnlyError(StoreError):
    """The file cannot be written (its attribute, folder or medium); nothing was changed."""


class DiskFullError(StoreError):
    """No room left on the disk; nothing was changed."""


class ConflictError(StoreError):
    """What was edited has been changed elsewhere since it was read; nothing was saved."""


class NotFoundError(CchcError):
    """A plan, office or task that does not exist (any more)."""


class ResourceError(CchcError):
    """A bundled resource is missing or its name is not allowed."""


class ExportError(CchcError):
    """A document could not be written; any previous file is intact."""


class ReadOnlyTargetError(ExportError):
    """Files to be replaced are marked read-only (chỉ đọc); nothing was written. The app asks
    before replacing them, the command line wants ``--force``."""

    def __init__(self, files: list[Path]) -> None:
        names = ", ".join(f"«{p.name}»" for p in files)
        super().__init__(f"Tệp {names} đang ở chế độ chỉ đọc. Chưa ghi đè tệp nào.")
        self.files = files


class DataFormatError(CchcError):
    """Saved or received data that cannot be read; the message names the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"Dữ liệu không đọc được: trường «{field}» {problem}.")
        self.field = field
        self.problem = problem


class DocumentImportError(CchcError):
    """A file that cannot be brought in as a plan or a template (not a .docx, damaged,
    protected, too large, not a plan); nothing has been written. The command line exits 2."""


class SamePlanError(CchcError):
    """The plan brought in is in the database already (the same uid): the officer chooses to
    replace it or keep both; nothing has been written."""

    def __init__(self, plan_id: int, title: str) -> None:
        super().__init__(
            f"Kế hoạch «{title}» đã có trong dữ liệu này (kế hoạch số {plan_id}). Hãy chọn thay "
            "bằng bản trong tệp, hoặc giữ cả hai. Chưa ghi gì."
        )
        self.plan_id = plan_id
        self.title = title


class ConsolidationCancelled(CchcError):
    """The officer stopped a consolidation; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã dừng tổng hợp; chưa ghi tệp nào.")
