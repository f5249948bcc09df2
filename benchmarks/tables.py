"""Every analysis table for the PolNeAR train split on one process, extraction included.

usage: python benchmarks/tables.py [--polnear DIR] [--split train]

Times one cold pass that a report makes: load the corpus, attribute quotes (``analyze``), then
the speaker tables, the reporting-verb tables, frame counts by outlet with voice for both
built-in lexicons, a KWIC and a keyness table. The baseline in the same run is reading and
segmenting the same corpus (``load`` + ``segment``), so the ratio is comparable across machines.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolkit.analysis import analyze, framing, keyness, speakers, verbs  # noqa: E402
from toolkit.corpus import load  # noqa: E402
from toolkit.corpus.segment import segment  # noqa: E402


def baseline(path: Path) -> int:
    return sum(len(segment(d.text, excluded=d.excluded).tokens) for d in load(path))


def all_tables(path: Path) -> dict[str, float]:
    steps: dict[str, float] = {}
    t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        steps[name] = now - t0
        t0 = now

    corpus = load(path)
    docs = list(corpus)
    lap("load")
    base = analyze(docs)
    lap("analyze (segment + attribute + mentions)")
    q, d = base.quotes, base.documents
    speakers.speaker_table(q, d, mentions=base.mentions)
    speakers.share_of_voice(q, d, by="outlet")
    speakers.speakers_over_time(q, d)
    speakers.anonymous_rate(q, d, by="outlet")
    speakers.mentioned_not_quoted(base.mentions, q)
    lap("speaker tables")
    verbs.verb_counts(q, d, by="outlet")
    verbs.category_by_speaker(q, min_attributions=3)
    verbs.category_share(q, d, by="outlet")
    lap("verb tables")
    for lexicon in ("conflict_cooperation", "policy_frames"):
        framing.frame_counts(docs, lexicon, by="outlet", quotes=q)
    lap("frame counts (2 lexicons, by outlet, with voice)")
    framing.kwic(docs, "attack*", quotes=q)
    outlet = d["outlet"].value_counts().index[0]
    keyness.keyness(docs, by="outlet", group=outlet, min_freq=5, stopwords=True)
    lap("kwic + keyness")
    return steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", default=str(ROOT.parent / "shared" / "polnear"))
    parser.add_argument("--split", default="train")
    args = parser.parse_args()
    path = Path(args.polnear) / args.split
    if not path.exists():
        print(f"PolNeAR split not found at {path}", file=sys.stderr)
        return 2
    t = time.perf_counter()
    baseline(path)
    t_base = time.perf_counter() - t
    steps = all_tables(path)
    total = sum(steps.values())
    for name, seconds in steps.items():
        print(f"{name:<50} {seconds:6.2f} s")
    print(f"{'all tables':<50} {total:6.2f} s")
    print(f"{'baseline (load + segment)':<50} {t_base:6.2f} s")
    print(f"ratio all tables / baseline: {total / t_base:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
