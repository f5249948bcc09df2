"""Framing terms: lexicon matches, frame counts and rates by group and voice, and KWIC.

Every function takes a corpus (a :class:`toolkit.corpus.Corpus` or any iterable of documents
with ``doc_id``, ``text`` and optionally ``excluded``, ``outlet``, ``date``, ``meta``...) and a
lexicon (a :class:`toolkit.analysis.framing.lexicon.Lexicon`, a built-in name such as ``"conflict_cooperation"``
or a file path). Matching follows :mod:`toolkit.analysis.framing.lexicon`; only text outside excluded boilerplate
is searched and counted.

**Voice.** Given ``quotes`` (a DataFrame with ``doc_id, speaker, content_start,
content_end``, e.g. from :func:`toolkit.attribution.attribute` with ``as_frame=True``), a match that
lies wholly inside a quote's content span is ``quoted`` and credited to that quote's speaker
(the innermost span when quotes nest); everything else is ``journalist``. Without ``quotes`` all
text is the journalist's.

Tables are new DataFrames; inputs are never modified.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from toolkit.analysis import scan as _scan
from toolkit.analysis.framing.lexicon import Lexicon, as_lexicon, make_lexicon
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MATCH_COLUMNS", "COUNT_COLUMNS", "KWIC_COLUMNS", "frame_matches", "frame_counts",
           "kwic", "describe_matches", "query_lexicon", "top_frame"]

MATCH_COLUMNS = ("doc_id", "frame", "term", "match", "start", "end", "voice", "speaker",
                 "position")
COUNT_COLUMNS = ("frame", "n_matches", "n_journalist", "n_quoted", "n_tokens",
                 "n_tokens_journalist", "n_tokens_quoted", "rate", "rate_journalist",
                 "rate_quoted")
KWIC_COLUMNS = ("doc_id", "left", "match", "right", "start", "end", "frame", "term", "voice",
                "speaker", "position")
_WORD = re.compile(r"\w[\w'\u2019.-]*")


@dataclass(frozen=True)
class _Found:
    """One match with its voice."""

    frame: str
    term: str
    start: int
    end: int
    voice: str
    speaker: str | None


@dataclass(frozen=True)
class _DocResult:
    doc: Any
    found: list[_Found]
    n_journalist: int
    n_quoted: int


def _scan_docs(corpus: Iterable[Any], lexicon: Lexicon, voices: _scan.Voices,
               date_from: str | None, date_to: str | None) -> Iterator[_DocResult]:
    matcher = lexicon.matcher
    for doc in _scan.documents(corpus, date_from, date_to):
        toks = _scan.doc_tokens(doc)
        doc_id = str(doc.doc_id)
        found = []
        for hit in matcher.find(doc.text, toks.spans, toks.sentence_starts):
            voice, speaker = voices.voice(doc_id, hit.start, hit.end)
            found.append(_Found(hit.frame, hit.term, hit.start, hit.end, voice, speaker))
        words = toks.words(doc.text)
        quoted = voices.count_quoted(doc_id, words)
        yield _DocResult(doc, found, len(words) - quoted, quoted)


def frame_matches(corpus: Iterable[Any], lexicon: Lexicon | str = "conflict_cooperation", *,
                  quotes: pd.DataFrame | None = None, date_from: str | None = None,
                  date_to: str | None = None) -> pd.DataFrame:
    """One row per lexicon match.

    Columns (``MATCH_COLUMNS``): doc_id, frame, term (the lexicon entry, ``*`` included), match
    (the text as written), start, end (offsets into the document text), voice (``journalist``
    or ``quoted``), speaker (the quote's speaker, else empty), position (start / text length,
    0-1, for dispersion plots). Sorted by doc_id, start, then frame in lexicon order.
    ``date_from``/``date_to`` (ISO dates, inclusive) keep only documents dated in between.
    """
    import pandas as pd

    lex = as_lexicon(lexicon)
    rows = []
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to):
        text = result.doc.text
        rows.extend((str(result.doc.doc_id), f.frame, f.term, text[f.start:f.end], f.start, f.end,
                     f.voice, f.speaker, f.start / len(text)) for f in result.found)
    order = {frame: i for i, frame in enumerate(lex.frames)}
    rows.sort(key=lambda r: (r[0], r[4], order[r[1]]))
    return pd.DataFrame(rows, columns=list(MATCH_COLUMNS))


def frame_counts(corpus: Iterable[Any], lexicon: Lexicon | str = "conflict_cooperation", *,
                 by: str | Sequence[str] | None = None, quotes: pd.DataFrame | None = None,
                 date_from: str | None = None, date_to: str | None = None) -> pd.DataFrame:
    """Matches and rates per 1,000 word tokens for every frame, by group and voice.

    ``by`` is a document field (``doc_id``, ``outlet``, ``author``, ``title``, ``date``), a
    ``meta`` key, a period of the document date (``week`` = the Monday's ISO date, ``month`` =
    ``YYYY-MM``, ``year``) or a list of these; ``None`` counts the whole corpus.

    Columns: the ``by`` columns, then ``COUNT_COLUMNS``: frame, n_matches (= n_journalist +
    n_quoted), n_journalist, n_quoted, n_tokens (word tokens outside boilerplate, punctuation
    left out; = n_tokens_journalist + n_tokens_quoted), n_tokens_journalist, n_tokens_quoted,
    rate, rate_journalist, rate_quoted (matches per 1,000 tokens of that voice; NaN when it has
    no tokens). One row per group and frame, zeros included: groups ascending (missing values
    last), frames in lexicon order.
    """
    import pandas as pd

    lex = as_lexicon(lexicon)
    columns = _scan.by_columns(by)
    groups: dict[tuple, dict] = {}
    seen: dict[str, bool] = {}
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to):
        key = tuple(_scan.group_value(result.doc, c) for c in columns)
        seen.update({c: True for c, v in zip(columns, key, strict=True) if v is not None})
        _add(groups.setdefault(key, _empty(lex)), result)
    _scan.check_groups(columns, seen, n_documents=len(groups))
    rows = [(*key, frame, *_count_row(tally, frame))
            for key in sorted(groups, key=_scan.sort_key) for tally in [groups[key]]
            for frame in lex.frames]
    frame = pd.DataFrame(rows, columns=[*columns, *COUNT_COLUMNS])
    return frame.astype({c: "int64" for c in COUNT_COLUMNS if c.startswith("n_")})


def top_frame(counts: pd.DataFrame) -> str | None:
    """The frame with the highest rate in a :func:`frame_counts` table (ties: the first in
    lexicon order); None when no frame has a match."""
    found = counts[counts["n_matches"] > 0]
    if found.empty:
        return None
    return str(found.loc[found["rate"].idxmax(), "frame"])


def _empty(lex: Lexicon) -> dict:
    return {"tokens": [0, 0], "frames": {f: [0, 0] for f in lex.frames}}


def _add(tally: dict, result: _DocResult) -> None:
    tally["tokens"][0] += result.n_journalist
    tally["tokens"][1] += result.n_quoted
    for f in result.found:
        tally["frames"][f.frame][f.voice == _scan.QUOTED] += 1


def _count_row(tally: dict, frame: str) -> tuple:
    n_j, n_q = tally["frames"][frame]
    t_j, t_q = tally["tokens"]
    return (n_j + n_q, n_j, n_q, t_j + t_q, t_j, t_q, _rate(n_j + n_q, t_j + t_q),
            _rate(n_j, t_j), _rate(n_q, t_q))


def _rate(n: int, tokens: int) -> float:
    return 1000.0 * n / tokens if tokens else float("nan")


def kwic(corpus: Iterable[Any], query: str, *, window: int = 50,
         lexicon: Lexicon | str | None = None, quotes: pd.DataFrame | None = None,
         sort_by: str | None = None, case_sensitive: bool = False,
         date_from: str | None = None, date_to: str | None = None) -> pd.DataFrame:
    """Keyword in context: every match of ``query`` with ``window`` characters either side.

    ``query`` is a term (``sanctions``, ``irreparable harm``), a wildcard (``sanction*``) or
    ``frame:NAME`` for every term of a frame of ``lexicon``: the term syntax of the lexicons
    (:mod:`toolkit.analysis.framing.lexicon`). Contexts hold whole words only (at most
    ``window`` characters; a word the window would cut is left out) and have their white space
    collapsed to single spaces.

    Columns (``KWIC_COLUMNS``): doc_id, left, match, right, start, end, frame (``query`` for a
    plain term), term, voice, speaker (when inside a quote), position. Sorted by doc_id and start;
    ``sort_by="left"`` sorts by the word just left of the match, ``"right"`` by the word just
    right of it (lower-cased, then doc_id and start).
    """
    import pandas as pd

    if sort_by not in (None, "left", "right"):
        raise ParameterError(f"sort_by={sort_by!r}", hint="use 'left', 'right' or None")
    if not isinstance(window, int) or window < 0:
        raise ParameterError(f"window={window!r} must be a whole number of characters >= 0")
    lex = _query_lexicon(query, lexicon, case_sensitive)
    rows = []
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to):
        text = result.doc.text
        for f in result.found:
            left, right = _context(text, f.start, f.end, window)
            rows.append((str(result.doc.doc_id), left, text[f.start:f.end], right, f.start, f.end,
                         f.frame, f.term, f.voice, f.speaker, f.start / len(text)))
    rows.sort(key=lambda r: (*_context_key(r, sort_by), r[0], r[4]))
    return pd.DataFrame(rows, columns=list(KWIC_COLUMNS))


def _context(text: str, start: int, end: int, window: int) -> tuple[str, str]:
    """The whole words within ``window`` characters before ``start`` and after ``end``."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    left, right = text[lo:start], text[end:hi]
    if lo > 0 and not text[lo - 1].isspace() and left and not left[0].isspace():
        cut = re.search(r"\s", left)
        left = left[cut.start():] if cut else ""
    if hi < len(text) and not text[hi].isspace() and right and not right[-1].isspace():
        cut = max(right.rfind(" "), right.rfind("\n"), right.rfind("\t"))
        right = right[:cut] if cut >= 0 else ""
    return " ".join(left.split()), " ".join(right.split())


def describe_matches(corpus: Iterable[Any], query: str, *, lexicon: Lexicon | str | None = None,
                     date_from: str | None = None, date_to: str | None = None) -> str:
    """How often ``query`` (the syntax of :func:`kwic`) occurs, as a sentence: ``no match for
    'sanction*' in 16 documents`` or ``34 matches of 'sanction*' in 11 of 16 documents``."""
    lex = _query_lexicon(query, lexicon, False)
    n_docs = n_with = n_matches = 0
    for result in _scan_docs(corpus, lex, _scan.Voices(None), date_from, date_to):
        n_docs += 1
        n_with += bool(result.found)
        n_matches += len(result.found)
    documents = "document" if n_docs == 1 else "documents"
    if not n_matches:
        return f"no match for {query!r} in {n_docs} {documents}"
    matches = "match" if n_matches == 1 else "matches"
    return f"{n_matches} {matches} of {query!r} in {n_with} of {n_docs} {documents}"


def query_lexicon(query: str, *, lexicon: Lexicon | str | None = None,
                  case_sensitive: bool = False) -> Lexicon:
    """A lexicon for a search ``query``: a term, a phrase, a wildcard (``sanction*``) or
    ``frame:NAME`` (every term of that frame of ``lexicon``)."""
    return _query_lexicon(query, lexicon, case_sensitive)


def _query_lexicon(query: str, lexicon: Lexicon | str | None, case_sensitive: bool) -> Lexicon:
    if not isinstance(query, str) or not query.strip():
        raise ParameterError("query must be a term, a wildcard or 'frame:NAME'")
    if query.startswith("frame:"):
        if lexicon is None:
            raise ParameterError(f"query {query!r} needs a lexicon",
                                 hint="pass lexicon='conflict_cooperation' or a lexicon file")
        return as_lexicon(lexicon).subset([query[len("frame:"):].strip()])
    case = "sensitive" if case_sensitive else None
    return make_lexicon({"query": [{"term": query, "case": case}]}, name="query")


def _context_key(row: tuple, sort_by: str | None) -> tuple:
    if sort_by == "left":
        words = _WORD.findall(row[1])
        return ((words[-1] if words else "").lower(),)
    if sort_by == "right":
        words = _WORD.findall(row[3])
        return ((words[0] if words else "").lower(),)
    return ()
