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

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from toolkit.analysis import scan as _scan
from toolkit.analysis.framing.lexicon import Lexicon, as_lexicon, make_lexicon
from toolkit.analysis.framing.matcher import normalize
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MATCH_COLUMNS", "COUNT_COLUMNS", "KWIC_COLUMNS", "FrameTally", "frame_matches",
           "frame_counts", "tally_frames", "kwic", "describe_matches", "query_lexicon", "top_frame", "frame_scan", "lexicon_key",
           "may_match", "first_words", "holds_any"]

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
               date_from: str | None, date_to: str | None, *, store: Any = False,
               workers: int | None = 1, counts: bool = True) -> Iterator[_DocResult]:
    """Each document's matches with their voices, and (``counts``) its word tokens by voice.

    With ``store`` the matches and word tokens of each document are read from the result store
    (computed over ``workers`` processes and kept when missing). Without ``counts``, a document
    whose text holds none of the lexicon's first words is not segmented: it has no match (and
    its token counts are left at 0; with ``store`` it is left out)."""
    import numpy as np

    scan = partial(frame_scan, lexicon.matcher)
    if store:
        from toolkit.analysis.base_tables import stored_values

        docs: Iterable[Any] = _scan.Documents(corpus, date_from, date_to)
        if not counts:  # only the documents that may match are looked up
            docs = _MayMatch(docs, first_words(lexicon))
        scanned: Iterable[tuple[Any, tuple]] = stored_values(
            scan, docs, name=f"frames-{lexicon_key(lexicon)}", store=store, workers=workers)
    else:
        first = None if counts else first_words(lexicon)
        scanned = ((doc, scan(doc) if first is None or holds_any(doc.text, first)
                    else ((), np.empty(0, np.int32), np.empty(0, np.int32)))
                   for doc in _scan.documents(corpus, date_from, date_to))
    for doc, (hits, starts, ends) in scanned:
        doc_id = str(doc.doc_id)
        found = []
        for frame, term, start, end in hits:
            voice, speaker = voices.voice(doc_id, start, end)
            found.append(_Found(frame, term, start, end, voice, speaker))
        quoted = voices.count_quoted_arrays(doc_id, starts, ends) if counts else 0
        yield _DocResult(doc, found, len(starts) - quoted, quoted)


class _MayMatch:
    """The documents of ``docs`` whose text holds one of the words ``first``
    (:func:`holds_any`), readable more than once as ``docs`` is."""

    def __init__(self, docs: Iterable[Any], first: tuple[str, ...]) -> None:
        self.docs, self.first = docs, first

    def __iter__(self) -> Iterator[Any]:
        return (doc for doc in self.docs if holds_any(doc.text, self.first))


def frame_scan(matcher: Any, doc: Any) -> tuple[tuple, Any, Any]:
    """One document's lexicon matches ``(frame, term, start, end)`` and the starts and ends of
    its word tokens outside boilerplate (two int32 arrays): what frame tables need of it."""
    import numpy as np

    toks = _scan.doc_tokens(doc)
    hits = tuple((h.frame, h.term, h.start, h.end)
                 for h in matcher.find(doc.text, toks.spans, toks.sentence_starts))
    words = toks.words(doc.text)
    starts = np.fromiter((a for a, _ in words), dtype=np.int32, count=len(words))
    ends = np.fromiter((b for _, b in words), dtype=np.int32, count=len(words))
    return hits, starts, ends


def lexicon_key(lexicon: Lexicon) -> str:
    """A short hash of a lexicon's frames and terms (what its matches depend on)."""
    import hashlib

    terms = [(frame, [(t.text, t.wildcard, t.case_sensitive) for t in entries])
             for frame, entries in lexicon.frames.items()]
    return hashlib.sha256(repr(terms).encode("utf-8")).hexdigest()[:16]


def may_match(text: str, lexicon: Lexicon) -> bool:
    """False when ``text`` holds none of the first words of ``lexicon``'s terms: it cannot
    match (a quick test on the raw text, before any segmentation)."""
    return holds_any(text, first_words(lexicon))


@lru_cache(maxsize=16)
def first_words(lexicon: Lexicon) -> tuple[str, ...]:
    """The first part of every term of ``lexicon``, case folded: a text holding none of them
    (:func:`holds_any`) has no match."""
    matcher = lexicon.matcher
    return tuple({_fold_case(k) for k in (*matcher.exact, *matcher.prefix)})


def _fold_case(text: str) -> str:
    return normalize(text).lower().replace("\u03c2", "\u03c3")


def holds_any(text: str, first: tuple[str, ...]) -> bool:
    """Whether ``text``, case folded, holds any of the words ``first`` (:func:`first_words`)."""
    if _has_fold_marks(first):
        folded = _fold_case(text)
    else:
        # normalize only turns apostrophe and hyphen variants into ' and -, one character for
        # one, and case has nothing to do with them: words holding neither are in the folded
        # text exactly when they are in the lower-cased text, which is much quicker to make.
        folded = text.lower().replace("\u03c2", "\u03c3")
    return any(word in folded for word in first)


@lru_cache(maxsize=64)
def _has_fold_marks(words: tuple[str, ...]) -> bool:
    return any("'" in word or "-" in word for word in words)


def frame_matches(corpus: Iterable[Any], lexicon: Lexicon | str = "conflict_cooperation", *,
                  quotes: pd.DataFrame | None = None, date_from: str | None = None,
                  date_to: str | None = None, store: bool | str | os.PathLike[str] = False,
                  workers: int | None = 1) -> pd.DataFrame:
    """One row per lexicon match.

    Columns (``MATCH_COLUMNS``): doc_id, frame, term (the lexicon entry, ``*`` included), match
    (the text as written), start, end (offsets into the document text), voice (``journalist``
    or ``quoted``), speaker (the quote's speaker, else empty), position (start / text length,
    0-1, for dispersion plots). Sorted by doc_id, start, then frame in lexicon order.
    ``date_from``/``date_to`` (ISO dates, inclusive) keep only documents dated in between.
    ``store`` reads each document's matches from the result store (``True``: the default cache
    folder, or a cache folder; see :func:`~toolkit.analysis.base_tables.stored_values`),
    computing the missing ones over ``workers`` processes; the table is the same.
    """
    import pandas as pd

    lex = as_lexicon(lexicon)
    rows = []
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to,
                             store=store, workers=workers):
        text = result.doc.text
        rows.extend((str(result.doc.doc_id), f.frame, f.term, text[f.start:f.end], f.start, f.end,
                     f.voice, f.speaker, f.start / len(text)) for f in result.found)
    order = {frame: i for i, frame in enumerate(lex.frames)}
    rows.sort(key=lambda r: (r[0], r[4], order[r[1]]))
    return pd.DataFrame(rows, columns=list(MATCH_COLUMNS))


def frame_counts(corpus: Iterable[Any], lexicon: Lexicon | str = "conflict_cooperation", *,
                 by: str | Sequence[str] | None = None, quotes: pd.DataFrame | None = None,
                 date_from: str | None = None, date_to: str | None = None,
                 store: bool | str | os.PathLike[str] = False,
                 workers: int | None = 1) -> pd.DataFrame:
    """Matches and rates per 1,000 word tokens for every frame, by group and voice.

    ``by`` is a document field (``doc_id``, ``outlet``, ``author``, ``title``, ``date``), a
    ``meta`` key, a period of the document date (``week`` = the Monday's ISO date, ``month`` =
    ``YYYY-MM``, ``year``) or a list of these; ``None`` counts the whole corpus.

    Columns: the ``by`` columns, then ``COUNT_COLUMNS``: frame, n_matches (= n_journalist +
    n_quoted), n_journalist, n_quoted, n_tokens (word tokens outside boilerplate, punctuation
    left out; = n_tokens_journalist + n_tokens_quoted), n_tokens_journalist, n_tokens_quoted,
    rate, rate_journalist, rate_quoted (matches per 1,000 tokens of that voice; NaN when it has
    no tokens). One row per group and frame, zeros included: groups ascending (missing values
    last), frames in lexicon order. ``store`` and ``workers`` as in :func:`frame_matches`.
    """
    return tally_frames(corpus, lexicon, quotes=quotes, date_from=date_from, date_to=date_to,
                        store=store, workers=workers).counts(by=by)


class FrameTally:
    """The frame matches and word tokens by voice of each document of a corpus, counted once:
    :meth:`counts` makes the :func:`frame_counts` table for any grouping from them without
    reading the corpus again. Made by :func:`tally_frames`."""

    def __init__(self, lexicon: Lexicon, docs: list[tuple[Any, dict]]) -> None:
        self.lexicon = lexicon
        self._docs = docs

    @property
    def documents(self) -> list[tuple[Any, dict]]:
        """Each document (its metadata, without its text) with its counts, in corpus order:
        ``FrameTally(lexicon, tally.documents)`` is the same tally."""
        return self._docs

    def counts(self, by: str | Sequence[str] | None = None) -> pd.DataFrame:
        """The :func:`frame_counts` table by ``by`` (same columns, rows and order)."""
        import pandas as pd

        lex = self.lexicon
        columns = _scan.by_columns(by)
        groups: dict[tuple, dict] = {}
        seen: dict[str, bool] = {}
        for doc, tally in self._docs:
            key = tuple(_scan.group_value(doc, c) for c in columns)
            seen.update({c: True for c, v in zip(columns, key, strict=True) if v is not None})
            _merge(groups.setdefault(key, _empty(lex)), tally)
        _scan.check_groups(columns, seen, n_documents=len(groups))
        rows = [(*key, frame, *_count_row(tally, frame))
                for key in sorted(groups, key=_scan.sort_key) for tally in [groups[key]]
                for frame in lex.frames]
        frame = pd.DataFrame(rows, columns=[*columns, *COUNT_COLUMNS])
        return frame.astype({c: "int64" for c in COUNT_COLUMNS if c.startswith("n_")})


def tally_frames(corpus: Iterable[Any], lexicon: Lexicon | str = "conflict_cooperation", *,
                 quotes: pd.DataFrame | None = None, date_from: str | None = None,
                 date_to: str | None = None, store: bool | str | os.PathLike[str] = False,
                 workers: int | None = 1) -> FrameTally:
    """Count the frame matches and word tokens by voice of every document once, for several
    :func:`frame_counts` tables: ``tally_frames(corpus, lex, quotes=q).counts(by="outlet")`` is
    ``frame_counts(corpus, lex, by="outlet", quotes=q)``. Arguments as for :func:`frame_counts`."""
    lex = as_lexicon(lexicon)
    docs = []
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to,
                             store=store, workers=workers):
        # Kept per document for any later grouping: its metadata (not its text) and only the
        # frames it has.
        tally: dict = {"tokens": [0, 0], "frames": {}}
        _add(tally, result)
        docs.append((_metadata(result.doc), tally))
    return FrameTally(lex, docs)


def _metadata(doc: Any) -> Any:
    """``doc`` without its text, for grouping: a corpus's texts are not held for a table."""
    from dataclasses import is_dataclass, replace

    return replace(doc, text="") if is_dataclass(doc) and hasattr(doc, "text") else doc


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
        tally["frames"].setdefault(f.frame, [0, 0])[f.voice == _scan.QUOTED] += 1


def _merge(into: dict, tally: dict) -> None:
    into["tokens"][0] += tally["tokens"][0]
    into["tokens"][1] += tally["tokens"][1]
    for frame, (n_j, n_q) in tally["frames"].items():
        into["frames"][frame][0] += n_j
        into["frames"][frame][1] += n_q


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
         date_from: str | None = None, date_to: str | None = None,
         store: bool | str | os.PathLike[str] = False) -> pd.DataFrame:
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

    ``store`` (``True``: the default cache folder, or a cache folder) reads the matches of each
    document that may hold the query from the result store, under the query's lexicon (as
    :func:`frame_matches` with that lexicon stores them), and keeps those it computes: the
    documents of a corpus that grew are segmented once, when they are new. The table is the
    same.
    """
    import pandas as pd

    if sort_by not in (None, "left", "right"):
        raise ParameterError(f"sort_by={sort_by!r}", hint="use 'left', 'right' or None")
    if not isinstance(window, int) or window < 0:
        raise ParameterError(f"window={window!r} must be a whole number of characters >= 0")
    lex = _query_lexicon(query, lexicon, case_sensitive)
    rows = []
    for result in _scan_docs(corpus, lex, _scan.Voices(quotes), date_from, date_to,
                             counts=False, store=store):
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
    for result in _scan_docs(corpus, lex, _scan.Voices(None), date_from, date_to,
                             counts=False):
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
