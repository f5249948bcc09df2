"""Load news articles into documents, and account for every input.

``load(path)`` auto-detects the input: a ``.txt`` file, a folder of ``.txt`` files (with an
optional ``metadata.csv``/``metadata.tsv``/``metadata.jsonl`` sidecar keyed by file name), a
CSV/TSV or JSONL file with a text column, or a brat standoff folder (``.txt`` + ``.ann``,
including the PolNeAR layout). Which column holds the text, id, title, outlet, date, author and
url is found among common names (``body``, ``headline``, ``publishedAt``, ``source.name``, ...)
or given with ``text_column=``, ``date_column=``, ... (dotted paths reach into nested JSON).

The :class:`Corpus` reads documents on demand, so memory does not grow with corpus size. Its
``report()`` lists one row per input file or row with a status (``ok``, ``skipped`` with the
reason, ``duplicate`` with the id of the original), the document's language (``en``, ``other``,
``unknown``) and, in ``reason``, anything worth knowing about an ``ok`` document (decoded as
cp1252, a date that is no date, repeated metadata, not English); ``notes()`` sums those up.
Iterating yields each story once.

The scan that decides every status (reading each input, language, duplicates) is done once per
corpus state: its records are kept in the process and in the cache folder (see
:mod:`toolkit.cache`), keyed by the path, the options, every file's path, size and modification
time below it, and the toolkit's source hash. Loading the same unchanged corpus again (each
notebook of a report, repeated ``load()`` calls) reads the stored records; touching, adding or
removing a file scans again, and that scan reads only the inputs that are new or changed (what
reading each input said is kept too, keyed by its file's path, size and times and its fields),
then looks for duplicates among all of them. ``load(..., cache=False)`` always scans.

Text is decoded as UTF-8 (falling back to cp1252, recorded in ``Document.encoding``) with
universal newlines, exactly like Python's ``open(path, encoding="utf-8").read()``; a byte-order
mark stays in ``text`` as U+FEFF and is excluded by cleaning, so offsets never shift. A plain
``.txt`` article without a metadata title takes its first line as the title when that line looks
like a headline; the text is not changed.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import warnings
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from toolkit.corpus import dedup as _dedup
from toolkit.corpus import readers as _readers
from toolkit.corpus.clean import headline
from toolkit.corpus.dates import iso_date
from toolkit.corpus.document import Document
from toolkit.corpus.fields import Columns
from toolkit.corpus.language import guess_language
from toolkit.errors import DuplicateIdError, EmptyCorpusError, InputError, ParameterError
from toolkit.processes import return_freed_memory

__all__ = ["Document", "LoadRecord", "Corpus", "load", "read_document"]

STATUSES = ("ok", "skipped", "duplicate")
# Scans of this process by key, most recent last; a few corpora are kept.
_SCANS: OrderedDict[str, list[LoadRecord]] = OrderedDict()
# Inputs read per batch of the load scan, and how many of a batch must need reading before
# worker processes are used for it.
_SCAN_BATCH = 1024
_SCAN_PARALLEL_MIN = 128
_SCANS_KEPT = 4


@dataclass(frozen=True)
class LoadRecord:
    """What happened to one input: ``status`` is ok, skipped or duplicate.

    ``language`` is ``en``, ``other`` (the reason says why) or ``unknown`` (too short to tell)
    for a document that was read, None for a skip.
    """

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
    language: str | None = None


def _document(entry: _readers.Entry, text: str, encoding: str, *,
              language: str | None = None) -> Document:
    f = entry.fields
    meta = dict(f.get("meta") or {})
    meta.update({k: v for k, v in entry.extra.items() if v is not None})
    date = iso_date(f.get("date"))
    if date is None and f.get("date") is not None:
        meta["date_raw"] = f.get("date")
    title = _str(f.get("title"))
    if title is None and entry.title_from_first_line:
        span = headline(text)
        if span is not None:
            title = text[span[0]:span[1]]
            meta["title_from"] = "first line"
    return Document(doc_id=str(entry.doc_id), text=text, title=title,
                    outlet=_str(f.get("outlet")), date=date, author=_str(f.get("author")),
                    url=_str(f.get("url")), path=entry.path, meta=meta, encoding=encoding,
                    language=language)


def _entry_content(entry: _readers.Entry) -> tuple:
    """What reading ``entry`` says: ``("skipped", reason)`` for a text that cannot be read or
    is empty, else ``("ok", record, fingerprint)``. A function of the entry alone, so worker
    processes can run it."""
    try:
        text, encoding = entry.read()
    except (InputError, OSError) as exc:
        return "skipped", _reason(exc)
    if not text.strip().strip("\ufeff"):
        return "skipped", "empty or whitespace-only text"
    language, language_reason = guess_language(text)
    doc = _document(entry, text, encoding, language=language)
    notes = [] if encoding == "utf-8" else [f"decoded as {encoding}"]
    notes += [n for n in entry.notes if n not in notes]
    if "date_raw" in doc.meta:
        notes.append(f"unreadable date {str(doc.meta['date_raw'])[:40]!r} "
                     "(kept as meta['date_raw'])")
    if language == "other":
        notes.append(language_reason)
    record = LoadRecord(path=entry.path, doc_id=doc.doc_id, status="ok",
                        reason=_joined(*notes), encoding=encoding, title=doc.title,
                        outlet=doc.outlet, date=doc.date, n_chars=len(text),
                        language=language)
    return "ok", record, _dedup.fingerprint(doc.body, raw=text)


def _entry_content_kept(job: tuple[_readers.Entry, str | None, Any]) -> tuple:
    """:func:`_entry_content` of the entry of an ``(entry, key, cache folder)`` job, stored
    in that folder under ``key`` as :meth:`Corpus._stored_content` stores it (``key`` None:
    not stored). Run by the scan's worker processes."""
    entry, key, root = job
    outcome = _entry_content(entry)
    if key is not None:
        from toolkit.cache import store_value

        with warnings.catch_warnings():
            # A folder that cannot be written is warned about by the process that scans,
            # when it stores the scan's index.
            warnings.simplefilter("ignore", RuntimeWarning)
            store_value("scan-input", key, outcome, cache_dir=root)
    return outcome


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


class Corpus:
    """A lazily read collection of documents with a load report.

    Iterating yields the ``ok`` documents, leaving out duplicates unless
    ``include_duplicates=True`` was given to :func:`load`, and documents that do not look
    English when ``english_only=True`` was.
    """

    def __init__(self, path: str | os.PathLike[str], *, format: str | None = None,
                 text_column: str | None = None, id_column: str | None = None,
                 date_column: str | None = None, outlet_column: str | None = None,
                 title_column: str | None = None, author_column: str | None = None,
                 url_column: str | None = None, include_duplicates: bool = False,
                 english_only: bool = False, on_error: str = "skip",
                 cache: bool | str | os.PathLike[str] = True, workers: int | None = 1) -> None:
        if on_error not in ("skip", "raise"):
            raise ParameterError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
        named = {"text_column": text_column, "id_column": id_column,
                 "date_column": date_column, "outlet_column": outlet_column,
                 "title_column": title_column, "author_column": author_column,
                 "url_column": url_column}
        for option, value in named.items():
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ParameterError(f"{option}={value!r} must be a column name",
                                     hint="a dotted path such as 'source.name' reaches into "
                                          "nested JSON")
        self.columns = Columns(text=text_column, doc_id=id_column, title=title_column,
                               outlet=outlet_column, date=date_column, author=author_column,
                               url=url_column)
        # Inputs are named by absolute paths: a scan kept in the cache by one run serves a run
        # that names the same corpus from another folder.
        self.path = os.path.abspath(os.fspath(path))
        self.format, self._entries = _readers.entries(self.path, format=format,
                                                      columns=self.columns)
        self.include_duplicates = include_duplicates
        self.english_only = english_only
        self.on_error = on_error
        self.cache = cache
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self._records: list[LoadRecord] | None = None

    def __repr__(self) -> str:
        return f"Corpus({self.path!r}, format={self.format!r})"

    # -- the scan: one pass that decides every input's status -------------------------------

    def report(self) -> list[LoadRecord]:
        """One record per input (file or row), in input order. Computed once, then cached."""
        if self._records is None:
            self._records = self._stored_scan() if self.cache else self._scan()
        return list(self._records)

    def _state_key(self) -> str:
        """A hash of the path, the reading options and every file's path, size and mtime."""
        from toolkit.corpus.files import walk

        root = os.path.abspath(self.path)
        if os.path.isdir(root):
            state = []
            for found in walk(root):
                try:
                    info = os.stat(found.real) if found.skip is None else None
                except OSError as exc:
                    state.append((found.rel, str(exc)))
                    continue
                state.append((found.rel, found.skip) if info is None
                             else (found.rel, info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                                   info.st_mode))
        else:
            info = os.stat(root)
            state = [("", info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_mode)]
        payload = json.dumps({"path": root, "format": self.format, "on_error": self.on_error,
                              "columns": vars(self.columns), "files": state},
                             sort_keys=True, default=str)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def state_key(self) -> str:
        """A key of what this corpus reads as: its path, the reading options, every file's
        path, size and modification time, and the toolkit's source. A table computed from
        every input of the corpus may be kept under it (see
        :func:`toolkit.analysis.overview.cleaning_summary`)."""
        from toolkit.cache import source_fingerprint

        return self._state_key() + source_fingerprint()

    def _stored_scan(self) -> list[LoadRecord]:
        from toolkit.cache import cached_value

        key = self.state_key()
        records = _SCANS.get(key)
        if records is None:
            records = cached_value("scan", key, self._scan,
                                   cache_dir=None if self.cache is True else self.cache)
        _SCANS[key] = records
        _SCANS.move_to_end(key)
        while len(_SCANS) > _SCANS_KEPT:
            _SCANS.popitem(last=False)
        return records

    def _scan(self) -> list[LoadRecord]:
        from itertools import islice

        from toolkit.progress import progress

        records: list[LoadRecord] = []
        prints: list[_dedup.Fingerprint | None] = []
        order: list[tuple] = []
        first_seen: dict[str, str] = {}
        source = progress(self._entries(), desc="reading the corpus", unit="input")
        # What the last scan of this path read of each input, by the input's key (its fields
        # and file state): one file to read, where each input also has a file of its own.
        index = self._scan_index() if self.cache else {}
        seen: dict[str, tuple] = {}
        pool = None

        def sent(entries: Iterator[_readers.Entry], index: dict[str, tuple]) -> Iterator[tuple]:
            """``(batch, keys, outcomes)`` of each batch of ``entries``, as it is sent."""
            nonlocal pool
            while batch := list(islice(entries, _SCAN_BATCH)):
                keys = [None if entry.skip is not None or not self.cache
                        else self._content_key(entry) for entry in batch]
                reading, pool = self._read_ahead(batch, pool, keys, index)
                yield batch, keys, reading

        try:
            # Inputs are read a batch at a time: with workers, the batch's inputs not in the
            # cache are read and fingerprinted over worker processes, then checked here in
            # input order (duplicate ids, duplicates), so the records are the same. A batch is
            # sent to the workers before the one sent last is checked, so that they are not
            # left waiting while this process lists, looks up and checks inputs.
            batches = sent(source, index)
            ahead = next(batches, None)
            while ahead is not None:
                batch, keys, reading = ahead
                ahead = next(batches, None)
                outcomes = reading()
                for i, entry in enumerate(batch):
                    outcome = outcomes.get(i)
                    if outcome is None and keys[i] is not None:
                        outcome = index.get(keys[i]) or self._stored_content(entry, keys[i])
                    if keys[i] is not None and outcome is not None:
                        seen[keys[i]] = outcome
                    record, fp = self._check(entry, first_seen, outcome)
                    records.append(record)
                    prints.append(fp)
                    order.append((record.date or "9999", len(order)))
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if self.cache:
            from toolkit.cache import store_value

            store_value("scan-index", self._index_key(), seen, cache_dir=self._cache_dir())
        if not any(r.status == "ok" for r in records):
            reasons = sorted({r.reason for r in records})
            raise EmptyCorpusError(
                f"no usable document among {len(records)} input(s) ({'; '.join(reasons)[:300]})",
                path=self.path, hint="see `toolkit corpus PATH` for each file's status")
        for i, (original, how, score) in _dedup.find_duplicates(prints, order).items():
            r = records[i]
            records[i] = replace(r, status="duplicate", duplicate_of=records[original].doc_id,
                                 reason=_joined(f"{how} copy (similarity {score:.2f})",
                                                r.reason))
        del prints, order, seen, index, first_seen, source, batch
        # The records were made among the texts and fingerprints just let go, and would keep
        # the memory they share with them: written out, let go and made again once that memory
        # is free, they take a few compact blocks (after reading 50,000 articles, the process
        # holds 55 MB less).
        kept = pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL)
        del records
        gc.collect()
        return_freed_memory()  # every text read, and the fingerprints, are let go
        return pickle.loads(kept)

    def _check(self, entry: _readers.Entry, first_seen: dict[str, str],
               outcome: tuple | None = None) -> tuple[LoadRecord, _dedup.Fingerprint | None]:
        if entry.skip is not None:
            return self._skip(entry, entry.skip), None
        if outcome is None:
            outcome = self._stored_content(entry)
        if outcome[0] == "skipped":
            return self._skip(entry, outcome[1]), None
        if entry.doc_id in first_seen:
            problem = f"duplicate doc_id {entry.doc_id!r} (first used by {first_seen[entry.doc_id]})"
            if self.on_error == "raise":
                raise DuplicateIdError(problem, path=entry.path,
                                       hint="give each document a unique id")
            return self._skip(entry, problem), None
        first_seen[str(entry.doc_id)] = entry.path
        return outcome[1], outcome[2]

    def _scan_index(self) -> dict[str, tuple]:
        """``{input key: outcome}`` the last scan of this path stored (empty if none)."""
        from toolkit.cache import stored_value

        found, index = stored_value("scan-index", self._index_key(),
                                    cache_dir=self._cache_dir())
        return index if found and isinstance(index, dict) else {}

    def _index_key(self) -> str:
        return json.dumps({"path": self.path, "format": self.format})

    def _cache_dir(self) -> Any:
        return None if self.cache is True else self.cache

    def _read_ahead(self, batch: list[_readers.Entry], pool: Any,
                    batch_keys: list[str | None], index: dict[str, tuple]
                    ) -> tuple[Callable[[], dict[int, tuple]], Any]:
        """The inputs of ``batch`` sent to be read over the worker processes (started on first
        need, then reused: ``pool``), and a call that waits for them and returns ``{index:
        outcome}`` of :meth:`_content`; the workers store each outcome in the cache like
        :meth:`_stored_content` does. Nothing is sent (the call returns ``{}``) without workers
        or when few inputs of the batch need reading (starting processes would cost more than
        it saves). ``batch_keys`` are the inputs' keys (None: not cached); those in ``index``
        need no reading."""
        if self.workers <= 1:
            return dict, pool
        from toolkit.cache import resolve_cache_dir, stored_value

        cache_dir = self._cache_dir()
        keys: dict[int, str | None] = {}
        for i, entry in enumerate(batch):
            if entry.skip is not None:
                continue
            key = batch_keys[i]
            if key is not None and (key in index or stored_value("scan-input", key,
                                                                 cache_dir=cache_dir)[0]):
                continue  # read from the cache in order, as before
            keys[i] = key
        if len(keys) < _SCAN_PARALLEL_MIN:
            return dict, pool
        if pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from toolkit.processes import process_context

            pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=process_context())
        # The workers store what they read, as _stored_content would here: writing a cache
        # entry per input is a good part of a scan's work, and done here it would keep the
        # workers waiting. The folder is resolved here, where the cache was asked for.
        root = resolve_cache_dir(cache_dir) if self.cache else None
        wanted = list(keys)
        reading = pool.map(_entry_content_kept, [(batch[i], keys[i], root) for i in wanted],
                           chunksize=8)
        return lambda: dict(zip(wanted, reading, strict=True)), pool

    def _content_key(self, entry: _readers.Entry) -> str | None:
        """The cache key of an input's :meth:`_content`: its fields and file state (path,
        size, modification and change times); None when the file cannot be looked at."""
        try:
            info = os.stat(entry.path)
        except (OSError, ValueError):
            return None
        return json.dumps({"path": entry.path, "line": entry.line, "doc_id": entry.doc_id,
                           "fields": entry.fields, "extra": entry.extra, "notes": entry.notes,
                           "first_line": entry.title_from_first_line,
                           "file": (info.st_size, info.st_mtime_ns, info.st_ctime_ns,
                                    info.st_mode)}, sort_keys=True, default=str)

    def _stored_content(self, entry: _readers.Entry, key: str | None = None) -> tuple:
        """:meth:`_content` of ``entry``, kept in the cache folder (with ``cache``) under the
        entry's file state (path, size, modification and change times) and fields (``key``,
        when known): when a corpus grows, a scan reads only its new or changed inputs."""
        if not self.cache:
            return self._content(entry)
        key = key or self._content_key(entry)
        if key is None:
            return self._content(entry)
        from toolkit.cache import cached_value

        return cached_value("scan-input", key, lambda: self._content(entry),
                            cache_dir=self._cache_dir())

    def _content(self, entry: _readers.Entry) -> tuple:
        """What reading ``entry`` says: ``("skipped", reason)`` for a text that cannot be read
        or is empty, else ``("ok", record, fingerprint)``."""
        return _entry_content(entry)

    def _skip(self, entry: _readers.Entry, reason: str) -> LoadRecord:
        if self.on_error == "raise":
            raise InputError(reason, path=entry.path)
        return LoadRecord(path=entry.path, doc_id=entry.doc_id, status="skipped", reason=reason)

    def notes(self) -> list[str]:
        """What the load report holds beyond statuses, one line each with a count and an
        example: unreadable dates, documents that do not look English, texts and metadata files
        decoded as cp1252, repeated metadata rows, metadata rows naming missing files."""
        records = self.report()
        read = [r for r in records if r.status in ("ok", "duplicate")]
        skipped = [r for r in records if r.status == "skipped"]
        checks = [
            ("with an unreadable date (no date used)", read,
             lambda part: part.startswith("unreadable date ")),
            ("that do not look English", [r for r in read if r.language == "other"],
             lambda part: part.startswith(("does not look English", "not English"))),
            ("whose text was decoded as cp1252", read,
             lambda part: part == "decoded as cp1252"),
            ("whose metadata file was decoded as cp1252", read,
             lambda part: part != "decoded as cp1252" and part.endswith("decoded as cp1252")),
            ("described by more than one metadata row (first row used)", read,
             lambda part: " again on line" in part),
            ("listed in metadata but missing", skipped,
             lambda part: "but no such file" in part),
        ]
        out = []
        for what, candidates, wanted in checks:
            hits = [(r, part) for r in candidates for part in r.reason.split("; ") if wanted(part)]
            if hits:
                example, detail = hits[0]
                out.append(f"{len(hits)} document(s) {what}, e.g. "
                           f"{example.doc_id or example.path}: {detail}")
        return out

    def kept_statuses(self, include_duplicates: bool | None = None) -> frozenset[str]:
        """The statuses of the load report's records whose documents the corpus gives: ``ok``,
        and ``duplicate`` when duplicates are included (``include_duplicates``, default: as
        given to :func:`load`)."""
        if include_duplicates is None:
            include_duplicates = self.include_duplicates
        return frozenset(("ok", "duplicate") if include_duplicates else ("ok",))

    def language_counts(self) -> dict[str, int]:
        """How many documents (``ok`` ones, plus duplicates if they are included) are ``en``,
        ``other`` and ``unknown``."""
        keep = self.kept_statuses()
        counts = Counter(r.language for r in self.report() if r.status in keep)
        return {lang: counts.get(lang, 0) for lang in ("en", "other", "unknown")}

    # -- documents ---------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Document]:
        return self.documents()

    def documents(self, *, include_duplicates: bool | None = None,
                  english_only: bool | None = None,
                  read: Iterable[Document] = ()) -> Iterator[Document]:
        """Yield documents in input order, reading each file when it is reached.

        ``english_only`` (default: as given to :func:`load`) leaves out documents whose language
        is ``other`` (those too short to tell stay in); :meth:`language_counts` says how many
        that leaves out. ``read``: documents of this corpus read already (those a date range
        kept, say), in input order: each is given back instead of its input being read again.
        They are gone through once, alongside the inputs, and never held all at once (a
        document given out of that order is read again from its input: the same document).
        """
        keep = self.kept_statuses(include_duplicates)
        english_only = self.english_only if english_only is None else english_only
        wanted = {r.path: r for r in self.report() if r.status in keep
                  and not (english_only and r.language == "other")}
        given = (d for d in read if d.path in wanted)
        waiting = next(given, None)
        for entry in self._entries():
            record = wanted.get(entry.path)
            if record is None or entry.read is None:
                continue
            if waiting is not None and waiting.path == entry.path and \
                    waiting.doc_id == str(entry.doc_id):
                doc, waiting = waiting, next(given, None)
            else:
                text, encoding = entry.read()
                doc = _document(entry, text, encoding, language=record.language)
            yield doc

    def __len__(self) -> int:
        return sum(1 for _ in self.ids())

    def ids(self, *, english_only: bool | None = None) -> list[str]:
        keep = self.kept_statuses()
        english_only = self.english_only if english_only is None else english_only
        return [r.doc_id for r in self.report() if r.status in keep
                and not (english_only and r.language == "other")]

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

        Columns: doc_id, path, status, reason, duplicate_of, title, outlet, date, language,
        encoding, n_chars, n_excluded_chars, n_paragraphs, n_sentences, n_tokens (and ``body``
        when asked). Skipped inputs have empty counts. ``frame.attrs["notes"]`` holds
        :meth:`notes`.
        """
        import pandas as pd

        frame = pd.DataFrame(summary_rows(self, body=body), columns=summary_columns(body=body))
        frame.attrs["notes"] = self.notes()
        return frame


def summary_columns(*, body: bool = False) -> list[str]:
    cols = ["doc_id", "path", "status", "reason", "duplicate_of", "title", "outlet", "date",
            "language", "encoding", "n_chars", "n_excluded_chars", "n_paragraphs",
            "n_sentences", "n_tokens"]
    return cols + ["body"] if body else cols


def summary_rows(corpus: Corpus, *, body: bool = False,
                 workers: int | None = None) -> Iterator[dict[str, Any]]:
    """The rows of :meth:`Corpus.summary` as dicts, streamed (no pandas needed). The documents'
    counts (and bodies) are made over ``workers`` processes (default: those the corpus was
    loaded with), in input order."""
    from toolkit.processes import ordered_map

    # Documents come in input order, like the records: a few chunks are in hand at most.
    counted = ordered_map(partial(_document_counts, body=body),
                          corpus.documents(include_duplicates=True),
                          corpus.workers if workers is None else workers, chunk=_SUMMARY_CHUNK)
    ahead = next(counted, None)
    for r in corpus.report():
        row = {"doc_id": r.doc_id, "path": r.path, "status": r.status, "reason": r.reason,
               "duplicate_of": r.duplicate_of, "title": r.title, "outlet": r.outlet,
               "date": r.date, "language": r.language, "encoding": r.encoding,
               "n_chars": r.n_chars, "n_excluded_chars": None, "n_paragraphs": None,
               "n_sentences": None, "n_tokens": None}
        if ahead is not None and ahead[0] == r.path and r.status != "skipped":
            row.update(ahead[1])
            ahead = next(counted, None)
        elif body:
            row["body"] = None
        yield row


# Documents per task when the summary's counts are made over worker processes.
_SUMMARY_CHUNK = 16


def _document_counts(doc: Document, *, body: bool) -> tuple[str, dict[str, Any]]:
    """``(path, the summary's counts of doc)``, with its cleaned body when ``body``."""
    from toolkit.corpus.segment import segment_document

    seg = segment_document(doc)
    counts: dict[str, Any] = {"n_excluded_chars": sum(b - a for a, b in doc.excluded),
                              "n_paragraphs": len(seg.paragraphs),
                              "n_sentences": len(seg.sentences), "n_tokens": len(seg.tokens)}
    if body:
        counts["body"] = doc.body
    return doc.path, counts


def _joined(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


def _reason(exc: Exception) -> str:
    if isinstance(exc, InputError):
        message = str(exc)
        prefix = f"{exc.path}: " if exc.path else ""
        return message[len(prefix):] if message.startswith(prefix) else message
    return f"cannot read: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)


def load(path: str | os.PathLike[str], *, format: str | None = None,
         text_column: str | None = None, id_column: str | None = None,
         date_column: str | None = None, outlet_column: str | None = None,
         title_column: str | None = None, author_column: str | None = None,
         url_column: str | None = None, include_duplicates: bool = False,
         english_only: bool = False, on_error: str = "skip",
         cache: bool | str | os.PathLike[str] = True, workers: int | None = 1) -> Corpus:
    """Open a corpus. Raises at once for a missing path or an unusable table; per-file problems
    become skips in :meth:`Corpus.report` (or errors with ``on_error="raise"``).

    ``text_column``, ``id_column``, ``date_column``, ``outlet_column``, ``title_column``,
    ``author_column`` and ``url_column`` name the column (CSV/TSV, a folder's metadata file) or
    field (JSONL; a dotted path such as ``source.name`` reaches into nested objects) that holds
    each field. Without them the usual names are tried (see :mod:`toolkit.corpus.fields`). A
    named column that does not exist raises :class:`~toolkit.errors.MissingColumnError` listing
    the columns there are.

    ``english_only=True`` leaves documents that do not look English (``language == "other"`` in
    the load report) out of iteration, :meth:`Corpus.ids` and ``len``; the load report still
    lists them. The attribution rules and word lists are English-only.

    ``cache`` keeps the scan (every input's status, duplicates included) for the next load of
    the same unchanged files: ``True`` for the default cache folder (see :mod:`toolkit.cache`),
    a folder path, or ``False`` to scan every time. ``workers`` > 1 (``None``: one per core)
    reads and fingerprints the inputs the cache lacks over that many processes; the load
    report is the same.
    """
    corpus = Corpus(path, format=format, text_column=text_column, id_column=id_column,
                    date_column=date_column, outlet_column=outlet_column,
                    title_column=title_column, author_column=author_column,
                    url_column=url_column, include_duplicates=include_duplicates,
                    english_only=english_only, on_error=on_error, cache=cache,
                    workers=workers)
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
