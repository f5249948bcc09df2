"""Command-line subcommands over corpus analyses: ``speakers``, ``verbs``, ``frames``, ``kwic``,
``keyness`` and ``collocates``.

``register(subparsers)`` adds every command listed in ``COMMANDS``; each entry is a function
that adds one subparser and sets ``func``. A new analysis adds its function to ``COMMANDS`` and
reuses :func:`_base` (PATH, corpus options, ``--format``) and :func:`_quotes_table` (voice).
"""

from __future__ import annotations

import argparse
import sys

from toolkit.cli.main import add_corpus_options, open_corpus

__all__ = ["COMMANDS", "register"]


def _base(sub, name: str, *, help: str, description: str) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help, description=description)
    p.add_argument("path", help="folder of .txt files, .txt, .csv, .jsonl, or brat folder")
    p.add_argument("--format", choices=["csv", "jsonl", "table"], default="table",
                   help="output format (default: table)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="only documents dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="only documents dated on or before DATE (YYYY-MM-DD)")
    add_corpus_options(p)
    return p


def _voice_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-quotes", action="store_true",
                   help="skip attribution: count all text as the journalist's voice")


def _lexicon_option(p: argparse.ArgumentParser, default: str | None) -> None:
    p.add_argument("--lexicon", default=default, metavar="NAME|FILE",
                   help="built-in lexicon name or a .yaml/.dic/.csv file"
                        + (f" (default: {default})" if default else ""))


def _quotes_table(args: argparse.Namespace, corpus):
    """Attributed quotes for voice, or None with ``--no-quotes``."""
    if args.no_quotes:
        return None
    from toolkit.attribution import attribute

    return attribute(corpus, as_frame=True)


def _write(frame, args: argparse.Namespace) -> int:
    from toolkit.cli.output import write_frame

    write_frame(frame, args.format)
    return 0


# -- frames -------------------------------------------------------------------------------------


def frames_command(sub) -> None:
    p = _base(sub, "frames", help="count framing terms per frame, by group and voice",
              description="Count lexicon matches per frame with rates per 1,000 words, split "
                          "into the journalist's text and attributed quotes; or list every "
                          "match with --matches.")
    _lexicon_option(p, "conflict_cooperation")
    p.add_argument("--by", action="append", metavar="COLUMN",
                   help="group by a document column (outlet, author, doc_id, a metadata column) "
                        "or a period (week, month, year); repeat for several")
    p.add_argument("--groups", action="store_true",
                   help="count the lexicon's frame groups (e.g. conflict, cooperation)")
    p.add_argument("--matches", action="store_true", help="one row per match instead of counts")
    _voice_options(p)
    p.set_defaults(func=run_frames)


def run_frames(args: argparse.Namespace) -> int:
    from toolkit.analysis.framing import frame_counts, frame_matches
    from toolkit.analysis.framing.lexicon import load_lexicon

    lexicon = load_lexicon(args.lexicon)
    if args.groups:
        lexicon = lexicon.grouped()
    corpus = open_corpus(args, args.path)
    quotes = _quotes_table(args, corpus)
    dates = {"date_from": args.date_from, "date_to": args.date_to}
    if args.matches:
        return _write(frame_matches(corpus, lexicon, quotes=quotes, **dates), args)
    return _write(frame_counts(corpus, lexicon, by=args.by, quotes=quotes, **dates), args)


# -- kwic ---------------------------------------------------------------------------------------


def kwic_command(sub) -> None:
    p = _base(sub, "kwic", help="keyword in context for a term, wildcard or frame:NAME",
              description="Every match of QUERY with its left and right context. QUERY is a "
                          "term ('irreparable harm'), a wildcard ('sanction*') or frame:NAME "
                          "for all terms of a lexicon frame.")
    p.add_argument("query", help="term, wildcard (ending in *) or frame:NAME")
    p.add_argument("--window", type=int, default=50,
                   help="characters of context on each side (default: 50)")
    p.add_argument("--sort-by", choices=["left", "right"], default=None,
                   help="sort by the word left or right of the match (default: text order)")
    p.add_argument("--case-sensitive", action="store_true", help="match QUERY's case exactly")
    _lexicon_option(p, "conflict_cooperation")
    _voice_options(p)
    p.set_defaults(func=run_kwic)


def run_kwic(args: argparse.Namespace) -> int:
    from toolkit.analysis.framing import kwic

    corpus = open_corpus(args, args.path)
    table = kwic(corpus, args.query, window=args.window, lexicon=args.lexicon,
                 quotes=_quotes_table(args, corpus), sort_by=args.sort_by,
                 case_sensitive=args.case_sensitive, date_from=args.date_from,
                 date_to=args.date_to)
    if table.empty:
        from toolkit.analysis.framing import describe_matches

        print(describe_matches(corpus, args.query, lexicon=args.lexicon, date_from=args.date_from,
                               date_to=args.date_to), file=sys.stderr)
    return _write(table, args)


# -- keyness ------------------------------------------------------------------------------------


def keyness_command(sub) -> None:
    p = _base(sub, "keyness", help="keywords of one group of documents against the rest",
              description="Words over- and under-used in the documents whose --by value is "
                          "--group, against --reference (default: all other documents): G2 "
                          "with p-value, log ratio and %%DIFF; positive = over-used in the group.")
    p.add_argument("--by", required=True, metavar="COLUMN",
                   help="document column or period that defines the groups")
    p.add_argument("--group", required=True, help="the target group's value")
    p.add_argument("--reference", default=None, help="the reference group's value (default: rest)")
    p.add_argument("--min-freq", type=int, default=5,
                   help="minimum frequency in group + reference (default: 5)")
    p.add_argument("--stopwords", nargs="?", const=True, default=False, metavar="FILE",
                   help="leave out stopwords (the built-in English list, or FILE)")
    p.set_defaults(func=run_keyness)


def run_keyness(args: argparse.Namespace) -> int:
    from toolkit.analysis.keyness import keyness

    table = keyness(open_corpus(args, args.path), by=args.by, group=args.group,
                    reference=args.reference, min_freq=args.min_freq, stopwords=args.stopwords,
                    date_from=args.date_from, date_to=args.date_to)
    return _write(table, args)


# -- collocates ---------------------------------------------------------------------------------


def collocates_command(sub) -> None:
    p = _base(sub, "collocates", help="words that occur near a word (PMI and log-likelihood)",
              description="Collocates of WORD within --window words on either side, scored by "
                          "pointwise mutual information and log-likelihood.")
    p.add_argument("word", help="the node: a word, a phrase or a wildcard (sanction*)")
    p.add_argument("--window", type=int, default=5, help="words on each side (default: 5)")
    p.add_argument("--min-freq", type=int, default=2,
                   help="minimum co-occurrence frequency (default: 2)")
    p.add_argument("--stopwords", nargs="?", const=True, default=False, metavar="FILE",
                   help="leave out stopwords (the built-in English list, or FILE)")
    p.set_defaults(func=run_collocates)


def run_collocates(args: argparse.Namespace) -> int:
    from toolkit.analysis.keyness import collocates

    corpus = open_corpus(args, args.path)
    table = collocates(corpus, args.word, window=args.window, min_freq=args.min_freq,
                       stopwords=args.stopwords, date_from=args.date_from, date_to=args.date_to)
    if table.empty:
        from toolkit.analysis.keyness import describe_collocates

        print(describe_collocates(corpus, args.word, window=args.window, min_freq=args.min_freq,
                                  date_from=args.date_from, date_to=args.date_to),
              file=sys.stderr)
    return _write(table, args)


# -- speakers and verbs -----------------------------------------------------------------------


def _analysis(args: argparse.Namespace):
    from toolkit.analysis import analyze

    return analyze(open_corpus(args, args.path), date_from=args.date_from, date_to=args.date_to)


def _by_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--by", action="append", metavar="COLUMN",
                   help="group by a document column (outlet, author, doc_id) or a period "
                        "(week, month, quarter, year); repeat for several")


SPEAKER_TABLES = ("speakers", "share", "anonymous", "mentioned", "over-time")


def speakers_command(sub) -> None:
    p = _base(sub, "speakers", help="who is quoted: speaker frequency and share of voice",
              description="Speaker tables from the attributions: 'speakers' (one row per "
                          "canonical speaker with counts, words, share, documents, mentions, "
                          "dates), 'share' (share of voice per group, top N plus other), "
                          "'anonymous' (anonymous-source rate per group), 'mentioned' (named "
                          "but never quoted), 'over-time' (top speakers per month).")
    p.add_argument("--table", choices=SPEAKER_TABLES, default="speakers",
                   help="which table (default: speakers)")
    _by_option(p)
    p.add_argument("--top-n", type=int, default=None,
                   help="keep the N most quoted speakers (per group)")
    p.set_defaults(func=run_speakers)


def run_speakers(args: argparse.Namespace) -> int:
    from toolkit.analysis import speakers

    base = _analysis(args)
    q, d, by = base.quotes, base.documents, args.by
    if args.table == "speakers":
        table = speakers.speaker_table(q, d, by=by, mentions=base.mentions, top_n=args.top_n)
    elif args.table == "share":
        table = speakers.share_of_voice(q, d, by=by or "outlet", top_n=args.top_n or 10)
    elif args.table == "anonymous":
        table = speakers.anonymous_rate(q, d, by=by or "outlet")
    elif args.table == "mentioned":
        table = speakers.mentioned_not_quoted(base.mentions, q)
    else:
        table = speakers.speakers_over_time(q, d, period=(by or ["month"])[0],
                                            top_n=args.top_n or 5)
    return _write(table, args)


VERB_TABLES = ("counts", "by-speaker", "categories", "category-share", "taxonomy")


def verbs_command(sub) -> None:
    p = _base(sub, "verbs", help="how speech is reported: reporting verbs and their stance",
              description="Reporting-verb tables: 'counts' (lemma counts with stance "
                          "category), 'by-speaker' (verbs per speaker), 'categories' (stance "
                          "categories per speaker), 'category-share' (stance mix per group), "
                          "'taxonomy' (the stance categories and their sources).")
    p.add_argument("--table", choices=VERB_TABLES, default="counts",
                   help="which table (default: counts)")
    _by_option(p)
    p.add_argument("--min-attributions", type=int, default=1,
                   help="per-speaker tables: leave out speakers with fewer cues (default: 1)")
    p.set_defaults(func=run_verbs)


def run_verbs(args: argparse.Namespace) -> int:
    from toolkit.analysis import verbs

    if args.table == "taxonomy":
        return _write(verbs.load_categories(), args)
    base = _analysis(args)
    q, d, by = base.quotes, base.documents, args.by
    if args.table == "counts":
        table = verbs.verb_counts(q, d, by=by)
    elif args.table == "by-speaker":
        table = verbs.verbs_by_speaker(q, d, by=by, min_attributions=args.min_attributions)
    elif args.table == "categories":
        table = verbs.category_by_speaker(q, d, by=by, min_attributions=args.min_attributions)
    else:
        table = verbs.category_share(q, d, by=by or "outlet")
    return _write(table, args)


COMMANDS = (speakers_command, verbs_command, frames_command, kwic_command, keyness_command,
            collocates_command)


def register(subparsers) -> None:
    """Add every subcommand in ``COMMANDS`` to an argparse subparsers object."""
    for add in COMMANDS:
        add(subparsers)
