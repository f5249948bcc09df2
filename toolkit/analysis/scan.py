"""Per-document inputs shared by framing and keyness: date filter, group keys, word tokens, voice."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from toolkit.analysis.grouping import (
    _FIELDS,
    PERIODS,
    by_columns,
    documents,
    group_value,
    missing_hint,
)
from toolkit.corpus.segment import segment_document
from toolkit.errors import NotEnoughDataError, ParameterError

__all__ = ["PERIODS", "by_columns", "documents", "group_value", "check_groups", "sort_key",
           "Documents", "Tokens", "doc_tokens", "Voices", "JOURNALIST", "QUOTED"]

Span = tuple[int, int]

JOURNALIST = "journalist"
QUOTED = "quoted"
QUOTE_COLUMNS = ("doc_id", "speaker", "content_start", "content_end")
_WORDISH = re.compile(r"\w")


def check_groups(columns: list[str], seen: dict[str, bool], *, n_documents: int = 0) -> None:
    """Raise when a ``by`` column is neither a known field nor present in any document, and
    (:class:`~toolkit.errors.NotEnoughDataError`) when none of ``n_documents`` > 0 documents has
    a value for a known field or a date for a period."""
    for column in columns:
        if n_documents and not seen.get(column) and (column in PERIODS or column in _FIELDS):
            raise NotEnoughDataError(f"no document has a value for by={column!r}",
                                     hint=missing_hint(column))
        if column not in PERIODS and column not in _FIELDS and not seen.get(column):
            raise ParameterError(f"no document has a value for by={column!r}",
                                 hint="use doc_id, outlet, author, title, date, week, month, "
                                      "quarter, year or a metadata column")


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


class Documents:
    """The documents of ``corpus`` dated in [``date_from``, ``date_to``], readable more than
    once (a one-shot iterator is read into a list first)."""

    def __init__(self, corpus: Any, date_from: str | None = None,
                 date_to: str | None = None) -> None:
        self.corpus = list(corpus) if iter(corpus) is corpus else corpus
        self.date_from, self.date_to = date_from, date_to

    def __iter__(self):
        return documents(self.corpus, self.date_from, self.date_to)


def doc_tokens(doc: Any) -> Tokens:
    excluded = list(getattr(doc, "excluded", ()) or ())
    seg = segment_document(doc)
    spans = seg.tokens
    if excluded:
        # A token is left out when it starts inside an excluded span: among the spans starting
        # at or before it, the furthest end must pass its start (one binary search per token).
        ordered = sorted(excluded)
        starts = [x for x, _ in ordered]
        reach = list(accumulate((y for _, y in ordered), max))
        spans = [s for s in spans
                 if (i := bisect_right(starts, s[0]) - 1) < 0 or reach[i] <= s[0]]
    return Tokens(spans, [a for a, _ in seg.sentences])


class Voices:
    """Attributed content spans per document, from a quotes table.

    A span of text is *quoted* when it lies wholly inside a content span; the innermost such
    span gives the speaker. Everything else is the journalist's own text.

    The spans are kept as columns sorted by document, start and (longest first) end, with the
    furthest end reached so far in each document: a document's spans are a slice of them.
    """

    def __init__(self, quotes: Any = None) -> None:
        import numpy as np
        import pandas as pd

        self._rows: dict[str, tuple[int, int]] = {}
        self._starts = self._ends = self._reach = np.empty(0, dtype=np.int64)
        self._speakers: list[str | None] = []
        self._listed: dict[str, tuple[list[tuple[int, int, str | None]], list[int]]] = {}
        if quotes is None:
            return
        absent = [c for c in QUOTE_COLUMNS if c not in getattr(quotes, "columns", ())]
        if absent:
            raise ParameterError(f"quotes table lacks column(s) {', '.join(absent)}",
                                 hint="pass a DataFrame with doc_id, speaker, content_start, "
                                      "content_end (e.g. toolkit.attribution.to_frame(...))")
        # Whole columns at a time: the missing cells are found by pandas, not one by one.
        frame = quotes[list(QUOTE_COLUMNS)]
        frame = frame[frame["doc_id"].notna() & frame["content_start"].notna()
                      & frame["content_end"].notna()]
        ids = frame["doc_id"]
        # Text kept as text (factorized by Arrow); other ids made text first.
        codes, names = pd.factorize(ids if isinstance(ids.dtype, pd.StringDtype)
                                    else ids.astype(str).to_numpy(dtype=object))
        starts = frame["content_start"].to_numpy(dtype=np.int64)
        ends = frame["content_end"].to_numpy(dtype=np.int64)
        order = np.lexsort((-ends, starts, codes))
        codes, self._starts, self._ends = codes[order], starts[order], ends[order]
        speakers = frame["speaker"].to_numpy(dtype=object)[order]
        self._speakers = [None if gone else str(speaker) for speaker, gone in
                          zip(speakers.tolist(), pd.isna(speakers).tolist(), strict=True)]
        self._reach = np.empty_like(self._ends)
        if not len(codes):
            return
        bounds = [0, *(np.flatnonzero(np.diff(codes)) + 1).tolist(), len(codes)]
        for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
            self._rows[str(names[codes[lo]])] = (lo, hi)
            self._reach[lo:hi] = np.maximum.accumulate(self._ends[lo:hi])

    def spans(self, doc_id: str) -> list[tuple[int, int, str | None]]:
        """A document's content spans ``(start, end, speaker)``, by start then longest first."""
        return self._listed_spans(doc_id)[0]

    def _listed_spans(self, doc_id: str) -> tuple[list[tuple[int, int, str | None]], list[int]]:
        """:meth:`spans` and their starts, as lists made once per document."""
        listed = self._listed.get(doc_id)
        if listed is None:
            lo, hi = self._rows.get(doc_id, (0, 0))
            starts = self._starts[lo:hi].tolist()
            listed = self._listed[doc_id] = (list(zip(
                starts, self._ends[lo:hi].tolist(), self._speakers[lo:hi], strict=True)),
                starts)
        return listed

    def count_quoted(self, doc_id: str, spans: list[Span]) -> int:
        """How many of ``spans`` (in text order) lie wholly inside some content span.

        One sweep: a span ``[s, e)`` is inside one iff the furthest end among the content spans
        starting at or before ``s`` reaches ``e``.
        """
        content = self.spans(doc_id)
        if not content:
            return 0
        count, i, reach = 0, 0, -1
        for s, e in spans:
            while i < len(content) and content[i][0] <= s:
                reach = max(reach, content[i][1])
                i += 1
            count += reach >= e
        return count

    def count_quoted_arrays(self, doc_id: str, starts: Any, ends: Any) -> int:
        """:meth:`count_quoted` for spans given as arrays of starts and ends (in text order)."""
        import numpy as np

        lo, hi = self._rows.get(doc_id, (0, 0))
        if lo == hi or not len(starts):
            return 0
        i = np.searchsorted(self._starts[lo:hi], np.asarray(starts, dtype=np.int64),
                            side="right") - 1
        furthest = np.where(i >= 0, self._reach[lo:hi][np.maximum(i, 0)], -1)
        return int(np.count_nonzero(furthest >= np.asarray(ends, dtype=np.int64)))

    def voice(self, doc_id: str, start: int, end: int) -> tuple[str, str | None]:
        """``(voice, speaker)`` of ``[start, end)`` in a document."""
        spans, starts = self._listed_spans(doc_id)
        inner = None
        # Only the spans starting at or before ``start`` can hold it (a search of a list: a
        # document's spans are few, and a numpy search per match cost more than the scan).
        for k in range(bisect_right(starts, start)):
            a, b, speaker = spans[k]
            if end <= b and (inner is None or b - a < inner[1] - inner[0]):
                inner = (a, b, speaker)
        return (QUOTED, inner[2]) if inner else (JOURNALIST, None)

