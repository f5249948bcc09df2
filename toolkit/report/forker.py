"""Report kernels forked from one process that has already imported what the notebooks use.

Every kernel of a report would otherwise start a new interpreter, import IPython, pandas,
matplotlib, seaborn and the toolkit, and read the shared analysis: about two CPU-seconds each,
paid again for every notebook. :class:`KernelForker` starts one process (``python -m
toolkit.report.forker``) as the run begins, while the runner analyses the corpus; it imports
all that once, reads the shared analysis once it is written, and forks a kernel for each
notebook. A forked kernel starts with everything in memory (shared with the others until one
of them writes to it).

The runner falls back to starting kernels the usual way when the forking process cannot be
used: no ``fork`` or ``pidfd_open`` on this system, a kernel command that is not this
interpreter's ``ipykernel_launcher``, or a forking process that failed or died.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import Any

__all__ = ["KernelForker", "ForkedKernel", "can_fork"]

# Imported by the forking process before its first kernel, in this order; one that fails to
# import is left to the kernel (which reports its error where the notebook imports it).
PRELOADED_MODULES = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "IPython.display",
    "matplotlib_inline.backend_inline", "numpy", "pandas", "pyarrow", "pyarrow.parquet",
    "matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg", "seaborn", "itables",
    "nltk", "toolkit.plots", "toolkit.analysis", "toolkit.analysis.framing",
    "toolkit.analysis.keyness", "toolkit.analysis.speakers", "toolkit.analysis.verbs",
    "toolkit.analysis.overview", "toolkit.report",
)
# As ipykernel sets it when it starts, before any notebook imports matplotlib.
_MPL_BACKEND = "module://matplotlib_inline.backend_inline"
_LAUNCHER = "ipykernel_launcher"


def can_fork() -> bool:
    """Whether this system has what forked kernels need (``fork``; ``pidfd_open`` to follow a
    process that is not the runner's child)."""
    return hasattr(os, "fork") and hasattr(os, "pidfd_open") and sys.platform.startswith("linux")


class ForkedKernel:
    """The part of :class:`subprocess.Popen` a kernel provisioner uses, for a kernel forked by
    the forking process: the runner is not its parent, so it follows the process through a
    pidfd, which becomes readable when it ends. Its exit status is not known here: ``poll``
    and ``wait`` give 0 once it has ended."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None
        self._fd: int | None = os.pidfd_open(pid)

    def poll(self) -> int | None:
        return self.wait(timeout=0)

    def wait(self, timeout: float | None = None) -> int | None:
        if self.returncode is None and self._fd is not None:
            ready, _, _ = select.select([self._fd], [], [], timeout)
            if ready:
                os.close(self._fd)
                self._fd = None
                self.returncode = 0
        if self.returncode is None and timeout is not None and timeout > 0:
            raise subprocess.TimeoutExpired(str(self.pid), timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def __del__(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class KernelForker:
    """The runner's side of the forking process: start it with ``env`` (the environment the
    kernels get), ask it to :meth:`preload` the shared analysis, to :meth:`fork` a kernel, and
    :meth:`close` it. Safe to use from several threads. After any failure :attr:`usable` is
    False and the caller starts its kernels the usual way."""

    def __init__(self, env: dict[str, str]) -> None:
        self._lock = threading.Lock()
        self._unread = 0
        self.usable = can_fork()
        self._process: subprocess.Popen | None = None
        if not self.usable:
            return
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "toolkit.report.forker"], stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
                bufsize=1)
        except OSError:
            self.usable = False

    def takes(self, kernel_cmd: Sequence[str]) -> bool:
        """Whether ``kernel_cmd`` is this interpreter running ``ipykernel_launcher``, the
        command the forking process stands in for."""
        if not self.usable or not kernel_cmd:
            return False
        try:
            same = os.path.samefile(kernel_cmd[0], sys.executable)
        except OSError:
            return False
        return same and _launcher_arguments(kernel_cmd) is not None

    def preload(self, analysis: str, corpus: str, date_from: str | None, date_to: str | None,
                columns: dict[str, str | None]) -> None:
        """Have the forking process read the analysis written to ``analysis`` for these
        arguments (see :func:`toolkit.report.loading.preload_analysis`). Not waited for: it
        reads while the runner goes on, and kernels forked afterwards have it in memory (were
        it unreadable, each kernel reads the file itself, as it would anyway)."""
        self._ask({"preload": {"analysis": analysis, "corpus": corpus, "date_from": date_from,
                               "date_to": date_to, "columns": columns}}, wait=False)

    def count_frames(self, lexicons: Sequence[str], store: bool | str) -> None:
        """Have the forking process start a process that counts the frame tally of each of
        ``lexicons`` (names or files, as the notebooks' ``lexicon`` parameter) for the
        analysis it preloaded, reading frame matches from the result store ``store`` (see
        :func:`toolkit.report.loading.count_frames_ahead`). Not waited for: kernels forked
        afterwards wait for a tally it counts rather than count it too."""
        self._ask({"count_frames": {"lexicons": list(lexicons), "store": store}}, wait=False)

    def fork(self, kernel_cmd: Sequence[str], *, env: dict[str, str], cwd: str | None,
             log: str) -> ForkedKernel | None:
        """A kernel for ``kernel_cmd`` (see :meth:`takes`) in folder ``cwd``, its output
        appended to ``log``; None when the forking process could not make one."""
        arguments = _launcher_arguments(kernel_cmd)
        if arguments is None:
            return None
        reply = self._ask({"fork": {"argv": arguments, "env": env, "cwd": cwd, "log": log}})
        if not reply or not isinstance(reply.get("pid"), int):
            return None
        try:
            return ForkedKernel(reply["pid"])
        except OSError:
            return None

    def close(self) -> None:
        """End the forking process, at once: it holds nothing to keep (a kernel it forked
        and still running ends too, as a kernel whose parent is gone does)."""
        with self._lock:
            self.usable = False
            process, self._process = self._process, None
        if process is None:
            return
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            try:
                pipe.close()
            except OSError:
                pass

    def _ask(self, request: dict[str, Any], *, wait: bool = True) -> dict[str, Any] | None:
        """Send ``request``; with ``wait``, its reply (None after a failure). The replies to
        requests not waited for are read, and left aside, before the next one waited for."""
        with self._lock:
            if not self.usable or self._process is None:
                return None
            try:
                self._process.stdin.write(json.dumps(request) + "\n")
                self._process.stdin.flush()
                if not wait:
                    self._unread += 1
                    return None
                for _ in range(self._unread):
                    self._process.stdout.readline()
                self._unread = 0
                line = self._process.stdout.readline()
                reply = json.loads(line) if line else None
            except (OSError, ValueError):
                reply = None
            if not isinstance(reply, dict) or "error" in reply:
                self.usable = False
                return None
            return reply


def _launcher_arguments(kernel_cmd: Sequence[str]) -> list[str] | None:
    """The arguments after ``-m ipykernel_launcher`` in ``kernel_cmd``, or None."""
    cmd = list(kernel_cmd)
    for i in range(1, len(cmd) - 1):
        if cmd[i] == "-m" and cmd[i + 1] == _LAUNCHER:
            return cmd[i + 2:]
    return None


# The forking process.

def _serve() -> None:
    """Import, then answer one request per line of stdin until it closes."""
    import gc
    import importlib

    # Ctrl-C in a terminal reaches the whole process group: the runner stops the run, and this
    # process ends when the runner closes its stdin.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # As ipykernel_launcher does: the folder it was started from is not a module folder.
    if sys.path and sys.path[0] in ("", os.getcwd()):
        del sys.path[0]
    os.environ.setdefault("MPLBACKEND", _MPL_BACKEND)
    for name in PRELOADED_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the kernel meets the same error where a notebook imports it
            pass
    try:  # the interactive-table code every page starts with, read once for all kernels
        from toolkit.report.display import _table_code

        _table_code()
    except Exception:  # a kernel meets the same error where its notebook sets the page up
        pass
    out = sys.stdout
    for line in sys.stdin:
        _reap()
        try:
            request = json.loads(line)
            if "preload" in request:
                reply = _preload(**request["preload"])
            elif "count_frames" in request:
                reply = _count_frames(**request["count_frames"])
            elif "fork" in request:
                # Objects made so far are never freed by a kernel: leaving them out of the
                # collector keeps their memory pages shared with the other kernels.
                gc.freeze()
                reply = {"pid": _fork_kernel(**request["fork"])}
            else:
                reply = {"error": f"unknown request {sorted(request)}"}
        except Exception as exc:  # the runner falls back to the usual kernels
            reply = {"error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()
    _reap()


# The arguments of the analysis preloaded last (see _preload).
_PRELOADED: dict[str, Any] = {}


def _preload(analysis: str, corpus: str, date_from: str | None, date_to: str | None,
             columns: dict[str, str | None]) -> dict[str, Any]:
    from toolkit.report.loading import ANALYSIS_FILE_VARIABLE, preload_analysis

    os.environ[ANALYSIS_FILE_VARIABLE] = analysis
    _PRELOADED.clear()
    _PRELOADED.update(corpus=corpus, date_from=date_from, date_to=date_to, columns=columns)
    return {"ok": preload_analysis(corpus, date_from, date_to, columns)}


def _count_frames(lexicons: list[str], store: bool | str) -> dict[str, Any]:
    from toolkit.report.loading import count_frames_ahead

    if not _PRELOADED:
        return {"pid": None}
    if threading.active_count() > 1:
        raise RuntimeError("the forking process runs threads: a fork would copy their locks")
    return {"pid": count_frames_ahead(**_PRELOADED, lexicons=lexicons, store=store)}


def _fork_kernel(argv: list[str], env: dict[str, str], cwd: str | None, log: str) -> int:
    if threading.active_count() > 1:
        raise RuntimeError("the forking process runs threads: a fork would copy their locks")
    log_fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    pid = os.fork()
    if pid:
        os.close(log_fd)
        return pid
    code = 1
    try:
        # What jupyter_client gives a kernel it starts: a session of its own, the folder, the
        # environment (with this process as the parent the kernel watches), output to the log.
        os.setsid()
        signal.signal(signal.SIGINT, signal.default_int_handler)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log_fd, 1)
        os.dup2(log_fd, 2)
        os.close(null)
        os.close(log_fd)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
        if cwd:
            os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        os.environ["JPY_PARENT_PID"] = str(os.getppid())
        sys.argv = [_LAUNCHER, *argv]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _reap() -> None:
    """Collect the kernels that have ended."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


if __name__ == "__main__":
    _serve()
