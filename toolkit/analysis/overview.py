"""A corpus overview: what was loaded, from which outlets and months, and what cleaning removed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from toolkit.corpus import Corpus

__all__ = ["documents_by_outlet_month", "cleaning_summary", "excluded_stretches",
           "input_statuses"]


class _AllDocuments:
    """A corpus's documents, duplicates included, readable more than once."""

    def __init__(self, corpus: Corpus, read: Iterable = ()) -> None:
        from collections.abc import Sequence

        self.corpus = corpus
        # A sequence (the documents of a report's analysis, read back a piece at a time from
        # their file) is gone through again as it is, never made a list of every document.
        self.read = read if isinstance(read, Sequence) else list(read)

    def __iter__(self):
        return self.corpus.documents(include_duplicates=True, read=self.read)


def documents_by_outlet_month(corpus: Corpus):
    """Documents per outlet and month (``YYYY-MM``; ``unknown`` without a date).

    Columns: outlet, month, n_documents, n_duplicates. Sorted by outlet, month.
    """
    import pandas as pd

    counts: Counter = Counter()
    for r in corpus.report():
        if r.status in ("ok", "duplicate"):
            key = (r.outlet or "unknown", (r.date or "unknown")[:7], r.status)
            counts[key] += 1
    rows = {}
    for (outlet, month, status), n in counts.items():
        row = rows.setdefault((outlet, month), {"outlet": outlet, "month": month,
                                                "n_documents": 0, "n_duplicates": 0})
        row["n_documents" if status == "ok" else "n_duplicates"] += n
    frame = pd.DataFrame(list(rows.values()),
                         columns=["outlet", "month", "n_documents", "n_duplicates"])
    return frame.sort_values(["outlet", "month"], kind="stable").reset_index(drop=True)


def input_statuses(corpus: Corpus):
    """How many inputs were loaded, skipped or left out as duplicates (from the load report,
    without reading any text). Columns: status, count; most frequent first."""
    import pandas as pd

    statuses = pd.Series([r.status for r in corpus.report()], name="status", dtype=object)
    return statuses.value_counts().rename_axis("status").reset_index()


def excluded_stretches(doc) -> tuple[tuple[str, int], ...]:
    """``(reason, length)`` of each stretch cleaning excluded from one document."""
    return tuple((x.reason, x.end - x.start) for x in doc.cleaned.excluded)


def cleaning_summary(corpus: Corpus, *, store=False, workers: int | None = 1,
                     read: Iterable = ()):
    """Excluded stretches by reason. Columns: reason, n_spans, n_documents, n_chars.

    ``store`` reads each document's excluded stretches from the result store (``True``: the
    default cache folder, or a cache folder), computing the missing ones over ``workers``
    processes, and keeps the table of the corpus's state (see
    :meth:`~toolkit.corpus.Corpus.state_key`): asked again while no file changed, it is read
    whole. The table is the same. ``read``: documents of ``corpus`` read already (the
    analysed ones, say), not read again."""
    if store:
        from toolkit.analysis.store import default_store
        from toolkit.cache import cached_value

        return cached_value("cleaning-tables", corpus.state_key(),
                            lambda: _cleaning_table(corpus, store, workers, read),
                            cache_dir=default_store(None if store is True else store).folder)
    return _cleaning_table(corpus, store, workers, read)


def _cleaning_table(corpus: Corpus, store, workers: int | None, read: Iterable = ()):
    import pandas as pd

    spans: Counter = Counter()
    chars: Counter = Counter()
    docs: Counter = Counter()
    if store:
        from toolkit.analysis.base_tables import stored_values

        found = (value for _, value in stored_values(
            excluded_stretches, _AllDocuments(corpus, read), name="cleaning", store=store,
            workers=workers))
    else:
        found = (excluded_stretches(doc)
                 for doc in corpus.documents(include_duplicates=True, read=read))
    for stretches in found:
        reasons = set()
        for reason, length in stretches:
            spans[reason] += 1
            chars[reason] += length
            reasons.add(reason)
        docs.update(reasons)
    frame = pd.DataFrame([{"reason": r, "n_spans": spans[r], "n_documents": docs[r],
                           "n_chars": chars[r]} for r in spans],
                         columns=["reason", "n_spans", "n_documents", "n_chars"])
    return frame.sort_values(["n_chars", "reason"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)
