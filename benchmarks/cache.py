"""Speed-up of the per-document result cache for a daily run over a growing corpus.

usage: python benchmarks/cache.py [--polnear DIR]

On PolNeAR train+dev (924 articles) times ``analyze`` (segmentation + attribution + mentions):
without a cache (the baseline), with an empty cache (first run, stores every result), with a
warm cache (nothing new), and with the cache warm for 90% of the articles (a day's new 10%).
The cache lives in a temporary folder that is removed afterwards. Each configuration runs once:
a second run would find the cache in another state.
"""

from __future__ import annotations

import tempfile

from common import benchmark_parser, require, timed

from toolkit.analysis import analyze
from toolkit.corpus import load
from toolkit.corpus.segment import _segment_cached


def cold(fn, *args, **kwargs) -> float:
    """Seconds of one run that segments from scratch, as a new process would."""
    return timed(fn, *args, before=_segment_cached.cache_clear, **kwargs).best


def main() -> int:
    args = benchmark_parser(__doc__).parse_args()
    docs = list(load(require(args.polnear)))
    old, new = docs[: len(docs) * 9 // 10], docs
    with tempfile.TemporaryDirectory() as warm, tempfile.TemporaryDirectory() as growing:
        rows = [
            ("no cache (baseline)", cold(analyze, docs)),
            ("empty cache (first run)", cold(analyze, docs, cache=warm)),
            ("warm cache, nothing new", cold(analyze, docs, cache=warm)),
        ]
        analyze(old, cache=growing)
        rows.append(("warm for 90%, 10% new articles", cold(analyze, new, cache=growing)))
    base = rows[0][1]
    print(f"{len(docs)} documents")
    for name, seconds in rows:
        print(f"{name:<34} {seconds:6.2f} s   speed-up {base / seconds:4.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
