"""Time of frame counts and keyness on PolNeAR, against plain tokenization in the same run.

usage: python benchmarks/framing.py [--polnear DIR] [--split train] [--repeat N]

Reads the split once into memory, then times (N runs each, best and median):

- baseline: the toolkit's regex tokenizer over every text (no cleaning, no sentences);
- frame counts: ``frame_counts`` with the built-in ``policy_frames`` lexicon by outlet
  (cleaning, segmentation and matching included);
- keyness: ``keyness`` of one outlet against the rest (cleaning, segmentation, word counts,
  statistics).

Prints seconds, documents per second and each time as a multiple of the baseline, then how
frame counts grow from half the split to all of it (exponent 1: linear in the characters).
"""

from __future__ import annotations

from common import benchmark_parser, growth_exponent, require, timed, timing_summary

from toolkit.analysis import keyness
from toolkit.analysis.framing import frame_counts, load_lexicon
from toolkit.corpus import load
from toolkit.corpus.segment import tokens


def baseline(docs: list) -> int:
    return sum(len(tokens(doc.text)) for doc in docs)


def main() -> int:
    args = benchmark_parser(__doc__, split="train", repeat=3).parse_args()
    docs = list(load(require(args.polnear / args.split), include_duplicates=True))
    lexicon = load_lexicon("policy_frames")
    outlet = docs[0].outlet
    base = timed(baseline, docs, repeat=args.repeat)
    frames = timed(frame_counts, docs, lexicon, by="outlet", repeat=args.repeat)
    key = timed(keyness.keyness, docs, by="outlet", group=outlet, min_freq=5, repeat=args.repeat)
    half = docs[: len(docs) // 2]
    frames_half = timed(frame_counts, half, lexicon, by="outlet", repeat=args.repeat)
    n_tokens = base.result
    print(f"{len(docs)} documents, {n_tokens} tokens, {len(lexicon)} lexicon terms, "
          f"best of {args.repeat}")
    for name, timing, note in (
            ("baseline tokenize", base, f"{n_tokens} tokens"),
            ("frame_counts", frames, f"{int(frames.result['n_matches'].sum())} matches"),
            ("keyness", key, f"{len(key.result)} words, group {outlet}")):
        print(f"{name:18s} {timing_summary(timing, size=len(docs), unit='docs')}  "
              f"{timing.best / base.best:5.1f}x baseline  ({note})")
    chars_half, chars = (sum(len(d.text) for d in part) for part in (half, docs))
    exponent = growth_exponent(chars_half, frames_half.best, chars, frames.best)
    print(f"frame_counts growth from {len(half)} to {len(docs)} documents: "
          f"time ~ characters^{exponent:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
