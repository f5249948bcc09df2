"""Token-level matching of lexicon terms, compiled once per lexicon.

Text and terms are cut into the same *parts*: the toolkit's tokens (:func:`toolkit.corpus.segment.tokens`)
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

from collections.abc import Sequence
from dataclasses import dataclass

from toolkit.corpus.segment import tokens

__all__ = ["Entry", "Hit", "Matcher", "normalize", "term_parts"]

Span = tuple[int, int]

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-"})
_FOLD_PAIRS = tuple((chr(old), new) for old, new in _FOLD.items())


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
    # One str.replace per character of _FOLD: the same result as text.translate(_FOLD) (each
    # maps one character to one, and no result is replaced again), many times quicker.
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


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
        folded = normalize(text)
        orig: list[str] = []
        spans: list[Span] = []
        token_start: list[bool] = []
        token_end: list[bool] = []
        sentence: list[int] = []
        n_starts, s = len(sentence_starts), 0
        for a, b in token_spans:
            while s < n_starts and sentence_starts[s] <= a:
                s += 1
            token = folded[a:b]
            if "-" not in token:
                orig.append(token)
                spans.append((a, b))
                token_start.append(True)
                token_end.append(True)
                sentence.append(s)
                continue
            pieces = _split_token(token)
            for k, piece in enumerate(pieces):
                orig.append(piece)
                spans.append((a, a + len(piece)))
                token_start.append(k == 0)
                token_end.append(k == len(pieces) - 1)
                sentence.append(s)
                a += len(piece) + 1
        self.orig, self.spans, self.sentence = orig, spans, sentence
        self.token_start, self.token_end = token_start, token_end
        self.lower = [p.lower() for p in orig]


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
        self._seen: dict[str, tuple[Entry, ...]] = {}

    def _candidates(self, word: str) -> tuple[Entry, ...]:
        """Entries whose first part may match ``word`` (remembered per distinct word)."""
        found = self._seen.get(word)
        if found is None:
            found = tuple(self.exact.get(word, ())) + tuple(
                e for n in self.prefix_lengths if n <= len(word)
                for e in self.prefix.get(word[:n], ()))
            self._seen[word] = found
        return found

    def find(self, text: str, token_spans: Sequence[Span],
             sentence_starts: Sequence[int] = ()) -> list[Hit]:
        """Matches in text order; ``sentence_starts`` (sorted offsets) stop cross-sentence terms."""
        parts = _Parts(text, token_spans, sentence_starts)
        hits: list[Hit] = []
        i = 0
        lower, token_start = parts.lower, parts.token_start
        while i < len(lower):
            candidates = self._candidates(lower[i]) if token_start[i] else ()
            best = self._longest(candidates, parts, i) if candidates else []
            if not best:
                i += 1
                continue
            n = len(best[0].parts)
            start, end = parts.spans[i][0], parts.spans[i + n - 1][1]
            hits.extend(Hit(start, end, e.frame, e.term) for e in best)
            i += n
        return hits

    @staticmethod
    def _longest(candidates: Sequence[Entry], parts: _Parts, i: int) -> list[Entry]:
        matched = [e for e in candidates if _fits(e, parts, i)]
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
