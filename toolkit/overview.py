"""A corpus overview: what was loaded, from which outlets and months, and what cleaning removed."""

from __future__ import annotations

import datetime as _dt
import html
import os
from collections import Counter
from pathlib import Path

from toolkit.corpus import Corpus

__all__ = ["documents_by_outlet_month", "cleaning_summary", "write_overview"]


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


def write_overview(corpus: Corpus, out: str | os.PathLike[str], *, name: str,
                   run_id: str | None = None) -> Path:
    """Write ``OUT/NAME/RUN_ID/`` with the overview tables (CSV) and an ``index.html``."""
    run_id = run_id or _dt.datetime.now().strftime("%Y-%m-%dT%H%M%S")
    folder = Path(out) / name / run_id
    folder.mkdir(parents=True, exist_ok=True)
    tables = {"documents": corpus.summary(),
              "documents_by_outlet_month": documents_by_outlet_month(corpus),
              "cleaning": cleaning_summary(corpus)}
    for key, frame in tables.items():
        frame.to_csv(folder / f"{key}.csv", index=False, lineterminator="\n")
    status = Counter(r.status for r in corpus.report())
    parts = [f"<h1>Corpus overview: {html.escape(name)}</h1>",
             f"<p>Source: <code>{html.escape(corpus.path)}</code>. Inputs: {sum(status.values())}"
             f" ({status['ok']} ok, {status['duplicate']} duplicate, {status['skipped']} skipped)."
             "</p>"]
    for key, title in (("documents_by_outlet_month", "Documents per outlet and month"),
                       ("cleaning", "Page furniture removed by cleaning"),
                       ("documents", "Every input and its status")):
        frame = tables[key]
        parts.append(f"<h2>{title}</h2>")
        parts.append(frame.to_html(index=False, escape=True, na_rep=""))
        parts.append(f'<p><a href="{key}.csv">{key}.csv</a></p>')
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(name)}</title></head><body>{''.join(parts)}</body></html>\n")
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder
