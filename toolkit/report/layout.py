"""The folder of one report name::

    OUT/NAME/.lock               exists while a run of NAME is going on: locked, and naming
                                 the run's process (pid, host, start); removed at the end
    OUT/NAME/.staging/RUN_ID/    a run being written (one left by a killed run is moved
                                 to _failed by the next run); .staging goes when empty
    OUT/NAME/RUN_ID/             finished runs, moved here in one rename
    OUT/NAME/_failed/RUN_ID/     failed runs, kept for inspection until pruned
    OUT/NAME/latest -> RUN_ID    the last good run (symlink), also named in latest.txt

A run that is killed leaves its ``.lock`` behind, but not the lock on it (the operating system
drops a dead process's locks): the next run takes it over and reports whose it was
(:class:`StaleLock`). :func:`prune_runs` keeps the last N good runs, :func:`prune_failed`
removes the failed ones.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import errno
import json
import os
import re
import shutil
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.errors import ReportInProgressError, ReportParameterError, ReportWriteError

__all__ = ["NAME_PATTERN", "NAME_MAX", "check_name", "write_error", "STAGING", "FAILED", "LATEST", "LATEST_TXT", "LOCK", "StaleLock",
           "report_folder", "run_lock", "new_run_id", "staging_folder", "promote", "keep_failed",
           "sweep_stale", "latest_run", "good_runs", "prune_runs", "prune_failed",
           "process_alive"]

# Report names, run ids and output names: one plain path component.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
STAGING = ".staging"
FAILED = "_failed"
LATEST = "latest"
LATEST_TXT = "latest.txt"
LOCK = ".lock"
# The longest file name (in bytes) the common file systems take; a report name is one.
NAME_MAX = 255
_RUN_ID = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{6}Z)(?:-(\d+))?$")


@dataclass(frozen=True)
class StaleLock:
    """The lock record a killed run left behind: its process id, host and start time."""

    pid: int | None
    host: str | None
    started_at: str | None
    alive: bool | None

    def describe(self) -> str:
        """``stale lock of pid 4242 on host, started 2026-11-28T081500Z (no longer running)``."""
        if self.pid is None:
            return "stale lock file that names no process"
        where = f" on {self.host}" if self.host else ""
        when = f", started {self.started_at}" if self.started_at else ""
        state = {True: "running, but no longer holding the lock", False: "no longer running",
                 None: "on another host"}[self.alive]
        return f"stale lock of pid {self.pid}{where}{when} ({state})"


def check_name(name: str, out: str | os.PathLike[str] | None = None) -> str:
    """Raise :class:`~toolkit.errors.ReportParameterError` unless ``name`` can be the folder
    of a report: letters, digits, '_', '.' or '-', and no longer than the file system takes
    (:data:`NAME_MAX` bytes, or less where ``out`` is on a file system with shorter names)."""
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise ReportParameterError(f"report name {name!r} must be letters, digits, '_', '.' "
                                   "or '-'")
    limit = min(NAME_MAX, _name_max(out)) if out is not None else NAME_MAX
    if len(name.encode("utf-8")) > limit:
        raise ReportParameterError(f"report name {name[:40]}... is {len(name)} characters long; "
                                   f"the file system takes at most {limit}",
                                   hint="give --name a shorter name")
    return name


def _name_max(out: str | os.PathLike[str]) -> int:
    """The file system's longest file name under ``out`` (or its nearest existing parent)."""
    place = Path(out).absolute()
    while not place.exists() and place != place.parent:
        place = place.parent
    try:
        return os.pathconf(place, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return NAME_MAX


def write_error(exc: OSError, folder: str | os.PathLike[str], *,
                note: str | None = None) -> ReportWriteError:
    """The one-line error for a failed write under the report folder ``folder``; ``note``
    (what became of the run) ends the hint."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        message = "disk full while writing the report"
        hint = "free space on that disk or give --out a folder on another disk, then run again"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = "the reports folder is not writable"
        hint = "make it writable or give --out a writable folder"
    else:
        message = f"cannot write the report: {exc.strerror or type(exc).__name__}"
        hint = "check the folder and the disk, or give --out another folder"
    return ReportWriteError(message, path=os.fspath(folder),
                            hint=f"{hint}; {note}" if note else hint)


def report_folder(out: str | os.PathLike[str], name: str) -> Path:
    """``OUT/NAME``, created if needed; ``name`` must be a plain folder name (see
    :func:`check_name`). A folder that cannot be created raises
    :class:`~toolkit.errors.ReportWriteError`."""
    check_name(name, out)
    folder = Path(out).resolve() / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise write_error(exc, Path(out).resolve()) from exc
    return folder


@contextlib.contextmanager
def run_lock(folder: Path, *, started_at: str | None = None) -> Iterator[StaleLock | None]:
    """Hold ``folder/.lock`` for the duration; fail at once when another run holds it.

    The lock file records this process (pid, host, ``started_at``) and is removed at the end.
    Yields the :class:`StaleLock` a killed run left behind (then taken over), else None.
    """
    from filelock import lock_descriptor, unlock_descriptor

    path = folder / LOCK
    fd = None
    for _ in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if not lock_descriptor(fd, blocking=False):
            os.close(fd)
            holder = _read_record(path)
            who = f" (pid {holder['pid']}, started {holder.get('started_at')})" \
                if holder and holder.get("pid") else ""
            raise ReportInProgressError(f"another run of {folder.name} is in progress{who}",
                                        path=str(folder), hint="wait for it to finish")
        if _same_file(fd, path):
            break
        # A finishing run removed this lock file between our open and our lock: open anew.
        unlock_descriptor(fd)
        os.close(fd)
        fd = None
    if fd is None:
        raise ReportInProgressError(f"another run of {folder.name} is starting or finishing",
                                    path=str(folder), hint="try again")
    try:
        stale = _stale(_read_fd(fd))
        record = {"pid": os.getpid(), "host": socket.gethostname(), "started_at": started_at}
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(record) + "\n").encode("utf-8"), 0)
        yield stale
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        unlock_descriptor(fd)
        os.close(fd)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _read_fd(fd: int) -> dict | None:
    data = os.pread(fd, 4096, 0)
    if not data.strip():
        return None
    try:
        record = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _read_record(path: Path) -> dict | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _stale(record: dict | None) -> StaleLock | None:
    if record is None:
        return None
    pid = record.get("pid") if isinstance(record.get("pid"), int) else None
    host = record.get("host") if isinstance(record.get("host"), str) else None
    alive = process_alive(pid) if pid is not None and host == socket.gethostname() else None
    started = record.get("started_at")
    return StaleLock(pid, host, started if isinstance(started, str) else None, alive)


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


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
    """Move a finished staging run to ``folder/RUN_ID`` and point ``latest`` at it. When
    ``latest`` cannot be written, the run goes back to ``.staging`` and the error is raised:
    ``latest`` keeps naming the previous run."""
    final = folder / staging.name
    os.rename(staging, final)
    try:
        _point_latest(folder, staging.name)
    except BaseException:
        os.rename(final, staging)
        raise
    _remove_if_empty(folder / STAGING)
    return final


def keep_failed(staging: Path, folder: Path) -> Path:
    """Move a failed staging run to ``folder/_failed/RUN_ID``."""
    target = folder / FAILED / staging.name
    target.parent.mkdir(exist_ok=True)
    os.rename(staging, target)
    _remove_if_empty(folder / STAGING)
    return target


def _remove_if_empty(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.rmdir()


def sweep_stale(folder: Path) -> list[Path]:
    """Move runs left in ``.staging`` by a killed process to ``_failed``. Call it while
    holding the lock: then no staging folder belongs to a live run."""
    staging = folder / STAGING
    leftovers = sorted(p for p in staging.iterdir() if p.is_dir()) if staging.is_dir() else []
    moved = [keep_failed(path, folder) for path in leftovers]
    _remove_if_empty(staging)
    return moved


def _point_latest(folder: Path, run_id: str) -> None:
    """Write the new pointers beside the old ones, then replace both; a failed write (a full
    disk) removes what it wrote and leaves ``latest`` and ``latest.txt`` as they were."""
    temp_txt = folder / f".{LATEST_TXT}.tmp"
    temp_link = folder / f".{LATEST}.{run_id}.tmp"
    try:
        with open(temp_txt, "w", encoding="utf-8") as handle:
            handle.write(run_id + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            temp_link.unlink()
        try:
            temp_link.symlink_to(run_id, target_is_directory=True)
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            temp_link = None  # no symlinks on this file system: latest.txt is the pointer
        os.replace(temp_txt, folder / LATEST_TXT)
    except BaseException:
        for temp in (temp_txt, temp_link):
            if temp is not None:
                with contextlib.suppress(OSError):
                    temp.unlink()
        raise
    if temp_link is not None:
        os.replace(temp_link, folder / LATEST)


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


def _run_order(run_id: str) -> tuple[str, int]:
    match = _RUN_ID.match(run_id)
    return (match.group(1), int(match.group(2) or 1)) if match else (run_id, 0)


def good_runs(folder: Path) -> list[Path]:
    """The finished runs of a report folder, oldest first."""
    runs = [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()
            and _RUN_ID.match(p.name)] if folder.is_dir() else []
    return sorted(runs, key=lambda p: _run_order(p.name))


def prune_runs(folder: Path, keep: int) -> list[Path]:
    """Remove all but the ``keep`` newest good runs (never the one ``latest`` names); return
    the removed folders. Failed runs are left alone (see :func:`prune_failed`)."""
    if not isinstance(keep, int) or isinstance(keep, bool) or keep < 1:
        raise ReportParameterError(f"keep must be a whole number of runs >= 1, got {keep!r}")
    latest = latest_run(folder)
    runs = good_runs(folder)
    doomed = [p for p in runs[:-keep] if latest is None or p.name != latest.name]
    for path in doomed:
        shutil.rmtree(path)
    return doomed


def prune_failed(folder: Path) -> list[Path]:
    """Remove every failed run kept in ``_failed``; return the removed folders."""
    failed = folder / FAILED
    runs = sorted(p for p in failed.iterdir() if p.is_dir()) if failed.is_dir() else []
    for path in runs:
        shutil.rmtree(path)
    _remove_if_empty(failed)
    return runs
