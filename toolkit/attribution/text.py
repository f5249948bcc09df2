"""Fast offset-preserving sentences and quotation spans for the attribution hot path.

The attribution hot path must not pay NLTK's import time, so it splits sentences with a regex
(paragraphs are :func:`toolkit.corpus.segment.paragraphs` in line mode, which needs no NLTK); every
span is a ``(start, end)`` pair of indices into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from toolkit.corpus.segment import load_abbreviations
from toolkit.corpus.segment import paragraphs as _paragraphs

__all__ = ["paragraphs", "sentences", "quote_spans", "Spans"]

_SENT_END = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+(?:''|[“\"‘(\[])?[A-Z0-9])|[.!?]+[”\"’')\]]*(?=\s*$)")
_ABBREVIATIONS = load_abbreviations()
_PARTY = re.compile(r"[dri]-")  # party-state tags: (D-N.Y.), (R-S.C.)
_OPENERS = ("“", '"', "''")
_MARK = re.compile(r"[“”\"]|''")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, each one a paragraph, without surrounding white space."""
    return _paragraphs(text, mode="line")


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the period at text[end] close an abbreviation or an initial?"""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    word = _PARTY.sub("", text[start:end].lower(), count=1)
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph is the usual range)."""
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _SENT_END.finditer(text, start, end):
        if m.group()[0] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        spans.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


def _opens(text: str, i: int) -> bool:
    """Is the mark at ``text[i]`` (``“``, ``"`` or the two-apostrophe ``''``) an opening quotation mark?"""
    mark = text[i]
    if mark == "“":
        return True
    if mark not in "\"'":
        return False
    width = 2 if mark == "'" else 1
    before = text[i - 1] if i else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def quote_spans(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Double-quoted spans, marks included, recovering from unbalanced marks.

    Marks are curly and straight double quotes and the two-apostrophe ``''`` some archives use.

    A paragraph that ends inside a quotation continues it when the next paragraph opens with a
    quotation mark; otherwise the quotation is closed at the paragraph end.
    """
    spans: list[tuple[int, int]] = []
    open_at = None
    for index, (pstart, pend) in enumerate(paras):
        for m in _MARK.finditer(text, pstart, pend):
            i = m.start()
            if _opens(text, i):
                if open_at is not None and i > pstart:
                    spans.append((open_at, _rstrip(text, open_at, i)))
                    open_at = None
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            if following is None or not text.startswith(_OPENERS, following):
                spans.append((open_at, pend))
                open_at = None
    return spans


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


class Spans:
    """Sorted, non-overlapping spans with O(log n) point lookup."""

    __slots__ = ("spans", "_starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]

    def index_at(self, pos: int) -> int | None:
        """Index of the span containing ``pos``, or None."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return i
        return None

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with any span?"""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start
