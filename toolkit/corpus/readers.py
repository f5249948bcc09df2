"""Format readers behind :func:`toolkit.corpus.load`: files in, raw records out.

A reader yields :class:`Entry` objects in a stable order. An entry either carries a way to get
its text (``read()``) and its metadata, or a ready-made skip reason. Readers never raise for a
single bad file or row: that becomes a skip with the file and line named, so the load report
accounts for every input.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.errors import (
    CorpusNotFoundError,
    DecodeError,
    EmptyCorpusError,
    FormatError,
    MissingColumnError,
    ParameterError,
)

__all__ = ["FALLBACK_ENCODING", "FIELD_ALIASES", "Entry", "decode", "entries", "is_brat", "pick",
           "read_brat", "read_folder", "read_table", "read_text_file", "split_fields"]

TEXT_SUFFIXES = (".txt",)
TABLE_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDECARS = ("metadata.csv", "metadata.jsonl", "metadata.tsv")
FALLBACK_ENCODING = "cp1252"
# Column names accepted for each standard field, in order of preference.
FIELD_ALIASES = {
    "doc_id": ("doc_id", "id", "document_id", "article_id"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "publisher", "publication", "site"),
    "date": ("date", "publication_date", "published", "pub_date", "datetime"),
    "author": ("author", "byline", "authors"),
    "url": ("url", "link"),
}
FILE_KEYS = ("file", "filename", "path", "file_name")


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


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text with universal newlines: (text, encoding used).

    UTF-8 first (a BOM is kept as U+FEFF so that offsets match a plain UTF-8 read), then
    cp1252. Raises :class:`DecodeError` for binary data or bytes valid in neither.
    """
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes)", path=path,
                          hint="give plain-text articles; convert PDF or Word files to .txt first")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text, encoding = data.decode(FALLBACK_ENCODING), FALLBACK_ENCODING
        except UnicodeDecodeError:
            raise DecodeError(
                f"undecodable bytes at byte {utf8_error.start} (neither UTF-8 nor "
                f"{FALLBACK_ENCODING})", path=path, hint="re-save the file as UTF-8") from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def read_text_file(path: str) -> tuple[str, str]:
    with open(path, "rb") as handle:
        return decode(handle.read(), path)


def pick(row: dict[str, Any], name: str) -> Any:
    for key in FIELD_ALIASES[name]:
        value = row.get(key)
        if value not in (None, ""):
            return value
    return None


def split_fields(row: dict[str, Any], *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """Standard fields (doc_id, title, ...) plus everything else under ``meta``."""
    used = {k for aliases in FIELD_ALIASES.values() for k in aliases} | set(exclude)
    out = {name: pick(row, name) for name in FIELD_ALIASES}
    out["meta"] = {k: v for k, v in row.items() if k not in used and k is not None}
    return out


# -- folders of .txt files ------------------------------------------------------------------

def read_folder(root: Path, display: str) -> Iterator[Entry]:
    sidecar = _find_sidecar(root)
    metadata = _read_sidecar(sidecar, display) if sidecar else {}
    files = sorted(p for p in root.rglob("*") if p.is_file() and not _hidden(p, root))
    texts = [p for p in files if p.suffix.lower() in TEXT_SUFFIXES]
    others = [p for p in files if p.suffix.lower() not in TEXT_SUFFIXES
              and p != sidecar and p.name.lower() not in ("readme.md", "readme.txt", "license")]
    if not texts and not others:
        raise EmptyCorpusError("folder holds no files", path=display,
                               hint="point at a folder of .txt articles, a CSV or a JSONL file")
    for p in texts:
        rel = p.relative_to(root).as_posix()
        shown = os.path.join(display, rel)
        row = metadata.get(rel) or metadata.get(p.name) or {}
        fields = split_fields(row, exclude=FILE_KEYS)
        yield Entry(path=shown, doc_id=fields.pop("doc_id") or p.stem, fields=fields,
                    read=_reader(str(p), shown))
    for p in others:
        shown = os.path.join(display, p.relative_to(root).as_posix())
        yield Entry(path=shown, doc_id=None,
                    skip=f"not a .txt article ({p.suffix or 'no extension'})")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _reader(real: str, shown: str) -> Callable[[], tuple[str, str]]:
    def read() -> tuple[str, str]:
        with open(real, "rb") as handle:
            return decode(handle.read(), shown)
    return read


def _find_sidecar(root: Path) -> Path | None:
    for name in SIDECARS:
        if (root / name).is_file():
            return root / name
    return None


def _read_sidecar(path: Path, display: str) -> dict[str, dict[str, Any]]:
    """Metadata rows keyed by file name (and by relative path)."""
    shown = os.path.join(display, path.name)
    rows = list(_table_rows(path, shown)) if path.suffix != ".jsonl" else list(_jsonl_rows(path, shown))
    out = {}
    for line, row, problem in rows:
        if problem:
            raise FormatError(problem, path=shown, line=line, hint="fix the metadata row")
        key = next((row[k] for k in FILE_KEYS if row.get(k)), None)
        if key is None:
            raise MissingColumnError(f"metadata row has no file name (columns: {', '.join(FILE_KEYS)})",
                                     path=shown, line=line,
                                     hint="add a 'file' column naming each article's .txt file")
        key = str(key).replace("\\", "/")
        out[key] = row
        out.setdefault(os.path.basename(key), row)
    return out


# -- PolNeAR and other brat standoff folders -------------------------------------------------

def is_brat(root: Path) -> bool:
    return _polnear_metadata(root) is not None or any(root.rglob("*.ann"))


def _polnear_metadata(root: Path) -> Path | None:
    for candidate in (root / "metadata.tsv", root.parent / "metadata.tsv"):
        if candidate.is_file() and (candidate.parent / "train").is_dir() | (candidate.parent / "dev").is_dir():
            return candidate
    return None


def read_brat(root: Path, display: str) -> Iterator[Entry]:
    """PolNeAR layout (metadata.tsv + SPLIT/text + SPLIT/attributions) or .txt/.ann pairs."""
    meta_path = _polnear_metadata(root)
    if meta_path is None:
        yield from _read_brat_pairs(root, display)
        return
    data = meta_path.parent
    only_split = root.name if root != data else None
    with open(meta_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if not rows:
        raise EmptyCorpusError("metadata.tsv lists no article", path=str(meta_path))
    for row in rows:
        split = row.get("compartment") or ""
        if only_split and split != only_split:
            continue
        name = row["filename"]
        real = data / split / "text" / f"{name}.txt"
        rel = os.path.relpath(real, root)
        shown = os.path.join(display, rel)
        fields = split_fields(row, exclude=("filename", "compartment", "annotators"))
        fields["doc_id"] = None
        annotators = (row.get("annotators") or "").split("|")
        ann = data / split / "attributions" / f"{name}_{annotators[0]}.ann"
        extra = {"split": split, "annotations": str(ann) if ann.is_file() else None}
        if not real.is_file():
            yield Entry(path=shown, doc_id=name, skip="listed in metadata.tsv but missing")
            continue
        yield Entry(path=shown, doc_id=name, fields=fields, read=_reader(str(real), shown),
                    extra=extra)


def _read_brat_pairs(root: Path, display: str) -> Iterator[Entry]:
    for entry in read_folder(root, display):
        if entry.skip and entry.path.endswith(".ann"):
            continue
        if entry.read is not None:
            ann = Path(root, os.path.relpath(entry.path, display)).with_suffix(".ann")
            entry.extra["annotations"] = str(ann) if ann.is_file() else None
        yield entry


# -- CSV / TSV / JSONL tables ------------------------------------------------------------------

def _table_rows(path: Path, shown: str) -> Iterator[tuple[int, dict[str, Any], str | None]]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        if not reader.fieldnames:
            raise EmptyCorpusError("table has no header row", path=shown,
                                   hint="the first line must name the columns")
        width = len(reader.fieldnames)
        try:
            for row in reader:
                line = reader.line_num
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


def _jsonl_rows(path: Path, shown: str) -> Iterator[tuple[int, dict[str, Any], str | None]]:
    with open(path, encoding="utf-8-sig") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                yield line_no, {}, f"invalid JSON ({exc.msg} at column {exc.colno})"
                continue
            if not isinstance(row, dict):
                yield line_no, {}, f"expected a JSON object, found {type(row).__name__}"
                continue
            yield line_no, row, None


def read_table(path: Path, display: str, *, text_column: str, id_column: str | None
               ) -> Iterator[Entry]:
    """Rows of a CSV/TSV/JSONL file; each row with a text is a document."""
    is_jsonl = path.suffix.lower() in JSONL_SUFFIXES
    rows = _jsonl_rows(path, display) if is_jsonl else _table_rows(path, display)
    seen_column = False
    n = 0
    for line, row, problem in rows:
        n += 1
        if problem is None and text_column in row:
            seen_column = True
        if not is_jsonl and n == 1 and problem is None and text_column not in row:
            raise _missing_column(display, text_column, list(row))
        shown = f"{display}:{line}"
        if problem:
            yield Entry(path=shown, doc_id=None, line=line, skip=f"line {line}: {problem}")
            continue
        text = row.get(text_column)
        fields = split_fields(row, exclude=(text_column, id_column or ""))
        doc_id = row.get(id_column) if id_column else fields.pop("doc_id")
        fields.pop("doc_id", None)
        doc_id = str(doc_id) if doc_id not in (None, "") else f"{path.stem}-{line}"
        if text is None:
            yield Entry(path=shown, doc_id=doc_id, line=line,
                        skip=f"line {line}: no {text_column!r} field")
            continue
        if not isinstance(text, str):
            yield Entry(path=shown, doc_id=doc_id, line=line,
                        skip=f"line {line}: {text_column!r} is {type(text).__name__}, not text")
            continue
        yield Entry(path=shown, doc_id=doc_id, line=line, fields=fields,
                    read=_constant(text.replace("\r\n", "\n").replace("\r", "\n")))
    if n == 0:
        raise EmptyCorpusError("file holds no rows", path=display)
    if is_jsonl and not seen_column:
        raise MissingColumnError(f"no row has a {text_column!r} field", path=display,
                                 hint="name the text field with text_column= / --text-column")


def _missing_column(display: str, column: str, columns: list[str]) -> MissingColumnError:
    return MissingColumnError(
        f"no {column!r} column (columns: {', '.join(c for c in columns if c) or 'none'})",
        path=display, hint="name the text column with text_column= / --text-column")


def _constant(text: str) -> Callable[[], tuple[str, str]]:
    return lambda: (text, "utf-8")


# -- dispatch ----------------------------------------------------------------------------------

def entries(path: str | os.PathLike[str], *, format: str | None, text_column: str,
            id_column: str | None) -> tuple[str, Callable[[], Iterator[Entry]]]:
    """(detected format, a function that yields the entries afresh each call)."""
    display = os.fspath(path)
    p = Path(display)
    if not p.exists():
        raise CorpusNotFoundError("no such file or folder", path=display,
                                  hint="check the path; relative paths start at the current folder")
    fmt = format or _detect(p)
    if fmt == "txt" and p.is_file():
        return fmt, lambda: iter([Entry(path=display, doc_id=p.stem, read=_reader(display, display))])
    if fmt == "txt":
        return fmt, lambda: read_folder(p, display)
    if fmt == "brat":
        return fmt, lambda: read_brat(p, display)
    if fmt in ("csv", "jsonl"):
        if not p.is_file():
            raise ParameterError(f"format {fmt!r} needs a file, got a folder", path=display)
        return fmt, lambda: read_table(p, display, text_column=text_column, id_column=id_column)
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
