"""CPU time used by the gunicorn processes serving from this checkout (same machine): CPU per
request holds up far better than wall times when other jobs share the cores."""

from __future__ import annotations

import os
from pathlib import Path


def gunicorn_seconds(root: Path) -> float | None:
    """Seconds of CPU so far: live processes' own, plus the workers already recycled (counted in
    their master's children times once reaped). None when no such server runs here."""
    tick = os.sysconf("SC_CLK_TCK")
    total, found = 0, False
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if b"gunicorn" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            if Path(f"/proc/{pid}/cwd").resolve() != root:
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found = True
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / tick if found else None
