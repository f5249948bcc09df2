"""Command-line subcommands over corpus analyses: ``speakers``, ``verbs``, ``frames``, ``kwic``,
``keyness`` and ``collocates``.

Each command is an :class:`AnalysisCommand`: the options of its own and a function from the
parsed arguments to one library table. Every command also takes the corpus PATH, ``--format``
and the date range (:mod:`toolkit.cli.options`) and prints its table exactly as returned
(``--format csv`` is ``DataFrame.to_csv(index=False)``, with cells a spreadsheet would run as
formulas guarded unless ``--raw-csv``). ``speakers`` and ``verbs`` offer several
tables through ``--table``: :data:`SPEAKER_TABLES` and :data:`VERB_TABLES` name them and say what
each shows. ``register(subparsers)`` adds every command in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from toolkit.cli.options import (
    add_corpus_options,
    add_date_options,
    add_format_option,
    add_frame_lexicon_option,
    add_group_by_option,
    add_language_option,
    add_raw_csv_option,
    add_stopwords_option,
    add_top_n_option,
    add_voice_option,
    add_workers_option,
    available_cores,
    date_range,
    left_out_note,
    open_corpus,
)

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis import CorpusAnalysis
    from toolkit.corpus import Corpus

__all__ = ["COMMANDS", "SPEAKER_TABLES", "VERB_TABLES", "AnalysisCommand", "collocates_table",
           "frames_table", "keyness_table", "kwic_table", "register", "speakers_table",
           "verbs_table"]

FRAME_LEXICON = "conflict_cooperation"

SPEAKER_TABLES = {
    "speakers": "one row per canonical speaker with counts, words, share, documents, mentions, "
                "dates",
    "share": "share of voice per group, top N plus other",
    "anonymous": "anonymous-source rate per group",
    "mentioned": "named but never quoted",
    "over-time": "top speakers per month",
}

VERB_TABLES = {
    "counts": "lemma counts with stance category",
    "by-speaker": "verbs per speaker",
    "categories": "stance categories per speaker",
    "category-share": "stance mix per group",
    "taxonomy": "the stance categories and their sources",
}


@dataclass(frozen=True)
class AnalysisCommand:
    """One analysis subcommand: its name and help, its own options, and the table it prints."""

    name: str
    help: str
    description: str
    add_options: Callable[[argparse.ArgumentParser], None]
    table: Callable[[argparse.Namespace], pd.DataFrame]


def _listing(tables: Mapping[str, str]) -> str:
    return ", ".join(f"'{table}' ({summary})" for table, summary in tables.items())


def _add_table_choice(parser: argparse.ArgumentParser, tables: Mapping[str, str], *,
                      default: str) -> None:
    parser.add_argument("--table", choices=tuple(tables), default=default,
                        help=f"which table (default: {default})")


def _quotes_table(args: argparse.Namespace, corpus: Corpus) -> pd.DataFrame | None:
    """Attributed quotes for the voice split, or None with ``--no-quotes``."""
    if args.no_quotes:
        return None
    from toolkit.analysis import analyze
    from toolkit.analysis.scan import QUOTE_COLUMNS

    return analyze(corpus, workers=args.workers or available_cores(), quiet=True,
                   mentions=False, store=not args.no_store, scheduler=args.scheduler,
                   columns=QUOTE_COLUMNS).quotes


# The columns of the quotes table each family of tables reads: a command over a large corpus
# holds these, not every attribution's words and offsets.
SPEAKER_COLUMNS = ("doc_id", "speaker", "speaker_type", "speaker_title", "kind", "embedded",
                   "content_words")
VERB_COLUMNS = ("doc_id", "speaker", "speaker_type", "kind", "embedded", "cue_lemma",
                "verb_category", "content_start")


def _analysis(args: argparse.Namespace, columns: tuple[str, ...],
              mentions: bool | str) -> CorpusAnalysis:
    from toolkit.analysis import analyze

    return analyze(open_corpus(args), workers=args.workers or available_cores(),
                   store=not args.no_store, scheduler=args.scheduler, columns=columns,
                   mentions=mentions, **date_range(args))


# -- speakers and verbs -------------------------------------------------------------------------


def _speakers_options(parser: argparse.ArgumentParser) -> None:
    _add_table_choice(parser, SPEAKER_TABLES, default="speakers")
    add_group_by_option(parser)
    add_top_n_option(parser)


def speakers_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis import speakers

    base = _analysis(args, SPEAKER_COLUMNS, "counts")
    q, d, by, top_n = base.quotes, base.documents, args.by, args.top_n
    build: dict[str, Callable[[], pd.DataFrame]] = {
        "speakers": lambda: speakers.speaker_table(q, d, by=by, mentions=base.mentions,
                                                   top_n=top_n),
        "share": lambda: speakers.share_of_voice(q, d, by=by or "outlet", top_n=top_n or 10),
        "anonymous": lambda: speakers.anonymous_rate(q, d, by=by or "outlet"),
        "mentioned": lambda: speakers.mentioned_not_quoted(base.mentions, q),
        "over-time": lambda: speakers.speakers_over_time(q, d, period=(by or ["month"])[0],
                                                         top_n=top_n or 5),
    }
    return build[args.table]()


def _verbs_options(parser: argparse.ArgumentParser) -> None:
    _add_table_choice(parser, VERB_TABLES, default="counts")
    add_group_by_option(parser)
    parser.add_argument("--min-attributions", type=int, default=1, metavar="N",
                        help="per-speaker tables: leave out speakers with fewer cues "
                             "(default: 1)")


def verbs_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis import verbs

    if args.table == "taxonomy":  # the lexicon's categories: no corpus needed
        return verbs.load_categories()
    base = _analysis(args, VERB_COLUMNS, False)
    q, d, by, least = base.quotes, base.documents, args.by, args.min_attributions
    build: dict[str, Callable[[], pd.DataFrame]] = {
        "counts": lambda: verbs.verb_counts(q, d, by=by),
        "by-speaker": lambda: verbs.verbs_by_speaker(q, d, by=by, min_attributions=least),
        "categories": lambda: verbs.category_by_speaker(q, d, by=by, min_attributions=least),
        "category-share": lambda: verbs.category_share(q, d, by=by or "outlet"),
    }
    return build[args.table]()


# -- frames and kwic ----------------------------------------------------------------------------


def _frames_options(parser: argparse.ArgumentParser) -> None:
    add_frame_lexicon_option(parser, default=FRAME_LEXICON)
    add_group_by_option(parser)
    parser.add_argument("--groups", action="store_true",
                        help="count the lexicon's frame groups (e.g. conflict, cooperation)")
    parser.add_argument("--matches", action="store_true",
                        help="one row per match instead of counts")
    add_voice_option(parser)


def frames_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis.framing import frame_counts, frame_matches, load_lexicon

    lexicon = load_lexicon(args.lexicon)
    if args.groups:
        lexicon = lexicon.grouped()
    corpus = open_corpus(args)
    quotes = _quotes_table(args, corpus)
    stored = {"store": not args.no_store, "workers": args.workers or available_cores()}
    if args.matches:
        return frame_matches(corpus, lexicon, quotes=quotes, **stored, **date_range(args))
    return frame_counts(corpus, lexicon, by=args.by, quotes=quotes, **stored, **date_range(args))


def _kwic_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="term, wildcard (ending in *) or frame:NAME")
    parser.add_argument("--window", type=int, default=50, metavar="CHARS",
                        help="characters of context on each side (default: 50)")
    parser.add_argument("--sort-by", choices=["left", "right"], default=None,
                        help="sort by the word left or right of the match (default: text order)")
    parser.add_argument("--case-sensitive", action="store_true",
                        help="match QUERY's case exactly")
    add_frame_lexicon_option(parser, default=FRAME_LEXICON)
    add_voice_option(parser)


def kwic_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis.framing import kwic

    corpus = open_corpus(args)
    table = kwic(corpus, args.query, window=args.window, lexicon=args.lexicon,
                 quotes=_quotes_table(args, corpus), sort_by=args.sort_by,
                 case_sensitive=args.case_sensitive, store=not args.no_store,
                 **date_range(args))
    if table.empty:
        from toolkit.analysis.framing import describe_matches

        print(describe_matches(corpus, args.query, lexicon=args.lexicon, **date_range(args)),
              file=sys.stderr)
    return table


# -- keyness and collocates ---------------------------------------------------------------------


def _keyness_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--by", required=True, metavar="COLUMN",
                        help="document column or period that defines the groups")
    parser.add_argument("--group", required=True, help="the target group's value")
    parser.add_argument("--reference", default=None,
                        help="the reference group's value (default: rest)")
    parser.add_argument("--min-freq", type=int, default=5, metavar="N",
                        help="minimum frequency in group + reference (default: 5)")
    add_stopwords_option(parser)


def keyness_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis import keyness

    return keyness.keyness(open_corpus(args), by=args.by, group=args.group,
                           reference=args.reference, min_freq=args.min_freq,
                           stopwords=args.stopwords, store=not args.no_store,
                           workers=args.workers or available_cores(), **date_range(args))


def _collocates_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("word", help="the node: a word, a phrase or a wildcard (sanction*)")
    parser.add_argument("--window", type=int, default=5, metavar="WORDS",
                        help="words on each side (default: 5)")
    parser.add_argument("--min-freq", type=int, default=2, metavar="N",
                        help="minimum co-occurrence frequency (default: 2)")
    add_stopwords_option(parser)


def collocates_table(args: argparse.Namespace) -> pd.DataFrame:
    from toolkit.analysis import keyness

    corpus = open_corpus(args)
    table = keyness.collocates(corpus, args.word, window=args.window, min_freq=args.min_freq,
                               stopwords=args.stopwords, store=not args.no_store,
                               workers=args.workers or available_cores(), **date_range(args))
    if table.empty:
        print(keyness.describe_collocates(corpus, args.word, window=args.window,
                                          min_freq=args.min_freq, **date_range(args)),
              file=sys.stderr)
    return table


COMMANDS = (
    AnalysisCommand(
        "speakers", help="who is quoted: speaker frequency and share of voice",
        description=f"Speaker tables from the attributions: {_listing(SPEAKER_TABLES)}.",
        add_options=_speakers_options, table=speakers_table),
    AnalysisCommand(
        "verbs", help="how speech is reported: reporting verbs and their stance",
        description=f"Reporting-verb tables: {_listing(VERB_TABLES)}.",
        add_options=_verbs_options, table=verbs_table),
    AnalysisCommand(
        "frames", help="count framing terms per frame, by group and voice",
        description="Count lexicon matches per frame with rates per 1,000 words, split into the "
                    "journalist's text and attributed quotes; or list every match with "
                    "--matches.",
        add_options=_frames_options, table=frames_table),
    AnalysisCommand(
        "kwic", help="keyword in context for a term, wildcard or frame:NAME",
        description="Every match of QUERY with its left and right context. QUERY is a term "
                    "('irreparable harm'), a wildcard ('sanction*') or frame:NAME for all terms "
                    "of a lexicon frame.",
        add_options=_kwic_options, table=kwic_table),
    AnalysisCommand(
        "keyness", help="keywords of one group of documents against the rest",
        description="Words over- and under-used in the documents whose --by value is --group, "
                    "against --reference (default: all other documents): G2 with p-value, log "
                    "ratio and %%DIFF; positive = over-used in the group.",
        add_options=_keyness_options, table=keyness_table),
    AnalysisCommand(
        "collocates", help="words that occur near a word (PMI and log-likelihood)",
        description="Collocates of WORD within --window words on either side, scored by "
                    "pointwise mutual information and log-likelihood.",
        add_options=_collocates_options, table=collocates_table),
)


# The commands whose per-document work runs in workers and is kept in the result store, and so
# take --workers, --scheduler and --no-store.
_ANALYSING = ("speakers", "verbs", "frames", "kwic", "keyness", "collocates")


def _write_table(table: Callable[[argparse.Namespace], pd.DataFrame],
                 args: argparse.Namespace) -> int:
    from toolkit.cli.output import write_frame

    write_frame(table(args), args.format, raw=args.raw_csv)
    left_out_note(args)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add every subcommand in ``COMMANDS``: PATH, corpus options, ``--format``, the date range,
    then the command's own options."""
    for command in COMMANDS:
        parser = subparsers.add_parser(command.name, help=command.help,
                                       description=command.description)
        add_corpus_options(parser)
        add_format_option(parser)
        add_raw_csv_option(parser)
        add_date_options(parser)
        add_language_option(parser)
        if command.name in _ANALYSING:
            add_workers_option(parser)
        command.add_options(parser)
        parser.set_defaults(func=partial(_write_table, command.table))
