"""The term explorer's logic: a concordance with sort keys several words deep, filters by voice
and group, and one aligned line per match.

:func:`concordance` is :func:`toolkit.analysis.framing.kwic` plus, for every match, the words at
positions ``L1`` (just left of the match), ``L2``, ... and ``R1`` (just right), ``R2``, ...,
lower-cased, read from the document text (so a word is never cut by the context window), and
the match's group (its outlet, month, ... as in the other tables). As in a concordancer, sorting
by ``R1`` then ``R2`` then ``R3`` lines up the phrases that follow the term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.analysis.framing import kwic
from toolkit.analysis.grouping import UNKNOWN, group_value
from toolkit.analysis.scan import JOURNALIST, QUOTED
from toolkit.errors import ParameterError
from toolkit.explore.articles import Articles
from toolkit.highlight import Mark, attribution_marks

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_DEPTH", "VOICES", "concordance", "concordance_line", "filter_concordance",
           "match_marks", "quote_at", "sort_concordance", "sort_keys"]

MAX_DEPTH = 5
VOICES = (JOURNALIST, QUOTED)
_WORD = re.compile(r"\w+(?:['\u2019.-]\w+)*")
_REACH = 200  # characters read on each side for the sort words (extended to a word boundary)


def sort_keys(depth: int = 3) -> list[str]:
    """Sort positions ``depth`` words deep on each side, left to right: ``L3 L2 L1 R1 R2 R3``."""
    if not isinstance(depth, int) or not 1 <= depth <= MAX_DEPTH:
        raise ParameterError(f"depth={depth!r}", hint=f"use a whole number from 1 to {MAX_DEPTH}")
    return [f"L{i}" for i in range(depth, 0, -1)] + [f"R{i}" for i in range(1, depth + 1)]


def _side_words(text: str, start: int, end: int, depth: int) -> tuple[list[str], list[str]]:
    """(left words nearest first, right words nearest first), lower-cased."""
    lo = max(0, start - _REACH)
    while lo > 0 and text[lo - 1].isalnum():
        lo -= 1
    hi = min(len(text), end + _REACH)
    while hi < len(text) and text[hi].isalnum():
        hi += 1
    left = [w.lower() for w in _WORD.findall(text, lo, start)][::-1][:depth]
    right = [w.lower() for w in _WORD.findall(text, end, hi)][:depth]
    return left, right


def concordance(corpus: Iterable[Any] | Articles, query: str, *, lexicon: Any = None,
                quotes: pd.DataFrame | None = None, window: int = 60, depth: int = 3,
                group_by: str | None = "outlet", case_sensitive: bool = False) -> pd.DataFrame:
    """Every match of ``query`` (a term, ``wildcard*`` or ``frame:NAME`` of ``lexicon``) in
    context, with sort words and group.

    Columns: ``KWIC_COLUMNS`` (doc_id, left, match, right, start, end, frame, term, voice,
    speaker, position), then ``group`` (the document's ``group_by`` value: a field, a metadata
    key or a period such as ``month``; ``unknown`` when it has none; absent when ``group_by`` is
    None), then ``L{depth}`` ... ``L1``, ``R1`` ... ``R{depth}``. Rows in text order (doc_id,
    start); see :func:`sort_concordance`. ``quotes`` (the attribution table) sets each match's
    voice and speaker, as in :func:`~toolkit.analysis.framing.kwic`.
    """
    import pandas as pd

    keys = sort_keys(depth)
    articles = Articles.of(corpus)
    table = kwic(articles, query, window=window, lexicon=lexicon, quotes=quotes,
                 case_sensitive=case_sensitive)
    groups, words = [], []
    for doc_id, start, end in zip(table["doc_id"], table["start"], table["end"], strict=True):
        doc = articles.get(doc_id)
        if group_by is not None:
            groups.append(group_value(doc, group_by) or UNKNOWN)
        left, right = _side_words(doc.text, int(start), int(end), depth)
        left += [""] * (depth - len(left))
        right += [""] * (depth - len(right))
        words.append(left[::-1] + right)
    extra = pd.DataFrame(words, columns=keys, index=table.index, dtype=object)
    if group_by is not None:
        extra.insert(0, "group", pd.Series(groups, index=table.index, dtype=object))
    return pd.concat([table, extra], axis=1)


def sort_concordance(table: pd.DataFrame, keys: Sequence[str | None] = ("R1", "R2", "R3")
                     ) -> pd.DataFrame:
    """``table`` sorted by the words at ``keys`` (``"R1"``, ``"L2"``, ...; None entries are
    skipped), alphabetically with empty words first, then in text order. A new frame."""
    chosen = [k for k in keys if k]
    unknown = [k for k in chosen if k not in table.columns]
    if unknown:
        raise ParameterError(f"cannot sort by {', '.join(unknown)}",
                             hint="use positions of the concordance such as L2, L1, R1, R2")
    order = [*chosen, "doc_id", "start"]
    return table.sort_values(order, kind="stable").reset_index(drop=True)


def filter_concordance(table: pd.DataFrame, *, voice: str | None = None,
                       group: str | None = None) -> pd.DataFrame:
    """The rows of one ``voice`` (``journalist`` or ``quoted``) and/or one ``group`` value;
    None keeps all. A new frame in the same order."""
    if voice is not None and voice not in VOICES:
        raise ParameterError(f"voice={voice!r}", hint=f"use one of {VOICES} or None")
    mask = table["doc_id"].notna()
    if voice is not None:
        mask &= table["voice"] == voice
    if group is not None:
        if "group" not in table.columns:
            raise ParameterError("this concordance has no group column",
                                 hint="make it with group_by='outlet' (or another field)")
        mask &= table["group"] == group
    return table[mask].reset_index(drop=True)


def concordance_line(row: Any, *, width: int = 45) -> str:
    """One aligned line: the left context right-aligned in ``width`` characters, the match in
    brackets, the right context cut to ``width``. Padding uses no-break spaces so that the
    alignment survives HTML (a monospace font lines the matches up)."""
    get = row.get if hasattr(row, "get") else (lambda k: getattr(row, k))
    left, right = str(get("left")), str(get("right"))
    left = left[-width:] if len(left) > width else left
    right = right[:width]
    return f"{left:>{width}} [{get('match')}] {right}".replace(" ", "\u00a0")



def quote_at(quotes: pd.DataFrame | None, doc_id: str, start: int, end: int) -> Any:
    """The attribution whose content holds ``[start, end)`` in document ``doc_id`` (the
    innermost when quotes nest), as a row of ``quotes``; None when the span is not quoted."""
    if quotes is None or quotes.empty:
        return None
    same = quotes[(quotes["doc_id"].astype(str) == str(doc_id)) & quotes["content_start"].notna()
                  & quotes["content_end"].notna()]
    holding = same[(same["content_start"] <= start) & (same["content_end"] >= end)]
    if holding.empty:
        return None
    sizes = (holding["content_end"] - holding["content_start"]).astype(int)
    return holding.loc[sizes.sort_values(kind="stable").index[0]]


def match_marks(row: Any, quotes: pd.DataFrame | None = None) -> list[Mark]:
    """The marks of a concordance row: the match, and for a quoted match the speaker, cue and
    content of the quote that holds it."""
    get = row.get if hasattr(row, "get") else (lambda k: getattr(row, k))
    start, end = int(get("start")), int(get("end"))
    marks = [Mark(start, end, "match")]
    if get("voice") == QUOTED:
        quote = quote_at(quotes, str(get("doc_id")), start, end)
        if quote is not None:
            marks = attribution_marks(quote) + marks
    return marks
