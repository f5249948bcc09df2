"""What the benchmark scripts share: the repository on ``sys.path``, where PolNeAR lives, an
argument parser with the usual options, a timing helper (best and median of N runs) and its
one-line summary, the peak
resident memory of the process, and the growth exponent between two input sizes.

The scripts import it as ``common``: running ``python benchmarks/NAME.py`` puts this folder
first on ``sys.path``. Benchmarks measure and print; they assert nothing.
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["POLNEAR", "ROOT", "Timing", "benchmark_parser", "growth_exponent",
           "peak_memory_mb", "require", "timed", "timing_summary"]

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the checkout's toolkit, also without an installed package
    sys.path.insert(0, str(ROOT))

POLNEAR = ROOT.parent / "shared" / "polnear"


def benchmark_parser(doc: str, *, split: str | None = None,
                     repeat: int | None = None) -> argparse.ArgumentParser:
    """A parser described by the first line of ``doc``, with ``--polnear`` and, when given a
    default here, ``--split`` and ``--repeat``."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR,
                        help=f"the PolNeAR folder (default: {POLNEAR})")
    if split is not None:
        parser.add_argument("--split", default=split, help=f"PolNeAR split (default: {split})")
    if repeat is not None:
        parser.add_argument("--repeat", type=int, default=repeat,
                            help=f"runs per measurement (default: {repeat})")
    return parser


def require(path: Path) -> Path:
    """``path`` when it exists; otherwise say where the data was looked for and exit with 2."""
    if not path.exists():
        print(f"PolNeAR not found at {path} (give its folder with --polnear DIR)",
              file=sys.stderr)
        raise SystemExit(2)
    return path


@dataclass(frozen=True)
class Timing:
    """The wall-clock seconds of each run of one measurement and the last run's result."""

    seconds: tuple[float, ...]
    result: Any

    @property
    def best(self) -> float:
        return min(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def timed(fn: Callable[..., Any], *args: Any, repeat: int = 1,
          before: Callable[[], Any] | None = None, **kwargs: Any) -> Timing:
    """Run ``fn(*args, **kwargs)`` ``repeat`` times and time each run.

    ``before()`` runs untimed ahead of every run, e.g. to clear an in-process cache so each run
    starts cold as a new process would.
    """
    seconds, result = [], None
    for _ in range(max(1, repeat)):
        if before is not None:
            before()
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        seconds.append(time.perf_counter() - start)
    return Timing(tuple(seconds), result)


def timing_summary(timing: Timing, *, size: float | None = None, unit: str = "items") -> str:
    """``best s (median m s)`` and, given the size of the input, the rate of the best run."""
    text = f"{timing.best:7.3f} s (median {timing.median:7.3f} s)"
    if size is not None:
        text += f"  {size / timing.best:12,.0f} {unit}/s"
    return text


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes vs KiB


def growth_exponent(size_small: float, seconds_small: float, size_large: float,
                    seconds_large: float) -> float:
    """``k`` in ``seconds ~ size**k`` through two measurements: 1 is linear, 2 quadratic."""
    return math.log(seconds_large / seconds_small) / math.log(size_large / size_small)
