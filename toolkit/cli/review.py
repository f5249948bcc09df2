"""The ``toolkit review`` subcommand: review a sample of attributions in a terminal and print
the precision estimate (the loop itself is :mod:`toolkit.review.terminal`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from toolkit.cli.options import add_language_option, add_reading_options, open_corpus
from toolkit.review.terminal import COMMANDS_HELP, run_loop

if TYPE_CHECKING:
    from toolkit.review.store import Review

__all__ = ["register", "run"]

DESCRIPTION = """\
Review a random, stratified sample of a corpus's attributions and estimate attribution
precision on that corpus. The first run draws the sample and lays out FOLDER (brat files in
the PolNeAR layout, readable by `toolkit evaluate --gold FOLDER --split review`); later runs
go on with the undecided items.
"""

EPILOG = COMMANDS_HELP + """
examples:
  toolkit review data/sample --folder review-sample -n 50
  toolkit review --folder review-sample              go on where you stopped
  toolkit review --folder review-sample --summary    the estimate only
"""


def register(subparsers) -> None:
    """Add the ``review`` subcommand."""
    p = subparsers.add_parser("review", help="review a sample of attributions; estimate precision",
                              description=DESCRIPTION, epilog=EPILOG,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("path", nargs="?", default=None, metavar="corpus",
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
    add_reading_options(p)
    add_language_option(p)
    p.set_defaults(func=run)


def _open(args: argparse.Namespace) -> Review:
    from pathlib import Path

    from toolkit.review.store import open_review, start_review

    if args.path is None or (Path(args.folder) / "review.json").is_file():
        return open_review(args.folder)
    corpus = open_corpus(args)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    return start_review(corpus, args.folder, n=args.size, by=by, seed=args.seed,
                        reviewer=args.reviewer)


def run(args: argparse.Namespace) -> int:
    """Review the pending items on standard input, then print the estimate."""
    from toolkit.review.estimate import precision_summary, precision_table, summary_text

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
