"""Progress bars for long loops (loading, attribution over many documents, review sampling).

``for doc in progress(docs, total=n, desc="attribution"): ...`` shows a bar where someone can
see it and is silent everywhere else:

- in a Jupyter kernel the bar is a notebook widget (tqdm's auto mode), in a terminal a text bar
  on stderr;
- ``quiet=True`` turns it off, and so does the environment variable ``TOOLKIT_PROGRESS=off``
  (report runs set it for their kernels: a bar has no reader in a report);
- outside a kernel the bar is drawn only when stderr is a terminal, so scheduled jobs, pipes and
  log files get no control characters.

``TOOLKIT_PROGRESS=on`` forces bars on (for instance in a terminal multiplexer whose stderr does
not look like a terminal). The wrapped iterable yields exactly what the original yields.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from toolkit.errors import ParameterError

__all__ = ["PROGRESS_ENV", "progress", "progress_enabled"]

PROGRESS_ENV = "TOOLKIT_PROGRESS"
_OFF = ("0", "off", "false", "no")
_ON = ("1", "on", "true", "yes")

T = TypeVar("T")


def _in_kernel() -> bool:
    """True inside a Jupyter kernel (where tqdm's auto mode draws a widget)."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    try:
        ip = shell.get_ipython()
    except AttributeError:
        return False
    return ip is not None and getattr(ip, "kernel", None) is not None


def progress_enabled(*, quiet: bool = False) -> bool:
    """Whether :func:`progress` draws a bar here and now (see the module notes)."""
    if quiet:
        return False
    setting = os.environ.get(PROGRESS_ENV, "").strip().lower()
    if setting in _OFF:
        return False
    if setting in _ON:
        return True
    if setting:
        raise ParameterError(f"{PROGRESS_ENV}={setting!r} is not a switch",
                             hint="set it to on or off, or unset it")
    if _in_kernel():
        return True
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def progress(iterable: Iterable[T], *, total: int | None = None, desc: str | None = None,
             unit: str = "doc", quiet: bool = False, delay: float = 1.0) -> Iterator[T]:
    """``iterable`` with a progress bar when one can be seen (see :func:`progress_enabled`).

    ``total`` defaults to ``len(iterable)`` when it has one; ``desc`` labels the bar. The bar
    appears only once the loop has run for ``delay`` seconds, so quick loops leave no trace in
    a notebook's output or a terminal.
    """
    if not progress_enabled(quiet=quiet):
        return iter(iterable)
    from tqdm.auto import tqdm

    if total is None and hasattr(iterable, "__len__"):
        total = len(iterable)  # type: ignore[arg-type]
    return iter(tqdm(iterable, total=total, desc=desc, unit=unit, leave=False, delay=delay,
                     file=sys.stderr, dynamic_ncols=True))
