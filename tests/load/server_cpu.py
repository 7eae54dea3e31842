"""CPU time used by the server under test when it runs on this machine: the processes holding
its listening socket (gunicorn's master and workers). CPU per request holds up far better
than wall times when other jobs share the cores."""

from __future__ import annotations

import os
from pathlib import Path

LISTEN = "0A"


def server_seconds(port: int) -> float | None:
    """Seconds of CPU so far of the processes listening on `port`: their own, plus workers
    already recycled (in their master's children times once reaped). None if none is local."""
    inodes = _listening(port)
    if not inodes:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total, found = 0, False
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if not any(os.readlink(fd.path) in inodes for fd in os.scandir(f"/proc/{pid}/fd")):
                continue
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found = True
        total += sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return total / tick if found else None


def _listening(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == LISTEN and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    return inodes
