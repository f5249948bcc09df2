"""Command-line subcommands ``quotes`` and ``evaluate``.

``quotes`` writes one record per attribution found in each input, streaming input by input. A
plain text file is read as UTF-8 and its path echoed as given; a folder, a CSV/TSV/JSONL table or
a brat folder (or any path with ``--input-format``) is read by the corpus loader with the column
options, and each record's ``path`` is the load record's (``file.csv:12`` for a table row). An
input that cannot be read is named on stderr with the reason and skipped (exit status 1).
``evaluate`` scores the extractor against brat gold annotations. Plain text files need neither
pandas nor NLTK, so start-up stays short. Inputs of some size are extracted by worker processes
(``--workers``, default one per core), in tasks of a few documents whose records are written in
input order, so the output is the same for any number of workers.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from toolkit.cli.options import (
    add_format_option,
    add_raw_csv_option,
    add_reading_options,
    add_worker_count_option,
    available_cores,
    open_corpus,
)
from toolkit.cli.output import printable, record_header, record_lines, write_records

__all__ = ["JSONL_KEYS", "register", "run_evaluate", "run_quotes", "spans_text"]

JSONL_KEYS = ("doc_id", "path", "speaker", "speaker_type", "speaker_mention", "speaker_start",
              "speaker_end", "cue", "cue_lemma", "cue_start", "cue_end", "content", "content_start",
              "content_end", "kind", "verb_category")
_EXTRA_KEYS = ("speaker_title", "paragraph", "sentence", "content_spans", "embedded")
_TABLE_WIDTHS = {"doc_id": 24, "speaker": 22, "kind": 9, "cue": 16, "content": 60}
# Files with these suffixes are corpus tables, read row by row rather than as one text.
_CORPUS_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
_EXPLAIN_KEYS = ("explain", "reason", "reason_text")
_EXPLAIN_WIDTHS = {"doc_id": 24, "cue_start": 9, "kind": 9, "cue": 16, "speaker": 22,
                   "content": 40, "why": 160}
STEP_SEPARATOR = " \u2192 "


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``quotes`` and ``evaluate`` subcommands."""
    quotes = subparsers.add_parser(
        "quotes", help="extract attributions (who said what) from text files",
        description="One record per attribution in each UTF-8 text file: speaker, cue and "
                    "content with character offsets into the file as read.")
    quotes.add_argument("paths", nargs="*", metavar="PATH", help="UTF-8 text files")
    quotes.add_argument("--paths-from", metavar="FILE",
                        help="read more paths, one per line ('-' = stdin)")
    add_reading_options(quotes)
    add_format_option(quotes, default="jsonl")
    add_raw_csv_option(quotes)
    quotes.add_argument("--lexicon", metavar="TSV",
                        help="reporting-verb lexicon to use instead of the shipped one")
    floating = quotes.add_mutually_exclusive_group()
    floating.add_argument("--no-floating", dest="floating", action="store_false",
                          help="leave out floating quotes (cue-less continuations of the previous "
                               "speaker's quote, kind=floating), which are written by default")
    floating.add_argument("--floating", dest="floating", action="store_true",
                          help="write floating quotes (the default; kept for older scripts)")
    quotes.set_defaults(floating=True)
    quotes.add_argument("--explain", action="store_true",
                        help="add each record's rule path (explain) and list the candidate cues "
                             "that became no attribution (kind=rejected) with the reason")
    add_worker_count_option(quotes, "processes that extract; the output is the same for any N "
                                    "(default: the cores available; a small input is done in "
                                    "this process)")
    quotes.set_defaults(func=run_quotes)

    evaluate = subparsers.add_parser(
        "evaluate", help="score attributions against PolNeAR-style brat gold",
        description="Run the extractor on one split of a brat gold corpus and print cue, "
                    "source and content scores.")
    evaluate.add_argument("--gold", required=True, metavar="DIR",
                          help="folder with metadata.tsv and SPLIT/")
    evaluate.add_argument("--split", default="dev", help="which split to score (default: dev)")
    evaluate.add_argument("--limit", type=int, default=0, metavar="N",
                          help="first N articles only (default: 0, all)")
    evaluate.add_argument("--json", action="store_true",
                          help="print the metrics as one JSON object")
    evaluate.set_defaults(func=run_evaluate)


def _read_paths(args: argparse.Namespace) -> list[str]:
    from toolkit.errors import ParameterError

    paths = list(args.paths)
    if args.paths_from:
        paths.extend(_path_list(args.paths_from))
    if not paths:
        raise ParameterError("no input paths", hint="give PATH... or --paths-from FILE")
    return paths


def _path_list(source: str) -> list[str]:
    """The non-blank lines of the UTF-8 file ``source`` ('-': stdin), stripped; a file that
    cannot be read, is not UTF-8 or holds a NUL byte is an error naming the line."""
    from toolkit.errors import InputError

    hint = "give a UTF-8 file with one path per line, or - for stdin"
    try:
        if source == "-":
            stdin = getattr(sys.stdin, "buffer", None)
            data = stdin.read() if stdin is not None else sys.stdin.read().encode("utf-8")
        else:
            with open(source, "rb") as handle:
                data = handle.read()
    except OSError as exc:
        raise InputError(f"cannot read the list of paths: {exc.strerror or exc}", path=source,
                         hint=hint) from None
    paths = []
    for number, line in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"cannot read the list of paths: not UTF-8 text (byte "
                             f"0x{line[exc.start]:02x} at column {exc.start + 1})",
                             path=source, line=number, hint=hint) from None
        if "\x00" in text:
            raise InputError("the list of paths holds a NUL byte", path=source, line=number,
                             hint=hint)
        if text.strip():
            paths.append(text.strip())
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
    except ValueError:  # a NUL byte in the path
        reason = "not a valid path"
    print(f"toolkit quotes: skipped {printable(path)}: {reason}", file=sys.stderr)
    return None


def spans_text(spans: object) -> str:
    """Content pieces as one CSV cell: ``12-40;55-70``."""
    return ";".join(f"{start}-{end}" for start, end in spans)


def _row(record: object, path: str, fmt: str) -> dict[str, object]:
    values = record.__dict__
    if values["kind"] == "rejected":
        return _rejected_row(values, path, fmt)
    row = {key: (path if key == "path" else values[key]) for key in JSONL_KEYS}
    row.update((key, values[key]) for key in _EXTRA_KEYS)
    pieces = values["content_spans"]
    row["content_spans"] = spans_text(pieces) if fmt == "csv" else [list(p) for p in pieces]
    steps = values.get("explain")
    if steps is not None:
        row["explain"] = STEP_SEPARATOR.join(steps) if fmt == "csv" else list(steps)
        row["why"] = STEP_SEPARATOR.join(steps)
    return row


def _rejected_row(values: dict[str, object], path: str, fmt: str) -> dict[str, object]:
    """A candidate cue that became no attribution: the record keys, empty where it has none."""
    row: dict[str, object] = {key: None for key in JSONL_KEYS + _EXTRA_KEYS}
    row.update(doc_id=values["doc_id"], path=path, cue=values["cue"],
               cue_start=values["cue_start"], cue_end=values["cue_end"], kind="rejected",
               content_spans="" if fmt == "csv" else [], reason=values["reason"],
               reason_text=values["reason_text"])
    row["explain"] = values["rule"] if fmt == "csv" else [values["rule"]]
    row["why"] = f"{values['rule']} \u2717 {values['reason_text']}"
    return row


def _is_corpus(path: str, args: argparse.Namespace) -> bool:
    """Whether ``path`` goes through the corpus loader rather than being read as one text."""
    return (args.input_format is not None or os.path.isdir(path)
            or os.path.splitext(path)[1].lower() in _CORPUS_SUFFIXES)


def _corpus_texts(path: str, args: argparse.Namespace, skipped: list[str]
                  ) -> Iterator[tuple[str, str, str]]:
    """``(doc_id, path, text)`` of each usable document of the corpus at ``path``; the load
    report's skips are appended to ``skipped`` as ``"path: reason"`` lines."""
    from toolkit.errors import InputError, ParameterError

    try:
        corpus = open_corpus(args, path=path)
        records = corpus.report()
    except (InputError, ParameterError) as exc:
        message = str(exc) if str(exc).startswith(path) else f"{path}: {exc}"
        records, skips = [], [message]
    else:
        skips = [f"{r.path}: {r.reason}" for r in records if r.status == "skipped"]
    for message in skips:
        print(f"toolkit quotes: skipped {printable(message)}", file=sys.stderr)
    skipped.extend(skips)
    duplicates = [r for r in records if r.status == "duplicate"]
    if duplicates and not args.include_duplicates:
        print(f"toolkit quotes: {path}: {len(duplicates)} duplicate(s) not read, e.g. "
              f"{duplicates[0].path} (a copy of {duplicates[0].duplicate_of}); add "
              "--include-duplicates to read them", file=sys.stderr)
    if records:
        for doc in corpus:
            yield doc.doc_id, doc.path or path, doc.text


def run_quotes(args: argparse.Namespace) -> int:
    """Write the attributions of every readable input to stdout; 1 when an input was
    skipped."""
    from toolkit.attribution import default_verb_lexicon, load_verb_lexicon

    paths = _read_paths(args)
    lexicon = load_verb_lexicon(args.lexicon) if args.lexicon else None
    skipped: list[str] = []

    def texts() -> Iterator[tuple[str, str, str]]:
        for path in paths:
            if _is_corpus(path, args):
                yield from _corpus_texts(path, args, skipped)
                continue
            text = _read_text(path)
            if text is None:
                skipped.append(path)
                continue
            yield Path(path).stem, path, text

    widths = _EXPLAIN_WIDTHS if args.explain else _TABLE_WIDTHS
    if args.format == "table":
        columns = tuple(widths)
    else:
        columns = JSONL_KEYS + _EXTRA_KEYS + (_EXPLAIN_KEYS if args.explain else ())
    options = _Options(lexicon, args.explain, args.floating, args.format, columns, args.raw_csv)
    workers = args.workers or available_cores()
    # The lexicon is loaded before any worker starts, so that forked workers share it; what is
    # loaded so far lives to the end, and the garbage collector no longer goes over it (nor
    # copies its pages into forked workers).
    if lexicon is None:
        default_verb_lexicon()
    gc.freeze()
    if workers > 1:
        outputs = _parallel_outputs(texts(), options, workers)
    else:
        outputs = (_document_output(doc_id, path, text, options)
                   for doc_id, path, text in texts())
    if args.format == "table":
        rows = (row for document_rows in outputs for row in document_rows)
        write_records(rows, columns, args.format, column_widths=widths)
    else:
        # JSON Lines and CSV come formatted from where the rows were made (the workers).
        sys.stdout.write(record_header(columns, args.format, raw=args.raw_csv))
        for lines in outputs:
            sys.stdout.write(lines)
    return 1 if skipped else 0


class _Options(NamedTuple):
    """What every document's extraction and rows depend on besides its text."""

    lexicon: object
    explain: bool
    floating: bool
    format: str
    columns: tuple[str, ...]
    raw_csv: bool


def _document_rows(doc_id: str, path: str, text: str, options: _Options
                   ) -> list[dict[str, object]]:
    """The output rows of one document."""
    from toolkit.attribution import cued, extract
    from toolkit.corpus.clean import clean

    records = extract(text, doc_id=doc_id, lexicon=options.lexicon,
                      excluded=clean(text).excluded_spans, explain=options.explain)
    shown = records if options.floating else cued(records)
    return [_row(record, path, options.format) for record in shown]


def _document_output(doc_id: str, path: str, text: str, options: _Options
                     ) -> list[dict[str, object]] | str:
    """One document's output: its rows for the text table, which is aligned over all rows;
    its lines of JSON Lines or CSV otherwise."""
    rows = _document_rows(doc_id, path, text, options)
    if options.format == "table":
        return rows
    return "".join(record_lines(rows, options.columns, options.format, raw=options.raw_csv))


# Inputs of fewer characters than this in all are done in this process: starting workers would
# cost more than they save (forked workers start at once; workers that start from a clean
# interpreter import the toolkit first, about a second). Larger ones go to the workers in tasks
# of about _TASK_CHARS characters, small enough that the workers finish together, with a few
# tasks per worker queued.
_PARALLEL_MIN_CHARS = 50_000
_PARALLEL_MIN_CHARS_UNFORKED = 2_000_000
_TASK_CHARS = 10_000
_TASKS_QUEUED = 2

_worker_options: _Options | None = None


def _parallel_outputs(documents: Iterator[tuple[str, str, str]], options: _Options,
                      workers: int) -> Iterator[list[dict[str, object]] | str]:
    """The outputs of ``documents`` (see :func:`_document_output`) in input order, made by
    ``workers`` processes (in this process when the input is small)."""
    from functools import partial
    from itertools import chain

    head: list[tuple[str, str, str]] = []
    size = 0

    def read_up_to(least: int) -> bool:
        """Read documents into ``head`` until they hold ``least`` characters; False when the
        input ends first."""
        nonlocal size
        for document in documents:
            head.append(document)
            size += len(document[2])
            if size >= least:
                return True
        return size >= least

    # The start method is chosen once the first documents are read (reading a corpus table
    # may load libraries that rule out forking).
    enough = read_up_to(_PARALLEL_MIN_CHARS)
    context = _process_context() if enough else None
    if context is not None and context != "fork":
        enough = read_up_to(_PARALLEL_MIN_CHARS_UNFORKED)
    if not enough:
        for doc_id, path, text in head:
            yield _document_output(doc_id, path, text, options)
        return
    if context == "fork":
        from toolkit.cli.forked import forked_map

        for outputs in forked_map(partial(_task_outputs, options=options),
                                  _tasks(chain(head, documents)), workers, queued=_TASKS_QUEUED):
            yield from outputs
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(options,))
    try:
        pending: deque = deque()
        tasks = _tasks(chain(head, documents))
        while True:
            while len(pending) < _TASKS_QUEUED * workers:
                task = next(tasks, None)
                if task is None:
                    break
                pending.append(pool.submit(_task_outputs, task))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _tasks(documents: Iterator[tuple[str, str, str]]) -> Iterator[list[tuple[str, str, str]]]:
    """Consecutive documents grouped into tasks of about ``_TASK_CHARS`` characters."""
    task: list[tuple[str, str, str]] = []
    size = 0
    for document in documents:
        task.append(document)
        size += len(document[2])
        if size >= _TASK_CHARS:
            yield task
            task, size = [], 0
    if task:
        yield task


def _process_context():
    """How workers start: ``"fork"`` on Linux while this process runs no other thread and has
    not loaded numpy or pandas (whose threads a fork could deadlock), so that a worker starts
    with the rules and the lexicon already loaded (see :func:`~toolkit.cli.forked.forked_map`);
    otherwise a multiprocessing context that starts workers from a clean interpreter."""
    import threading

    if sys.platform.startswith("linux") and hasattr(os, "fork") \
            and threading.active_count() == 1 \
            and not any(name in sys.modules for name in ("numpy", "pandas", "pyarrow")):
        return "fork"
    from toolkit.processes import process_context

    return process_context()


def _start_worker(options: _Options) -> None:
    global _worker_options
    _worker_options = options


def _task_outputs(task: list[tuple[str, str, str]], options: _Options | None = None
                  ) -> list[list[dict[str, object]] | str]:
    """The outputs of a task's documents, with ``options`` (by default the worker's)."""
    options = options or _worker_options
    assert options is not None
    return [_document_output(doc_id, path, text, options) for doc_id, path, text in task]


def run_evaluate(args: argparse.Namespace) -> int:
    """Run the extractor on a gold split and print the scores."""
    from toolkit.attribution.evaluate import evaluate_split, format_metrics

    metrics = evaluate_split(args.gold, split=args.split, limit=args.limit)
    print(json.dumps(metrics) if args.json else format_metrics(metrics))
    return 0
