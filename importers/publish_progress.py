"""How far a batch's publish has got, for the progress page while the worker publishes.

Publishing is one transaction for the whole batch (all or nothing), so nothing it writes to the
database is visible to anyone else until it commits — nor could it be written on SQLite, whose
one write lock that transaction holds. The worker therefore reports progress in a small file
beside the uploads (MEDIA_ROOT/imports/progress/, shared by every app process as the uploads
are), replaced atomically and removed when the publish ends.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings


def _path(batch_id: int) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / "progress" / f"batch-{batch_id}.json"


def write(batch_id: int, *, percent: int, stored: int = 0) -> None:
    path = _path(batch_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"percent": max(0, min(100, percent)), "stored": stored}))
    os.replace(temporary, path)  # readers see the old figure or the new one, never half a file


def read(batch_id: int) -> dict[str, Any]:
    try:
        data = json.loads(_path(batch_id).read_text())
    except (OSError, ValueError):
        return {"percent": 0, "stored": 0}
    return data if isinstance(data, dict) else {"percent": 0, "stored": 0}


def clear(batch_id: int) -> None:
    _path(batch_id).unlink(missing_ok=True)
