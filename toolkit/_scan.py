"""Per-document inputs shared by framing and keyness: date filter, group keys, word tokens, voice."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.errors import ParameterError
from toolkit.segment import segment

Span = tuple[int, int]

JOURNALIST = "journalist"
QUOTED = "quoted"
PERIODS = ("week", "month", "year")
QUOTE_COLUMNS = ("doc_id", "speaker", "content_start", "content_end")
_FIELDS = ("doc_id", "title", "outlet", "date", "author", "url")
_WORDISH = re.compile(r"\w")


def _check_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ParameterError(f"{name}={value!r} is not an ISO date",
                             hint="write YYYY-MM-DD") from None


def documents(corpus: Iterable[Any], date_from: str | None = None,
              date_to: str | None = None) -> Iterator[Any]:
    """Documents of ``corpus`` dated within [date_from, date_to] (inclusive).

    With either bound given, undated documents are left out.
    """
    lo, hi = _check_date(date_from, "date_from"), _check_date(date_to, "date_to")
    for doc in corpus:
        if lo is None and hi is None:
            yield doc
            continue
        date = (getattr(doc, "date", None) or "")[:10]
        if date and (lo is None or date >= lo) and (hi is None or date <= hi):
            yield doc


def by_columns(by: str | Sequence[str] | None) -> list[str]:
    """``by`` as a list of column names (``[]`` for no grouping)."""
    if by is None:
        return []
    columns = [by] if isinstance(by, str) else list(by)
    if not all(isinstance(c, str) and c for c in columns) or len(set(columns)) != len(columns):
        raise ParameterError(f"by={by!r} must be a column name or a list of distinct names")
    return columns


def group_value(doc: Any, column: str) -> str | None:
    """A document's value for ``column``: a field, a ``meta`` key, or a period of its date.

    Periods: ``week`` is the ISO date of the week's Monday, ``month`` is ``YYYY-MM``, ``year``
    is ``YYYY``; undated documents get ``None``.
    """
    if column in PERIODS:
        return _period(getattr(doc, "date", None), column)
    if column in _FIELDS:
        value = getattr(doc, column, None)
    else:
        value = (getattr(doc, "meta", None) or {}).get(column)
    return None if value is None or value == "" else str(value)


def _period(date: str | None, period: str) -> str | None:
    try:
        day = dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return None
    if period == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    return day.isoformat()[:7] if period == "month" else str(day.year)


def check_groups(columns: list[str], seen: dict[str, bool]) -> None:
    """Raise when a ``by`` column is neither a known field nor present in any document."""
    for column in columns:
        if column not in PERIODS and column not in _FIELDS and not seen.get(column):
            raise ParameterError(f"no document has a value for by={column!r}",
                                 hint="use doc_id, outlet, author, title, date, week, month, "
                                      "year or a metadata column")


def sort_key(values: tuple) -> tuple:
    """Sort group values ascending with missing values last."""
    return tuple((v is None, v or "") for v in values)


@dataclass(frozen=True)
class Tokens:
    """Tokens of one document outside excluded boilerplate, and where its sentences start."""

    spans: list[Span]
    sentence_starts: list[int]

    def words(self, text: str) -> list[Span]:
        """Tokens holding a letter or digit (punctuation left out)."""
        return [(a, b) for a, b in self.spans if _WORDISH.search(text, a, b)]


def doc_tokens(doc: Any) -> Tokens:
    excluded = list(getattr(doc, "excluded", ()) or ())
    seg = segment(doc.text, excluded=excluded)
    spans = seg.tokens
    if excluded:
        spans = [s for s in spans if not any(x <= s[0] < y for x, y in excluded)]
    return Tokens(spans, [a for a, _ in seg.sentences])


class Voices:
    """Attributed content spans per document, from a quotes table.

    A span of text is *quoted* when it lies wholly inside a content span; the innermost such
    span gives the speaker. Everything else is the journalist's own text.
    """

    def __init__(self, quotes: Any = None) -> None:
        self.spans: dict[str, list[tuple[int, int, str | None]]] = {}
        self._starts: dict[str, list[int]] = {}
        if quotes is None:
            return
        import pandas as pd

        missing = [c for c in QUOTE_COLUMNS if c not in getattr(quotes, "columns", ())]
        if missing:
            raise ParameterError(f"quotes table lacks column(s) {', '.join(missing)}",
                                 hint="pass a DataFrame with doc_id, speaker, content_start, "
                                      "content_end (e.g. toolkit.quotes.to_frame(...))")
        for row in quotes[list(QUOTE_COLUMNS)].itertuples(index=False):
            doc_id, speaker, start, end = row
            if pd.isna(start) or pd.isna(end) or pd.isna(doc_id):
                continue
            self.spans.setdefault(str(doc_id), []).append(
                (int(start), int(end), None if pd.isna(speaker) else str(speaker)))
        for spans in self.spans.values():
            spans.sort(key=lambda s: (s[0], -s[1]))
        self._starts = {d: [s[0] for s in spans] for d, spans in self.spans.items()}

    def voice(self, doc_id: str, start: int, end: int) -> tuple[str, str | None]:
        """``(voice, speaker)`` of ``[start, end)`` in a document."""
        spans = self.spans.get(doc_id)
        if not spans:
            return JOURNALIST, None
        inner = None
        for a, b, speaker in spans[: bisect_right(self._starts[doc_id], start)]:
            if a <= start and end <= b and (inner is None or b - a < inner[1] - inner[0]):
                inner = (a, b, speaker)
        return (QUOTED, inner[2]) if inner else (JOURNALIST, None)

