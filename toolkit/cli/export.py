"""The ``toolkit export`` subcommand: every attribution of a corpus written to one file.

``toolkit export PATH --to parquet|csv|xlsx --out FILE`` runs the per-document pass (reading
results stored by earlier runs, see :mod:`toolkit.analysis.store`) and writes the attribution
table with corpus-wide speaker ids, one row per attribution, joined with each document's outlet,
date and title. (``--to`` names the file format here, so this command has no date range.)
"""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.options import (
    add_corpus_options,
    add_language_option,
    add_workers_option,
    available_cores,
    left_out_note,
    open_corpus,
)

__all__ = ["FORMATS", "register", "run_export"]

FORMATS = ("parquet", "csv", "xlsx")
# Excel's limit on the rows of one sheet, the header row included.
_XLSX_ROWS = 1_048_576


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``export`` subcommand."""
    p = subparsers.add_parser(
        "export", help="write every attribution of a corpus to a Parquet, CSV or Excel file",
        description="Write one row per attribution (speaker, cue, content with offsets, kind, "
                    "verb category) with the document's outlet, date and title.")
    add_corpus_options(p)
    add_language_option(p)
    add_workers_option(p)
    p.add_argument("--to", choices=FORMATS, required=True, help="file format")
    p.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    p.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Write the attribution table of the corpus to ``args.out``."""
    from toolkit.analysis import analyze
    from toolkit.errors import OutputError

    base = analyze(open_corpus(args), workers=args.workers or available_cores(),
                   mentions=False, store=not args.no_store, scheduler=args.scheduler)
    docs = base.documents[["doc_id", "outlet", "date", "title"]]
    table = base.quotes.merge(docs, on="doc_id", how="left", suffixes=("", "_document"))
    try:
        if args.to == "parquet":
            table.to_parquet(args.out, index=False)
        elif args.to == "csv":
            table.to_csv(args.out, index=False, lineterminator="\n")
        else:
            if len(table) >= _XLSX_ROWS:
                raise OutputError(f"{len(table):,} attributions do not fit in one Excel sheet",
                                  path=args.out, hint="use --to parquet or --to csv")
            table.to_excel(args.out, index=False, engine="openpyxl")
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=args.out) from None
    print(f"{len(table):,} attribution(s) from {len(base.documents):,} document(s) written to "
          f"{args.out}", file=sys.stderr)
    left_out_note(args)
    return 0
