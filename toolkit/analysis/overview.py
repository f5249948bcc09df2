"""A corpus overview: what was loaded, from which outlets and months, and what cleaning removed."""

from __future__ import annotations

from collections import Counter

from toolkit.corpus import Corpus

__all__ = ["documents_by_outlet_month", "cleaning_summary"]


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


def cleaning_summary(corpus: Corpus):
    """Excluded stretches by reason. Columns: reason, n_spans, n_documents, n_chars."""
    import pandas as pd

    spans: Counter = Counter()
    chars: Counter = Counter()
    docs: Counter = Counter()
    for doc in corpus.documents(include_duplicates=True):
        reasons = set()
        for x in doc.cleaned.excluded:
            spans[x.reason] += 1
            chars[x.reason] += x.end - x.start
            reasons.add(x.reason)
        docs.update(reasons)
    frame = pd.DataFrame([{"reason": r, "n_spans": spans[r], "n_documents": docs[r],
                           "n_chars": chars[r]} for r in spans],
                         columns=["reason", "n_spans", "n_documents", "n_chars"])
    return frame.sort_values(["n_chars", "reason"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)
