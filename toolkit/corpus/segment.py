"""Paragraphs, sentences and tokens as character spans into the original text.

Every function here returns ``(start, end)`` pairs (end exclusive) such that ``text[start:end]``
is the unit itself, so anything built on top can point back into the source file.

Sentences come from NLTK's Punkt algorithm, which needs no downloaded data: it is given a list of
news abbreviations (``lexicons/abbreviations.txt``) and can be given parameters trained on the
corpus itself (:func:`train_punkt`). Sentences never cross a paragraph break, never end inside an
abbreviation or an initial, and keep a closing quotation mark (straight or curly) with the
sentence it closes.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from toolkit import lexicons

__all__ = [
    "Span",
    "Segmentation",
    "paragraphs",
    "sentences",
    "tokens",
    "segment",
    "segment_document",
    "strip_span",
    "trim_end",
    "trim_start",
    "load_abbreviations",
    "train_punkt",
]

Span = tuple[int, int]

_BLANK_LINE = re.compile(r"\n[ \t\f\v\u00a0\u200b\ufeff]*\n")
_LINE = re.compile(r"[^\n]+")
_NOT_SPACE = re.compile(r"\S")
# Word tokens: dotted abbreviations (U.S., p.m.), numbers with separators, words with inner
# hyphens or apostrophes, the possessive clitic on its own, and any other single non-space char.
_TOKEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                      # U.S.  p.m.  U.N.
    | \d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th)?   # 2,193  3.5  10:30  21st  50%
    | \w+(?:[-\u2010\u2011]\w+)*(?:['\u2019](?![sS]\b)\w+)*  # anti-war, don't, O'Neill
    | ['\u2019][sS]\b                       # possessive 's
    | \.\.\.|\u2026                         # ellipsis
    | [^\w\s]                               # any other symbol or punctuation mark
    """,
    re.VERBOSE,
)
# Bounded so that a run of quotes or spaces at a boundary costs a constant, not its length.
_LOWER_START = re.compile(r"""[\s"'\u201c\u201d\u2018\u2019(\[]{0,8}[a-z]""")
_CLOSERS = "\"'\u201d\u2019)]"
_CLAUSE_PUNCT = ",;:)]}"
_INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){1,3}$")
# The longest text _INITIALS_END can match: it is only searched in this many characters before a
# boundary, so each boundary costs a constant however long the paragraph is.
_INITIALS_WINDOW = 8
# Punkt is given at most about this many characters at once (see _pieces).
MAX_PUNKT_CHARS = 50_000
_LIKELY_END = re.compile(r"""(?<=\w)[.!?]["'\u201d\u2019)\]]*\s+(?=["'\u201c\u2018(]?[A-Z])""")
_WORD_TAIL = re.compile(r"\w{1,30}$")
_SPACE_RUN = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"[\"'\u201c\u2018(]*([A-Za-z]+)")


@lru_cache(maxsize=4)
def load_abbreviations(path: str | None = None) -> frozenset[str]:
    """Abbreviations (lower case, without the final period) that do not end a sentence.

    ``path`` is a text file with one abbreviation per line (``#`` starts a comment); by default
    the built-in news list ``lexicons/abbreviations.txt``.
    """
    return _word_list(path, "abbreviations.txt")


def _word_list(path: str | None, builtin: str) -> frozenset[str]:
    if path is None:
        text = lexicons.read_text(builtin)
    else:
        text = lexicons.read_file(path, what="word list")
    words = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip().lower().rstrip(".")
        if word:
            words.add(word)
    return frozenset(words)


# Break decisions a Punkt tokenizer remembers (see _punkt): about 100 bytes each.
PUNKT_DECISIONS_KEPT = 50_000


@lru_cache(maxsize=8)
def _punkt(abbreviations: frozenset[str], params_key: object = None):
    """A Punkt tokenizer; ``params_key`` (trained parameters) wins over the abbreviation list.

    It remembers its decisions: whether a candidate break's context (the word before a final
    mark and the token after it, ``Mr. Trump``, ``said. The``) holds a sentence break depends
    only on that context and the parameters, and news repeats the same contexts all the time
    (about four in ten of them in a few hundred articles), each costing Punkt a tokenization
    and two annotation passes."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    class Remembering(PunktSentenceTokenizer):
        def __init__(self, params: PunktParameters) -> None:
            super().__init__(params)
            self._decided: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            decided = self._decided.get(text)
            if decided is None:
                if len(self._decided) >= PUNKT_DECISIONS_KEPT:
                    self._decided.clear()
                decided = self._decided[text] = bool(super().text_contains_sentbreak(text))
            return decided

    params = params_key
    if params is None:
        params = PunktParameters()
        params.abbrev_types = set(abbreviations)
        params.sent_starters = set(_starters())
    return Remembering(params)


def train_punkt(texts: Iterable[str], *, abbreviations: Iterable[str] | None = None):
    """Learn Punkt parameters (abbreviations, collocations, sentence starters) from raw texts.

    Returns a ``PunktParameters`` object to pass as ``params=`` to :func:`sentences` or
    :func:`segment`. Useful for corpora whose abbreviations the built-in list lacks.
    """
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.abbrev_types |= set(abbreviations if abbreviations is not None else load_abbreviations())
    return params


def paragraphs(text: str, *, mode: str = "auto") -> list[Span]:
    """Paragraph spans, stripped of surrounding white space.

    ``mode="line"`` makes every non-empty line a paragraph (scraped news: one paragraph a line);
    ``mode="blank"`` splits on blank lines only (hard-wrapped text); ``"auto"`` picks ``blank``
    when the text has blank-line breaks and most lines inside blocks look hard-wrapped, else
    ``line``.
    """
    if mode not in ("auto", "line", "blank"):
        from toolkit.errors import ParameterError

        raise ParameterError(f"unknown paragraph mode {mode!r}", hint="use 'auto', 'line' or 'blank'")
    if mode == "auto":
        mode = "blank" if _looks_hard_wrapped(text) else "line"
    if mode == "line":
        spans = (m.span() for m in _LINE.finditer(text))
    else:
        spans = _blocks(text)
    return [s for s in (strip_span(text, a, b) for a, b in spans) if s[0] < s[1]]


def _blocks(text: str) -> Iterable[Span]:
    start = 0
    for match in _BLANK_LINE.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def _looks_hard_wrapped(text: str) -> bool:
    if not _BLANK_LINE.search(text):
        return False
    inner = 0
    wrapped = 0
    for a, b in _blocks(text):
        lines = text[a:b].strip().split("\n")
        if len(lines) > 1:
            inner += len(lines) - 1
            wrapped += sum(1 for line in lines[:-1] if 40 <= len(line) <= 100)
    return inner > 0 and wrapped >= 0.6 * inner


def trim_start(text: str, start: int, end: int, chars: str | None = None) -> int:
    """``start`` moved right past the characters of ``chars`` (white space when None), at most
    to ``end``."""
    if chars is None:
        while start < end and text[start].isspace():
            start += 1
    else:
        while start < end and text[start] in chars:
            start += 1
    return start


def trim_end(text: str, start: int, end: int, chars: str | None = None) -> int:
    """``end`` moved left past the characters of ``chars`` (white space when None), at least to
    ``start``."""
    if chars is None:
        while end > start and text[end - 1].isspace():
            end -= 1
    else:
        while end > start and text[end - 1] in chars:
            end -= 1
    return end


def strip_span(text: str, start: int, end: int) -> Span:
    """``(start, end)`` narrowed past surrounding white space and a byte-order mark."""
    start = trim_start(text, start, end)
    while text.startswith("\ufeff", start, end):
        start = trim_start(text, start + 1, end)
    return start, trim_end(text, start, end)


def sentences(
    text: str,
    *,
    spans: Sequence[Span] | None = None,
    abbreviations: frozenset[str] | None = None,
    params=None,
) -> list[Span]:
    """Sentence spans, found separately inside each paragraph (or each of ``spans``)."""
    abbreviations = abbreviations if abbreviations is not None else load_abbreviations()
    tokenizer = _punkt(abbreviations, params)
    out: list[Span] = []
    for p_start, p_end in paragraphs(text) if spans is None else spans:
        chunk = text[p_start:p_end]
        found: list[list[int]] = []
        for c_start, c_end in _pieces(chunk, abbreviations):
            for a, b in tokenizer.span_tokenize(chunk[c_start:c_end]):
                a, b = a + c_start, b + c_start
                if found and _continues(chunk, found[-1][1], a):
                    found[-1][1] = b
                else:
                    found.append([a, b])
        out.extend((p_start + a, p_start + b) for a, b in found)
    return out


def _pieces(chunk: str, abbreviations: frozenset[str]) -> list[Span]:
    """``chunk`` cut into pieces of at most about :data:`MAX_PUNKT_CHARS` characters.

    Punkt runs each of its regular expressions over the whole text it is given, under NLTK's
    wall-clock limit per match; a paragraph of megabytes (a transcript or a scrape on one line)
    could exceed it. Pieces end after a likely sentence end (a final mark after a word that is
    not an abbreviation or an initial, then space and a capital or an opening quote), else at
    white space; a stretch without any white space stays whole.
    """
    pieces: list[Span] = []
    start, end = 0, len(chunk)
    while end - start > MAX_PUNKT_CHARS:
        limit = start + MAX_PUNKT_CHARS
        cut = _cut(chunk, start + MAX_PUNKT_CHARS // 2, limit, abbreviations)
        if cut is None:
            space = _SPACE_RUN.search(chunk, limit, end)
            if space is None:
                break
            cut = space.end()
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _cut(chunk: str, lo: int, hi: int, abbreviations: frozenset[str]) -> int | None:
    """The last safe place to cut between ``lo`` and ``hi``: after a likely sentence end,
    else after the last run of white space; None when there is no white space."""
    best = None
    for match in _LIKELY_END.finditer(chunk, lo, hi):
        tail = _WORD_TAIL.search(chunk, max(0, match.start() - 30), match.start())
        word = tail.group().lower() if tail is not None else ""
        if word not in abbreviations and not (len(word) == 1 and word.isalpha()):
            best = match.end()
    if best is not None:
        return best
    last = None
    for match in _SPACE_RUN.finditer(chunk, lo, hi):
        last = match.end()
    return last


def _continues(chunk: str, prev_end: int, start: int) -> bool:
    """True when Punkt split where a sentence cannot end.

    That is before a lower-case word, a stray closing mark or clause punctuation (``(D-N.C.),``),
    or after capital initials (``G.K. Butterfield``) unless a usual sentence starter follows.
    """
    first = chunk[start]
    if first in _CLAUSE_PUNCT:
        return True
    if first in _CLOSERS and (start + 1 == len(chunk) or chunk[start + 1].isspace()):
        return True
    if _LOWER_START.match(chunk, start):
        return True
    if _INITIALS_END.search(chunk, max(0, prev_end - _INITIALS_WINDOW), prev_end):
        word = _FIRST_WORD.match(chunk, start)
        return word is not None and word.group(1).lower() not in _starters()
    return False


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return _word_list(None, "sentence_starters.txt")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word and punctuation token spans within ``text[start:end]``.

    Possessive ``'s`` is its own token; hyphenated words, inner apostrophes (``don't``,
    ``O'Neill``), dotted abbreviations (``U.S.``) and numbers (``2,193``) stay whole.
    """
    end = len(text) if end is None else end
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


@dataclass(frozen=True)
class Segmentation:
    """Paragraphs, sentences and tokens of one text; all spans index ``text``."""

    text: str
    paragraphs: list[Span]
    sentences: list[Span]
    tokens: list[Span] = field(repr=False)

    def sentence_text(self, i: int) -> str:
        a, b = self.sentences[i]
        return self.text[a:b]

    def words(self) -> list[str]:
        return [self.text[a:b] for a, b in self.tokens]


def segment(
    text: str,
    *,
    excluded: Sequence[Span] = (),
    paragraph_mode: str = "auto",
    abbreviations: frozenset[str] | None = None,
    params=None,
) -> Segmentation:
    """Segment ``text``, leaving out paragraphs that fall inside ``excluded`` spans."""
    inside = _inside_checker(excluded)
    paras = [p for p in paragraphs(text, mode=paragraph_mode) if not inside(p)]
    sents = sentences(text, spans=paras, abbreviations=abbreviations, params=params)
    toks: list[Span] = []
    for a, b in sents:
        toks.extend(tokens(text, a, b))
    return Segmentation(text=text, paragraphs=paras, sentences=sents, tokens=toks)


# The segmentations of the texts seen last are kept, up to this many characters of text in all.
# A segmentation holds about 23 bytes per character of its text (measured: 111 MB for 1,024
# news articles of 4.7 KB), so this keeps about 45 MB: every text of a corpus of a few hundred
# articles, analysed several times over (attribution, frame counts, KWIC, keyness), is
# segmented once. A pass over a larger corpus would find none of its texts kept from the last
# pass whatever the limit, and the memory would only be held.
SEGMENTATIONS_KEPT_CHARS = 2_000_000
_KEPT: OrderedDict[tuple, Segmentation] = OrderedDict()
_KEPT_LOCK = threading.Lock()
_kept_chars = 0
_let_go = 0  # segmentations let go to stay under the limit, ever


def segmentations_let_go() -> int:
    """How many kept segmentations were let go so far to stay under the limit: a pass that
    made this grow went over more text than is kept (see :func:`forget_segmentations`)."""
    return _let_go


def forget_segmentations() -> None:
    """Let go of every kept segmentation. After a pass over more text than is kept, none of
    them would be found by the next pass (it starts again from the first document, and by the
    time it reaches the last ones its own have taken their place): they only hold memory."""
    global _kept_chars
    with _KEPT_LOCK:
        _KEPT.clear()
        _kept_chars = 0


def segment_document(doc, *, paragraph_mode: str = "auto") -> Segmentation:
    """``segment(doc.text, excluded=doc.excluded)``, remembered for recently seen texts (see
    :data:`SEGMENTATIONS_KEPT_CHARS`).

    Several analyses of the same documents (attribution, frame counts, KWIC, keyness) then
    segment each text once. The result is shared: treat it as read-only.
    """
    global _kept_chars, _let_go
    excluded = tuple(tuple(span) for span in (getattr(doc, "excluded", ()) or ()))
    key = (doc.text, excluded, paragraph_mode)
    with _KEPT_LOCK:
        found = _KEPT.get(key)
        if found is not None:
            _KEPT.move_to_end(key)
            return found
    found = segment(doc.text, excluded=excluded, paragraph_mode=paragraph_mode)
    size = len(doc.text)
    if size <= SEGMENTATIONS_KEPT_CHARS:
        with _KEPT_LOCK:
            if key not in _KEPT:
                _KEPT[key] = found
                _kept_chars += size
            while _kept_chars > SEGMENTATIONS_KEPT_CHARS:
                text, *_ = _KEPT.popitem(last=False)[0]
                _kept_chars -= len(text)
                _let_go += 1
    return found


def _inside_checker(excluded: Sequence[Span]):
    """A test "is this span inside one of ``excluded``?" costing O(log n) per span.

    Spans are sorted by start; for each start the farthest end reached by any span starting at
    or before it is kept, so one binary search answers the question.
    """
    ordered = sorted(excluded)
    starts = [a for a, _ in ordered]
    reach: list[int] = []
    far = -1
    for _, end in ordered:
        far = max(far, end)
        reach.append(far)

    def inside(span: Span) -> bool:
        i = bisect.bisect_right(starts, span[0]) - 1
        return i >= 0 and reach[i] >= span[1]

    return inside


def has_text(text: str) -> bool:
    """True when ``text`` holds any non-space character."""
    return _NOT_SPACE.search(text) is not None
