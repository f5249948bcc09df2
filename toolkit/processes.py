"""Worker processes: how the toolkit's process pools start theirs, a map over them in order
(:func:`ordered_map`); and what a process has freed, given back to the system
(:func:`return_freed_memory`).

Workers start from a clean interpreter (forkserver where the platform has it, else spawn): a
forked copy of a process whose libraries run threads can deadlock. The fork server imports the
toolkit's per-document modules once, and each worker is forked from it with them loaded,
rather than importing them itself (about half a CPU-second per worker, paid again by every
pool of a run: reading the corpus, attribution, the mention pass).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["PRELOADED", "Started", "ordered_map", "process_context", "return_freed_memory"]

# What the workers of the toolkit's pools run; a module that fails to import is left out.
PRELOADED = ("toolkit.corpus.loader", "toolkit.attribution.pipeline",
             "toolkit.analysis.base_tables", "toolkit.analysis.speakers",
             "toolkit.analysis.keyness", "toolkit.analysis.framing.tables",
             "toolkit.analysis.overview")


def process_context() -> Any:
    """The multiprocessing context of the toolkit's pools (see the module's text)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # Takes effect when the server starts (the first pool of the process); "__main__" is what
    # the server preloads by default.
    context.set_forkserver_preload(["__main__", *PRELOADED])
    return context


def ordered_map(func: Any, items: Iterable[Any], workers: int, *, chunk: int,
                initializer: Any = None, initargs: tuple = ()) -> Iterator[Any]:
    """``map(func, items)`` over ``workers`` processes, in order, ``chunk`` items per task.
    Items are sent as earlier ones finish (a few chunks per worker in flight), so neither the
    items nor the results of a whole corpus wait in memory. With one worker, or items that fit
    in one chunk per worker, the map runs in this process: starting processes would cost more
    than they save. ``initializer(*initargs)`` runs first in each process that maps."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import chain, islice

    source = iter(items)
    head = list(islice(source, workers * chunk)) if workers > 1 else []
    if workers == 1 or len(head) < workers * chunk:
        if initializer is not None:
            initializer(*initargs)
        yield from map(func, chain(head, source))
        return
    source = chain(head, source)
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer,
                             initargs=initargs, mp_context=process_context()) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 3 * workers:
                part = list(islice(source, chunk))
                if not part:
                    break
                pending.append(pool.submit(_run_chunk, func, part))
            if not pending:
                return
            yield from pending.popleft().result()


def _run_chunk(func: Any, part: list[Any]) -> list[Any]:
    return [func(item) for item in part]


class Started(Iterator[Any]):
    """``results`` (an iterator) with its first item asked for at once, in a thread of its own:
    a map over worker processes (:func:`ordered_map`) starts its workers and sends them their
    first items while the caller does something else (reads stored results, say) before it
    needs them. Iterate it as ``results``; :meth:`close` closes ``results`` too."""

    def __init__(self, results: Iterator[Any]) -> None:
        import threading

        self._results = results
        self._first: list[tuple[str, Any]] = []
        self._thread: Any = threading.Thread(target=self._ask_first, name="started-map",
                                             daemon=True)
        self._thread.start()

    def _ask_first(self) -> None:
        try:
            self._first.append(("item", next(self._results)))
        except StopIteration:
            self._first.append(("end", None))
        except BaseException as exc:  # raised where the item is asked for
            self._first.append(("error", exc))

    def __next__(self) -> Any:
        if self._thread is None:
            return next(self._results)
        self._thread.join()
        self._thread = None
        kind, value = self._first.pop()
        if kind == "error":
            raise value
        if kind == "end":
            raise StopIteration
        return value

    def close(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        close = getattr(self._results, "close", None)
        if close is not None:
            close()


_TRIM: Any = None


def return_freed_memory() -> None:
    """Give back to the system the memory this process has freed and the C library keeps for
    its own reuse (glibc's ``malloc_trim``); nothing where there is no such call. After a step
    that read many texts (a corpus scan), most of what it freed lies between a few objects
    still held, and only objects the C library allocates could reuse it: Python's small
    objects and Arrow's columns come from elsewhere, so the process would hold it to the end.
    """
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        if sys.platform.startswith("linux"):
            try:
                import ctypes

                _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):  # another C library (musl has no such call)
                pass
    if _TRIM:
        _TRIM(0)
