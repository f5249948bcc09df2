"""Speed-up of the per-document result cache for a daily run over a growing corpus.

usage: python benchmarks/cache.py [--polnear DIR]

On PolNeAR train+dev (924 articles) times ``analyze`` (segmentation + attribution + mentions):
without a cache (the baseline), with an empty cache (first run, stores every result), with a
warm cache (nothing new), and with the cache warm for 90% of the articles (a day's new 10%).
The cache lives in a temporary folder that is removed afterwards.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.analysis import analyze  # noqa: E402
from toolkit.corpus import load  # noqa: E402
from toolkit.corpus.segment import _segment_cached  # noqa: E402


def timed(fn, *args, **kwargs) -> float:
    _segment_cached.cache_clear()  # each run segments from scratch, as a new process would
    t0 = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    args = parser.parse_args()
    if not Path(args.polnear).exists():
        print(f"PolNeAR not found at {args.polnear}", file=sys.stderr)
        return 2
    docs = list(load(args.polnear))
    old, new = docs[: len(docs) * 9 // 10], docs
    with tempfile.TemporaryDirectory() as warm, tempfile.TemporaryDirectory() as growing:
        rows = [
            ("no cache (baseline)", timed(analyze, docs)),
            ("empty cache (first run)", timed(analyze, docs, cache=warm)),
            ("warm cache, nothing new", timed(analyze, docs, cache=warm)),
        ]
        analyze(old, cache=growing)
        rows.append(("warm for 90%, 10% new articles", timed(analyze, new, cache=growing)))
    base = rows[0][1]
    print(f"{len(docs)} documents")
    for name, seconds in rows:
        print(f"{name:<34} {seconds:6.2f} s   speed-up {base / seconds:4.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
