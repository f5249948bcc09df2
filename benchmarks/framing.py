"""Time of frame counts and keyness on PolNeAR, against plain tokenization in the same run.

usage: python benchmarks/framing.py [--polnear DIR] [--split train] [--repeat N]

Reads the split once into memory, then times (best of N runs each):

- baseline: the toolkit's regex tokenizer over every text (no cleaning, no sentences);
- frame counts: ``frame_counts`` with the built-in ``policy_frames`` lexicon by outlet
  (cleaning, segmentation and matching included);
- keyness: ``keyness`` of one outlet against the rest (cleaning, segmentation, word counts,
  statistics).

Prints seconds, documents per second and each time as a multiple of the baseline.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.analysis.framing import frame_counts  # noqa: E402
from toolkit.analysis.framing.lexicon import load_lexicon  # noqa: E402
from toolkit.analysis.keyness import keyness  # noqa: E402
from toolkit.corpus import load  # noqa: E402
from toolkit.corpus.segment import tokens  # noqa: E402


def baseline(docs: list) -> int:
    return sum(len(tokens(doc.text)) for doc in docs)


def best(fn, *args, repeat: int, **kwargs) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append(time.perf_counter() - t0)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--split", default="train")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = Path(args.polnear) / args.split
    if not path.exists():
        print(f"PolNeAR not found at {path}", file=sys.stderr)
        return 2
    docs = list(load(path, include_duplicates=True))
    lexicon = load_lexicon("policy_frames")
    outlet = docs[0].outlet
    t_base, n_tokens = best(baseline, docs, repeat=args.repeat)
    t_frames, counts = best(frame_counts, docs, lexicon, by="outlet", repeat=args.repeat)
    t_key, table = best(keyness, docs, by="outlet", group=outlet, min_freq=5,
                        repeat=args.repeat)
    print(f"{len(docs)} documents, {n_tokens} tokens, {len(lexicon)} lexicon terms")
    for name, seconds, note in (
            ("baseline tokenize", t_base, f"{n_tokens} tokens"),
            ("frame_counts", t_frames, f"{int(counts['n_matches'].sum())} matches"),
            ("keyness", t_key, f"{len(table)} words, group {outlet}")):
        print(f"{name:18s} {seconds:7.3f} s  {len(docs) / seconds:8.0f} docs/s  "
              f"{seconds / t_base:5.1f}x baseline  ({note})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
