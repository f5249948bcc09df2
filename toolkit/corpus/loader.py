"""Load news articles into documents, and account for every input.

``load(path)`` auto-detects the input: a ``.txt`` file, a folder of ``.txt`` files (with an
optional ``metadata.csv``/``metadata.jsonl`` sidecar keyed by file name), a CSV/TSV or JSONL file
with a text column, or a brat standoff folder (``.txt`` + ``.ann``, including the PolNeAR layout).

The :class:`Corpus` reads documents on demand, so memory does not grow with corpus size. Its
``report()`` lists one row per input file or row with a status (``ok``, ``skipped`` with the
reason, ``duplicate`` with the id of the original); iterating yields each story once.

Text is decoded as UTF-8 (falling back to cp1252, recorded in ``Document.encoding``) with
universal newlines, exactly like Python's ``open(path, encoding="utf-8").read()``; a byte-order
mark stays in ``text`` as U+FEFF and is excluded by cleaning, so offsets never shift.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from toolkit.corpus import dedup as _dedup
from toolkit.corpus import readers as _readers
from toolkit.corpus.document import Document
from toolkit.errors import DuplicateIdError, EmptyCorpusError, InputError

__all__ = ["Document", "LoadRecord", "Corpus", "load", "read_document"]

STATUSES = ("ok", "skipped", "duplicate")


@dataclass(frozen=True)
class LoadRecord:
    """What happened to one input: ``status`` is ok, skipped or duplicate."""

    path: str
    doc_id: str | None
    status: str
    reason: str = ""
    duplicate_of: str | None = None
    encoding: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    n_chars: int | None = None


def _iso_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    for candidate in (text, text[:10]):
        try:
            return _dt.date.fromisoformat(candidate).isoformat()
        except ValueError:
            pass
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return text


def _document(entry: _readers.Entry, text: str, encoding: str) -> Document:
    f = entry.fields
    meta = dict(f.get("meta") or {})
    meta.update({k: v for k, v in entry.extra.items() if v is not None})
    return Document(doc_id=str(entry.doc_id), text=text, title=_str(f.get("title")),
                    outlet=_str(f.get("outlet")), date=_iso_date(f.get("date")),
                    author=_str(f.get("author")), url=_str(f.get("url")), path=entry.path,
                    meta=meta, encoding=encoding)


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


class Corpus:
    """A lazily read collection of documents with a load report.

    Iterating yields the ``ok`` documents, leaving out duplicates unless
    ``include_duplicates=True`` was given to :func:`load`.
    """

    def __init__(self, path: str | os.PathLike[str], *, format: str | None = None,
                 text_column: str = "text", id_column: str | None = None,
                 include_duplicates: bool = False, on_error: str = "skip") -> None:
        if on_error not in ("skip", "raise"):
            from toolkit.errors import ParameterError

            raise ParameterError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
        self.path = os.fspath(path)
        self.format, self._entries = _readers.entries(
            path, format=format, text_column=text_column, id_column=id_column)
        self.include_duplicates = include_duplicates
        self.on_error = on_error
        self._records: list[LoadRecord] | None = None

    def __repr__(self) -> str:
        return f"Corpus({self.path!r}, format={self.format!r})"

    # -- the scan: one pass that decides every input's status -------------------------------

    def report(self) -> list[LoadRecord]:
        """One record per input (file or row), in input order. Computed once, then cached."""
        if self._records is None:
            self._records = self._scan()
        return list(self._records)

    def _scan(self) -> list[LoadRecord]:
        records: list[LoadRecord] = []
        prints: list[_dedup.Fingerprint | None] = []
        order: list[tuple] = []
        first_seen: dict[str, str] = {}
        for entry in self._entries():
            record, fp = self._check(entry, first_seen)
            records.append(record)
            prints.append(fp)
            order.append((record.date or "9999", len(order)))
        if not any(r.status == "ok" for r in records):
            reasons = sorted({r.reason for r in records})
            raise EmptyCorpusError(
                f"no usable document among {len(records)} input(s) ({'; '.join(reasons)[:300]})",
                path=self.path, hint="see `toolkit corpus PATH` for each file's status")
        for i, (original, how, score) in _dedup.find_duplicates(prints, order).items():
            r = records[i]
            records[i] = LoadRecord(**{**r.__dict__, "status": "duplicate",
                                       "duplicate_of": records[original].doc_id,
                                       "reason": f"{how} copy (similarity {score:.2f})"})
        return records

    def _check(self, entry: _readers.Entry, first_seen: dict[str, str]
               ) -> tuple[LoadRecord, _dedup.Fingerprint | None]:
        if entry.skip is not None:
            return self._skip(entry, entry.skip), None
        try:
            text, encoding = entry.read()
        except (InputError, OSError) as exc:
            return self._skip(entry, _reason(exc)), None
        if not text.strip().strip("\ufeff"):
            return self._skip(entry, "empty or whitespace-only text"), None
        if entry.doc_id in first_seen:
            problem = f"duplicate doc_id {entry.doc_id!r} (first used by {first_seen[entry.doc_id]})"
            if self.on_error == "raise":
                raise DuplicateIdError(problem, path=entry.path,
                                       hint="give each document a unique id")
            return self._skip(entry, problem), None
        first_seen[str(entry.doc_id)] = entry.path
        doc = _document(entry, text, encoding)
        reason = "" if encoding == "utf-8" else f"decoded as {encoding}"
        record = LoadRecord(path=entry.path, doc_id=doc.doc_id, status="ok", reason=reason,
                            encoding=encoding, title=doc.title, outlet=doc.outlet, date=doc.date,
                            n_chars=len(text))
        return record, _dedup.fingerprint(doc.body)

    def _skip(self, entry: _readers.Entry, reason: str) -> LoadRecord:
        if self.on_error == "raise":
            raise InputError(reason, path=entry.path)
        return LoadRecord(path=entry.path, doc_id=entry.doc_id, status="skipped", reason=reason)

    # -- documents ---------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Document]:
        return self.documents()

    def documents(self, *, include_duplicates: bool | None = None) -> Iterator[Document]:
        """Yield documents in input order, reading each file when it is reached."""
        keep = {"ok", "duplicate"} if (self.include_duplicates if include_duplicates is None
                                       else include_duplicates) else {"ok"}
        wanted = {r.path: r for r in self.report() if r.status in keep}
        for entry in self._entries():
            record = wanted.get(entry.path)
            if record is None or entry.read is None:
                continue
            text, encoding = entry.read()
            yield _document(entry, text, encoding)

    def __len__(self) -> int:
        return sum(1 for _ in self.ids())

    def ids(self) -> list[str]:
        keep = {"ok", "duplicate"} if self.include_duplicates else {"ok"}
        return [r.doc_id for r in self.report() if r.status in keep]

    def get(self, doc_id: str) -> Document:
        """The document with id ``doc_id``, duplicates included; the start of an id will do
        when no other id starts the same way (``corpus.get("2026-03-09_harbor-ledger")``).

        Raises :class:`~toolkit.errors.DocumentNotFoundError` (a ``KeyError``) naming the ids
        that start with ``doc_id`` when there are several, or else the nearest ids.
        """
        import difflib

        from toolkit.errors import DocumentNotFoundError

        wanted = str(doc_id)
        ids = [r.doc_id for r in self.report() if r.status in ("ok", "duplicate") and r.doc_id]
        if wanted not in ids:
            starting = [i for i in ids if i.startswith(wanted)]
            if len(starting) > 1:
                shown = ", ".join(repr(i) for i in starting[:5])
                more = f" and {len(starting) - 5} more" if len(starting) > 5 else ""
                raise DocumentNotFoundError(
                    f"{len(starting)} document ids start with {wanted!r}: {shown}{more}",
                    path=self.path, hint="give more of the id, enough to pick one")
            if not starting:
                def closeness(candidate: str) -> float:
                    if wanted in candidate:
                        return 1.0
                    return max(difflib.SequenceMatcher(None, wanted, text).ratio()
                               for text in (candidate, candidate[:len(wanted)]))

                nearest = sorted((i for i in ids if closeness(i) >= 0.6),
                                 key=lambda i: -closeness(i))[:3]
                hint = ("did you mean " + " or ".join(repr(i) for i in nearest) + "?"
                        if nearest else f"corpus.ids() lists the {len(ids)} ids")
                raise DocumentNotFoundError(f"no document id is or starts with {wanted!r}",
                                            path=self.path, hint=hint)
            wanted = starting[0]
        for doc in self.documents(include_duplicates=True):
            if doc.doc_id == wanted:
                return doc
        raise DocumentNotFoundError(f"the document {wanted!r} can no longer be read",
                                    path=self.path, hint="was its file moved or deleted?")

    def summary(self, *, body: bool = False):
        """A DataFrame with one row per input: status, reason, metadata and size counts.

        Columns: doc_id, path, status, reason, duplicate_of, title, outlet, date, encoding,
        n_chars, n_excluded_chars, n_paragraphs, n_sentences, n_tokens (and ``body`` when asked).
        Skipped inputs have empty counts.
        """
        import pandas as pd

        return pd.DataFrame(summary_rows(self, body=body), columns=summary_columns(body=body))


def summary_columns(*, body: bool = False) -> list[str]:
    cols = ["doc_id", "path", "status", "reason", "duplicate_of", "title", "outlet", "date",
            "encoding", "n_chars", "n_excluded_chars", "n_paragraphs", "n_sentences", "n_tokens"]
    return cols + ["body"] if body else cols


def summary_rows(corpus: Corpus, *, body: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of :meth:`Corpus.summary` as dicts, streamed (no pandas needed)."""
    from toolkit.corpus.segment import segment_document

    docs = {d.path: d for d in corpus.documents(include_duplicates=True)}
    for r in corpus.report():
        row = {"doc_id": r.doc_id, "path": r.path, "status": r.status, "reason": r.reason,
               "duplicate_of": r.duplicate_of, "title": r.title, "outlet": r.outlet,
               "date": r.date, "encoding": r.encoding, "n_chars": r.n_chars,
               "n_excluded_chars": None, "n_paragraphs": None, "n_sentences": None,
               "n_tokens": None}
        doc = docs.pop(r.path, None)
        if doc is not None:
            seg = segment_document(doc)
            row.update(n_excluded_chars=sum(b - a for a, b in doc.excluded),
                       n_paragraphs=len(seg.paragraphs), n_sentences=len(seg.sentences),
                       n_tokens=len(seg.tokens))
            if body:
                row["body"] = doc.body
        elif body:
            row["body"] = None
        yield row


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        message = str(exc)
        prefix = f"{exc.path}: " if exc.path else ""
        return message[len(prefix):] if message.startswith(prefix) else message
    return f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)


def load(path: str | os.PathLike[str], *, format: str | None = None, text_column: str = "text",
         id_column: str | None = None, include_duplicates: bool = False,
         on_error: str = "skip") -> Corpus:
    """Open a corpus. Raises at once for a missing path or an unusable table; per-file problems
    become skips in :meth:`Corpus.report` (or errors with ``on_error="raise"``).
    """
    corpus = Corpus(path, format=format, text_column=text_column, id_column=id_column,
                    include_duplicates=include_duplicates, on_error=on_error)
    corpus.report()
    return corpus


def read_document(path: str | os.PathLike[str], *, doc_id: str | None = None) -> Document:
    """Read one text file as a document (errors are raised, not skipped)."""
    shown = os.fspath(path)
    if not os.path.isfile(shown):
        from toolkit.errors import CorpusNotFoundError

        raise CorpusNotFoundError("no such file", path=shown)
    text, encoding = _readers.read_text_file(shown)
    stem = os.path.splitext(os.path.basename(shown))[0]
    return Document(doc_id=doc_id or stem, text=text, path=shown, encoding=encoding)
