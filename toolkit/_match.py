"""Token-level matching of lexicon terms, compiled once per lexicon.

Text and terms are cut into the same *parts*: the toolkit's tokens (:func:`toolkit.segment.tokens`)
with curly apostrophes made straight, hyphen variants made ``-`` and hyphenated words split at
their hyphens. A term's parts must equal consecutive parts of the text (lower-cased unless the
term is case-sensitive; a wildcard term's last part is a prefix), the match must begin at the
start of a token and end at the end of one, and it may not run into the next sentence.

So ``de-escalation`` and ``de escalation`` are the same term and each matches both spellings,
while ``escalation`` does not match inside ``de-escalation`` (a hyphenated word is one token) and
``deescalation`` needs an entry of its own. Punctuation is a token of its own, so ``sanctions,``
and ``(escalation)`` match ``sanctions`` and ``escalation``.

At each token the longest matching term wins and matching resumes after it; when terms of several
frames match there with that length, each frame gets one match (its first such term).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.segment import tokens

Span = tuple[int, int]

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True)
class Entry:
    """One compiled term: its parts, flags, frame and the term as written (with ``*``)."""

    parts: tuple[str, ...]
    wildcard: bool
    case_sensitive: bool
    frame: str
    term: str
    order: int


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    frame: str
    term: str


def normalize(text: str) -> str:
    """Straight apostrophes and a plain ``-`` for every hyphen variant."""
    return text.translate(_FOLD)


def _split_token(token: str) -> list[str]:
    if len(token) > 1 and "-" in token.strip("-"):
        return token.split("-")
    return [token]


def term_parts(term: str) -> tuple[str, ...]:
    """The parts of a term as written (case kept), e.g. ``("de", "escalation")``."""
    folded = normalize(term)
    parts: list[str] = []
    for a, b in tokens(folded):
        parts.extend(p for p in _split_token(folded[a:b]) if p)
    return tuple(parts)


class _Parts:
    """A text's tokens cut into parts, with offsets and boundary flags."""

    def __init__(self, text: str, token_spans: Sequence[Span], sentence_starts: Sequence[int]):
        self.orig: list[str] = []
        self.spans: list[Span] = []
        self.token_start: list[bool] = []
        self.token_end: list[bool] = []
        self.sentence: list[int] = []
        for a, b in token_spans:
            pieces = _split_token(normalize(text[a:b]))
            sentence = bisect_right(sentence_starts, a)
            offset = a
            for k, piece in enumerate(pieces):
                self.orig.append(piece)
                self.spans.append((offset, offset + len(piece)))
                self.token_start.append(k == 0)
                self.token_end.append(k == len(pieces) - 1)
                self.sentence.append(sentence)
                offset += len(piece) + 1
        self.lower = [p.lower() for p in self.orig]


class Matcher:
    """All terms of a lexicon, indexed by their first part (exact) or wildcard prefix."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.exact: dict[str, list[Entry]] = {}
        self.prefix: dict[str, list[Entry]] = {}
        for entry in entries:
            key = entry.parts[0].lower()
            if entry.wildcard and len(entry.parts) == 1:
                self.prefix.setdefault(key, []).append(entry)
            else:
                self.exact.setdefault(key, []).append(entry)
        self.prefix_lengths = sorted({len(k) for k in self.prefix})

    def _candidates(self, word: str) -> list[Entry]:
        found = list(self.exact.get(word, ()))
        for n in self.prefix_lengths:
            if n > len(word):
                break
            found.extend(self.prefix.get(word[:n], ()))
        return found

    def find(self, text: str, token_spans: Sequence[Span],
             sentence_starts: Sequence[int] = ()) -> list[Hit]:
        """Matches in text order; ``sentence_starts`` (sorted offsets) stop cross-sentence terms."""
        parts = _Parts(text, token_spans, sentence_starts)
        hits: list[Hit] = []
        i = 0
        while i < len(parts.lower):
            best = self._longest(parts, i) if parts.token_start[i] else []
            if not best:
                i += 1
                continue
            n = len(best[0].parts)
            start, end = parts.spans[i][0], parts.spans[i + n - 1][1]
            hits.extend(Hit(start, end, e.frame, e.term) for e in best)
            i += n
        return hits

    def _longest(self, parts: _Parts, i: int) -> list[Entry]:
        matched = [e for e in self._candidates(parts.lower[i]) if _fits(e, parts, i)]
        if not matched:
            return []
        n = max(len(e.parts) for e in matched)
        chosen: dict[str, Entry] = {}
        for entry in sorted(matched, key=lambda e: e.order):
            if len(entry.parts) == n:
                chosen.setdefault(entry.frame, entry)
        return list(chosen.values())


def _fits(entry: Entry, parts: _Parts, i: int) -> bool:
    n = len(entry.parts)
    last = i + n - 1
    if last >= len(parts.lower) or not parts.token_end[last]:
        return False
    if parts.sentence[last] != parts.sentence[i]:
        return False
    words = parts.orig if entry.case_sensitive else parts.lower
    for k, want in enumerate(entry.parts):
        got = words[i + k]
        if entry.wildcard and k == n - 1:
            if not got.startswith(want):
                return False
        elif got != want:
            return False
    return True
