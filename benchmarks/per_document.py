"""Where a cold report's per-document time goes: each step's milliseconds per article.

usage: python benchmarks/per_document.py [--polnear DIR] [--size 300] [--repeat 3]

Builds ``--size`` mixed articles from the PolNeAR train split as ``scale.py`` does (in a
temporary folder), then times, in this one process and over the same articles, each step the
analysis runs for every document: the load scan (reading, cleaning, the near-duplicate
fingerprint, the language check), segmentation, attribution, titled names, frame matches, word
counts and name mention counts. Plain NLTK Punkt over the same paragraphs is the baseline
timed in the same run, so its ratio to the toolkit's segmentation says how that step changed
whatever the machine's load. Steps are timed in turn within each of ``--repeat`` rounds; the
best round of each is printed, in milliseconds per article and as a share of all steps.

Segmentation starts each round with Punkt remembering no decision (as a fresh worker process
does); frame matches and word counts find each article's segmentation kept from that step (as
the analysis does: one segmentation per document, shared).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import benchmark_parser, require, timed
from scale import build_corpus


def main() -> int:
    parser = benchmark_parser(__doc__, split="train", repeat=3)
    parser.add_argument("--size", type=int, default=300, help="articles (default: 300)")
    args = parser.parse_args()
    source = require(args.polnear / args.split)

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from toolkit.analysis.framing import as_lexicon
    from toolkit.analysis.framing.tables import frame_scan
    from toolkit.analysis.keyness import word_counts
    from toolkit.analysis.speakers import (
        document_mention_counts,
        finder_names,
        name_finder,
        titled_names,
    )
    from toolkit.attribution import extract, to_frame
    from toolkit.corpus import load
    from toolkit.corpus import segment as segmentation
    from toolkit.corpus.segment import paragraphs, segment, segment_document

    with tempfile.TemporaryDirectory(prefix="toolkit-per-document-") as temp:
        folder = build_corpus(source, args.size, Path(temp))
        docs = list(load(folder, cache=False, workers=1).documents())
        matcher = as_lexicon("conflict_cooperation").matcher
        tokenizer = segmentation._punkt(segmentation.load_abbreviations(), None)
        records = [r for d in docs for r in extract(d.text, doc_id=d.doc_id,
                                                     excluded=d.excluded)]
        finder = name_finder(*finder_names(to_frame(records),
                                           [n for d in docs for n in titled_names(d.text)]))
        plain = PunktSentenceTokenizer(tokenizer._params)  # Punkt deciding every time
        pieces = [d.text[a:b] for d in docs for a, b in paragraphs(d.text)]
        # Every article's segmentation kept for the steps that read it.
        segmentation.SEGMENTATIONS_KEPT_CHARS = sum(len(d.text) for d in docs) + 1
        for d in docs:
            segment_document(d)

        def segment_all() -> None:
            tokenizer._decided.clear()
            for d in docs:
                segment(d.text, excluded=d.excluded)

        steps = {
            "load scan (read, clean, fingerprint, language)":
                lambda: load(folder, cache=False, workers=1).report(),
            "Punkt alone over the paragraphs (baseline)":
                lambda: [list(plain.span_tokenize(p)) for p in pieces],
            "segmentation": segment_all,
            "attribution": lambda: [extract(d.text, doc_id=d.doc_id, excluded=d.excluded)
                                    for d in docs],
            "titled names": lambda: [titled_names(d.text) for d in docs],
            "frame matches": lambda: [frame_scan(matcher, d) for d in docs],
            "word counts": lambda: [word_counts(d) for d in docs],
            "mention counts": lambda: [document_mention_counts(finder, d) for d in docs],
        }
        best: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, step in steps.items():
                seconds = timed(step).best
                best[name] = min(best.get(name, seconds), seconds)
        n = len(docs)
        chars = sum(len(d.text) for d in docs)
        print(f"{n} articles, {chars / n:,.0f} characters each on average; best of "
              f"{args.repeat} rounds")
        counted = {k: v for k, v in best.items() if "baseline" not in k}
        total = sum(counted.values())
        for name, seconds in best.items():
            share = f"{100 * seconds / total:5.1f}%" if name in counted else "     -"
            print(f"  {name:<48} {1000 * seconds / n:7.2f} ms/article  {share}")
        print(f"  {'all steps':<48} {1000 * total / n:7.2f} ms/article")
        baseline = "Punkt alone over the paragraphs (baseline)"
        print(f"segmentation / plain Punkt: {best['segmentation'] / best[baseline]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
