"""Grouping and date filtering shared by the analysis tables.

Every analysis table can be split ``by=`` any document metadata column (outlet, author, doc_id,
...) or by a period derived from the document date (``week``, ``month``, ``quarter``, ``year``),
and restricted to a date range. Tables carry a ``doc_id`` column; document metadata comes from a
documents frame (:func:`document_frame`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

PERIODS = ("week", "month", "quarter", "year")
DOCUMENT_COLUMNS = ("doc_id", "outlet", "date", "author", "title", "url", "path")
UNKNOWN = "unknown"


def document_frame(documents: Iterable[Any]) -> pd.DataFrame:
    """Document metadata, one row per document: doc_id, outlet, date, author, title, url, path.

    ``documents`` is a corpus or any iterable of :class:`~toolkit.corpus.Document`. Sorted by
    doc_id.
    """
    import pandas as pd

    rows = [{c: getattr(d, c, None) for c in DOCUMENT_COLUMNS} for d in documents]
    frame = pd.DataFrame(rows, columns=list(DOCUMENT_COLUMNS))
    return frame.sort_values("doc_id", kind="stable").reset_index(drop=True)


def as_documents(documents: Any) -> pd.DataFrame | None:
    """Accept a documents frame, a corpus / iterable of documents, or None."""
    import pandas as pd

    if documents is None or isinstance(documents, pd.DataFrame):
        return documents
    return document_frame(documents)


def group_columns(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    cols = [by] if isinstance(by, str) else list(by)
    for c in cols:
        if not isinstance(c, str) or not c:
            raise ParameterError(f"by= takes column names, got {c!r}")
    return cols


def period_label(dates: pd.Series, period: str) -> pd.Series:
    """``YYYY-Www`` (ISO week), ``YYYY-MM``, ``YYYY-Qn`` or ``YYYY``; 'unknown' for no date."""
    import pandas as pd

    parsed = pd.to_datetime(dates, errors="coerce", format="ISO8601")
    if period == "week":
        iso = parsed.dt.isocalendar()
        label = iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    elif period == "month":
        label = parsed.dt.strftime("%Y-%m")
    elif period == "quarter":
        label = parsed.dt.year.astype("string") + "-Q" + parsed.dt.quarter.astype("string")
    else:
        label = parsed.dt.year.astype("string")
    return label.astype(object).where(parsed.notna(), UNKNOWN)


def with_groups(frame: pd.DataFrame, documents: pd.DataFrame | None, by, *,
                date_from: str | None = None, date_to: str | None = None
                ) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` (with a doc_id column) joined to the grouping columns, filtered by date.

    Returns the new frame (the input is not modified) and the list of group column names.
    """
    cols = group_columns(by)
    needs_docs = bool(cols) and any(c not in frame.columns for c in cols) or date_from or date_to
    if not needs_docs:
        return frame.copy(), cols
    if documents is None:
        raise ParameterError("grouping or filtering by document metadata needs documents=",
                             hint="pass the corpus or toolkit.analysis.document_frame(corpus)")
    docs = documents.copy()
    docs["doc_id"] = docs["doc_id"].astype(str)
    docs = filter_dates(docs, date_from, date_to)
    for c in cols:
        if c in PERIODS and c not in docs.columns:
            docs[c] = period_label(docs["date"], c)
        elif c not in docs.columns and c not in frame.columns:
            known = sorted(set(docs.columns) | set(frame.columns) | set(PERIODS))
            raise ParameterError(f"unknown grouping column {c!r}",
                                 hint=f"use one of: {', '.join(known)}")
    keep = ["doc_id"] + [c for c in cols if c not in frame.columns]
    out = frame.merge(docs[keep], on="doc_id", how="inner", validate="many_to_one")
    for c in cols:
        out[c] = out[c].astype(object).where(out[c].notna(), UNKNOWN)
    return out, cols


def filter_dates(docs: pd.DataFrame, date_from: str | None, date_to: str | None) -> pd.DataFrame:
    """Documents dated within [date_from, date_to] (ISO dates, both inclusive)."""
    import pandas as pd

    if not date_from and not date_to:
        return docs
    dates = pd.to_datetime(docs["date"], errors="coerce", format="ISO8601")
    mask = dates.notna()
    for value, name in ((date_from, "date_from"), (date_to, "date_to")):
        if value:
            try:
                bound = pd.Timestamp(_dt.date.fromisoformat(str(value)))
            except ValueError:
                raise ParameterError(f"{name}={value!r} is not a date",
                                     hint="use YYYY-MM-DD") from None
            mask &= dates >= bound if name == "date_from" else dates <= bound
    return docs[mask]
