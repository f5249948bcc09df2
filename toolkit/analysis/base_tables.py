"""One pass over a corpus that produces the tables every analysis starts from.

Per-document work (cleaning, segmentation, attribution, titled names) is a pure function of the
document (:func:`analyze_document`), so it can run in worker processes (``workers=``) and its
results can be cached by document hash. Corpus-level work is a reduce over those results:
canonical speaker ids shared across documents; then a second per-document pass, also spread
over the workers, finds the name mentions of every known speaker.

>>> from toolkit.corpus import load
>>> from toolkit.analysis import analyze
>>> result = analyze(load("data/sample"))
>>> result.quotes.head()          # one row per attribution
>>> result.documents.head()       # one row per document with its token count
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from toolkit.analysis.grouping import DOCUMENT_COLUMNS, documents
from toolkit.corpus import Document
from toolkit.errors import ParameterError
from toolkit.progress import progress

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DocumentResult", "CorpusAnalysis", "analyze_document", "analyze", "select"]


@dataclass(frozen=True)
class DocumentResult:
    """What one document yields: its metadata, token count, attributions and the names that
    follow a title in it (``names``, for mention finding)."""

    info: dict[str, Any]
    n_tokens: int
    n_sentences: int
    attributions: tuple
    names: tuple[str, ...] = ()


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
    from toolkit.corpus.segment import segment_document

    seg = segment_document(doc)
    records = extract(doc.text, doc_id=doc.doc_id, excluded=doc.excluded)
    return DocumentResult(info=doc.info(), n_tokens=len(seg.tokens),
                          n_sentences=len(seg.sentences), attributions=tuple(records),
                          names=tuple(titled_names(doc.text)))


# Documents per task sent to a worker: large enough that pickling and queueing stay small
# beside the work, small enough that both workers stay busy to the end.
_CHUNK = 16


def _map(func: Any, documents: Iterable[Any], workers: int, *, initializer: Any = None,
         initargs: tuple = ()) -> Iterator[Any]:
    """``map(func, documents)`` over ``workers`` processes, in order. Documents are sent in
    chunks as earlier ones finish (a few chunks per worker in flight), so neither the documents
    nor the results of the whole corpus wait in memory."""
    if workers == 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(func, documents)
        return
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from itertools import islice

    source = iter(documents)
    with ProcessPoolExecutor(max_workers=workers, initializer=initializer,
                             initargs=initargs) as pool:
        pending: deque = deque()
        while True:
            while len(pending) < 3 * workers:
                chunk = list(islice(source, _CHUNK))
                if not chunk:
                    break
                pending.append(pool.submit(_run_chunk, func, chunk))
            if not pending:
                return
            yield from pending.popleft().result()


def _run_chunk(func: Any, chunk: list[Any]) -> list[Any]:
    return [func(item) for item in chunk]


def _stored_map(docs: Iterable[Document], workers: int, store: Any) -> Iterator[DocumentResult]:
    """Results of every document in order: read from ``store`` when stored there, else computed
    (over the workers) and stored, a part at a time."""
    from toolkit.analysis.store import PART
    from toolkit.cache import document_key

    known = store.read()
    missing = (doc for doc in docs if document_key(doc) not in known)
    computed = _map(analyze_document, missing, workers)
    fresh: list[tuple[str, DocumentResult]] = []
    try:
        for doc in docs:
            key = document_key(doc)
            stored = known.get(key)
            if stored is None:
                result = next(computed)
                fresh.append((key, result))
                if len(fresh) >= PART:
                    store.write(fresh)
                    fresh = []
                yield result
            else:
                n_tokens, n_sentences, names, attributions = stored
                yield DocumentResult(info=doc.info(), n_tokens=n_tokens,
                                     n_sentences=n_sentences, attributions=attributions,
                                     names=names)
    finally:
        store.write(fresh)
        computed.close()


# The name finder of the mention pass, set in each process by _set_finder.
_FINDER: Any = None


def _set_finder(names: list[str]) -> None:
    from toolkit.analysis.speakers import name_finder

    global _FINDER
    _FINDER = name_finder(names)


def _mentions_of(doc: Document) -> list[tuple[str, str, str, int, int]]:
    from toolkit.analysis.speakers import document_mentions

    return document_mentions(_FINDER, doc)


def select(corpus: Iterable[Document], *, date_from: str | None = None,
           date_to: str | None = None) -> list[Document]:
    """The documents dated within [date_from, date_to] (ISO dates, inclusive; undated documents
    are left out when a bound is given)."""
    return list(documents(corpus, date_from, date_to))


def analyze(corpus: Iterable[Document], *, workers: int | None = 1,
            date_from: str | None = None, date_to: str | None = None,
            cache: bool | str | os.PathLike[str] = False,
            quiet: bool = False, mentions: bool = True,
            store: bool | str | os.PathLike[str] = False) -> CorpusAnalysis:
    """Run the per-document pass over ``corpus`` and reduce it into the base tables.

    ``workers`` > 1 spreads documents over that many processes (``None``: one per core).
    ``date_from``/``date_to`` keep only documents dated in that range. ``cache`` reuses
    per-document results stored by earlier runs (keyed by document content, toolkit version and
    lexicons): ``True`` for the default cache folder (see :mod:`toolkit.cache`) or a folder path;
    cached runs compute missing documents in this process. A progress bar shows in notebooks and
    terminals (see :mod:`toolkit.progress`) unless ``quiet``. ``mentions=False`` skips the
    mention pass (``mentions`` is then an empty table) for callers that need only the quotes.
    ``store`` keeps per-document results as Parquet (see :mod:`toolkit.analysis.store`):
    ``True`` for the store under the default cache folder, or a cache folder path; stored
    documents are read, only the others computed (over the workers) and added.
    """
    import pandas as pd

    from toolkit.analysis.speakers import mention_frame, mention_names
    from toolkit.attribution import corpus_speakers, to_frame

    if workers is None:
        workers = os.cpu_count() or 1
    if workers < 1:
        raise ParameterError(f"workers must be at least 1, got {workers}")
    if date_from or date_to:
        docs = select(corpus, date_from=date_from, date_to=date_to)
    else:
        # A corpus is read twice (attribution, then mentions) rather than held in memory; a
        # one-shot iterator has to be kept.
        docs = list(corpus) if iter(corpus) is corpus else corpus
    total = len(docs) if hasattr(docs, "__len__") else None
    if store:
        from toolkit.analysis.store import default_store

        results = progress(_stored_map(docs, workers,
                                       default_store(None if store is True else store)),
                           total=total, desc="attribution", quiet=quiet)
    elif cache:
        from toolkit.cache import cached_map, lexicon_fingerprint

        results = cached_map(analyze_document,
                             progress(docs, total=total, desc="attribution", quiet=quiet),
                             namespace="analysis",
                             key_extra=lexicon_fingerprint(),
                             cache_dir=None if cache is True else cache)
    else:
        results = progress(_map(analyze_document, iter(docs), workers), total=total,
                           desc="attribution", quiet=quiet)
    # Only what the tables need is kept of each result, as results arrive.
    records: list = []
    rows: list[dict[str, Any]] = []
    titled: set[str] = set()
    for result in results:
        records.extend(result.attributions)
        rows.append({**result.info, "n_sentences": result.n_sentences,
                     "n_tokens": result.n_tokens})
        titled.update(result.names)
    del results
    mapping = corpus_speakers(records)
    quotes = to_frame([replace(r, speaker=mapping.get(r.speaker, r.speaker)) for r in records])
    del records
    documents = pd.DataFrame(rows, columns=[*DOCUMENT_COLUMNS, "n_sentences", "n_tokens"])
    documents = documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    if mentions:
        names = mention_names(quotes, titled)
        rows = [row for found in _map(_mentions_of, iter(docs), workers,
                                      initializer=_set_finder, initargs=(names,))
                for row in found]
    else:
        rows = []
    return CorpusAnalysis(documents=documents, quotes=quotes, mentions=mention_frame(rows))
