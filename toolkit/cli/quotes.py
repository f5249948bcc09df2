"""Command-line subcommands ``quotes`` and ``evaluate``.

``register(subparsers)`` adds both to the ``toolkit`` command. The quotes path imports neither
pandas nor NLTK, so start-up stays short.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import sys
from pathlib import Path

__all__ = ["JSONL_KEYS", "register"]

JSONL_KEYS = ("doc_id", "path", "speaker", "speaker_type", "speaker_mention", "speaker_start",
              "speaker_end", "cue", "cue_lemma", "cue_start", "cue_end", "content", "content_start",
              "content_end", "kind", "verb_category")
_EXTRA_KEYS = ("speaker_title", "paragraph", "sentence")
_TABLE = (("doc_id", 24), ("speaker", 22), ("kind", 9), ("cue", 16), ("content", 60))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``quotes`` and ``evaluate`` subcommands."""
    quotes = subparsers.add_parser("quotes", help="extract attributions (who said what) from text files")
    quotes.add_argument("paths", nargs="*", metavar="PATH", help="UTF-8 text files")
    quotes.add_argument("--paths-from", metavar="FILE", help="read more paths, one per line ('-' = stdin)")
    quotes.add_argument("--format", choices=("jsonl", "csv", "table"), default="jsonl")
    quotes.add_argument("--lexicon", metavar="TSV", help="reporting-verb lexicon to use instead of the shipped one")
    quotes.add_argument("--floating", action="store_true",
                        help="also write cue-less continuation quotes (kind=floating) as records")
    quotes.set_defaults(func=run_quotes)
    evaluate = subparsers.add_parser("evaluate", help="score attributions against PolNeAR-style brat gold")
    evaluate.add_argument("--gold", required=True, metavar="DIR", help="folder with metadata.tsv and SPLIT/")
    evaluate.add_argument("--split", default="dev")
    evaluate.add_argument("--limit", type=int, default=0, help="first N articles only")
    evaluate.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    evaluate.set_defaults(func=run_evaluate)


def _read_paths(args: argparse.Namespace) -> list[str]:
    paths = list(args.paths)
    if args.paths_from:
        if args.paths_from == "-":
            source = contextlib.nullcontext(sys.stdin)
        else:
            source = open(args.paths_from, encoding="utf-8")
        with source as lines:
            paths.extend(line.strip() for line in lines if line.strip())
    return paths


def _read_text(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "is a directory"
    except UnicodeDecodeError:
        reason = "not UTF-8 text"
    except OSError as exc:
        reason = exc.strerror or "cannot be read"
    print(f"toolkit quotes: skipped {path}: {reason}", file=sys.stderr)
    return None


def _rows(record: object, path: str) -> dict[str, object]:
    values = record.__dict__
    row = {key: (path if key == "path" else values[key]) for key in JSONL_KEYS}
    row.update((key, values[key]) for key in _EXTRA_KEYS)
    return row


def _table_line(row: dict[str, object]) -> str:
    cells = []
    for key, width in _TABLE:
        value = "" if row[key] is None else " ".join(str(row[key]).split())
        cells.append(value[:width].ljust(width))
    return "  ".join(cells).rstrip()


def run_quotes(args: argparse.Namespace) -> int:
    """Write the attributions of every readable path to stdout; 1 when a path was skipped."""
    from toolkit.attribution import cued, extract, load_verb_lexicon
    from toolkit.corpus.clean import clean
    from toolkit.errors import ToolkitError

    try:
        paths = _read_paths(args)
        lexicon = load_verb_lexicon(args.lexicon) if args.lexicon else None
    except (OSError, ToolkitError) as exc:
        print(f"toolkit quotes: {exc}", file=sys.stderr)
        return 2
    if not paths:
        print("toolkit quotes: no input paths (give PATH... or --paths-from FILE)", file=sys.stderr)
        return 2
    out = sys.stdout
    writer = None
    if args.format == "csv":
        writer = csv.DictWriter(out, fieldnames=list(JSONL_KEYS + _EXTRA_KEYS), lineterminator="\n")
        writer.writeheader()
    elif args.format == "table":
        out.write(_table_line({key: key for key, _ in _TABLE}) + "\n")
    failed = floating = 0
    for path in paths:
        text = _read_text(path)
        if text is None:
            failed += 1
            continue
        records = extract(text, doc_id=Path(path).stem, lexicon=lexicon,
                          excluded=clean(text).excluded_spans)
        shown = records if args.floating else cued(records)
        floating += len(records) - len(shown)
        for record in shown:
            row = _rows(record, path)
            if writer is not None:
                writer.writerow(row)
            elif args.format == "table":
                out.write(_table_line(row) + "\n")
            else:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if floating:
        print(f"toolkit quotes: {floating} floating quote(s) (cue-less continuations of the "
              "previous speaker's quote) not written; add --floating to include them",
              file=sys.stderr)
    return 1 if failed else 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Run the extractor on a gold split and print the scores."""
    from toolkit.attribution.evaluate import evaluate_split, format_metrics
    from toolkit.errors import ToolkitError

    try:
        metrics = evaluate_split(args.gold, split=args.split, limit=args.limit)
    except ToolkitError as exc:
        print(f"toolkit evaluate: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(metrics) if args.json else format_metrics(metrics))
    return 0
