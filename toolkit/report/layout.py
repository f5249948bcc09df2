"""The folder of one report name::

    OUT/NAME/.lock               held while a run of NAME is going on
    OUT/NAME/.staging/RUN_ID/    a run being written (one left by a killed run is moved
                                 to _failed by the next run)
    OUT/NAME/RUN_ID/             finished runs, moved here in one rename
    OUT/NAME/_failed/RUN_ID/     failed runs, kept for inspection
    OUT/NAME/latest -> RUN_ID    the last good run (symlink), also named in latest.txt
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

from toolkit.errors import ReportInProgressError, ReportParameterError

__all__ = ["NAME_PATTERN", "STAGING", "FAILED", "LATEST", "LATEST_TXT", "report_folder", "run_lock",
           "new_run_id", "staging_folder", "promote", "keep_failed", "sweep_stale", "latest_run"]

# Report names, run ids and output names: one plain path component.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
STAGING = ".staging"
FAILED = "_failed"
LATEST = "latest"
LATEST_TXT = "latest.txt"


def report_folder(out: str | os.PathLike[str], name: str) -> Path:
    """``OUT/NAME``, created if needed; ``name`` must be a plain folder name."""
    if not NAME_PATTERN.match(name):
        raise ReportParameterError(f"report name {name!r} must be letters, digits, '_', '.' "
                                   "or '-'")
    folder = Path(out).resolve() / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def run_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder/.lock`` for the duration; fail at once when another run holds it."""
    from filelock import FileLock, Timeout

    lock = FileLock(str(folder / ".lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise ReportInProgressError(f"another run of {folder.name} is in progress",
                                    path=str(folder), hint="wait for it to finish") from None
    try:
        yield
    finally:
        lock.release()


def new_run_id(folder: Path, now: _dt.datetime) -> str:
    """``2026-11-28T081500Z``, with ``-2``, ``-3``... when that id is already used."""
    base = now.astimezone(_dt.UTC).strftime("%Y-%m-%dT%H%M%SZ")
    taken = [folder, folder / STAGING, folder / FAILED]
    run_id, n = base, 1
    while any((place / run_id).exists() for place in taken):
        n += 1
        run_id = f"{base}-{n}"
    return run_id


def staging_folder(folder: Path, run_id: str) -> Path:
    """Create and return ``.staging/RUN_ID``."""
    path = folder / STAGING / run_id
    path.mkdir(parents=True)
    return path


def promote(staging: Path, folder: Path) -> Path:
    """Move a finished staging run to ``folder/RUN_ID`` and point ``latest`` at it."""
    final = folder / staging.name
    os.rename(staging, final)
    _point_latest(folder, staging.name)
    return final


def keep_failed(staging: Path, folder: Path) -> Path:
    """Move a failed staging run to ``folder/_failed/RUN_ID``."""
    target = folder / FAILED / staging.name
    target.parent.mkdir(exist_ok=True)
    os.rename(staging, target)
    return target


def sweep_stale(folder: Path) -> list[Path]:
    """Move runs left in ``.staging`` by a killed process to ``_failed``. Call it while
    holding the lock: then no staging folder belongs to a live run."""
    staging = folder / STAGING
    leftovers = sorted(p for p in staging.iterdir() if p.is_dir()) if staging.is_dir() else []
    return [keep_failed(path, folder) for path in leftovers]


def _point_latest(folder: Path, run_id: str) -> None:
    temp_link = folder / f".{LATEST}.{run_id}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temp_link.unlink()
    try:
        temp_link.symlink_to(run_id, target_is_directory=True)
        os.replace(temp_link, folder / LATEST)
    except OSError:
        pass  # no symlinks on this file system: latest.txt is the pointer
    temp_txt = folder / f".{LATEST_TXT}.tmp"
    temp_txt.write_text(run_id + "\n", encoding="utf-8")
    os.replace(temp_txt, folder / LATEST_TXT)


def latest_run(folder: Path) -> Path | None:
    """The last good run's folder, from ``latest.txt`` (or the symlink), if it still exists."""
    try:
        run_id = (folder / LATEST_TXT).read_text(encoding="utf-8").strip()
    except OSError:
        try:
            run_id = os.readlink(folder / LATEST)
        except OSError:
            return None
    path = folder / run_id
    return path if run_id and NAME_PATTERN.match(run_id) and path.is_dir() else None
