"""Grouping and date filtering shared by the analysis tables.

Every analysis table can be split ``by=`` any document metadata column (outlet, author, doc_id,
...) or by a period derived from the document date (``week``, ``month``, ``quarter``, ``year``),
and restricted to a date range. Tables carry a ``doc_id`` column; document metadata comes from a
documents frame (:func:`document_frame`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.corpus.dates import ISO_DAY
from toolkit.errors import NotEnoughDataError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DOCUMENT_COLUMNS", "PERIODS", "UNKNOWN", "as_documents", "by_columns", "check_date",
           "check_range", "document_frame", "documents", "filter_dates", "group_value", "missing_hint",
           "period_label", "period_of", "row_order", "with_groups"]

PERIODS = ("week", "month", "quarter", "year")
DOCUMENT_COLUMNS = ("doc_id", "outlet", "date", "author", "title", "url", "path")
UNKNOWN = "unknown"
_FIELDS = ("doc_id", "title", "outlet", "date", "author", "url")


def check_date(value: str | _dt.date | None, name: str) -> str | None:
    """``value`` (``YYYY-MM-DD`` text or a date) as an ISO date string, None for no value;
    :class:`ParameterError` naming the parameter for anything else, including impossible days
    (``2026-02-30``) and other ISO spellings (``20260301``, ``2026-W10``)."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    text = value.strip() if isinstance(value, str) else None
    day = _day(text) if text is not None else None
    if day is None:
        raise ParameterError(f"{name}={value!r} is not an ISO date (a real YYYY-MM-DD day)",
                             hint="write YYYY-MM-DD, e.g. 2026-03-01")
    return day.isoformat()


def _day(value: object) -> _dt.date | None:
    """The date of a ``YYYY-MM-DD`` string (or of its first ten characters when a time
    follows), None for anything else."""
    if not isinstance(value, str) or not ISO_DAY.match(value):
        return None
    if len(value) > 10 and value[10] not in "T ":
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def check_range(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    lo, hi = check_date(date_from, "date_from"), check_date(date_to, "date_to")
    if lo and hi and lo > hi:
        raise ParameterError(f"date_from={lo} is after date_to={hi}")
    return lo, hi


def documents(corpus: Iterable[Any], date_from: str | None = None,
              date_to: str | None = None) -> Iterator[Any]:
    """Documents of ``corpus`` dated within [date_from, date_to] (inclusive).

    With either bound given, undated documents are left out.
    """
    lo, hi = check_range(date_from, date_to)
    for doc in corpus:
        if lo is None and hi is None:
            yield doc
            continue
        day = _day(getattr(doc, "date", None))
        date = day.isoformat() if day is not None else ""
        if date and (lo is None or date >= lo) and (hi is None or date <= hi):
            yield doc


def period_of(date: str | None, period: str) -> str | None:
    """The period of an ISO date: ``week`` is the ISO date of that week's Monday, ``month``
    ``YYYY-MM``, ``quarter`` ``YYYY-Qn``, ``year`` ``YYYY``; None for no or a bad date."""
    day = _day(date)
    if day is None:
        return None
    if period == "week":
        return (day - _dt.timedelta(days=day.weekday())).isoformat()
    if period == "month":
        return day.isoformat()[:7]
    if period == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def group_value(doc: Any, column: str) -> str | None:
    """A document's value for ``column``: a field, a ``meta`` key, or a period of its date."""
    if column in PERIODS:
        return period_of(getattr(doc, "date", None), column)
    if column in _FIELDS:
        value = getattr(doc, column, None)
    else:
        value = (getattr(doc, "meta", None) or {}).get(column)
    return None if value is None or value == "" else str(value)


def by_columns(by: str | Sequence[str] | None) -> list[str]:
    """``by`` as a list of column names (``[]`` for no grouping)."""
    if by is None:
        return []
    columns = [by] if isinstance(by, str) else list(by)
    if not all(isinstance(c, str) and c for c in columns) or len(set(columns)) != len(columns):
        raise ParameterError(f"by={by!r} must be a column name or a list of distinct names")
    return columns


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


def period_label(dates: pd.Series, period: str) -> pd.Series:
    """:func:`period_of` for a column of ISO dates; ``unknown`` where there is no date."""
    return dates.map(lambda d: period_of(d if isinstance(d, str) else None, period) or UNKNOWN)


def with_groups(frame: pd.DataFrame, documents: pd.DataFrame | None, by, *,
                date_from: str | None = None, date_to: str | None = None
                ) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` (with a doc_id column) joined to the grouping columns, filtered by date.

    Returns the new frame (the input is not modified) and the list of group column names.
    """
    cols = by_columns(by)
    needs_docs = bool(cols) and any(c not in frame.columns for c in cols) or date_from or date_to
    if not needs_docs:
        # A new frame sharing the columns until one is changed (copy on write): a corpus's
        # table is not copied for nothing.
        return frame.copy(deep=False), cols
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
            known = sorted((set(docs.columns) - {"path"}) | set(PERIODS))
            raise ParameterError(f"unknown grouping column {c!r}",
                                 hint=f"use one of: {', '.join(known)}")
    for c in cols:
        if c not in frame.columns and len(docs) and not (docs[c].notna() & (docs[c] != UNKNOWN)
                                                         & (docs[c] != "")).any():
            raise NotEnoughDataError(f"no document has a value for by={c!r}",
                                     hint=missing_hint(c))
    keep = ["doc_id"] + [c for c in cols if c not in frame.columns]
    out = frame.merge(docs[keep], on="doc_id", how="inner", validate="many_to_one")
    for c in cols:
        out[c] = out[c].astype(object).where(out[c].notna(), UNKNOWN)
    return out, cols


def missing_hint(column: str) -> str:
    """What to do when no document has a value for ``column``."""
    if column in PERIODS or column == "date":
        return "give the documents dates (a date column in metadata.csv) or group by another field"
    return f"give the documents a {column!r} value in the corpus metadata or group by another field"


def filter_dates(docs: pd.DataFrame, date_from: str | None, date_to: str | None) -> pd.DataFrame:
    """Rows of a documents frame dated within [date_from, date_to] (ISO dates, inclusive)."""
    lo, hi = check_range(date_from, date_to)
    if lo is None and hi is None:
        return docs
    dates = docs["date"].map(lambda d: _day(d).isoformat() if _day(d) is not None else "")
    mask = dates != ""
    if lo:
        mask &= dates >= lo
    if hi:
        mask &= dates <= hi
    return docs[mask]


def row_order(doc_ids: Any, *positions: Any) -> Any:
    """The order (a numpy array of row numbers) that sorts rows by document id (``doc_ids``: the
    ids, or a numpy array of numbers that sort as they do), then by each of ``positions``
    (arrays of numbers, most significant first), keeping the order of ties; None
    when the rows are in that order already (a folder whose files are named by their ids), so
    that a large table need not be moved at all."""
    import numpy as np
    import pandas as pd

    if isinstance(doc_ids, np.ndarray) and doc_ids.dtype.kind in "iu":
        codes = doc_ids  # numbers (ranks of the ids) sort as their codes would
    else:
        codes, _ = pd.factorize(doc_ids, sort=True)
    keys = [codes, *(np.asarray(p) for p in positions)]
    in_order = np.ones(max(len(codes) - 1, 0), dtype=bool)
    for key in reversed(keys):
        in_order = (key[1:] > key[:-1]) | ((key[1:] == key[:-1]) & in_order)
    if bool(in_order.all()):
        return None
    return np.lexsort(tuple(reversed(keys)))
