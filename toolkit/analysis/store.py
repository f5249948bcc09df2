"""Per-document results stored as Parquet, so a rerun computes only the documents it lacks.

A :class:`ResultStore` is a folder of Parquet parts (``CACHE_DIR/store/VERSION/``, where
VERSION hashes the toolkit version, its source code and the lexicons, so results of other code
are never read). Each part holds the results of up to :data:`PART` documents in two files:
``documents-ID.parquet`` (key, n_tokens, n_sentences, the titled names, the excluded spans, the
words the contents write in lower case) and ``attributions-ID.parquet`` (key, then one column
per attribution field and the number of words of its content, one row per attribution). The
key is :func:`toolkit.cache.document_key`: a hash of the document's id, metadata and text. Parts are written to a temporary name and renamed into place, so a run that
is interrupted keeps every finished part and the next run resumes from there; two runs writing
the same document store equal rows, and the first one read wins.

Beside them, a :class:`ValueStore` keeps other per-document values in parts of their own
(``NAME-ID.parquet``: key and pickled value): frame matches and word tokens per lexicon
(``frames-LEXICON``), excluded stretches (``cleaning``); see
:func:`toolkit.analysis.base_tables.stored_values`. Word counts (``words``) are columns, one
row per document and word (:class:`WordCountStore`), which Arrow adds up for keyness and
collocations without a Python object per word; :func:`value_store` gives the store of a name. And the base tables of a corpus state (the
documents' keys and metadata, in order) are kept whole under ``tables/`` for the
:data:`STATES_KEPT` latest states (:meth:`ResultStore.tables`), so another notebook or command on
the same corpus reads them instead of reducing every stored result again.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import fields
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.analysis.gathering import CONTENT_WORDS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PART", "PARTS_HELD", "STATES_KEPT", "AttributionRows", "ResultStore", "StoredResults",
           "ValueStore", "WordCountStore", "as_rows", "attribution_frame", "attribution_table",
           "default_store", "table_records", "value_store"]

PART = 256
# Whole tables are kept for this many corpus states (the latest ones written).
STATES_KEPT = 4
# Parts of the store a read holds at once (see StoredResults).
PARTS_HELD = 2
TABLES = "tables"


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _column_type(annotation: str):
    """The Parquet type of an :class:`~toolkit.attribution.Attribution` field, from its
    annotation: whole numbers, flags, offset pairs and lists of steps keep their types."""
    import pyarrow as pa

    if annotation.startswith("tuple[tuple[int"):
        return pa.list_(pa.list_(pa.int64()))
    if annotation.startswith("tuple[str"):
        return pa.list_(pa.string())
    if annotation.startswith("int"):
        return pa.int64()
    if annotation.startswith("bool"):
        return pa.bool_()
    return pa.string()


def _from_stored(annotation: str, value: Any) -> Any:
    """A stored cell back in the field's Python type (Parquet gives lists for tuples)."""
    if value is None:
        return () if annotation.startswith("tuple[tuple[int") else None
    if annotation.startswith("tuple[tuple[int"):
        return tuple(tuple(pair) for pair in value)
    if annotation.startswith("tuple[str"):
        return tuple(value)
    return value


def _stored_column(annotation: str, values: list) -> list:
    """:func:`_from_stored` of every cell of one column (a plain column is given back as is)."""
    if annotation.startswith(("tuple[tuple[int", "tuple[str")):
        return [_from_stored(annotation, value) for value in values]
    return values


# Offsets turned into Python ints at a time by _stored_cells.
_CELLS_PIECE = 1 << 18


def _stored_cells(annotation: str, array: Any) -> list:
    """:func:`_stored_column` of an Arrow list column (offset pairs, or steps), made from its
    flattened values: no list per cell on the way, and one tuple for each distinct list of
    steps (most are the same few)."""
    import numpy as np
    import pyarrow.compute as pc

    lengths = pc.fill_null(pc.list_value_length(array), 0).to_numpy()
    flat = pc.list_flatten(array)
    if annotation.startswith("tuple[tuple[int"):
        pair_lengths = pc.fill_null(pc.list_value_length(flat), 0).to_numpy().tolist()
        # One Python int per distinct offset, shared by every pair that has it: offsets
        # repeat across documents, and an int of its own per offset costs 28 bytes (56 MB for
        # the two million offsets of 963,000 attributions).
        distinct, which = np.unique(pc.list_flatten(flat).to_numpy(zero_copy_only=False),
                                    return_inverse=True)
        values = distinct.tolist()
        del distinct
        # A piece of the positions at a time: all of them as Python ints at once would be an
        # object each (144 MB for four million offsets), only to be looked up and let go.
        numbers: list[int] = []
        for at in range(0, len(which), _CELLS_PIECE):
            numbers.extend(map(values.__getitem__, which[at:at + _CELLS_PIECE].tolist()))
        del values, which
        pairs, at = [], 0
        for n in pair_lengths:
            pairs.append(tuple(numbers[at:at + n]))
            at += n
        del numbers
        cells, at = [], 0
        for n in lengths.tolist():  # a missing cell is (), as _from_stored makes it
            cells.append(tuple(pairs[at:at + n]))
            at += n
        return cells
    valid = array.is_valid().to_numpy(zero_copy_only=False).tolist()
    words = flat.to_pylist()
    distinct: dict[Any, Any] = {}
    cells, at = [], 0
    for n, ok in zip(lengths.tolist(), valid, strict=True):
        if ok:
            cell = tuple(distinct.setdefault(w, w) for w in words[at:at + n])
            cells.append(distinct.setdefault(cell, cell))
        else:
            cells.append(None)
        at += n
    return cells


@lru_cache(maxsize=1)
def _field_types() -> dict[str, str]:
    """Each :class:`~toolkit.attribution.Attribution` field's annotation, in field order."""
    from toolkit.attribution import Attribution

    return {f.name: str(f.type) for f in fields(Attribution)}


def _schemas():
    import pyarrow as pa

    types = _field_types()
    columns = list(types)
    attributions = pa.schema([("key", pa.string())] + [
        (c, _column_type(types[c])) for c in columns] + [(CONTENT_WORDS, pa.int64())])
    documents = pa.schema([("key", pa.string()), ("n_tokens", pa.int64()),
                           ("n_sentences", pa.int64()), ("names", pa.list_(pa.string())),
                           ("excluded", pa.list_(pa.list_(pa.int64()))),
                           ("lower", pa.list_(pa.string()))])
    return documents, attributions, columns


def default_store(cache_dir: str | os.PathLike[str] | None = None) -> ResultStore:
    """The store of this toolkit version, source code and lexicons under the cache folder."""
    import hashlib

    from toolkit import __version__
    from toolkit.cache import lexicon_fingerprint, resolve_cache_dir, source_fingerprint

    version = hashlib.sha256(f"{__version__}\0{source_fingerprint()}\0{lexicon_fingerprint()}"
                             .encode()).hexdigest()[:24]
    return ResultStore(resolve_cache_dir(cache_dir) / "store" / version)


class AttributionRows(tuple):
    """Attributions as rows: each a tuple of one :class:`~toolkit.attribution.Attribution`'s
    field values, in field order (:data:`toolkit.attribution.COLUMNS`), then the number of
    words of its content (:data:`~toolkit.analysis.gathering.CONTENT_WORDS`, as
    :func:`~toolkit.analysis.speakers.count_words` counts them). A document's result travels
    from a worker process (or the cache) in this form (see
    :class:`toolkit.analysis.DocumentResult`): rows pickle and unpickle several times faster
    than records, :func:`attribution_table` reads them as they are, and the words are counted
    where the document was analysed, once. :meth:`records` makes the records again."""

    __slots__ = ()

    def records(self) -> tuple:
        """The :class:`~toolkit.attribution.Attribution` records of these rows, in order."""
        from toolkit.attribution import Attribution

        n = len(_field_types())
        return tuple(Attribution(*row[:n]) for row in self)

    def column(self, name: str) -> list:
        """The values of field ``name`` (or :data:`CONTENT_WORDS`), one per row."""
        fields = list(_field_types())
        at = len(fields) if name == CONTENT_WORDS else fields.index(name)
        return [row[at] for row in self]


def _row(values: Callable[[Any], tuple], record: Any) -> tuple:
    """A record's row of :class:`AttributionRows`."""
    from toolkit.analysis.speakers import count_words

    return (*values(record), count_words(record.content) if record.content else 0)


def as_rows(attributions: Any) -> Any:
    """``attributions`` (records, or :class:`AttributionRows`) as :class:`AttributionRows`; an
    Arrow table of :func:`attribution_table`'s columns is returned as it is."""
    if isinstance(attributions, AttributionRows) or not isinstance(attributions, (tuple, list)):
        return attributions
    values = attrgetter(*_field_types())  # plain values and tuples: no deep copy needed
    return AttributionRows(_row(values, record) for record in attributions)


def attribution_table(items: Iterable[tuple[str, Iterable[Any]]]) -> Any:
    """A pyarrow Table of attributions: ``key``, then one column per
    :class:`~toolkit.attribution.Attribution` field, then :data:`CONTENT_WORDS`, from ``(key,
    records)`` pairs (records, or :class:`AttributionRows`)."""
    import pyarrow as pa

    _, schema, columns = _schemas()
    columns = [*columns, CONTENT_WORDS]
    keys, records = [], []
    values = attrgetter(*_field_types())  # plain values and tuples: no deep copy needed
    for key, found in items:
        if isinstance(found, AttributionRows):
            keys.extend([key] * len(found))
            records.extend(found)
            continue
        for record in found:
            keys.append(key)
            records.append(_row(values, record))
    # Turned into columns at once (a row of values per record, transposed), not into a dict
    # per record.
    cells = [list(column) for column in zip(*records, strict=True)] or [[] for _ in columns]
    return pa.Table.from_pydict({"key": keys, **dict(zip(columns, cells, strict=True))},
                                schema=schema)


def table_records(table: Any) -> tuple:
    """The :class:`~toolkit.attribution.Attribution` records of a table of
    :func:`attribution_table`, in its order."""
    from toolkit.attribution import Attribution

    types = _field_types()
    # Column by column: only the columns of tuples need converting.
    cells = [_stored_column(types[c], table.column(c).to_pylist()) for c in types]
    return tuple(Attribution(*values) for values in zip(*cells, strict=True))


def attribution_frame(table: Any) -> pd.DataFrame:
    """The rows of a table of :func:`attribution_table`'s columns (all of them, or some, and
    other columns after them) as :func:`toolkit.attribution.to_frame` makes them from records
    (same types), in the table's order; the ``key`` column is left out. Text columns go from
    Arrow to pandas without a Python string per cell, and each column of ``table`` is let go
    once converted (its memory is freed when nothing else holds the table: pass the table in a
    list, which is emptied, to hold nothing else)."""
    import pandas as pd

    from toolkit.attribution import to_frame

    if isinstance(table, list):
        table = table.pop()

    types = _field_types()
    names = [name for name in table.column_names if name != "key"]
    if len(table) == 0:
        empty = to_frame([])
        return pd.DataFrame({name: empty[name] if name in types else
                             table.column(name).to_pandas() for name in names}, columns=names)
    data = {}
    for name in names:
        # One piece: gathered in parts, a column would otherwise be one piece per part, which
        # every later operation on it (and every file it is written to) would go through.
        column = table.column(name).combine_chunks()
        annotation = types.get(name, "")
        if annotation.startswith(("tuple[tuple[int", "tuple[str")):
            data[name] = _stored_cells(annotation, column)
        elif name in types and (column.null_count == len(column)
                                or not annotation.startswith(("str", "int"))):
            # all missing (pandas keeps None), or flags: as the records would give them
            data[name] = column.to_pylist()
        else:
            data[name] = column.to_pandas()
        del column
        table = table.drop_columns([name])
    frame = pd.DataFrame(data, columns=names, copy=False)
    for name in ("speaker_start", "speaker_end", "content_start", "content_end"):
        if name in frame.columns:
            frame[name] = frame[name].astype("Int64")
    return frame


class StoredResults:
    """What :meth:`ResultStore.read` finds: which documents are stored (``key in found``), and
    for each :meth:`document` (``(n_tokens, n_sentences, names, excluded, lower)``;
    ``excluded``: the spans cleaning excluded; ``lower``: the words its contents write in lower
    case; each None when not stored) and :meth:`attributions` (its rows, as an Arrow table;
    :meth:`records` as :class:`~toolkit.attribution.Attribution` records).

    Only the keys are read at first. A part's documents and attributions are read when one of
    its documents is asked for, and the :data:`PARTS_HELD` parts asked for last are kept: a
    corpus read in the order its documents were stored holds a few parts at a time, not the
    store. A part read a second time (documents asked for out of that order) is kept from then
    on, so no part is read more than twice."""

    def __init__(self, parts: list[tuple[Path, Path]], where: dict[str, int]) -> None:
        self._paths = parts
        self._where = where
        self._held: dict[int, _Part] = {}  # in the order last asked for
        self._kept: dict[int, _Part] = {}
        self._reads: dict[int, int] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._where

    def __len__(self) -> int:
        return len(self._where)

    def document(self, key: str) -> tuple[int, int, tuple[str, ...], tuple | None,
                                          tuple[str, ...] | None]:
        """``(n_tokens, n_sentences, names, excluded, lower)`` of the document ``key``."""
        return self._part(key).document(key)

    def attributions(self, key: str) -> Any:
        """The rows of the document ``key`` (a zero-copy slice of its part's table)."""
        return self._part(key).attributions(key)

    def records(self, key: str) -> tuple:
        """The attributions of the document ``key`` as records."""
        return table_records(self.attributions(key))

    def _part(self, key: str) -> _Part:
        number = self._where[key]
        part = self._kept.get(number)
        if part is not None:
            return part
        part = self._held.pop(number, None)
        if part is None:
            part = _Part(*self._paths[number])
            self._reads[number] = self._reads.get(number, 0) + 1
            if self._reads[number] > 1:
                self._kept[number] = part
                return part
        self._held[number] = part
        while len(self._held) > PARTS_HELD:
            del self._held[next(iter(self._held))]
        return part


class _Part:
    """One part of the store, read: each document's small values as lists, the words of
    ``lower`` as an Arrow list column, the attributions as an Arrow table (each document's rows
    are one run of it)."""

    def __init__(self, doc_path: Path, att_path: Path) -> None:
        import pyarrow.parquet as pq

        _, schema, _ = _schemas()
        table = pq.read_table(doc_path)

        def column(name: str) -> list:
            if name in table.column_names:
                return table.column(name).to_pylist()
            return [None] * len(table)

        self._index = {key: i for i, key in enumerate(column("key"))}
        self._n_tokens = column("n_tokens")
        self._n_sentences = column("n_sentences")
        self._names = column("names")
        self._excluded = column("excluded")
        self._lower = (table.column("lower").combine_chunks()
                       if "lower" in table.column_names else None)
        attributions = pq.read_table(att_path, schema=schema)
        self._runs: dict[str, list[int]] = {}
        for i, key in enumerate(attributions.column("key").to_pylist()):
            run = self._runs.get(key)
            if run is None:
                self._runs[key] = [i, 1]
            else:
                run[1] += 1
        self._table = attributions

    def document(self, key: str) -> tuple[int, int, tuple[str, ...], tuple | None,
                                          tuple[str, ...] | None]:
        i = self._index[key]
        spans = self._excluded[i]
        lower = None
        if self._lower is not None and self._lower[i].is_valid:
            lower = tuple(self._lower[i].values.to_pylist())
        return (self._n_tokens[i], self._n_sentences[i], tuple(self._names[i] or ()),
                None if spans is None else tuple((a, b) for a, b in spans), lower)

    def attributions(self, key: str) -> Any:
        start, length = self._runs.get(key, (0, 0))
        return self._table.slice(start, length)


class ResultStore:
    """The Parquet parts in ``folder``: :meth:`read` every stored result, :meth:`write` one
    part."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def corpus_state(self, docs: Iterable[Any]) -> str:
        """A key for the tables of ``docs``: every document's key and metadata, in order
        (reads each document once)."""
        import hashlib
        import json

        from toolkit.cache import document_key

        digest = hashlib.sha256()
        for doc in docs:
            info = json.dumps(doc.info(), sort_keys=True, default=str, ensure_ascii=False)
            digest.update(f"{document_key(doc)}\0{info}\n".encode())
        return digest.hexdigest()

    def tables(self, state: str, compute: Callable[[], Any]) -> Any:
        """The tables stored for corpus ``state`` (see :meth:`corpus_state`), else ``compute()``
        (then stored). Only the :data:`STATES_KEPT` most recent states are kept."""
        from toolkit.cache import cached_value

        before = set(self._table_files())
        value = cached_value(TABLES, state, compute, cache_dir=self.folder, tables=True)
        files = self._table_files()
        if set(files) - before:
            for old in sorted(files, key=_mtime)[:-STATES_KEPT]:
                old.unlink(missing_ok=True)
        return value

    def stored_tables(self, state: str) -> Any:
        """The tables stored for corpus ``state``, or None."""
        from toolkit.cache import stored_value

        return stored_value(TABLES, state, cache_dir=self.folder)[1]

    def _table_files(self) -> list[Path]:
        return list((self.folder / TABLES).glob("*.pickle"))

    def read(self) -> StoredResults:
        """Which documents are stored, and where (see :class:`StoredResults`: their values are
        read when asked for). When two parts hold a document, the first one read wins. A part
        whose files are unreadable or half removed is left out (its documents are computed
        again)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        parts: list[tuple[Path, Path]] = []
        where: dict[str, int] = {}
        for doc_path in sorted(self.folder.glob("documents-*.parquet")):
            att_path = self.folder / f"attributions-{doc_path.name[len('documents-'):]}"
            try:
                keys = pq.read_table(doc_path, columns=["key"]).column("key").to_pylist()
                pq.read_metadata(att_path)
            except (OSError, ValueError, pa.ArrowException):
                continue
            number = len(parts)
            parts.append((doc_path, att_path))
            for key in keys:
                where.setdefault(key, number)
        return StoredResults(parts, where)

    def write(self, items: Iterable[tuple[str, Any]]) -> None:
        """Store one part: ``(key, DocumentResult)`` pairs."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        documents, _, _ = _schemas()
        items = list(items)
        doc_rows = []
        for key, result in items:
            excluded, lower = getattr(result, "excluded", None), getattr(result, "lower", None)
            doc_rows.append({"key": key, "n_tokens": result.n_tokens,
                             "n_sentences": result.n_sentences, "names": list(result.names),
                             "excluded": None if excluded is None else
                             [list(span) for span in excluded],
                             "lower": None if lower is None else list(lower)})
        if not doc_rows:
            return
        tables = {"attributions": attribution_table(
                      (key, result.attributions) for key, result in items),
                  "documents": pa.Table.from_pylist(doc_rows, schema=documents)}
        self.folder.mkdir(parents=True, exist_ok=True)
        part = uuid.uuid4().hex
        # The attributions go first: a documents file is only there once its part is complete.
        for kind in ("attributions", "documents"):
            name = f"{kind}-{part}.parquet"
            temp = self.folder / f".tmp-{name}"
            pq.write_table(tables[kind], temp)
            os.replace(temp, self.folder / name)


class ValueStore:
    """Per-document values of one kind as Parquet parts ``NAME-ID.parquet`` (key, the pickled
    value) beside the attribution parts: frame matches of one lexicon, word counts. Parts are
    read one at a time as the documents that need them come, so memory holds a part, not the
    corpus. Values are pickles: the store must be a folder you trust, as the cache is."""

    def __init__(self, folder: str | os.PathLike[str], name: str) -> None:
        self.folder = Path(folder)
        self.name = name
        self._index: dict[str, Path] | None = None
        self._loaded: dict[Path, dict[str, bytes]] = {}

    def index(self) -> dict[str, Path]:
        """``{key: part}`` of every stored value (read once)."""
        import pyarrow.parquet as pq

        if self._index is None:
            self._index = {}
            for path in sorted(self.folder.glob(f"{self.name}-*.parquet")):
                try:
                    keys = pq.read_table(path, columns=["key"]).column("key").to_pylist()
                except (OSError, ValueError):  # unreadable: those values are computed again
                    continue
                for key in keys:
                    self._index.setdefault(key, path)
        return self._index

    def get(self, key: str) -> Any:
        """The value stored under ``key`` (which :meth:`index` lists)."""
        import pickle

        import pyarrow.parquet as pq

        path = self.index()[key]
        part = self._loaded.get(path)
        if part is None:
            table = pq.read_table(path)
            part = dict(zip(table.column("key").to_pylist(), table.column("value").to_pylist(),
                            strict=True))
            self._loaded.clear()  # one part in memory at a time
            self._loaded[path] = part
        return pickle.loads(part[key])

    def write(self, items: Iterable[tuple[str, Any]]) -> None:
        """Store one part of ``(key, value)`` pairs."""
        import pickle

        import pyarrow as pa

        rows = [{"key": key, "value": pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)}
                for key, value in items]
        if not rows:
            return
        schema = pa.schema([("key", pa.string()), ("value", pa.binary())])
        self._write_part(pa.Table.from_pylist(rows, schema=schema),
                         dict.fromkeys(row["key"] for row in rows))

    def _write_part(self, table: Any, keys: Iterable[str]) -> None:
        """Write ``table`` as a new part (complete or not there at all) and index ``keys``
        (its documents) in it."""
        import pyarrow.parquet as pq

        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.name}-{uuid.uuid4().hex}.parquet"
        temp = self.folder / f".tmp-{name}"
        pq.write_table(table, temp)
        path = self.folder / name
        os.replace(temp, path)
        if self._index is not None:
            self._index.update(dict.fromkeys(keys, path))


# The metadata entry of a word-count part that lists its documents' keys.
_KEYS = b"toolkit.keys"


class WordCountStore(ValueStore):
    """Each document's word counts (:func:`toolkit.analysis.keyness.word_counts`) as Parquet
    parts ``words-ID.parquet`` of three columns: key, word, count, a row per document and word
    in the order of the counts (a document without words has one row with no word). :meth:`get`
    gives a document's counts as a dict, as a :class:`ValueStore` does; :meth:`sums` adds up
    the counts of many documents column-wise."""

    def index(self) -> dict[str, Path]:
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        if self._index is None:
            self._index = {}
            for path in sorted(self.folder.glob(f"{self.name}-*.parquet")):
                # A part lists its keys in its metadata, read without its columns.
                try:
                    listed = (pq.read_schema(path).metadata or {}).get(_KEYS)
                    keys = json.loads(listed) if listed else pc.unique(
                        pq.read_table(path, columns=["key"]).column("key")).to_pylist()
                except (OSError, ValueError):  # unreadable: those values are computed again
                    continue
                for key in keys:
                    self._index.setdefault(key, path)
        return self._index

    def get(self, key: str) -> dict[str, int]:
        import pyarrow.parquet as pq

        path = self.index()[key]
        part = self._loaded.get(path)
        if part is None:
            table = pq.read_table(path)
            part = {}
            for k, word, count in zip(table.column("key").to_pylist(),
                                      table.column("word").to_pylist(),
                                      table.column("count").to_pylist(), strict=True):
                counts = part.setdefault(k, {})
                if word is not None:
                    counts[word] = count
            self._loaded.clear()  # one part in memory at a time
            self._loaded[path] = part
        return dict(part[key])

    def write(self, items: Iterable[tuple[str, dict[str, int]]]) -> None:
        import pyarrow as pa

        keys: list[str] = []
        words: list[str | None] = []
        counts: list[int] = []
        for key, value in items:
            if value:
                keys.extend([key] * len(value))
                words.extend(value)
                counts.extend(value.values())
            else:
                keys.append(key)
                words.append(None)
                counts.append(0)
        if not keys:
            return
        documents = list(dict.fromkeys(keys))  # a key per document, not per word
        self._write_part(pa.table({"key": pa.array(keys, pa.string()),
                                   "word": pa.array(words, pa.string()),
                                   "count": pa.array(counts, pa.int32())},
                                  metadata={_KEYS: json.dumps(documents)}), documents)

    def sums(self, weights: list[dict[str, int]], words: Iterable[str] | None = None
             ) -> list[tuple[Counter, int]]:
        """For each ``{key: weight}`` of ``weights``: every word's count summed over the
        stored documents, each document's counts taken ``weight`` times (a corpus may hold a
        document twice), and the sum of all those counts. With ``words`` only those words are
        counted (the sum still covers every word). Keys not stored count for nothing. The
        parts are read one at a time; a document stored in two parts is counted once."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        index = self.index()
        by_part: dict[Path, set[str]] = {}
        for wanted in weights:
            for key in wanted:
                if key in index:
                    by_part.setdefault(index[key], set()).add(key)
        only = None if words is None else pa.array(sorted(set(words)), pa.string())
        pieces: list[list[pa.Table]] = [[] for _ in weights]
        totals = [0] * len(weights)
        for path in sorted(by_part):
            # Keys and words as positions in the part's lists of distinct ones: no string
            # is made per row (most of the time a part took to read).
            table = pq.read_table(path, read_dictionary=["key", "word"])
            key, word = (table.column(name).unify_dictionaries().combine_chunks()
                         for name in ("key", "word"))
            present, vocabulary = key.dictionary, word.dictionary
            rows = key.indices.to_numpy(zero_copy_only=False)
            which = pc.fill_null(word.indices, -1).to_numpy(zero_copy_only=False)
            counts = table.column("count").to_numpy().astype(np.int64)
            keep = which >= 0  # a document without words has one row with none
            if only is not None:
                wanted_words = pc.fill_null(pc.is_in(vocabulary, value_set=only), False)
                # (a row with no word, at -1, reads the False put last)
                keep &= np.append(wanted_words.to_numpy(zero_copy_only=False), False)[which]
            owned = by_part[path]
            for i, wanted in enumerate(weights):
                factor = np.array([wanted.get(k, 0) if k in owned else 0
                                   for k in present.to_pylist()], dtype=np.int64)
                weighted = counts * factor[rows]
                totals[i] += int(weighted.sum())
                chosen = (weighted > 0) & keep
                if chosen.any():
                    # Whole numbers far below 2**53: summed as floats, they are exact.
                    summed = np.bincount(which[chosen], weights=weighted[chosen],
                                         minlength=len(vocabulary)).astype(np.int64)
                    found = np.flatnonzero(summed)
                    pieces[i].append(pa.table({"word": vocabulary.take(pa.array(found)),
                                               "count": pa.array(summed[found])}))
        out = []
        for i in range(len(weights)):
            found: Counter[str] = Counter()
            if pieces[i]:
                summed = pa.concat_tables(pieces[i]).group_by("word").aggregate(
                    [("count", "sum")])
                found.update(dict(zip(summed.column("word").to_pylist(),
                                      summed.column("count_sum").to_pylist(), strict=True)))
            out.append((found, totals[i]))
        return out


def value_store(folder: str | os.PathLike[str], name: str) -> ValueStore:
    """The store of the per-document values called ``name`` in a result store's ``folder``:
    a :class:`WordCountStore` for ``words``, else a :class:`ValueStore`."""
    return (WordCountStore if name == "words" else ValueStore)(folder, name)
