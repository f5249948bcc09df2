"""Every analysis table for the PolNeAR train split on one process, extraction included.

usage: python benchmarks/tables.py [--polnear DIR] [--split train]

Times one cold pass that a report makes: load the corpus, attribute quotes (``analyze``), then
the speaker tables, the reporting-verb tables, frame counts by outlet with voice for both
built-in lexicons, a KWIC and a keyness table. The baseline in the same run is reading and
segmenting the same corpus (``load`` + ``segment``), so the ratio is comparable across machines.
"""

from __future__ import annotations

from pathlib import Path

from common import benchmark_parser, peak_memory_mb, require, timed

from toolkit.analysis import analyze, framing, keyness, speakers, verbs
from toolkit.corpus import load
from toolkit.corpus.segment import segment


def baseline(path: Path) -> int:
    return sum(len(segment(d.text, excluded=d.excluded).tokens) for d in load(path))


def speaker_tables(base) -> None:
    q, d = base.quotes, base.documents
    speakers.speaker_table(q, d, mentions=base.mentions)
    speakers.share_of_voice(q, d, by="outlet")
    speakers.speakers_over_time(q, d)
    speakers.anonymous_rate(q, d, by="outlet")
    speakers.mentioned_not_quoted(base.mentions, q)


def verb_tables(base) -> None:
    q, d = base.quotes, base.documents
    verbs.verb_counts(q, d, by="outlet")
    verbs.category_by_speaker(q, min_attributions=3)
    verbs.category_share(q, d, by="outlet")


def frame_tables(docs: list, base) -> None:
    for lexicon in ("conflict_cooperation", "policy_frames"):
        framing.frame_counts(docs, lexicon, by="outlet", quotes=base.quotes)


def kwic_and_keyness(docs: list, base) -> None:
    framing.kwic(docs, "attack*", quotes=base.quotes)
    outlet = base.documents["outlet"].value_counts().index[0]
    keyness.keyness(docs, by="outlet", group=outlet, min_freq=5, stopwords=True)


def all_tables(path: Path) -> dict[str, float]:
    """Seconds of each step of the report's pass, in order."""
    load_step = timed(lambda: list(load(path)))
    docs = load_step.result
    analysis = timed(analyze, docs)
    base = analysis.result
    return {
        "load": load_step.best,
        "analyze (segment + attribute + mentions)": analysis.best,
        "speaker tables": timed(speaker_tables, base).best,
        "verb tables": timed(verb_tables, base).best,
        "frame counts (2 lexicons, by outlet, with voice)": timed(frame_tables, docs, base).best,
        "kwic + keyness": timed(kwic_and_keyness, docs, base).best,
    }


def main() -> int:
    args = benchmark_parser(__doc__, split="train").parse_args()
    path = require(args.polnear / args.split)
    t_base = timed(baseline, path).best
    steps = all_tables(path)
    total = sum(steps.values())
    for name, seconds in steps.items():
        print(f"{name:<50} {seconds:6.2f} s")
    print(f"{'all tables':<50} {total:6.2f} s")
    print(f"{'baseline (load + segment)':<50} {t_base:6.2f} s")
    print(f"ratio all tables / baseline: {total / t_base:.1f}")
    print(f"peak resident memory: {peak_memory_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
