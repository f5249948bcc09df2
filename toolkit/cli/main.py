"""The ``toolkit`` command: a thin layer over the library functions.

Every subcommand reads a corpus (a folder of .txt files, a CSV/JSONL file or a brat folder),
calls one library function and prints its table as JSON Lines, CSV or an aligned text table.
Errors print one line (what went wrong, where, what to do) and exit with status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from toolkit import __version__

__all__ = ["EPILOG", "add_corpus_options", "open_corpus", "build_parser", "main"]

EPILOG = """\
examples:
  toolkit corpus data/sample --format table      one row per article: status, outlet, date, size
  toolkit quotes data/sample/articles/*.txt      who said what (JSON Lines)
  toolkit evaluate --gold ../shared/polnear      attribution quality against gold annotations

Run `toolkit COMMAND --help` for each command's options.
"""


def add_corpus_options(parser: argparse.ArgumentParser) -> None:
    """Options shared by every command that reads a corpus."""
    parser.add_argument("--input-format", choices=["txt", "csv", "jsonl", "brat"], default=None,
                        help="how to read PATH (default: detected from the path)")
    parser.add_argument("--text-column", default="text",
                        help="text column of a CSV/JSONL corpus (default: text)")
    parser.add_argument("--id-column", default=None,
                        help="document id column of a CSV/JSONL corpus (default: doc_id or id)")
    parser.add_argument("--include-duplicates", action="store_true",
                        help="keep syndicated copies (by default each story counts once)")


def open_corpus(args: argparse.Namespace, path: str):
    from toolkit.corpus import load

    return load(path, format=args.input_format, text_column=args.text_column,
                id_column=args.id_column, include_duplicates=args.include_duplicates)


def _corpus_command(sub) -> None:
    p = sub.add_parser(
        "corpus", help="load a corpus and list every input with its status",
        description="Load a corpus and print one record per input file (or table row): "
                    "status ok/skipped/duplicate with the reason, metadata, sizes and the "
                    "cleaned body.")
    p.add_argument("path", help="folder of .txt files, .txt, .csv, .jsonl, or brat folder")
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="table",
                   help="output format (default: table)")
    p.add_argument("--no-body", action="store_true", help="leave out the cleaned body")
    add_corpus_options(p)
    p.set_defaults(func=_run_corpus)


def _run_corpus(args: argparse.Namespace) -> int:
    from toolkit.cli.output import write_records
    from toolkit.corpus import summary_columns, summary_rows

    corpus = open_corpus(args, args.path)
    body = not args.no_body and args.format != "table"
    columns = summary_columns(body=body)
    write_records(summary_rows(corpus, body=body), columns, args.format)
    statuses = [r.status for r in corpus.report()]
    print(f"{len(statuses)} input(s): {statuses.count('ok')} ok, "
          f"{statuses.count('duplicate')} duplicate, {statuses.count('skipped')} skipped",
          file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toolkit", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Discourse analysis of news: who speaks, how their speech is reported, "
                    "and how stories are framed.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _corpus_command(sub)
    for module in _COMMAND_MODULES:
        _register(module, sub)
    return parser


# Modules that add their own subcommands through a ``register(subparsers)`` function.
_COMMAND_MODULES = ("toolkit.cli.quotes", "toolkit.cli.analyses", "toolkit.cli.report")


def _register(module: str, sub) -> None:
    import importlib

    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return
        raise
    mod.register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    from toolkit.errors import ToolkitError

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except ToolkitError as exc:
        print(f"toolkit {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
