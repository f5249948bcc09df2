"""Options that several ``toolkit`` subcommands share, each defined once.

The ``add_*`` functions add one group of arguments to a subparser: the corpus PATH and how to
read it, the date range, the output format, grouping, top N, stopwords, the framing lexicon and
the voice split. :func:`open_corpus` and :func:`date_range` read them back from the parsed
arguments; :func:`check_dates` checks the date range of any command. Nothing here imports
pandas, so building the parser stays quick.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import re
import sys
from typing import TYPE_CHECKING

from toolkit.cli.output import FORMATS

if TYPE_CHECKING:
    from toolkit.corpus import Corpus

__all__ = [
    "COLUMN_FIELDS",
    "NUMBER_LIMITS",
    "add_column_options",
    "add_reading_options",
    "add_corpus_options",
    "add_language_option",
    "add_date_options",
    "add_format_option",
    "add_frame_lexicon_option",
    "add_group_by_option",
    "add_raw_csv_option",
    "add_stopwords_option",
    "add_top_n_option",
    "add_voice_option",
    "add_worker_count_option",
    "add_workers_option",
    "available_cores",
    "check_dates",
    "check_numbers",
    "column_options",
    "date_range",
    "left_out_note",
    "open_corpus",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The document fields a user can map to a column, with examples of the names tried without one.
COLUMN_FIELDS = (
    ("text", "text, body, content"),
    ("id", "doc_id, id"),
    ("title", "title, headline"),
    ("outlet", "outlet, source.name, site_name"),
    ("date", "date, publishedAt, pubDate"),
    ("author", "author, byline"),
    ("url", "url, link"),
)

# The smallest value each numeric option accepts, by its destination: (flag, minimum, meaning).
NUMBER_LIMITS = {
    "top_n": ("--top-n", 1, "how many to keep"),
    "window": ("--window", 1, "the context on each side"),
    "min_freq": ("--min-freq", 1, "a frequency"),
    "min_attributions": ("--min-attributions", 1, "a count of cues"),
    "size": ("-n/--size", 1, "how many attributions to sample"),
    "seed": ("--seed", 0, "a random seed"),
    "limit": ("--limit", 0, "a number of articles (0: all)"),
    "timeout": ("--timeout", 0, "seconds (0: no limit)"),
}


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """The positional PATH and the options that say how to read it."""
    parser.add_argument("path", help="folder of .txt files, .txt, .csv, .jsonl, or brat folder")
    add_reading_options(parser)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The options that say how to read a corpus (for commands whose PATH is optional)."""
    parser.add_argument("--input-format", choices=["txt", "csv", "jsonl", "brat"], default=None,
                        help="how to read PATH (default: detected from the path)")
    add_column_options(parser)
    parser.add_argument("--include-duplicates", action="store_true",
                        help="keep syndicated copies (by default each story counts once)")


def add_column_options(parser: argparse.ArgumentParser) -> None:
    """``--text-column``, ``--id-column``...: which column or field holds each document field."""
    for field, usual in COLUMN_FIELDS:
        parser.add_argument(f"--{field}-column", default=None, metavar="NAME",
                            help=f"column (CSV/TSV, metadata file) or field (JSONL; a dotted path "
                                 f"such as source.name reaches into nested objects) holding the "
                                 f"{field} (default: the usual names, e.g. {usual})")


def column_options(args: argparse.Namespace) -> dict[str, str | None]:
    """The column options as ``text_column=...`` keyword arguments of
    :func:`toolkit.corpus.load`."""
    return {f"{field}_column": getattr(args, f"{field}_column") for field, _ in COLUMN_FIELDS}


def open_corpus(args: argparse.Namespace, *, path: str | None = None) -> Corpus:
    """Load the corpus named by the options of :func:`add_corpus_options` (or at ``path``,
    read with those options). Inputs not read before are read over ``--workers`` processes
    (the cores available when the command has no such option)."""
    from toolkit.corpus import load

    english_only = hasattr(args, "all_languages") and not args.all_languages
    corpus = load(args.path if path is None else path, format=args.input_format,
                  include_duplicates=args.include_duplicates, english_only=english_only,
                  workers=getattr(args, "workers", None) or available_cores(),
                  **column_options(args))
    statuses = [record.status for record in corpus.report()]
    left_out = [f"{n} input(s) skipped" if status == "skipped" else f"{n} duplicate(s) left out"
                for status in ("skipped", "duplicate") if (n := statuses.count(status))
                and not (status == "duplicate" and args.include_duplicates)]
    # Said by the command once its output is written (see left_out_note).
    args.left_out = (f"note: {' and '.join(left_out)} (`toolkit corpus PATH` lists each with "
                     "the reason)") if left_out else None
    not_english = corpus.language_counts()["other"]
    if not_english and english_only:
        print(f"note: {not_english} document(s) left out because they do not look English (the "
              "attribution rules and word lists are English-only; `toolkit corpus PATH` lists "
              "them, --all-languages keeps them)", file=sys.stderr)
    elif not_english:
        print(f"note: {not_english} document(s) do not look English; the attribution rules and "
              "word lists are English-only, so they add little to the counts (see `toolkit "
              "corpus PATH` for which)", file=sys.stderr)
    return corpus


def left_out_note(args: argparse.Namespace) -> None:
    """Say on stderr how many inputs the corpus :func:`open_corpus` opened left out (skipped,
    duplicates), if any: every input is accounted for in what a command prints."""
    note = getattr(args, "left_out", None)
    if note:
        print(note, file=sys.stderr)


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--all-languages``: keep documents that do not look English in the counts."""
    parser.add_argument("--all-languages", action="store_true",
                        help="count documents that do not look English too (by default they are "
                             "left out, with a note: the attribution rules and word lists are "
                             "English-only)")


def check_numbers(args: argparse.Namespace) -> None:
    """Raise ParameterError for a numeric option below its smallest sensible value (see
    :data:`NUMBER_LIMITS`), or a number that is not finite; absent options pass."""
    import math

    from toolkit.errors import ParameterError

    for name, (flag, least, meaning) in NUMBER_LIMITS.items():
        value = getattr(args, name, None)
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        if not math.isfinite(value) or value < least:
            wanted = "a positive whole number" if least == 1 else f"a number >= {least}"
            raise ParameterError(f"{flag} {value}: expected {wanted} ({meaning})",
                                 hint=f"give {flag} {least} or more")


def available_cores() -> int:
    """The cores this process may run on."""
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not offered on every platform
        return os.cpu_count() or 1


def add_worker_count_option(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--workers N``: how many processes (at least 1; default None, the caller's choice)."""
    parser.add_argument("--workers", type=_positive, default=None, metavar="N", help=help_text)


def add_workers_option(parser: argparse.ArgumentParser) -> None:
    """``--workers N``: processes for the per-document work (default: the cores available);
    ``--scheduler``: Dask instead of local processes; ``--no-store``: neither read nor keep
    per-document results in the result store."""
    parser.add_argument("--workers", type=_positive, default=None, metavar="N",
                        help="processes for the per-document work; results are the same for "
                             "any N (default: the cores available)")
    parser.add_argument("--scheduler", default=None, metavar="dask|tcp://HOST:PORT",
                        help="run the per-document work on Dask: 'dask' starts a local cluster "
                             "of --workers processes, an address uses a running scheduler")
    parser.add_argument("--no-store", action="store_true",
                        help="compute every document afresh and keep nothing (by default "
                             "per-document results are kept under the cache folder and reused)")


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def check_dates(args: argparse.Namespace) -> None:
    """Raise ParameterError unless each date given to :func:`add_date_options` is a calendar
    date written YYYY-MM-DD; commands without a date range pass."""
    from toolkit.errors import ParameterError

    for name, flag in (("date_from", "--date-from"), ("date_to", "--date-to")):
        value = getattr(args, name, None)
        if value is not None and not _is_iso_date(value):
            raise ParameterError(f"parameter {name}: {value!r} is not an ISO date",
                                 hint=f"give {flag} as YYYY-MM-DD, e.g. 2026-03-01")


def _is_iso_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def add_date_options(parser: argparse.ArgumentParser) -> None:
    """``--date-from``/``--date-to`` (aliases ``--from``/``--to``): an inclusive date range.

    :func:`toolkit.cli.main.main` checks the dates (:func:`check_dates`) before any command runs.
    """
    parser.add_argument("--date-from", "--from", dest="date_from", default=None,
                        metavar="YYYY-MM-DD",
                        help="only documents dated on or after this day")
    parser.add_argument("--date-to", "--to", dest="date_to", default=None,
                        metavar="YYYY-MM-DD",
                        help="only documents dated on or before this day")


def date_range(args: argparse.Namespace) -> dict[str, str | None]:
    """The parsed date range as ``date_from``/``date_to`` keyword arguments."""
    return {"date_from": args.date_from, "date_to": args.date_to}


def add_format_option(parser: argparse.ArgumentParser, *, default: str = "table") -> None:
    """``--format``: JSON Lines, CSV or an aligned text table."""
    parser.add_argument("--format", choices=FORMATS, default=default,
                        help=f"output format (default: {default})")


def add_group_by_option(parser: argparse.ArgumentParser) -> None:
    """``--by``, repeatable: split a table by document columns or periods."""
    parser.add_argument("--by", action="append", metavar="COLUMN",
                        help="group by a document column (outlet, author, doc_id, a metadata "
                             "column) or a period (week, month, quarter, year); repeat for "
                             "several")


def add_top_n_option(parser: argparse.ArgumentParser) -> None:
    """``--top-n``: keep the N most quoted speakers."""
    parser.add_argument("--top-n", type=int, default=None, metavar="N",
                        help="keep the N most quoted speakers (per group)")


def add_raw_csv_option(parser: argparse.ArgumentParser) -> None:
    """``--raw-csv``: write CSV cells exactly as they are, without the spreadsheet guard."""
    parser.add_argument("--raw-csv", action="store_true",
                        help="CSV output: write cells exactly as they are (by default a cell "
                             "starting with =, +, -, @, tab or CR is prefixed with ' so that "
                             "spreadsheets do not run it as a formula)")


def add_stopwords_option(parser: argparse.ArgumentParser) -> None:
    """``--stopwords [FILE]``: leave out the built-in English stopwords or those in FILE."""
    parser.add_argument("--stopwords", nargs="?", const=True, default=False, metavar="FILE",
                        help="leave out stopwords (the built-in English list, or FILE)")


def add_frame_lexicon_option(parser: argparse.ArgumentParser, *, default: str) -> None:
    """``--lexicon``: a built-in framing lexicon or a lexicon file."""
    parser.add_argument("--lexicon", default=default, metavar="NAME|FILE",
                        help=f"built-in lexicon name or a .yaml/.dic/.csv file "
                             f"(default: {default})")


def add_voice_option(parser: argparse.ArgumentParser) -> None:
    """``--no-quotes``: skip attribution, so every word counts as the journalist's."""
    parser.add_argument("--no-quotes", action="store_true",
                        help="skip attribution: count all text as the journalist's voice")
