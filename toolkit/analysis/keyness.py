"""Keywords of one group of documents against another, and collocates of a word.

Words are the toolkit's tokens outside boilerplate, lower-cased, with curly apostrophes made
straight, keeping only tokens made of letters (inner hyphens, apostrophes and the dots of
``U.S.`` allowed): punctuation and numbers are left out, and so is a dateline (the place, date
and agency code that open a wire story: ``ESTRAVA, March 2 (VWS) -``).

Stopwords (:func:`load_stopwords`) are the built-in English function words and news furniture
(courtesy titles such as "Mr." and "Dr."), extendable with words of one's own.

Statistics, for a word with frequency ``a`` in the target (``total_a`` words) and ``b`` in the
reference (``total_b`` words):

- **G2** (log-likelihood, Rayson & Garside 2000, the two-term form): with expected frequencies
  ``E1 = total_a * (a + b) / (total_a + total_b)`` and ``E2 = total_b * (a + b) / (total_a +
  total_b)``, ``G2 = 2 * (a * ln(a / E1) + b * ln(b / E2))`` where a zero count adds 0. G2 is
  never negative; ``p_value`` is its upper tail under chi-square with 1 degree of freedom,
  ``erfc(sqrt(G2 / 2))``.
- **log ratio** (Hardie 2014): ``log2((a / total_a) / (b / total_b))``, with a zero frequency
  replaced by 0.5 (``zero=``) so it stays finite; 0 when both are zero.
- **%DIFF** (Gabrielatos & Marchi 2012): ``100 * (nf_a - nf_b) / nf_b`` on normalized
  frequencies; ``inf`` when ``b == 0 < a``, NaN when both are zero.

Sign convention: ``log_ratio`` and ``pct_diff`` are positive when the word is relatively more
frequent in the target (overused there) and negative when it is underused; G2 and p give the
strength of the evidence either way.
"""

from __future__ import annotations

import math
import os
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit import lexicons
from toolkit.analysis import scan as _scan
from toolkit.analysis.framing.matcher import normalize
from toolkit.analysis.framing.tables import first_words, holds_any
from toolkit.errors import NotEnoughDataError, ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KeynessStats", "KEYNESS_COLUMNS", "COLLOCATE_COLUMNS", "keyness_stats", "keyness",
           "collocates", "describe_collocates", "load_stopwords", "words", "word_counts",
           "dateline_spans",
           "largest_group"]

KEYNESS_COLUMNS = ("word", "freq_target", "freq_reference", "rate_target", "rate_reference",
                   "g2", "p_value", "log_ratio", "pct_diff")
COLLOCATE_COLUMNS = ("word", "collocate", "position", "freq", "freq_collocate", "pmi",
                     "log_likelihood")
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'.][^\W\d_]+)*\.?")
# A dateline at the start of a line: an upper-case place, then optionally a date or region after
# a comma and an agency code in brackets, then a dash.
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'.\-]{2,}(?:[ \t]+[A-Z][A-Z'.\-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Za-z0-9.]+){0,2})?"
    r"(?:[ \t]*\([A-Z][A-Za-z.]{0,9}\))?[ \t]*[-\u2013\u2014]+[ \t]", re.MULTILINE)


class KeynessStats(NamedTuple):
    g2: float
    p_value: float
    log_ratio: float
    pct_diff: float


def keyness_stats(a: int, b: int, total_a: int, total_b: int, *,
                  zero: float = 0.5) -> KeynessStats:
    """G2, its p-value, log ratio and %DIFF of one word (see the module docstring)."""
    if total_a <= 0 or total_b <= 0:
        raise ParameterError(f"corpus sizes must be positive, got {total_a} and {total_b}")
    if not (0 <= a <= total_a and 0 <= b <= total_b):
        raise ParameterError(f"frequencies {a}, {b} must lie between 0 and the corpus sizes")
    if zero <= 0:
        raise ParameterError(f"zero={zero!r} must be positive")
    e1 = total_a * (a + b) / (total_a + total_b)
    e2 = total_b * (a + b) / (total_a + total_b)
    g2 = 2.0 * (_xlogx(a, e1) + _xlogx(b, e2))
    p_value = math.erfc(math.sqrt(g2 / 2.0))
    if a == b == 0:
        return KeynessStats(g2, p_value, 0.0, math.nan)
    log_ratio = math.log2(((a or zero) / total_a) / ((b or zero) / total_b))
    nf_a, nf_b = a / total_a, b / total_b
    pct_diff = math.inf if b == 0 else 100.0 * (nf_a - nf_b) / nf_b
    return KeynessStats(g2, p_value, log_ratio, pct_diff)


def _xlogx(observed: int, expected: float) -> float:
    return observed * math.log(observed / expected) if observed else 0.0


@lru_cache(maxsize=4)
def _builtin_stopwords() -> frozenset[str]:
    return (_parse_words(lexicons.read_text("stopwords_en.txt"))
            | _parse_words(lexicons.read_text("furniture_en.txt")))


def _parse_words(text: str) -> frozenset[str]:
    return frozenset(w for line in text.splitlines()
                     if (w := normalize(line.split("#", 1)[0].strip().lower())))


def load_stopwords(stopwords: bool | str | Iterable[str] | None = True, *,
                   extra: Iterable[str] = ()) -> frozenset[str]:
    """Stopwords: ``True`` = the built-in lists (``lexicons/stopwords_en.txt``, function words,
    and ``lexicons/furniture_en.txt``, courtesy titles), ``False``/``None`` = none, a path = a
    file with one word per line (``#`` comments), or an iterable of words; ``extra`` words are
    added to any of these (``load_stopwords(extra=["vws"])``)."""
    added = frozenset(normalize(str(w).strip().lower()) for w in extra if str(w).strip())
    return _stopwords(stopwords) | added


def _stopwords(stopwords: bool | str | Iterable[str] | None) -> frozenset[str]:
    if stopwords is None or stopwords is False:
        return frozenset()
    if stopwords is True:
        return _builtin_stopwords()
    if isinstance(stopwords, str):
        try:
            return _parse_words(lexicons.read_file(stopwords, what="stopword list"))
        except OSError as exc:
            raise ParameterError(f"cannot read stopwords file {stopwords!r}: {exc.strerror}",
                                 hint="pass True, False, a file path or a list of words") from None
    return frozenset(normalize(str(w).lower()) for w in stopwords)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each dateline in ``text`` (see the module docstring)."""
    return [m.span() for m in _DATELINE.finditer(text)]


def words(doc: Any) -> list[str]:
    """The words of one document, in order (see the module docstring)."""
    return [w for w, _, _ in _word_spans(doc)]


def _word_spans(doc: Any) -> list[tuple[str, int, int]]:
    text = doc.text
    datelines = dateline_spans(text)
    # normalize maps one character to one, so the text is folded once and sliced per token.
    folded = normalize(text)
    out = []
    for a, b in _scan.doc_tokens(doc).spans:
        word = folded[a:b].lower()
        if _LETTERS.fullmatch(word) and not (datelines and any(x <= a < y for x, y in datelines)):
            out.append((word, a, b))
    return out


def largest_group(documents: Any, by: str) -> str:
    """The value of ``by`` shared by the most documents (ties: alphabetically first), from a
    documents frame (``CorpusAnalysis.documents``) or any iterable of documents. Raises
    :class:`~toolkit.errors.NotEnoughDataError` when no document has a value."""
    import pandas as pd

    from toolkit.analysis.grouping import period_label

    if isinstance(documents, pd.DataFrame):
        if by in documents.columns:
            column = documents[by]
        elif by in _scan.PERIODS:
            column = period_label(documents["date"], by)
        else:
            column = pd.Series([], dtype=object)
        values = [str(v) for v in column.dropna() if str(v) not in ("", "unknown")]
    else:
        values = [v for doc in documents if (v := _scan.group_value(doc, by)) is not None]
    if not values:
        from toolkit.analysis.grouping import missing_hint

        raise NotEnoughDataError(f"no document has a value for by={by!r}", hint=missing_hint(by))
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))[0]


def keyness(corpus: Iterable[Any], *, by: str, group: str, reference: str | None = None,
            min_freq: int = 5, stopwords: bool | str | Iterable[str] | None = False,
            zero: float = 0.5, date_from: str | None = None,
            date_to: str | None = None, store: bool | str | os.PathLike[str] = False,
            workers: int | None = 1) -> pd.DataFrame:
    """Keywords of the documents whose ``by`` value is ``group`` against ``reference``.

    ``by`` is a document field, ``meta`` key or period as in
    :func:`toolkit.analysis.framing.frame_counts`; ``reference=None`` compares with every other
    document (those without a ``by`` value included). Words with ``freq_target +
    freq_reference < min_freq`` are left out, as are ``stopwords`` (see :func:`load_stopwords`);
    both totals count all words, stopwords included.

    Columns (``KEYNESS_COLUMNS``): word, freq_target, freq_reference, rate_target,
    rate_reference (per 1,000 words), g2, p_value, log_ratio, pct_diff (signs: positive =
    overused in the target). Sorted by g2 descending, then word. ``store`` reads each
    document's word counts from the result store (``True``: the default cache folder, or a
    cache folder), computing the missing ones over ``workers`` processes; the table is the same.
    """
    import pandas as pd

    if not isinstance(min_freq, int) or min_freq < 1:
        raise ParameterError(f"min_freq={min_freq!r} must be a whole number >= 1")
    target, ref = _split_counts(corpus, by, str(group), reference, date_from, date_to,
                                store, workers)
    total_t, total_r = sum(target.values()), sum(ref.values())
    stop = load_stopwords(stopwords)
    rows = []
    for word in sorted(set(target) | set(ref)):
        a, b = target[word], ref[word]
        if a + b < min_freq or word in stop:
            continue
        stats = keyness_stats(a, b, total_t, total_r, zero=zero)
        rows.append((word, a, b, 1000.0 * a / total_t, 1000.0 * b / total_r, *stats))
    rows.sort(key=lambda r: (-r[5], r[0]))
    return pd.DataFrame(rows, columns=list(KEYNESS_COLUMNS))


def word_counts(doc: Any) -> dict[str, int]:
    """How often each word (:func:`words`) occurs in one document, in order of first use."""
    return dict(Counter(words(doc)))


def _stored_sums(docs: Iterable[Any], sides: list[Counter[str]], store: Any,
                 workers: int | None, words: Iterable[str] | None = None
                 ) -> list[tuple[Counter, int]]:
    """The word counts of the documents keyed in ``sides`` (``{document key: how many times
    it counts}`` per sum) added up from the result store (``store``), as
    :meth:`~toolkit.analysis.store.WordCountStore.sums` does. When some are not stored yet,
    those of ``docs`` (readable twice) are computed first, over ``workers`` processes."""
    from toolkit.analysis.base_tables import fill_stores
    from toolkit.analysis.store import default_store, value_store

    folder = default_store(None if store is True else store).folder
    counts = value_store(folder, "words")
    stored = counts.index()
    if any(key not in stored for side in sides for key in side):
        fill_stores({"words": word_counts}, docs, store=store, workers=workers)
        counts = value_store(folder, "words")
    return counts.sums(sides, words=words)


def _split_counts(corpus: Iterable[Any], by: str, group: str, reference: str | None,
                  date_from: str | None, date_to: str | None, store: Any = False,
                  workers: int | None = 1) -> tuple[Counter, Counter]:
    if not isinstance(by, str) or not by:
        raise ParameterError("keyness needs by=COLUMN", hint="e.g. by='outlet'")

    def side(doc: Any) -> tuple[int, int]:
        """(1, 0) for a document of the target, (0, 1) for one of the reference."""
        value = _scan.group_value(doc, by)
        if value == group:
            return 1, 0
        return (0, 1) if reference is None or value == str(reference) else (0, 0)

    if store:
        from toolkit.cache import document_key

        docs = _scan.Documents(corpus, date_from, date_to)
        keys: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        for doc in docs:
            for counted, weight in zip(keys, side(doc), strict=True):
                if weight:
                    counted[document_key(doc)] += weight
        [(target, _), (ref, _)] = _stored_sums(docs, list(keys), store, workers)
    else:
        target, ref = Counter(), Counter()
        for doc in _scan.documents(corpus, date_from, date_to):
            in_target, in_ref = side(doc)
            if in_target or in_ref:
                (target if in_target else ref).update(word_counts(doc))
    for name, counts, shown in (("group", target, group), ("reference", ref, reference)):
        if not counts:
            raise NotEnoughDataError(f"no words in the {name} ({by}={shown!r})" if shown is not None
                                 else f"no words outside {by}={group!r} to compare with",
                                 hint=f"check the {by} values of the corpus")
    return target, ref


def _workers(workers: int | None) -> int:
    return (os.cpu_count() or 1) if workers is None else max(1, workers)


def _doc_collocates(matcher: Any, first: tuple[str, ...], window: int,
                    job: tuple[Any, bool]) -> tuple[dict[str, int] | None, Counter, int]:
    """For ``job`` = (document, whether its word counts are wanted): the word counts
    (:func:`word_counts`, else None), ``(collocate, position)`` pair counts and number of
    matches of the query (``matcher``; ``first`` its terms' first words) for :func:`collocates`."""
    doc, counted = job
    found = _word_spans(doc)
    words_in = dict(Counter(w for w, _, _ in found)) if counted else None
    pairs: Counter[tuple[str, str]] = Counter()
    if not holds_any(doc.text, first):
        return words_in, pairs, 0
    nodes = _node_spans(doc, found, matcher)
    inside = {k for i, j in nodes for k in range(i, j)}
    for i, j in nodes:
        for k in range(j, min(len(found), j + window - 1)):
            if k not in inside:
                pairs[(found[k][0], "right")] += 1
        for k in range(max(0, i - window + 1), i):
            if k not in inside:
                pairs[(found[k][0], "left")] += 1
    return words_in, pairs, len(nodes)


def _node_spans(doc: Any, found: list[tuple[str, int, int]],
                matcher: Any) -> list[tuple[int, int]]:
    """``[i, j)`` word-index ranges of the query's matches in one document."""
    words = _single_words(matcher)
    if words is not None:
        # Each term is one word: a word matches it as the matcher would match its token (a
        # hyphenated word is cut into parts there, and no part is a whole token).
        exact, prefixes = words
        return [(k, k + 1) for k, (word, _, _) in enumerate(found)
                if "-" not in word and (word in exact or word.startswith(prefixes))]
    return _matched_nodes(doc, found, matcher)


@lru_cache(maxsize=16)
def _single_words(matcher: Any) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """``(words, prefixes)`` of ``matcher``'s terms when every term is one word, in any case,
    without a hyphen (``said``, ``sanction*``); else None."""
    exact, prefixes = set(), set()
    for entries in (*matcher.exact.values(), *matcher.prefix.values()):
        for entry in entries:
            part = entry.parts[0] if len(entry.parts) == 1 else ""
            if entry.case_sensitive or not part or part != part.lower() or "-" in part:
                return None
            (prefixes if entry.wildcard else exact).add(part)
    return frozenset(exact), tuple(sorted(prefixes))


def _matched_nodes(doc: Any, found: list[tuple[str, int, int]],
                   matcher: Any) -> list[tuple[int, int]]:
    """:func:`_node_spans` found by the matcher over the document's tokens."""
    toks = _scan.doc_tokens(doc)
    starts = [a for _, a, _ in found]
    nodes = []
    for hit in matcher.find(doc.text, toks.spans, toks.sentence_starts):
        i = bisect_left(starts, hit.start)
        j = i
        while j < len(found) and found[j][2] <= hit.end:
            j += 1
        if j > i:
            nodes.append((i, j))
    return nodes


def collocates(corpus: Iterable[Any], word: str, *, window: int = 5, min_freq: int = 2,
               stopwords: bool | str | Iterable[str] | None = False,
               lexicon: Any = None, date_from: str | None = None,
               date_to: str | None = None, store: bool | str | os.PathLike[str] = False,
               workers: int | None = 1) -> pd.DataFrame:
    """Words that occur near ``word`` within ``window`` words, scored with NLTK's bigram
    association measures.

    ``word`` takes the term syntax of the lexicons and :func:`toolkit.analysis.framing.kwic`:
    a word, a phrase (``irreparable harm``), a wildcard (``sanction*``) or ``frame:NAME`` (with
    ``lexicon``); each match is one occurrence of the node, however many words it spans.
    Windows stay inside one document: a collocate to the ``right`` is one of the ``window - 1``
    words after a match, one to the ``left`` one of the ``window - 1`` words before it (words of
    a match are never collocates). As NLTK's ``BigramCollocationFinder`` with that window does,
    a pair seen ``f`` times is scored with ``f / (window - 1)`` against the node's and the
    collocate's frequencies and the number of words. Pairs seen fewer than ``min_freq`` times
    and ``stopwords`` collocates are left out.

    Columns (``COLLOCATE_COLUMNS``): word (the query, lower-cased), collocate, position, freq
    (pair count), freq_collocate (the collocate's word count), pmi, log_likelihood. Sorted by
    log_likelihood descending, then collocate and position. :func:`describe_collocates` says
    why a table is empty. With ``store`` (as in :func:`keyness`, whose word counts are computed
    over ``workers`` processes) only the documents whose text may hold a match are read word by
    word, and only when the store lacks their word counts or their pairs for this query and
    window (which are then stored); the others give their stored word counts. The documents
    read word by word are spread over ``workers`` processes (``None``: one per core) when there
    are many.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures

    from toolkit.analysis.base_tables import _map
    from toolkit.analysis.framing.tables import query_lexicon
    from toolkit.cache import document_key

    if not isinstance(window, int) or window < 2:
        raise ParameterError(f"window={window!r} must be a whole number >= 2")
    label = normalize(str(word).strip().lower())
    lex = query_lexicon(str(word).strip(), lexicon=lexicon)
    stop = load_stopwords(stopwords)
    word_counts: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    n_nodes = 0
    first = first_words(lex)
    docs = _scan.Documents(corpus, date_from, date_to)
    # Documents that may hold a match are read word by word, over ``workers`` processes when
    # there are enough of them (a frequent word is in most documents). With ``store`` every
    # document's word counts come from the store: they are computed (and stored) only for the
    # documents read word by word that lack them, and the workers send back the pairs alone.
    # The sums do not depend on the order the documents come in.
    # The pairs and matches of each document holding the query are stored too (under the
    # query's lexicon and the window): a document read word by word once is not read again.
    known: set[str] = set()  # documents whose word counts are stored or being counted
    near_known: set[str] = set()  # documents whose pairs are stored
    if store:
        from toolkit.analysis.framing.tables import lexicon_key
        from toolkit.analysis.store import PART, default_store, value_store

        folder = default_store(None if store is True else store).folder
        counts_store = value_store(folder, "words")
        known.update(counts_store.index())
        near_store = value_store(folder, f"collocates-{lexicon_key(lex)}-{window}")
        near_known.update(near_store.index())
    keys: Counter[str] = Counter()  # every document, by key (with store)
    needed: list[tuple[Any, bool]] = []
    near: list[str] = []  # documents whose stored pairs count
    for doc in docs:
        key = document_key(doc) if store else None
        if key is not None:
            keys[key] += 1
        if not store or holds_any(doc.text, first):
            if key in near_known and key in known:
                near.append(key)
                continue
            needed.append((doc, key is None or key not in known))
            if key is not None:
                known.add(key)  # a document given twice is counted and stored once
    fresh: list[tuple[str, dict[str, int]]] = []
    fresh_near: list[tuple[str, tuple[Counter, int]]] = []
    results = _map(partial(_doc_collocates, lex.matcher, first, window), needed,
                   _workers(workers))
    for (doc, _), (words_in, pairs_in, nodes_in) in zip(needed, results, strict=True):
        if store:
            fresh_near.append((document_key(doc), (pairs_in, nodes_in)))
            if len(fresh_near) >= PART:
                near_store.write(fresh_near)
                fresh_near = []
        if words_in is not None:
            if store:
                fresh.append((document_key(doc), words_in))
                if len(fresh) >= PART:
                    counts_store.write(fresh)
                    fresh = []
            else:
                word_counts.update(words_in)
        pairs.update(pairs_in)
        n_nodes += nodes_in
    del needed
    for key in near:
        pairs_in, nodes_in = near_store.get(key)
        pairs.update(pairs_in)
        n_nodes += nodes_in
    total = sum(word_counts.values())
    if store:
        counts_store.write(fresh)
        near_store.write(fresh_near)
        # Only the counts of the words that may be collocates are needed, and the number of
        # words (the documents without a match still lacking their counts are counted first).
        wanted = {other for (other, _), freq in pairs.items() if freq >= min_freq
                  and other not in stop}
        [(word_counts, total)] = _stored_sums(docs, [keys], store, workers, words=wanted)
    measures = BigramAssocMeasures()
    rows = []
    for (other, position), freq in pairs.items():
        if freq < min_freq or other in stop:
            continue
        scaled = freq / (window - 1.0)
        marginals = (n_nodes, word_counts[other])
        rows.append((label, other, position, freq, word_counts[other],
                     measures.pmi(scaled, marginals, total),
                     measures.likelihood_ratio(scaled, marginals, total)))
    rows.sort(key=lambda r: (-r[6], r[1], r[2]))
    return pd.DataFrame(rows, columns=list(COLLOCATE_COLUMNS))


def describe_collocates(corpus: Iterable[Any], word: str, *, window: int = 5,
                        min_freq: int = 2, lexicon: Any = None, date_from: str | None = None,
                        date_to: str | None = None) -> str:
    """Why :func:`collocates` finds what it finds, as a sentence: ``no match for 'embargo' in 16
    documents``, or the number of matches and the window and frequency a collocate needs."""
    from toolkit.analysis.framing.tables import describe_matches

    matches = describe_matches(corpus, str(word).strip(), lexicon=lexicon,
                               date_from=date_from, date_to=date_to)
    if matches.startswith("no match"):
        return matches
    return (f"{matches}; a collocate must occur at least {min_freq} times within {window - 1} "
            "words of a match")
