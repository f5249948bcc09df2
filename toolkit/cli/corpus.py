"""The ``toolkit corpus`` subcommand: load a corpus and list every input with its status.

One record per input file (or table row): status ok/skipped/duplicate with the reason, metadata,
sizes and the cleaned body; a count of each status goes to stderr.
"""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.options import (
    add_corpus_options,
    add_format_option,
    add_raw_csv_option,
    add_worker_count_option,
    open_corpus,
)
from toolkit.cli.output import write_records

__all__ = ["register", "run_corpus"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``corpus`` subcommand."""
    p = subparsers.add_parser(
        "corpus", help="load a corpus and list every input with its status",
        description="Load a corpus and print one record per input file (or table row): "
                    "status ok/skipped/duplicate with the reason, metadata, sizes and the "
                    "cleaned body.")
    add_corpus_options(p)
    add_format_option(p)
    add_raw_csv_option(p)
    p.add_argument("--no-body", action="store_true", help="leave out the cleaned body")
    add_worker_count_option(p, "processes that read, clean and count the inputs; the records "
                               "are the same for any N (default: the cores available)")
    p.set_defaults(func=run_corpus)


def run_corpus(args: argparse.Namespace) -> int:
    """Write one summary record per input; the body only outside the table format."""
    from toolkit.corpus import summary_columns, summary_rows

    corpus = open_corpus(args)
    body = not args.no_body and args.format != "table"
    write_records(summary_rows(corpus, body=body), summary_columns(body=body), args.format,
                  raw=args.raw_csv)
    statuses = [r.status for r in corpus.report()]
    print(f"{len(statuses)} input(s): {statuses.count('ok')} ok, "
          f"{statuses.count('duplicate')} duplicate, {statuses.count('skipped')} skipped",
          file=sys.stderr)
    for note in corpus.notes():
        print(note, file=sys.stderr)
    return 0
