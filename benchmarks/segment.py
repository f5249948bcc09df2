"""Throughput of load + clean + segment on PolNeAR, against plain NLTK Punkt in the same run.

usage: python benchmarks/segment.py [--polnear DIR] [--repeat N]

Prints characters per second for the toolkit pipeline (reading every file, cleaning, paragraphs,
sentences and tokens) and for a baseline (Punkt's span_tokenize over the same texts already in
memory), their ratio, and the peak resident memory of the process. Best of N runs each.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.corpus import load  # noqa: E402
from toolkit.corpus.document import _clean_cached  # noqa: E402
from toolkit.corpus.segment import segment  # noqa: E402


def pipeline(path: Path) -> tuple[int, int]:
    _clean_cached.cache_clear()  # every timed run cleans from scratch, as a new process would
    chars = n_tokens = 0
    for doc in load(path, include_duplicates=True):
        seg = segment(doc.text, excluded=doc.excluded)
        chars += len(doc.text)
        n_tokens += len(seg.tokens)
    return chars, n_tokens


def baseline(texts: list[str]) -> int:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    tokenizer = PunktSentenceTokenizer()
    for text in texts:
        list(tokenizer.span_tokenize(text))
    return sum(map(len, texts))


def best(fn, *args, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared" / "polnear")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.polnear.exists():
        raise SystemExit(f"PolNeAR not found at {args.polnear}")
    texts = [d.text for d in load(args.polnear, include_duplicates=True)]
    t_base, chars = best(baseline, texts, repeat=args.repeat)
    t_pipe, (chars2, n_tokens) = best(pipeline, args.polnear, repeat=args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(texts)}  characters: {chars2:,}  tokens: {n_tokens:,}")
    print(f"baseline (Punkt span_tokenize, in memory): {chars / t_base:,.0f} chars/s")
    print(f"toolkit load+clean+segment (from disk):    {chars2 / t_pipe:,.0f} chars/s "
          f"({t_pipe:.2f} s)")
    print(f"ratio toolkit/baseline: {t_base / t_pipe * chars2 / chars:.2f}")
    print(f"peak resident memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
