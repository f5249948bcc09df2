"""Throughput of load + clean + segment on PolNeAR, against plain NLTK Punkt in the same run.

usage: python benchmarks/segment.py [--polnear DIR] [--repeat N]

Prints characters per second for the toolkit pipeline (reading every file, cleaning, paragraphs,
sentences and tokens) and for a baseline (Punkt's span_tokenize over the same texts already in
memory), their ratio, and the peak resident memory of the process. Best of N runs each.
"""

from __future__ import annotations

from pathlib import Path

from common import benchmark_parser, peak_memory_mb, require, timed, timing_summary

from toolkit.corpus import load
from toolkit.corpus.document import _clean_cached
from toolkit.corpus.segment import segment


def pipeline(path: Path) -> tuple[int, int]:
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


def main() -> int:
    args = benchmark_parser(__doc__, repeat=3).parse_args()
    texts = [d.text for d in load(require(args.polnear), include_duplicates=True)]
    base = timed(baseline, texts, repeat=args.repeat)
    # every timed run cleans from scratch, as a new process would
    pipe = timed(pipeline, args.polnear, repeat=args.repeat, before=_clean_cached.cache_clear)
    chars, (chars2, n_tokens) = base.result, pipe.result
    print(f"documents: {len(texts)}  characters: {chars2:,}  tokens: {n_tokens:,}")
    print("baseline (Punkt span_tokenize, in memory): "
          + timing_summary(base, size=chars, unit="chars"))
    print("toolkit load+clean+segment (from disk):    "
          + timing_summary(pipe, size=chars2, unit="chars"))
    print(f"ratio toolkit/baseline: {base.best / pipe.best * chars2 / chars:.2f}")
    print(f"peak resident memory: {peak_memory_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
