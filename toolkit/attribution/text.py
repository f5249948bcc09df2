"""The text view of one document for the attribution rules: paragraphs, sentences, quotations.

:class:`TextView` segments a text once and answers the rules' questions about it: the sentence at
an offset, the words of a range, the quotation spans, the end of the headline. The attribution hot
path must not pay NLTK's import time, so :func:`split_sentences` splits sentences with a regex
(paragraphs are :func:`toolkit.corpus.segment.paragraphs` in line mode, which needs no NLTK); every
span is a ``(start, end)`` pair of indices into the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from toolkit.attribution.word_classes import QUOTE_OPENERS
from toolkit.attribution.words import Word, words_in
from toolkit.corpus.segment import load_abbreviations, trim_end, trim_start
from toolkit.corpus.segment import paragraphs as _paragraphs

__all__ = ["CLAUSE_END_CHARS", "CLAUSE_GAP_CHARS", "MAX_SENTENCE_CHARS", "SENTENCE_END_CHARS",
           "Spans", "TextView",
           "paragraphs", "quote_spans", "split_sentences"]

# characters trimmed from the edges of a content span
SENTENCE_END_CHARS = " .!?;"  # space and final punctuation at the end of a sentence
CLAUSE_GAP_CHARS = " ,"  # space and commas between a content and the cue after it
CLAUSE_END_CHARS = " ,;"  # space, commas and semicolons at the end of a shortened content

# A sentence end starts a run of final punctuation (never inside one) and takes all of it and
# the closing marks after it, without backtracking: a shorter run is followed by punctuation, not
# by the space the lookahead asks for, so it could never match. Long runs stay linear. It is
# followed by white space and a capital or a digit, by the end of the range, or (after a
# closing quotation mark) by a dash that signs the quotation (``… "still first."--Kim Lund``).
_SENT_END = re.compile(r"(?<![.!?])[.!?]++[”\"’')\]]*+(?:(?=\s+(?:''|[“\"‘(\[])?[A-Z0-9])|(?=\s*$)"
                       r"|(?<=[”\"])(?=(?:--|[—―])[^\S\n]*[A-Z]))")
# A longer "sentence" (a text without final punctuation) is cut at a space before this many
# characters, so that the rules' work per cue stays bounded; PolNeAR's longest is under 1,000.
MAX_SENTENCE_CHARS = 2_000
_ABBREVIATIONS = load_abbreviations()
_WORD_RUN = re.compile(r"\w+")
_AFTER_THE = re.compile(r"\b[Tt]he (?=(\w+))")  # the word after "the ", overlaps allowed
_PARTY = re.compile(r"[dri]-")  # party-state tags: (D-N.Y.), (R-S.C.)
# characters an abbreviation may span: the longest listed one and a party tag's "d-"
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS), default=0) + 3
_MARK = re.compile(r"[“”\"]|''")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, each one a paragraph, without surrounding white space."""
    return _paragraphs(text, mode="line")


def _is_abbreviation(text: str, end: int) -> bool:
    """Does the period at text[end] close an abbreviation or an initial?"""
    start = end
    limit = max(0, end - _LONGEST_ABBREVIATION)  # a longer word is no abbreviation
    while start > limit and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    if start == limit and limit and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        return False
    word = _PARTY.sub("", text[start:end].lower(), count=1)
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (one paragraph is the usual range).

    A span longer than :data:`MAX_SENTENCE_CHARS` is cut into pieces at spaces.
    """
    end = len(text) if end is None else end
    spans, begin = [], start
    for m in _SENT_END.finditer(text, start, end):
        if m.group()[0] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start()):
            continue
        _add_sentence(text, spans, begin, m.end())
        begin = trim_start(text, m.end(), end)
    if begin < end and not text[begin:end].isspace():
        _add_sentence(text, spans, begin, end)
    return spans


def _add_sentence(text: str, spans: list[tuple[int, int]], begin: int, end: int) -> None:
    """Append ``[begin, end)``, cut at spaces into pieces of at most ``MAX_SENTENCE_CHARS``."""
    while end - begin > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", begin + 1, begin + MAX_SENTENCE_CHARS)
        if cut < 0:
            cut = begin + MAX_SENTENCE_CHARS
        piece_end = trim_end(text, begin, cut)
        if piece_end > begin:
            spans.append((begin, piece_end))
        begin = trim_start(text, cut, end)
    if end > begin:
        spans.append((begin, end))


def _opens(text: str, i: int) -> bool:
    """Is the mark at ``text[i]`` (``“``, ``"``, the two-apostrophe ``''`` or a ``”`` opening
    a line) an opening quotation mark?"""
    mark = text[i]
    if mark == "“":
        return True
    if mark == "”":
        # a closing mark typed at the start of a line, before a word, opens (``”Fear. I am …”``)
        return (not i or text[i - 1] == "\n") and i + 1 < len(text) and not text[i + 1].isspace()
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
                    spans.append((open_at, trim_end(text, open_at, i)))
                    open_at = None
                if open_at is None:
                    open_at = i
            elif open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            following = paras[index + 1][0] if index + 1 < len(paras) else None
            if following is None or not text.startswith(QUOTE_OPENERS, following):
                spans.append((open_at, pend))
                open_at = None
    return spans


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

    def first_from(self, pos: int) -> int | None:
        """Index of the first span that starts at or after ``pos``, or None."""
        i = bisect_left(self._starts, pos)
        return i if i < len(self.spans) else None

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with any span?"""
        i = bisect_right(self._starts, end - 1) - 1
        return i >= 0 and self.spans[i][1] > start


# ``WASHINGTON —``, ``KYIV, Ukraine (Reuters) —``: a dateline opening the first sentence of a paragraph
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]*(?: \d{1,2})?)?"
                       r"(?: \([^()\n]{1,30}\))?\s*(?:[-—–]|\([^()\n]{1,30}\) [-—–])\s+")


# Names looked up by a scan of their own before the text's words are indexed at once
_SCANS_BEFORE_INDEX = 16


def _is_word_char(text: str, i: int) -> bool:
    """Is ``text[i]`` a character ``\\w`` matches (False outside the text)?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _has_word(text: str, word: str, *, after_the: bool = False) -> bool:
    """Is ``word`` (word characters only) a whole run of word characters in ``text`` (with
    ``after_the``: one that "the " or "The " stands right before, as ``_AFTER_THE`` finds)?"""
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if not _is_word_char(text, p - 1) and not _is_word_char(text, p + n) and (
                not after_the or p >= 4 and text[p - 4:p] in ("the ", "The ")
                and not _is_word_char(text, p - 5)):
            return True
        p = text.find(word, p + 1)
    return False


class TextView:
    """Paragraphs, sentences and quotation spans of one text, computed once.

    ``sentences[i]`` lies in paragraph ``sentence_paragraph[i]``; a dateline opening a paragraph
    is not part of its first sentence. ``headline_end`` is the end of the first line when that line
    is a headline (short, or without a final period, and followed by more text), else -1.
    ``excluded`` holds the boilerplate spans the rules ignore.
    """

    def __init__(self, text: str, excluded: tuple[tuple[int, int], ...] = ()) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.sentences: list[tuple[int, int]] = []
        self.sentence_paragraph: list[int] = []
        for index, (start, end) in enumerate(self.paragraphs):
            for number, span in enumerate(split_sentences(text, start, end)):
                if number == 0:
                    dateline = _DATELINE.match(text, span[0], span[1])
                    if dateline is not None and dateline.end() < span[1]:
                        span = (dateline.end(), span[1])
                self.sentences.append(span)
                self.sentence_paragraph.append(index)
        self._sentence_starts = [s for s, _ in self.sentences]
        first = self.paragraphs[0] if self.paragraphs else (0, 0)
        line = text[first[0]:first[1]].strip()
        self.headline_end = first[1] if len(self.paragraphs) > 1 and line and "\n" not in line and (
            not line.endswith(".") or len(line.split()) <= 12) else -1
        self.quotes = Spans(quote_spans(text, self.paragraphs))
        self.excluded = Spans([(s, e) for s, e in excluded if e > s])
        self._sentence_words: dict[int, tuple[list[Word], list[int]]] = {}
        self._word_runs: tuple[frozenset[str], frozenset[str]] | None = None
        self._modifier_names: dict[str, bool] = {}

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the one before it between sentences)."""
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def paragraph_end(self, sentence: int) -> int:
        """End of the paragraph holding sentence ``sentence``."""
        return self.paragraphs[self.sentence_paragraph[sentence]][1]

    def words(self, start: int, end: int) -> list[Word]:
        """The words of ``text[start:end]``, as :func:`~toolkit.attribution.words.words_in` finds
        them.

        Inside one sentence they are taken from the sentence's words, found once, unless an edge
        cuts one of them (then the range is scanned itself, which splits that word at the edge).
        """
        sentence = self.sentence_at(start)
        s_start, s_end = self.sentences[sentence] if self.sentences else (0, 0)
        if start < s_start or end > s_end or start > end:
            return words_in(self.text, start, end)
        found = self._sentence_words.get(sentence)
        if found is None:
            words = words_in(self.text, s_start, s_end)
            found = self._sentence_words[sentence] = (words, [w.start for w in words])
        words, starts = found
        i = bisect_left(starts, start)
        j = bisect_left(starts, end, i)
        if i and words[i - 1].end > start or j and words[j - 1].end > end:
            return words_in(self.text, start, end)
        return words[i:j]

    def used_as_modifier(self, name: str) -> bool:
        """Does the text have ``name`` in lower case as a word of its own, or "the"/"The" and a
        space before it (``the Merrow dam``)? The same as searching the whole text for
        ``\\b(?:name.lower()|[Tt]he Name)\\b``, with the text's words indexed once."""
        found = self._modifier_names.get(name)
        if found is None:
            lower = name.lower()
            if _WORD_RUN.fullmatch(name) and _WORD_RUN.fullmatch(lower) \
                    and self._word_runs is None and len(self._modifier_names) < _SCANS_BEFORE_INDEX:
                # the first few names: a scan of their own costs less than indexing every word
                found = _has_word(self.text, lower) or _has_word(self.text, name, after_the=True)
            elif _WORD_RUN.fullmatch(name) and _WORD_RUN.fullmatch(lower):
                if self._word_runs is None:
                    self._word_runs = (frozenset(_WORD_RUN.findall(self.text)),
                                       frozenset(_AFTER_THE.findall(self.text)))
                runs, after_the = self._word_runs
                found = lower in runs or name in after_the
            else:
                found = re.search(rf"\b(?:{re.escape(lower)}|[Tt]he {re.escape(name)})\b",
                                  self.text) is not None
            self._modifier_names[name] = found
        return found

    def ignored(self, start: int, end: int) -> bool:
        """Is ``[start, end)`` in excluded boilerplate, or does it start inside a quotation?"""
        return self.excluded.overlaps(start, end) or self.quotes.index_at(start) is not None

    def quote_index(self, start: int) -> int | None:
        """Index in ``quotes.spans`` of the quotation that starts exactly at ``start``, or None."""
        k = self.quotes.index_at(start)
        return k if k is not None and self.quotes.spans[k][0] == start else None
