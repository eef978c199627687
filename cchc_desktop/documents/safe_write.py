"""Writing a file so that a failure never leaves a half-written or lost document."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from cchc_desktop.errors import ExportError


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write`` on a temporary file beside ``target``, then move it into place.

    If the move fails (on Windows: the file is open in Word or Excel), the previous file
    stays as it was and the temporary file is removed.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".~", suffix=target.suffix, dir=target.parent)
    except OSError as exc:
        raise ExportError(
            f"Không ghi được vào thư mục «{target.parent}»: {exc.strerror or exc}."
        ) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        os.replace(temp, target)
    except PermissionError as exc:
        raise ExportError(
            f"Không ghi được tệp «{target.name}»: tệp đang được mở trong một chương trình khác "
            "(Word, Excel…) hoặc không có quyền ghi. Hãy đóng tệp rồi thử lại; "
            "tệp cũ vẫn được giữ nguyên."
        ) from exc
    except OSError as exc:
        raise ExportError(f"Không ghi được tệp «{target}»: {exc.strerror or exc}.") from exc
    finally:
        temp.unlink(missing_ok=True)
    return target
