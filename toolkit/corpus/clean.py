"""Mark scraped page furniture as excluded spans without ever changing the text.

``doc.text`` stays exactly as read so that every offset in the toolkit indexes the source file.
Cleaning only says which stretches to leave out (with a reason each) and offers the remaining body
as a view with an offset map back into the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from toolkit import lexicons
from toolkit.corpus.segment import Span, strip_span

__all__ = ["Excluded", "Cleaned", "clean", "headline", "load_boilerplate", "normalize_line"]

_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u00a0": " ", "\u2013": "-", "\u2014": "-"})
_QUOTE_PAIRS = tuple((chr(k), v) for k, v in _QUOTES.items())
_EDGE_PUNCT = "\"'.,;!?-|•·*>#()[] \t"
_SENTENCE_END = re.compile(r"""[.!?\u3002\uff01\uff1f]["'\u201d\u2019)\u300d\u300f]*\s*$""")
_HEADLINE_END = re.compile(r"""[.,;:\u3002]["'\u201d\u2019)]*\s*$""")
MAX_CHROME_WORDS = 12
MAX_EDGE_WORDS = 4
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 200
HEADLINE_LOOKAHEAD = 5
# More than MAX_CHROME_WORDS words (maximal \w runs), found without listing them all
_MANY_WORDS = re.compile(rf"(?:\W*+\w++){{{MAX_CHROME_WORDS + 1}}}")


@dataclass(frozen=True)
class Excluded:
    """A stretch of the original text left out of the body, and why."""

    start: int
    end: int
    reason: str


@lru_cache(maxsize=4)
def load_boilerplate(path: str | None = None) -> re.Pattern[str]:
    """Compile the boilerplate line patterns (built-in ``lexicons/boilerplate.txt`` by default)."""
    if path is None:
        text = lexicons.read_text("boilerplate.txt")
    else:
        text = lexicons.read_file(path, what="boilerplate pattern file")
    lines = [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1)]
    lines = [(number, line) for number, line in lines if line and not line.startswith("#")]
    try:
        return re.compile("|".join(f"(?:{line})" for _, line in lines))
    except re.error as exc:
        combined = exc
    from toolkit.errors import LexiconError

    for number, line in lines:  # which line is at fault (each compiled alone only now)
        try:
            re.compile(line)
        except re.error as exc:
            raise LexiconError(f"bad pattern: {exc}", path=path or "boilerplate.txt",
                               line=number, hint="fix or remove the regular expression") from None
    raise LexiconError(f"the patterns cannot be combined into one: {combined}",
                       path=path or "boilerplate.txt",
                       hint="write inline flags as scoped groups, e.g. (?i:...)")


def normalize_line(line: str) -> str:
    """Lower case, straight quotes, folded spaces, edge punctuation removed."""
    for char, replacement in _QUOTE_PAIRS:  # str.translate with a dict is slower
        if char in line:
            line = line.replace(char, replacement)
    # split() and \s agree on white space; a run at an edge goes as the stripped space would
    return " ".join(line.lower().split()).strip(_EDGE_PUNCT)


@dataclass(frozen=True)
class Cleaned:
    """The original text, the spans excluded from it, and the body that remains.

    ``body`` joins the kept lines with a blank line between them. ``to_original(i)`` maps an
    offset in ``body`` to the offset of the same character in ``text``.
    """

    text: str
    excluded: tuple[Excluded, ...]
    kept: tuple[Span, ...]
    _body_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts, pos = [], 0
        for a, b in self.kept:
            starts.append(pos)
            pos += (b - a) + 2
        object.__setattr__(self, "_body_starts", starts)

    @cached_property
    def body(self) -> str:
        return "\n\n".join(self.text[a:b] for a, b in self.kept)

    @property
    def excluded_spans(self) -> list[Span]:
        return [(x.start, x.end) for x in self.excluded]

    def to_original(self, offset: int) -> int:
        """Offset in ``text`` of the body character at ``offset`` (a separator maps forward)."""
        if not self.kept:
            raise IndexError("the body is empty")
        i = max(0, bisect.bisect_right(self._body_starts, offset) - 1)
        a, b = self.kept[i]
        return min(a + offset - self._body_starts[i], b)

    def to_body(self, offset: int) -> int | None:
        """Offset in ``body`` of the original character at ``offset``; None if it was excluded."""
        for start, (a, b) in zip(self._body_starts, self.kept, strict=True):
            if a <= offset < b:
                return start + offset - a
        return None


def clean(text: str, *, title: str | None = None, boilerplate: re.Pattern[str] | None = None
          ) -> Cleaned:
    """Find page furniture in ``text``: chrome lines, repeated lines, stray short edge lines.

    Pure: the same text and options give the same result. ``title`` (from metadata) helps spot
    repeated headlines: any line equal to it after the first is excluded.
    """
    pattern = boilerplate if boilerplate is not None else load_boilerplate()
    lines = [m.span() for m in _LINE.finditer(text)]
    reasons: dict[int, str] = {}
    seen: set[str] = set()
    title_key = normalize_line(title) if title else None
    headline_key = None
    for i, (a, b) in enumerate(lines):
        line = text[a:b]
        key = normalize_line(line)
        if not key:
            reasons[i] = "blank or punctuation only" if line.strip() else "blank"
            continue
        if _MANY_WORDS.match(key) is None and pattern.fullmatch(key):
            reasons[i] = "page furniture"
        elif key in seen:
            reasons[i] = "repeated headline" if key in (title_key, headline_key) \
                else "repeated line"
        elif headline_key is None:
            headline_key = key
        seen.add(key)
    _mark_edges(text, lines, reasons)
    excluded = [Excluded(lines[i][0], lines[i][1], r) for i, r in sorted(reasons.items())
                if r != "blank"]
    if text.startswith("\ufeff"):
        excluded.insert(0, Excluded(0, 1, "byte-order mark"))
    kept = []
    for i, (a, b) in enumerate(lines):
        if i not in reasons:
            kept.append(strip_span(text, a, b))
    return Cleaned(text=text, excluded=tuple(excluded), kept=tuple(k for k in kept if k[0] < k[1]))


def headline(text: str, *, boilerplate: re.Pattern[str] | None = None) -> Span | None:
    """The span of the text's headline: its first line that is not page furniture, when that
    line looks like a headline (2 to 20 words, at most 200 characters, no final period, comma,
    semicolon or colon) and more text follows. None otherwise.
    """
    pattern = boilerplate if boilerplate is not None else load_boilerplate()
    lines = _LINE.finditer(text)
    for _, match in zip(range(HEADLINE_LOOKAHEAD), lines, strict=False):
        key = normalize_line(match.group())
        if not key:
            continue
        n_words = len(_WORD.findall(key))
        if n_words <= MAX_CHROME_WORDS and pattern.fullmatch(key):
            continue
        a, b = strip_span(text, *match.span())
        line = text[a:b]
        following = next(lines, None)
        while following is not None and not following.group().strip():
            following = next(lines, None)
        looks = (2 <= n_words <= MAX_HEADLINE_WORDS and len(line) <= MAX_HEADLINE_CHARS
                 and not _HEADLINE_END.search(line))
        return (a, b) if looks and following is not None else None
    return None


def _mark_edges(text: str, lines: list[Span], reasons: dict[int, str]) -> None:
    """Exclude very short non-sentences at the top and bottom of the text.

    The first kept line is the headline and is left alone when it has several words.
    """
    kept = [i for i in range(len(lines)) if i not in reasons]
    if not kept:
        return
    for position, i in enumerate(kept):
        if position == 0 and _n_words(text, lines[i]) >= 3:
            continue
        if not _short_fragment(text, lines[i]):
            break
        reasons[i] = "short line at top"
    for i in reversed(kept):
        if i in reasons or not _short_fragment(text, lines[i]):
            break
        reasons[i] = "short line at bottom"


def _n_words(text: str, span: Span) -> int:
    return len(_WORD.findall(text, span[0], span[1]))


def _short_fragment(text: str, span: Span) -> bool:
    line = text[span[0]:span[1]]
    return _n_words(text, span) <= MAX_EDGE_WORDS and not _SENTENCE_END.search(line)
