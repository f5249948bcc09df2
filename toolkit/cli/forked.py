"""An ordered map over forked worker processes, for commands whose start-up time counts.

:func:`forked_map` yields ``function(item)`` for each item, in the items' order, computed by
worker processes forked from this one: they start with everything this process has loaded (the
rules, the lexicon), so a short run pays no second start-up. It needs only the operating
system's pipes and :mod:`pickle`; :mod:`concurrent.futures` would add its imports (some 15 ms,
a few percent of a run over a few hundred articles) and threads of its own.

Each worker reads its items from a pipe of its own and writes each result to another. A thread
of this process sends each item to the worker with the fewest items in hand (so a long document
does not hold back the items queued behind it), with at most ``queued`` items per worker; the
results are read as they come and yielded in the items' order, with at most
``2 * queued * workers`` items between the first result not yet yielded and the last item sent,
which keeps memory bounded on a long input. An exception in ``function`` is raised here with the worker's
traceback as its cause; a worker that dies (killed, out of memory) is a
:class:`~toolkit.errors.WorkerError`. Workers are stopped and reaped however the map ends
(exhausted, closed early, interrupted).

Fork only: the caller checks the process may fork safely (no other threads, no libraries with
threads of their own loaded) and uses a pool that starts clean workers otherwise.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from toolkit.errors import WorkerError

__all__ = ["forked_map"]

_HEADER_BYTES = 8  # each message: its length (little-endian), then its pickle


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker, as the cause of its copy here."""

    def __str__(self) -> str:
        return self.args[0]


def forked_map(function: Callable[[Any], Any], items: Iterable[Any], workers: int, *,
               queued: int = 3) -> Iterator[Any]:
    """``function(item)`` for each of ``items``, in order, computed by ``workers`` forked
    processes (see the module's description)."""
    if workers < 1 or queued < 1:
        raise ValueError("workers and queued must be at least 1")
    pipes = [(os.pipe(), os.pipe()) for _ in range(workers)]
    pids: list[int] = []
    try:
        for number in range(workers):
            pid = os.fork()
            if pid == 0:
                _worker(function, pipes, number)  # never returns
            pids.append(pid)
    except BaseException:
        _close_all(fd for ends in pipes for pair in ends for fd in pair)
        _stop(pids)
        _reap(pids)
        raise
    for (item_read, _), (_, result_write) in pipes:
        os.close(item_read)
        os.close(result_write)
    feed = _Feed(items, [item_write for (_, item_write), _ in pipes], queued)
    receivers = [result_read for _, (result_read, _) in pipes]
    feed.start()
    finished = False
    try:
        results: dict[int, Any] = {}
        index = 0
        while True:
            if index in results:
                ok, value = results.pop(index)
                feed.yielded(index)
                if not ok:
                    error, text = value
                    error.__cause__ = _RemoteTraceback(text)
                    raise error
                yield value
                index += 1
                continue
            busy = feed.wait_for_busy()
            if not busy:
                break
            ready, _, _ = select.select([receivers[w] for w in busy], [], [])
            for fd in ready:
                worker = receivers.index(fd)
                message = _receive(fd)
                if message is None:
                    raise WorkerError(
                        f"worker process {pids[worker]} ended without a result"
                        f"{_exit_description(pids[worker])}",
                        hint="it may have run out of memory; try fewer --workers")
                results[feed.received(worker)] = pickle.loads(message)
        feed.raise_error()
        finished = True
    finally:
        feed.stop()
        if not finished:
            _stop(pids)  # a worker blocked on a full pipe would otherwise never end
        feed.join()
        _close_all(feed.senders)  # end of input: a worker waiting for an item exits
        _close_all(receivers)
        _reap(pids)


class _Feed(threading.Thread):
    """Sends the items to the workers, each to the one with the fewest in hand; keeps count of
    what each worker holds for the reading thread."""

    def __init__(self, items: Iterable[Any], senders: list[int], queued: int) -> None:
        super().__init__(name="forked-map-feed", daemon=True)
        self.senders = senders
        self._items = items
        self._queued = queued
        self._window = 2 * queued * len(senders)
        self._held: list[deque[int]] = [deque() for _ in senders]  # indices sent, not received
        self._sent = 0
        self._yielded = 0
        self._done = False
        self._stopped = False
        self._error: BaseException | None = None
        self._changed = threading.Condition()

    def run(self) -> None:
        try:
            for index, item in enumerate(self._items):
                data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
                with self._changed:
                    while not self._stopped and not self._room():
                        self._changed.wait()
                    if self._stopped:
                        return
                    worker = min(range(len(self.senders)), key=lambda w: len(self._held[w]))
                    self._held[worker].append(index)
                    self._sent += 1
                    self._changed.notify_all()
                _send(self.senders[worker], data)
        except BaseException as exc:  # raised by the reading thread, after the results before
            if not self._stopped:
                self._error = exc
        finally:
            with self._changed:
                self._done = True
                self._changed.notify_all()

    def _room(self) -> bool:
        return (self._sent - self._yielded < self._window
                and min(len(held) for held in self._held) < self._queued)

    def wait_for_busy(self) -> list[int]:
        """The workers holding items, once one does; empty when none does and no more items
        will be sent."""
        with self._changed:
            while True:
                busy = [w for w, held in enumerate(self._held) if held]
                if busy or self._done:
                    return busy
                self._changed.wait()

    def received(self, worker: int) -> int:
        """A result came from ``worker``: the index of its item (its oldest in hand)."""
        with self._changed:
            index = self._held[worker].popleft()
            self._changed.notify_all()
            return index

    def yielded(self, index: int) -> None:
        with self._changed:
            self._yielded = index + 1
            self._changed.notify_all()

    def raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        with self._changed:
            self._stopped = True
            self._changed.notify_all()


def _send(fd: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(_HEADER_BYTES, "little") + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> bytes | None:
    """The next message on ``fd``; None at the end of the stream."""
    header = _read_exactly(fd, _HEADER_BYTES)
    if header is None:
        return None
    return _read_exactly(fd, int.from_bytes(header, "little"))


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _worker(function: Callable[[Any], Any], pipes: list, number: int) -> None:
    """A worker's life: each item read, its result (or its error) written; exit at the end of
    the input. It keeps its own two pipe ends and closes every other (a worker holding another's
    input open would keep that one from seeing the end). Ctrl-C is left to the parent, which
    stops the workers."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        (item_read, _), (_, result_write) = pipes[number]
        _close_all(fd for ends in pipes for pair in ends for fd in pair
                   if fd not in (item_read, result_write))
        while (message := _receive(item_read)) is not None:
            try:
                outcome = (True, function(pickle.loads(message)))
            except BaseException as exc:  # sent to the parent, which raises it
                outcome = (False, _portable(exc))
            try:
                data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                data = pickle.dumps((False, _portable(exc)))
            _send(result_write, data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)  # no clean-up of the parent's state (buffers, atexit handlers)


def _portable(exc: BaseException) -> tuple[BaseException, str]:
    """``exc`` (a RuntimeError that names it when it cannot be pickled) and its traceback."""
    import traceback

    text = "".join(traceback.format_exception(exc))
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        exc = RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc, f'\n"""\n{text}"""'


def _exit_description(pid: int) -> str:
    """How the worker ``pid``, whose results pipe has closed, ended (it closes the pipe only by
    ending, so waiting for it is short)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return ""
    if os.WIFSIGNALED(status):
        return f" (killed by signal {os.WTERMSIG(status)})"
    return f" (exit status {os.WEXITSTATUS(status)})" if os.WIFEXITED(status) else ""


def _stop(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass


def _reap(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def _close_all(fds: Iterable[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
