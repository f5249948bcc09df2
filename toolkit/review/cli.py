"""The ``toolkit review`` subcommand: the review loop in a terminal.

It prints one item at a time (the sentence with ``[[speaker]]``, ``<<cue>>`` and
``{{content}}`` marked) and reads the decision from standard input, one line each:

- ``c`` correct (with any corrections typed before, the spans as corrected), ``w`` wrong;
- ``s WORDS``, ``v WORDS``, ``t WORDS`` set the speaker, cue or content to WORDS as they appear
  in the article (``-`` for none), then show the item again;
- ``n`` (or an empty line) leaves the item for later, ``q`` (or end of input) stops.

Every decision is saved at once in the review folder, so the loop can be left and taken up
again; at the end the precision estimate is printed.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from toolkit.errors import ToolkitError
from toolkit.review.estimate import precision_summary, precision_table, summary_text
from toolkit.review.items import corrected_spans, item_text
from toolkit.review.store import Review, open_review, start_review

__all__ = ["register", "run_loop"]

DESCRIPTION = """\
Review a random, stratified sample of a corpus's attributions and estimate attribution
precision on that corpus. The first run draws the sample and lays out FOLDER (brat files in
the PolNeAR layout, readable by `toolkit evaluate --gold FOLDER --split review`); later runs
go on with the undecided items.
"""

EPILOG = """\
at the prompt:
  c             correct (or: record the corrections typed so far)
  w             wrong: not an attribution
  s WORDS       the speaker is WORDS (as written in the article; - for none)
  v WORDS       the cue is WORDS
  t WORDS       the content is WORDS
  n             next item, decide this one later
  q             stop (decisions are saved as you go)

examples:
  toolkit review data/sample --folder review-sample -n 50
  toolkit review --folder review-sample              go on where you stopped
  toolkit review --folder review-sample --summary    the estimate only
"""

PROMPT = "[c]orrect [w]rong  s/v/t WORDS: fix speaker/cue/content  [n]ext [q]uit > "
_FIELDS = {"s": "speaker", "v": "cue", "t": "content"}


def register(subparsers) -> None:
    """Add the ``review`` subcommand."""
    p = subparsers.add_parser("review", help="review a sample of attributions; estimate precision",
                              description=DESCRIPTION, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", nargs="?", default=None,
                   help="the corpus (folder or file); needed only to start a review")
    p.add_argument("--folder", required=True, help="the review folder")
    p.add_argument("-n", "--size", type=int, default=100,
                   help="how many attributions to sample (default: 100)")
    p.add_argument("--seed", type=int, default=0, help="random seed of the sample (default: 0)")
    p.add_argument("--by", default="kind,outlet",
                   help="comma-separated strata columns (default: kind,outlet; '' for none)")
    p.add_argument("--reviewer", default="reviewer",
                   help="your name or initials, used in the .ann file names")
    p.add_argument("--summary", action="store_true",
                   help="print the estimate and the precision by kind, review nothing")
    p.add_argument("--input-format", choices=["txt", "csv", "jsonl", "brat"], default=None,
                   help="how to read CORPUS (default: detected from the path)")
    p.add_argument("--text-column", default="text",
                   help="text column of a CSV/JSONL corpus (default: text)")
    p.add_argument("--id-column", default=None,
                   help="document id column of a CSV/JSONL corpus (default: doc_id or id)")
    p.set_defaults(func=run)


def _open(args: argparse.Namespace) -> Review:
    from pathlib import Path

    if args.corpus is None or (Path(args.folder) / "review.json").is_file():
        return open_review(args.folder)
    from toolkit.corpus import load

    corpus = load(args.corpus, format=args.input_format, text_column=args.text_column,
                  id_column=args.id_column)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    return start_review(corpus, args.folder, n=args.size, by=by, seed=args.seed,
                        reviewer=args.reviewer)


def run(args: argparse.Namespace) -> int:
    review = _open(args)
    if not args.summary:
        run_loop(review, sys.stdin, sys.stdout)
    summary = precision_summary(review)
    print(summary_text(summary))
    if args.summary and summary["n_reviewed"]:
        print()
        print(precision_table(review, by="kind").to_string(index=False, float_format="%.3f"))
    print(f"\ndecisions: {review.folder}/{review.split}/attributions/")
    return 0


def _read(stdin: TextIO, stdout: TextIO) -> str | None:
    stdout.write(PROMPT)
    stdout.flush()
    line = stdin.readline()
    return None if line == "" else line.strip()


def run_loop(review: Review, stdin: TextIO, stdout: TextIO) -> int:
    """Review the undecided items of ``review`` reading commands from ``stdin``; returns how
    many decisions were recorded."""
    recorded = 0
    for item in review.pending():
        typed: dict[str, str] = {}
        stdout.write("\n" + item_text(review, item) + "\n")
        while True:
            line = _read(stdin, stdout)
            if line is None or line == "q":
                return recorded
            command, _, words = line.partition(" ")
            try:
                if command in ("", "n"):
                    break
                if command == "w":
                    review.mark(item, "wrong")
                elif command == "c":
                    review.correct(item, **corrected_spans(review, item, **typed))
                elif command in _FIELDS and words.strip():
                    candidate = {**typed, _FIELDS[command]: words}
                    spans = corrected_spans(review, item, **candidate)
                    typed = candidate
                    stdout.write("\n" + item_text(review, item, spans=spans) + "\n")
                    continue
                else:
                    stdout.write("? " + PROMPT.split(" > ")[0] + "\n")
                    continue
            except ToolkitError as exc:
                stdout.write(f"cannot do that: {exc}\n")
                continue
            recorded += 1
            break
    return recorded
