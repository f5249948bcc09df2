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
from typing import TYPE_CHECKING

from toolkit.cli.output import FORMATS

if TYPE_CHECKING:
    from toolkit.corpus import Corpus

__all__ = [
    "add_reading_options",
    "add_corpus_options",
    "add_date_options",
    "add_format_option",
    "add_frame_lexicon_option",
    "add_group_by_option",
    "add_stopwords_option",
    "add_top_n_option",
    "add_voice_option",
    "add_workers_option",
    "available_cores",
    "check_dates",
    "date_range",
    "open_corpus",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The document fields a user can map to a column, with examples of the names tried without one.
_COLUMN_FIELDS = (
    ("text", "text, body, content"),
    ("id", "doc_id, id"),
    ("title", "title, headline"),
    ("outlet", "outlet, source.name, site_name"),
    ("date", "date, publishedAt, pubDate"),
    ("author", "author, byline"),
    ("url", "url, link"),
)


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """The positional PATH and the options that say how to read it."""
    parser.add_argument("path", help="folder of .txt files, .txt, .csv, .jsonl, or brat folder")
    add_reading_options(parser)


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """The options that say how to read a corpus (for commands whose PATH is optional)."""
    parser.add_argument("--input-format", choices=["txt", "csv", "jsonl", "brat"], default=None,
                        help="how to read PATH (default: detected from the path)")
    for field, usual in _COLUMN_FIELDS:
        parser.add_argument(f"--{field}-column", default=None, metavar="NAME",
                            help=f"column (CSV/TSV, metadata file) or field (JSONL; a dotted path "
                                 f"such as source.name reaches into nested objects) holding the "
                                 f"{field} (default: the usual names, e.g. {usual})")
    parser.add_argument("--include-duplicates", action="store_true",
                        help="keep syndicated copies (by default each story counts once)")


def open_corpus(args: argparse.Namespace) -> Corpus:
    """Load the corpus named by the options of :func:`add_corpus_options`."""
    from toolkit.corpus import load

    columns = {f"{field}_column": getattr(args, f"{field}_column") for field, _ in _COLUMN_FIELDS}
    return load(args.path, format=args.input_format, include_duplicates=args.include_duplicates,
                **columns)


def available_cores() -> int:
    """The cores this process may run on."""
    import os

    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not offered on every platform
        return os.cpu_count() or 1


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
