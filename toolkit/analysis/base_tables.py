"""One pass over a corpus that produces the tables every analysis starts from.

Per-document work (cleaning, segmentation, attribution, titled names) is a pure function of the
document (:func:`analyze_document`), so it can run in worker processes (``workers=``) and its
results can be cached by document hash. Corpus-level work is a reduce over those results:
canonical speaker ids shared across documents; then a second per-document pass, also spread
over the workers, finds the name mentions of every known speaker.

With ``scheduler=`` the per-document passes run on Dask (``"dask"`` starts a local cluster of
``workers`` processes; ``"tcp://HOST:PORT"`` uses a running scheduler). The client sends each
document's path and metadata with a hash of its text; the worker reads the file itself and
checks the hash (documents without a file of their own, such as CSV rows, are sent whole).

>>> from toolkit.corpus import load
>>> from toolkit.analysis import analyze
>>> result = analyze(load("data/sample"))
>>> result.quotes.head()          # one row per attribution
>>> result.documents.head()       # one row per document with its token count
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.analysis.grouping import DOCUMENT_COLUMNS, documents
from toolkit.corpus import Document
from toolkit.errors import ParameterError
from toolkit.progress import progress

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DocumentResult", "CorpusAnalysis", "analyze_document", "analyze", "select",
           "stored_values", "fill_stores"]


@dataclass(frozen=True)
class DocumentResult:
    """What one document yields: its metadata, token count, attributions, the names that
    follow a title in it (``names``, for mention finding), the spans cleaning excluded
    (``excluded``; None when not known), so that mentions are found without cleaning it again,
    and the words its attributions' contents write in lower case (``lower``, for speaker ids
    across the corpus; None when not known).

    ``attributions`` are :class:`~toolkit.attribution.Attribution` records; a result that was
    pickled (made in a worker process, or read from the cache) holds them as
    :class:`~toolkit.analysis.store.AttributionRows`, whose ``records()`` gives the records."""

    info: dict[str, Any]
    n_tokens: int
    n_sentences: int
    attributions: tuple
    names: tuple[str, ...] = ()
    excluded: tuple[tuple[int, int], ...] | None = None
    lower: tuple[str, ...] | None = None

    def __reduce__(self) -> tuple:
        # Pickled (to the parent of a worker process, or to the cache) with the attributions
        # as rows of values: unpickling a record costs as much as making it, and the tables
        # are made from the values (see toolkit.analysis.store.AttributionRows).
        from toolkit.analysis.store import as_rows

        return (DocumentResult, (self.info, self.n_tokens, self.n_sentences,
                                 as_rows(self.attributions), self.names, self.excluded,
                                 self.lower))


@dataclass(frozen=True)
class CorpusAnalysis:
    """The base tables of a corpus.

    ``documents``: doc_id, outlet, date, author, title, url, path, n_sentences, n_tokens
    (sorted by doc_id). ``quotes``: the attribution table of :func:`toolkit.attribution.to_frame`
    with corpus-wide speaker ids. ``mentions``: name mentions of :func:`toolkit.analysis.speakers.
    speaker_mentions`.
    """

    documents: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame


def analyze_document(doc: Document) -> DocumentResult:
    """Segment and attribute one document. Pure: the result depends only on the document."""
    from toolkit.analysis.speakers import titled_names
    from toolkit.attribution import extract
    from toolkit.attribution.speakers.corpus_ids import lower_words
    from toolkit.corpus.segment import segment_document

    seg = segment_document(doc)
    records = extract(doc.text, doc_id=doc.doc_id, excluded=doc.excluded)
    return DocumentResult(info=doc.info(), n_tokens=len(seg.tokens),
                          n_sentences=len(seg.sentences), attributions=tuple(records),
                          names=tuple(titled_names(doc.text)),
                          excluded=tuple((a, b) for a, b in doc.excluded),
                          lower=tuple(sorted(lower_words(r.content for r in records))))


# Documents per task sent to a worker: large enough that pickling and queueing stay small
# beside the work, small enough that both workers stay busy to the end.
_CHUNK = 16


def _map(func: Any, documents: Iterable[Any], workers: int, *, initializer: Any = None,
         initargs: tuple = ()) -> Iterator[Any]:
    """``map(func, documents)`` over ``workers`` processes, in order, :data:`_CHUNK` documents
    per task (see :func:`toolkit.processes.ordered_map`)."""
    from toolkit.processes import ordered_map

    return ordered_map(func, documents, workers, chunk=_CHUNK, initializer=initializer,
                       initargs=initargs)


def _shipped(doc: Any) -> tuple:
    """What a Dask worker needs to rebuild ``doc``: its path, fields and text hash when the path
    is a file of its own, else the document itself."""
    import hashlib
    from dataclasses import fields

    path = getattr(doc, "path", None)
    if isinstance(doc, Document) and path and os.path.isfile(path):
        values = {f.name: getattr(doc, f.name) for f in fields(doc) if f.name != "text"}
        return ("file", values, hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    return ("whole", doc)


def _rebuilt(item: tuple) -> Any:
    import hashlib

    from toolkit.corpus.readers import read_text_file
    from toolkit.errors import InputError

    if item[0] == "whole":
        return item[1]
    _, values, digest = item
    text, _ = read_text_file(values["path"])
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != digest:
        raise InputError("the file changed while the corpus was analysed", path=values["path"],
                         hint="run the analysis again")
    return Document(text=text, **values)


def _dask_chunk(func: Any, chunk: list[tuple], names: tuple | None = None) -> list[Any]:
    if names is not None and names is not _FINDER_NAMES[0]:
        # A worker keeps the names sent once: the finder is built again only for new names.
        _set_finder(names)
        _FINDER_NAMES[0] = names
    return [func(_rebuilt(item)) for item in chunk]


def _dask_map(func: Any, documents: Iterable[Any], workers: int, scheduler: str, *,
              names: tuple | None = None) -> Iterator[Any]:
    """``map(func, documents)`` on a Dask cluster, in order, a few chunks per worker in
    flight. ``names`` (the mention pass) are sent to every worker once."""
    from collections import deque
    from itertools import islice

    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler == "dask":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        shared = client.scatter(names, broadcast=True) if names is not None else None
        slots = 3 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        source = iter(documents)
        pending: deque = deque()
        while True:
            while len(pending) < slots:
                chunk = [_shipped(doc) for doc in islice(source, _CHUNK)]
                if not chunk:
                    break
                pending.append(client.submit(_dask_chunk, func, chunk, shared, pure=False))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _stored_map(docs: Iterable[Document], workers: int, store: Any,
                scheduler: str | None = None, values: dict[str, Any] | None = None
                ) -> Iterator[DocumentResult]:
    """Results of every document in order: read from ``store`` when stored there, else computed
    (over the workers) and stored, a part at a time.

    ``values`` (``{name: func}``, as for :func:`fill_stores`) are per-document values stored
    beside the results: a document lacking its result or any of them is computed once, in one
    task, for all it lacks, so it is read, cleaned and segmented once (the worker keeps its
    segmentation for the values). Ignored on Dask (:func:`fill_stores` fills them later).
    A stored document's attributions come as rows of a pyarrow Table (see
    :meth:`~toolkit.analysis.store.StoredResults.attributions`), not as records."""
    from toolkit.analysis.store import PART, value_store
    from toolkit.cache import document_key
    from toolkit.processes import Started

    known = store.read()
    funcs = dict(values or {}) if scheduler is None else {}
    stores = {name: value_store(store.folder, name) for name in funcs}
    have = {name: set(values_store.index()) for name, values_store in stores.items()}

    def lacks(key: str) -> tuple[bool, tuple[str, ...]]:
        return key not in known, tuple(name for name in funcs if key not in have[name])

    # ``docs`` is read twice, as before: once here for the work to send, once below in order.
    needed = ((doc, *job) for doc in docs if any(job := lacks(document_key(doc))))
    if funcs:
        computed = _map(_result_and_values, needed, workers, initializer=_set_several,
                        initargs=(funcs,))
    else:
        computed = _pass(_result_only, (doc for doc, _, _ in needed), workers, scheduler)
    if workers > 1 and scheduler is None and isinstance(docs, Sequence):
        # The workers start on the documents lacking results (new articles come last, say)
        # while the stored results before them are read below (the documents are read by
        # two threads at once: a sequence, not a corpus reading its files).
        computed = Started(computed)
    fresh: list[tuple[str, DocumentResult]] = []
    fresh_values: dict[str, list[tuple[str, Any]]] = {name: [] for name in funcs}
    try:
        for doc in docs:
            key = document_key(doc)
            lacking, names = lacks(key)
            result = None
            if lacking or names:
                result, found = next(computed)
                for name, value in zip(names, found, strict=True):
                    fresh_values[name].append((key, value))
                    if len(fresh_values[name]) >= PART:
                        stores[name].write(fresh_values[name])
                        fresh_values[name] = []
            if lacking:
                fresh.append((key, result))
                if len(fresh) >= PART:
                    store.write(fresh)
                    fresh = []
                yield result
            else:
                n_tokens, n_sentences, names_, excluded, lower = known.document(key)
                yield DocumentResult(info=doc.info(), n_tokens=n_tokens,
                                     n_sentences=n_sentences,
                                     attributions=known.attributions(key),
                                     names=names_, excluded=excluded, lower=lower)
    finally:
        store.write(fresh)
        for name, items in fresh_values.items():
            stores[name].write(items)
        computed.close()


def _result_only(doc: Document) -> tuple:
    return analyze_document(doc), ()


def _result_and_values(job: tuple[Document, bool, tuple[str, ...]]) -> tuple:
    """``(analyze_document(doc) or None, values)`` of one job of :func:`_stored_map`: the
    result when it is lacking, then each named value (of :func:`_set_several`'s functions)."""
    doc, lacking, names = job
    result = analyze_document(doc) if lacking else None
    return result, tuple(_SEVERAL[name](doc) for name in names)


def stored_values(func: Any, docs: Iterable[Document], *, name: str,
                  store: bool | str | os.PathLike[str], workers: int | None = 1
                  ) -> Iterator[tuple[Document, Any]]:
    """``(doc, func(doc))`` for every document of ``docs`` in order, reading the values stored
    under ``name`` in the result store (``store``: ``True`` for the default cache folder, or a
    cache folder) and computing only the others, over ``workers`` processes, storing them a
    part at a time. ``func`` must be a pure function of the document (its key is
    :func:`toolkit.cache.document_key`) and picklable; ``name`` must say everything else the
    value depends on (a lexicon's fingerprint). ``docs`` is read twice when documents are
    missing and ``workers`` is more than one, so it must not be a one-shot iterator."""
    from toolkit.analysis.store import PART, default_store, value_store
    from toolkit.cache import document_key

    if workers is None:
        workers = os.cpu_count() or 1
    values = value_store(default_store(None if store is True else store).folder, name)
    known = set(values.index())
    # With one process, the missing values are computed here as their documents come: the
    # documents are read once.
    missing = () if workers <= 1 else (doc for doc in docs if document_key(doc) not in known)
    computed = _map(func, missing, workers)
    fresh: list[tuple[str, Any]] = []
    try:
        for doc in docs:
            key = document_key(doc)
            if key in known:
                yield doc, values.get(key)
                continue
            value = func(doc) if workers <= 1 else next(computed)
            fresh.append((key, value))
            if len(fresh) >= PART:
                values.write(fresh)
                fresh = []
            yield doc, value
    finally:
        values.write(fresh)
        computed.close()


def fill_stores(funcs: dict[str, Any], docs: Iterable[Document], *,
                store: bool | str | os.PathLike[str], workers: int | None = 1) -> int:
    """Store ``funcs[name](doc)`` under ``name`` (as :func:`stored_values` does) for every
    document of ``docs`` that lacks it, in one pass over ``workers`` processes: a document
    needing several values is read, cleaned and segmented once for all of them. Returns how
    many documents were computed."""
    from toolkit.analysis.store import PART, default_store, value_store
    from toolkit.cache import document_key

    if workers is None:
        workers = os.cpu_count() or 1
    folder = default_store(None if store is True else store).folder
    stores = {name: value_store(folder, name) for name in funcs}
    known = {name: set(values.index()) for name, values in stores.items()}
    wanted = []
    for doc in docs:
        key = document_key(doc)
        names = tuple(name for name in funcs if key not in known[name])
        if names:
            wanted.append((key, doc, names))
    fresh: dict[str, list[tuple[str, Any]]] = {name: [] for name in funcs}
    jobs = ((doc, names) for _, doc, names in wanted)
    computed = _map(_several, jobs, workers, initializer=_set_several, initargs=(funcs,))
    for (key, _, names), values in zip(wanted, computed, strict=True):
        for name, value in zip(names, values, strict=True):
            fresh[name].append((key, value))
            if len(fresh[name]) >= PART:
                stores[name].write(fresh[name])
                fresh[name] = []
    for name, items in fresh.items():
        stores[name].write(items)
    return len(wanted)


# The functions of fill_stores, sent once to each process by _set_several.
_SEVERAL: dict[str, Any] = {}


def _set_several(funcs: dict[str, Any]) -> None:
    _SEVERAL.clear()
    _SEVERAL.update(funcs)


def _several(job: tuple[Document, tuple[str, ...]]) -> tuple:
    doc, names = job
    return tuple(_SEVERAL[name](doc) for name in names)


def _pass(func: Any, documents: Iterable[Any], workers: int, scheduler: str | None, *,
          names: tuple | None = None) -> Iterator[Any]:
    """One per-document pass: in this process, over ``workers`` processes, or on Dask."""
    if scheduler is not None:
        return _dask_map(func, documents, workers, scheduler, names=names)
    if names is not None:
        return _map(func, documents, workers, initializer=_set_finder, initargs=(names,))
    return _map(func, documents, workers)


# The name finder of the mention pass, set in each process by _set_finder, and (on a Dask
# worker) the names it was built from.
_FINDER: Any = None
_FINDER_NAMES: list[Any] = [None]


def _set_finder(names: tuple[list[str], list[str]]) -> None:
    """Build the finder of ``names`` (``(names, speakers)`` of :func:`finder_names`)."""
    from toolkit.analysis.speakers import name_finder

    global _FINDER
    _FINDER = name_finder(*names)


def _finder_let_go(rows: Iterable[Any]) -> Iterator[Any]:
    """``rows``, then the name finder let go: when the pass ran in this process, the table is
    made without it (it holds every name of the corpus and its forms)."""
    global _FINDER
    try:
        yield from rows
    finally:
        _FINDER = None


def _mentions_of(doc: Document) -> list[tuple[str, str, str, int, int]]:
    from toolkit.analysis.speakers import document_mentions

    return document_mentions(_FINDER, doc)


def _mentions_outside(job: tuple[Document, Any]) -> list[tuple[str, str, str, int, int]]:
    """The mentions of one ``(document, its excluded spans)`` job."""
    from toolkit.analysis.speakers import document_mentions

    doc, spans = job
    return document_mentions(_FINDER, doc, excluded=spans)


def _counts_of(doc: Document) -> list[tuple[str, str, int]]:
    """The mentions of one document counted per name (in the worker: only the counts travel)."""
    from toolkit.analysis.speakers import document_mention_counts

    return document_mention_counts(_FINDER, doc)


def _counts_outside(job: tuple[Document, Any]) -> list[tuple[str, str, int]]:
    """:func:`_counts_of` of one ``(document, its excluded spans)`` job."""
    from toolkit.analysis.speakers import document_mention_counts

    doc, spans = job
    return document_mention_counts(_FINDER, doc, excluded=spans)


def select(corpus: Iterable[Document], *, date_from: str | None = None,
           date_to: str | None = None) -> list[Document]:
    """The documents dated within [date_from, date_to] (ISO dates, inclusive; undated documents
    are left out when a bound is given)."""
    return list(documents(corpus, date_from, date_to))


def analyze(corpus: Iterable[Document], *, workers: int | None = 1,
            date_from: str | None = None, date_to: str | None = None,
            cache: bool | str | os.PathLike[str] = False,
            quiet: bool = False, mentions: bool | str = True,
            store: bool | str | os.PathLike[str] = False,
            scheduler: str | None = None,
            values: dict[str, Any] | None = None,
            columns: Sequence[str] | None = None) -> CorpusAnalysis:
    """Run the per-document pass over ``corpus`` and reduce it into the base tables.

    ``workers`` > 1 spreads documents over that many processes (``None``: one per core).
    ``date_from``/``date_to`` keep only documents dated in that range. ``cache`` reuses
    per-document results stored by earlier runs (keyed by document content, toolkit version and
    lexicons): ``True`` for the default cache folder (see :mod:`toolkit.cache`) or a folder path;
    cached runs compute missing documents in this process. A progress bar shows in notebooks and
    terminals (see :mod:`toolkit.progress`) unless ``quiet``. ``mentions=False`` skips the
    mention pass (``mentions`` is then an empty table) for callers that need only the quotes;
    ``mentions="counts"`` gives the mentions counted per document and name
    (:func:`~toolkit.analysis.speakers.mention_counts`), all the speaker tables need.
    ``columns`` keeps only those columns of the quotes table (and the few of
    :data:`~toolkit.analysis.gathering.ALWAYS`), and may ask for ``content_words`` (see
    :mod:`toolkit.analysis.gathering`): a table command over a large corpus holds what it
    needs, not every attribution's words and offsets.
    ``store`` keeps per-document results as Parquet (see :mod:`toolkit.analysis.store`):
    ``True`` for the store under the default cache folder, or a cache folder path; stored
    documents are read, only the others computed (over the workers) and added. ``scheduler``
    runs the per-document passes on Dask: ``"dask"`` for a local cluster of ``workers``
    processes, or a scheduler address ``"tcp://HOST:PORT"``; the tables are the same.
    ``values`` (with ``store``): ``{name: func}`` of other per-document values to keep in the
    store (see :func:`fill_stores`), computed in the same pass as the attributions for the
    documents that lack them, so each document is segmented once for all of them.
    """
    from toolkit.analysis.speakers import mention_frame

    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ParameterError(f"workers must be at least 1, got {workers}")
    if mentions not in (True, False, "counts"):
        raise ParameterError(f"mentions must be True, False or 'counts', not {mentions!r}")
    if scheduler is not None and scheduler != "dask" and "://" not in scheduler:
        raise ParameterError(f"scheduler must be 'dask' or an address such as "
                             f"tcp://HOST:PORT, not {scheduler!r}")
    if date_from or date_to:
        docs = select(corpus, date_from=date_from, date_to=date_to)
    else:
        # A corpus is read twice (attribution, then mentions) rather than held in memory; a
        # one-shot iterator has to be kept.
        docs = list(corpus) if iter(corpus) is corpus else corpus
    total = len(docs) if hasattr(docs, "__len__") else None
    if store:
        from toolkit.analysis.store import default_store

        result_store = default_store(None if store is True else store)
        # The tables of a corpus state (these documents, in this order, with these options)
        # are kept whole: a second run over it (another notebook of a report, another table
        # command) reads them instead of reducing the per-document results again.
        state = result_store.corpus_state(docs)
        if not mentions and columns is None:  # the tables of a run with mentions will do
            whole = result_store.stored_tables(f"{state}-mentions")
            if whole is not None:
                return CorpusAnalysis(documents=whole.documents, quotes=whole.quotes,
                                      mentions=mention_frame([]))
        return result_store.tables(_tables_name(state, mentions, columns), lambda: _analyze(
            docs, workers, scheduler, mentions, progress(
                _stored_map(docs, workers, result_store, scheduler, values),
                total=total, desc="attribution", quiet=quiet), columns))
    elif cache:
        from toolkit.cache import cached_map, lexicon_fingerprint

        results = cached_map(analyze_document,
                             progress(docs, total=total, desc="attribution", quiet=quiet),
                             namespace="analysis",
                             key_extra=lexicon_fingerprint(),
                             cache_dir=None if cache is True else cache)
    else:
        results = progress(_pass(analyze_document, iter(docs), workers, scheduler),
                           total=total, desc="attribution", quiet=quiet)
    return _analyze(docs, workers, scheduler, mentions, results, columns)


def _tables_name(state: str, mentions: bool | str, columns: Sequence[str] | None) -> str:
    """The name the tables of corpus ``state`` are stored under, for these options."""
    name = state + {True: "-mentions", "counts": "-mention-counts", False: ""}[mentions]
    return name if columns is None else f"{name}-columns-{','.join(sorted(set(columns)))}"


def _analyze(docs: Iterable[Document], workers: int, scheduler: str | None,
             mentions: bool | str, results: Iterable[DocumentResult],
             columns: Sequence[str] | None = None) -> CorpusAnalysis:
    """Reduce per-document ``results`` into the base tables, then run the mention pass."""
    import pandas as pd

    from toolkit.analysis.gathering import Gathered
    from toolkit.analysis.speakers import counted_mentions, finder_names, mention_frame
    from toolkit.corpus.document import CLEANINGS_KEPT, cleanings, forget_cleanings
    from toolkit.corpus.segment import forget_segmentations, segmentations_let_go

    # Only what the tables need is kept of each result, as results arrive: the attributions
    # as Arrow columns (see toolkit.analysis.gathering).
    gathered = Gathered(columns)
    # The documents table a column at a time (not a dict per document).
    document_columns: dict[str, list] = {c: [] for c in (*DOCUMENT_COLUMNS, "n_sentences",
                                                         "n_tokens")}
    titled: set[str] = set()
    excluded: list = []
    let_go = segmentations_let_go()
    cleaned = cleanings()
    for result in results:
        gathered.add(result.attributions, result.lower)
        values = {**result.info, "n_sentences": result.n_sentences, "n_tokens": result.n_tokens}
        for column, cells in document_columns.items():
            cells.append(values.get(column))
        titled.update(result.names)
        excluded.append(result.excluded)
    del results
    # Segmented and cleaned here, more documents than are kept: what is kept would not be
    # found again, and its memory is better left to the tables made next.
    if segmentations_let_go() > let_go:
        forget_segmentations()
    if cleanings() - cleaned > CLEANINGS_KEPT:
        forget_cleanings()
    quotes = gathered.quotes()
    del gathered
    documents = pd.DataFrame(document_columns)
    del document_columns
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    counting = mentions == "counts"  # the workers count each document's mentions
    if mentions and scheduler is None and all(spans is not None for spans in excluded):
        # Every document's excluded spans are known: the pass only reads texts and finds names.
        names = finder_names(quotes, titled)
        rows: Iterable[Any] = (row for found in _map(
            _counts_outside if counting else _mentions_outside,
            zip(docs, excluded, strict=True), workers,
            initializer=_set_finder, initargs=(names,)) for row in found)
    elif mentions:
        names = finder_names(quotes, titled)
        rows = (row for found in _pass(_counts_of if counting else _mentions_of, iter(docs),
                                       workers, scheduler, names=names) for row in found)
    else:
        rows = []
    table = (counted_mentions if counting else mention_frame)(_finder_let_go(rows))
    return CorpusAnalysis(documents=documents, quotes=quotes, mentions=table)
