"""Format readers behind :func:`toolkit.corpus.load`: files in, raw records out.

A reader yields :class:`Entry` objects in a stable order. An entry either carries a way to get
its text (``read()``) and its metadata, or a ready-made skip reason. Readers never raise for a
single bad file or row: that becomes a skip with the file and line named, so the load report
accounts for every input. Notes that do not stop a document (a metadata row given twice, a
table decoded as cp1252) travel with the entry into the load report.

Tables, JSONL files and metadata sidecars are read as UTF-8, else as cp1252 (recorded), line by
line; which column holds which field is decided by :mod:`toolkit.corpus.fields`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from toolkit.corpus.fields import (
    FILE_KEYS,
    TEXT_ALIASES,
    Columns,
    describe_columns,
    lookup,
    missing_column,
    split_fields,
)
from toolkit.corpus.files import (
    FALLBACK_ENCODING,
    Found,
    decode,
    detect_encoding,
    open_regular,
    read_bytes,
    walk,
)
from toolkit.errors import (
    CorpusNotFoundError,
    EmptyCorpusError,
    FormatError,
    MissingColumnError,
    ParameterError,
)

__all__ = ["FALLBACK_ENCODING", "Entry", "entries", "is_brat", "read_brat", "read_folder",
           "read_table", "read_text_file"]

TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDECARS = ("metadata.csv", "metadata.jsonl", "metadata.tsv")
NOT_ARTICLES = ("readme.md", "readme.txt", "license")
# The csv module keeps its field size limit in a C long; this value fits on every platform and
# lets one article be up to 2 GB instead of the default 128 KB.
CSV_FIELD_LIMIT = 2**31 - 1
_LISTED = 6  # text column names shown in an error message
NO_COLUMNS = Columns()


@dataclass
class Entry:
    """One input unit: a file, or a row of a table."""

    path: str
    doc_id: str | None
    line: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    read: Callable[[], tuple[str, str]] | None = None
    skip: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    title_from_first_line: bool = False


def read_text_file(path: str) -> tuple[str, str]:
    return decode(read_bytes(path, path), path)


# Readers are partials of module functions, not closures, so that an entry can be sent to a
# worker process (the load scan reads inputs over several processes).
def _read_decoded(real: str, shown: str) -> tuple[str, str]:
    return decode(read_bytes(real, shown), shown)


def _reader(real: str, shown: str) -> Callable[[], tuple[str, str]]:
    return partial(_read_decoded, real, shown)


def _constant_text(text: str, encoding: str) -> tuple[str, str]:
    return text, encoding


def _constant(text: str, encoding: str) -> Callable[[], tuple[str, str]]:
    return partial(_constant_text, text, encoding)


def _open_text(path: str, shown: str, *, newline: str | None = None) -> tuple[io.TextIOWrapper,
                                                                                str]:
    """A text handle on a UTF-8 (BOM dropped) or cp1252 file, and the encoding used."""
    encoding = detect_encoding(path, shown)
    handle = open_regular(path, shown)
    codec = "utf-8-sig" if encoding == "utf-8" else encoding
    return io.TextIOWrapper(handle, encoding=codec, newline=newline), encoding


def _decoded_note(name: str, encoding: str) -> list[str]:
    return [] if encoding == "utf-8" else [f"{name} decoded as {encoding}"]


# -- rows of CSV/TSV and JSONL files -----------------------------------------------------------

Row = tuple[int, dict[str, Any], str | None]


@dataclass
class _Table:
    """An open CSV/TSV file: its encoding, header and rows as (line, row, problem)."""

    encoding: str
    columns: list[str]
    rows: Iterator[Row]
    handle: io.TextIOWrapper

    def check(self, columns: Columns, *, shown: str, text: bool = True) -> None:
        """:meth:`Columns.check` against the header, closing the file if it fails."""
        try:
            columns.check(self.columns, shown=shown, text=text)
        except MissingColumnError:
            self.handle.close()
            raise


def _read_table(path: str, shown: str) -> _Table:
    delimiter = "\t" if path.lower().endswith(".tsv") else ","
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(CSV_FIELD_LIMIT)
    handle, encoding = _open_text(path, shown, newline="")
    reader = csv.DictReader(handle, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        handle.close()
        raise FormatError(f"malformed header: {exc}", path=shown, line=1,
                          hint="check quoting in the first line") from None
    if not header:
        handle.close()
        raise EmptyCorpusError("table has no header row", path=shown,
                               hint="the first line must name the columns")
    return _Table(encoding, list(header), _csv_rows(handle, reader, shown), handle)


def _csv_rows(handle: io.TextIOWrapper, reader: csv.DictReader, shown: str) -> Iterator[Row]:
    width = len(reader.fieldnames or ())
    with handle:
        try:
            for row in reader:
                line = _first_line(reader.line_num, row)
                if None in row:
                    yield line, {}, f"expected {width} fields, found {width + len(row[None])}"
                elif any(v is None for v in row.values()):
                    found = sum(v is not None for v in row.values())
                    yield line, {}, f"expected {width} fields, found {found}"
                else:
                    yield line, row, None
        except csv.Error as exc:
            raise FormatError(f"malformed CSV: {exc}", path=shown, line=reader.line_num,
                              hint="check quoting around that line") from None


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _first_line(last: int, row: dict) -> int:
    """The line a CSV row starts on, from the line it ends on (``reader.line_num``) and the line
    breaks inside its quoted fields, so that a multi-line row is named by its first line."""
    breaks = 0
    for value in row.values():
        for cell in value if isinstance(value, list) else (value,):
            if isinstance(cell, str):
                breaks += len(_LINE_BREAK.findall(cell))
    return last - breaks


def _jsonl_rows(handle: io.TextIOWrapper) -> Iterator[Row]:
    with handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield line_no, {}, f"invalid JSON ({exc.msg} at column {exc.colno})"
                continue
            except RecursionError:
                yield line_no, {}, "JSON nested too deeply to read"
                continue
            except ValueError as exc:  # an integer too long to convert, for one
                problem = ("a number too long to read (over 4,300 digits)"
                           if "digits" in str(exc) else str(exc).split(":")[0])
                yield line_no, {}, f"unreadable JSON value: {problem}"
                continue
            if not isinstance(row, dict):
                yield line_no, {}, f"expected a JSON object, found {_json_type(row)}"
                continue
            yield line_no, row, None


def _json_type(value: Any) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "true/false",
            type(None): "null"}.get(type(value), type(value).__name__)


# -- CSV / TSV / JSONL corpora -------------------------------------------------------------------

def read_table(path: Path, display: str, *, columns: Columns, jsonl: bool | None = None
               ) -> Iterator[Entry]:
    """Rows of a CSV/TSV (or, with ``jsonl``, JSONL) file; each row with a text is a document.

    ``jsonl=None`` decides by the file suffix.
    """
    if jsonl if jsonl is not None else path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, display, columns)
        return
    table = _read_table(str(path), display)
    table.check(columns, shown=display)
    text_key = columns.text or _text_alias(table.columns)
    if text_key is None:
        table.handle.close()
        raise MissingColumnError(
            f"no text column (looked for {', '.join(TEXT_ALIASES[:_LISTED])}, ...; columns: "
            f"{', '.join(c for c in table.columns if c) or 'none'})", path=display,
            hint="name the text column with text_column= / --text-column")
    n = 0
    for line, row, problem in table.rows:
        n += 1
        yield _row_entry(path, display, line, row, problem, text_key, columns, table.encoding)
    if n == 0:
        raise EmptyCorpusError("file holds no rows", path=display)


def _read_jsonl(path: Path, display: str, columns: Columns) -> Iterator[Entry]:
    handle, encoding = _open_text(str(path), display)
    text_key = columns.text
    wanted = columns.explicit()
    seen = dict.fromkeys(wanted, False)
    sample: list[dict[str, Any]] = []
    n = 0
    first_problem: str | None = None
    for line, row, problem in _jsonl_rows(handle):
        n += 1
        if problem is not None and first_problem is None:
            first_problem = f"line {line}: {problem}"
        if problem is None:
            if len(sample) < 100:
                sample.append(row)
            if text_key is None:
                text_key = _text_alias(row)
            for name, column in wanted.items():
                seen[name] = seen[name] or lookup(row, column)[0]
        if text_key is None and problem is None:
            looked = ", ".join(repr(a) for a in TEXT_ALIASES[:_LISTED])
            yield Entry(path=f"{display}:{line}", doc_id=None, line=line,
                        skip=f"line {line}: no text field (looked for {looked}, ...)")
            continue
        yield _row_entry(path, display, line, row, problem, text_key or "", columns, encoding)
    if n == 0:
        raise EmptyCorpusError("file holds no rows", path=display)
    if not sample and first_problem is not None:
        raise FormatError(f"no line is a valid JSON object ({first_problem[:200]})",
                          path=display, hint="write one JSON object per line (JSON Lines)")
    if text_key is None:
        raise MissingColumnError(
            f"no row has a text field (looked for {', '.join(TEXT_ALIASES[:_LISTED])}, ...; "
            f"fields: {', '.join(describe_columns(sample)) or 'none'})", path=display,
            hint="name the text field with text_column= / --text-column")
    for name, found in seen.items():
        if not found:
            if name == "text":
                raise MissingColumnError(f"no row has a {columns.text!r} field", path=display,
                                         hint="name the text field with text_column= / "
                                              "--text-column")
            raise missing_column(display, name, wanted[name], describe_columns(sample))


def _text_alias(row: Mapping[str, Any] | list[str]) -> str | None:
    """The first usual text column name present (as spelled in the file)."""
    keys = dict.fromkeys(row) if isinstance(row, list) else row
    for alias in TEXT_ALIASES:
        found, _ = lookup(keys, alias, fold_case=True)
        if found:
            if alias in keys or "." in alias:
                return alias
            return next(k for k in keys if isinstance(k, str) and k.lower() == alias.lower())
    return None


def _row_entry(path: Path, display: str, line: int, row: dict[str, Any], problem: str | None,
               text_key: str, columns: Columns, encoding: str) -> Entry:
    shown = f"{display}:{line}"
    if problem:
        return Entry(path=shown, doc_id=None, line=line, skip=f"line {line}: {problem}")
    fields, field_notes = split_fields(row, columns, exclude=(text_key,))
    doc_id = fields.pop("doc_id")
    doc_id = doc_id if doc_id is not None else f"{path.stem}-{line}"
    found, text = lookup(row, text_key)
    if not found:
        return Entry(path=shown, doc_id=doc_id, line=line,
                     skip=f"line {line}: no {text_key!r} field")
    if not isinstance(text, str):
        return Entry(path=shown, doc_id=doc_id, line=line,
                     skip=f"line {line}: {text_key!r} is {type(text).__name__}, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Entry(path=shown, doc_id=doc_id, line=line, fields=fields,
                 read=_constant(text, encoding), notes=field_notes)


# -- metadata sidecars ---------------------------------------------------------------------------

@dataclass
class _MetaRow:
    line: int
    key: str
    row: dict[str, Any]


@dataclass
class _Sidecar:
    """Metadata rows keyed by the file they describe; the first row for a file wins."""

    name: str
    encoding: str
    by_key: dict[str, _MetaRow] = field(default_factory=dict)
    by_name: dict[str, _MetaRow] = field(default_factory=dict)
    repeats: dict[str, list[int]] = field(default_factory=dict)

    def match(self, rel: str) -> _MetaRow | None:
        return self.by_key.get(rel) or self.by_name.get(os.path.basename(rel))

    def notes(self, meta: _MetaRow) -> list[str]:
        notes = _decoded_note(self.name, self.encoding)
        lines = self.repeats.get(meta.key)
        if lines:
            others = ", ".join(str(n) for n in lines)
            notes.append(f"{self.name} describes {meta.key} again on line(s) {others}: "
                         f"line {meta.line} used")
        return notes


def _read_sidecar(path: Path, display: str, columns: Columns) -> _Sidecar:
    shown = os.path.join(display, path.name)
    if path.suffix.lower() == ".jsonl":
        handle, encoding = _open_text(str(path), shown)
        rows = _jsonl_rows(handle)
        header = None
    else:
        table = _read_table(str(path), shown)
        encoding, rows, header = table.encoding, table.rows, table.columns
        table.check(columns, shown=shown, text=False)
    sidecar = _Sidecar(path.name, encoding)
    sample = []
    for line, row, problem in rows:
        if problem:
            raise FormatError(problem, path=shown, line=line, hint="fix the metadata row")
        if len(sample) < 100:
            sample.append(row)
        key = next((row[k] for k in FILE_KEYS if row.get(k)), None)
        if key is None:
            raise MissingColumnError(
                f"metadata row has no file name (columns: {', '.join(FILE_KEYS)})", path=shown,
                line=line, hint="add a 'file' column naming each article's .txt file")
        key = str(key).replace("\\", "/").removeprefix("./")
        if key in sidecar.by_key:
            sidecar.repeats.setdefault(key, []).append(line)
            continue
        meta = _MetaRow(line, key, row)
        sidecar.by_key[key] = meta
        sidecar.by_name.setdefault(os.path.basename(key), meta)
    if header is None:
        for name, column in columns.explicit(text=False).items():
            if not any(lookup(row, column)[0] for row in sample):
                raise missing_column(shown, name, column, describe_columns(sample))
    return sidecar


# -- folders of .txt files ---------------------------------------------------------------------

def read_folder(root: Path, display: str, *, columns: Columns = NO_COLUMNS,
                found: list[Found] | None = None) -> Iterator[Entry]:
    found = walk(str(root)) if found is None else found
    sidecar_path = _find_sidecar(root)
    sidecar = _read_sidecar(sidecar_path, display, columns) if sidecar_path else None
    if sidecar is None and columns.explicit(text=False):
        name, column = next(iter(columns.explicit(text=False).items()))
        raise MissingColumnError(
            f"{name} column {column!r} was asked for, but the folder has no metadata file",
            path=display, hint="add a metadata.csv naming each file, or drop the option")
    sidecar_rel = sidecar_path.name if sidecar_path else None
    texts: list[Found] = []
    others: list[Found] = []
    for f in found:
        if f.skip is None and f.rel.lower().endswith(TEXT_SUFFIXES):
            texts.append(f)
        elif f.rel != sidecar_rel and os.path.basename(f.rel).lower() not in NOT_ARTICLES:
            others.append(f)
    if not texts and not others:
        raise EmptyCorpusError("folder holds no files", path=display,
                               hint="point at a folder of .txt articles, a CSV or a JSONL file")
    used: set[int] = set()
    for f in texts:
        shown = os.path.join(display, f.rel)
        meta = sidecar.match(f.rel) if sidecar else None
        fields, notes = split_fields(meta.row if meta else {}, columns, exclude=FILE_KEYS)
        if meta is not None:
            used.add(meta.line)
            notes = sidecar.notes(meta) + notes
        doc_id = fields.pop("doc_id") or Path(f.rel).stem
        yield Entry(path=shown, doc_id=doc_id, fields=fields, read=_reader(f.real, shown),
                    notes=notes, title_from_first_line=True)
    for f in others:
        shown = os.path.join(display, f.rel)
        suffix = Path(f.rel).suffix
        yield Entry(path=shown, doc_id=None,
                    skip=f.skip or f"not a .txt article ({suffix or 'no extension'})")
    if sidecar is not None:
        yield from _unmatched_rows(sidecar, used, found, display, columns)


def _unmatched_rows(sidecar: _Sidecar, used: set[int], found: list[Found], display: str,
                    columns: Columns) -> Iterator[Entry]:
    """A skip for each metadata row that names a file the folder does not hold."""
    present = {f.rel for f in found} | {os.path.basename(f.rel) for f in found}
    for meta in sidecar.by_key.values():
        if meta.line in used or meta.key in present:
            continue
        fields, _ = split_fields(meta.row, columns, exclude=FILE_KEYS)
        yield Entry(path=os.path.join(display, meta.key),
                    doc_id=fields["doc_id"] or Path(meta.key).stem,
                    skip=f"listed in {sidecar.name} (line {meta.line}) but no such file")


def _find_sidecar(root: Path) -> Path | None:
    for name in SIDECARS:
        if (root / name).is_file():
            return root / name
    return None


# -- PolNeAR and other brat standoff folders -------------------------------------------------

def is_brat(root: Path, found: list[Found] | None = None) -> bool:
    if _polnear_metadata(root) is not None:
        return True
    found = walk(str(root)) if found is None else found
    return any(f.rel.lower().endswith(".ann") for f in found)


def _polnear_metadata(root: Path) -> Path | None:
    for candidate in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if candidate.is_file() and ((candidate.parent / "train").is_dir()
                                    or (candidate.parent / "dev").is_dir()):
            return candidate
    return None


def read_brat(root: Path, display: str, *, columns: Columns = NO_COLUMNS) -> Iterator[Entry]:
    """PolNeAR layout (metadata.tsv + SPLIT/text + SPLIT/attributions) or .txt/.ann pairs."""
    meta_path = _polnear_metadata(root)
    if meta_path is None:
        yield from _read_brat_pairs(root, display, columns)
        return
    data = meta_path.parent
    only_split = root.name if root != data else None
    table = _read_table(str(meta_path), str(meta_path))
    if "filename" not in table.columns:
        table.handle.close()
        raise MissingColumnError(
            f"no 'filename' column (columns: {', '.join(table.columns)})", path=str(meta_path),
            hint="a PolNeAR metadata.tsv names each article in a 'filename' column")
    table.check(columns, shown=str(meta_path), text=False)
    notes = _decoded_note("metadata.tsv", table.encoding)
    n = 0
    for line, row, problem in table.rows:
        n += 1
        if problem:
            yield Entry(path=f"{meta_path}:{line}", doc_id=None, line=line,
                        skip=f"metadata.tsv line {line}: {problem}")
            continue
        split = row.get("compartment") or ""
        if only_split and split != only_split:
            continue
        name = row["filename"]
        real = data / split / "text" / f"{name}.txt"
        shown = os.path.join(display, os.path.relpath(real, root))
        fields, field_notes = split_fields(
            row, columns, exclude=("filename", "compartment", "annotators"))
        fields["doc_id"] = None
        annotators = (row.get("annotators") or "").split("|")
        ann = data / split / "attributions" / f"{name}_{annotators[0]}.ann"
        extra = {"split": split, "annotations": str(ann) if ann.is_file() else None}
        if not real.is_file():
            yield Entry(path=shown, doc_id=name,
                        skip=f"listed in metadata.tsv (line {line}) but no such file")
            continue
        yield Entry(path=shown, doc_id=name, fields=fields, read=_reader(str(real), shown),
                    extra=extra, notes=notes + field_notes, title_from_first_line=True)
    if n == 0:
        raise EmptyCorpusError("metadata.tsv lists no article", path=str(meta_path))


def _read_brat_pairs(root: Path, display: str, columns: Columns) -> Iterator[Entry]:
    for entry in read_folder(root, display, columns=columns):
        if entry.skip and entry.path.endswith(".ann"):
            continue
        if entry.read is not None:
            ann = Path(root, os.path.relpath(entry.path, display)).with_suffix(".ann")
            entry.extra["annotations"] = str(ann) if ann.is_file() else None
        yield entry


# -- dispatch ----------------------------------------------------------------------------------

def entries(path: str | os.PathLike[str], *, format: str | None, columns: Columns
            ) -> tuple[str, Callable[[], Iterator[Entry]]]:
    """(detected format, a function that yields the entries afresh each call)."""
    display = os.fspath(path)
    p = Path(display)
    if not p.exists():
        raise CorpusNotFoundError("no such file or folder", path=display,
                                  hint="check the path; relative paths start at the current folder")
    fmt = format or _detect(p)
    if fmt == "txt" and not p.is_dir():
        return fmt, lambda: iter([Entry(path=display, doc_id=p.stem,
                                        read=_reader(display, display),
                                        title_from_first_line=True)])
    if fmt == "txt":
        return fmt, lambda: read_folder(p, display, columns=columns)
    if fmt == "brat":
        if not p.is_dir():
            raise ParameterError("format 'brat' needs a folder, got a file", path=display)
        return fmt, lambda: read_brat(p, display, columns=columns)
    if fmt in ("csv", "jsonl"):
        if p.is_dir():
            raise ParameterError(f"format {fmt!r} needs a file, got a folder", path=display)
        return fmt, lambda: read_table(p, display, columns=columns, jsonl=fmt == "jsonl")
    raise ParameterError(f"unknown corpus format {fmt!r}", hint="use txt, csv, jsonl or brat")


def _detect(p: Path) -> str:
    if p.is_dir():
        return "brat" if is_brat(p) else "txt"
    suffix = p.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return "csv"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return "txt"
