"""Keywords of one group of documents against another, and collocates of a word.

Words are the toolkit's tokens outside boilerplate, lower-cased, with curly apostrophes made
straight, keeping only tokens made of letters (inner hyphens, apostrophes and the dots of
``U.S.`` allowed): punctuation and numbers are left out.

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
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from toolkit import lexicons
from toolkit.analysis import scan as _scan
from toolkit.analysis.framing.matcher import normalize
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KeynessStats", "KEYNESS_COLUMNS", "COLLOCATE_COLUMNS", "keyness_stats", "keyness",
           "collocates", "load_stopwords", "words"]

KEYNESS_COLUMNS = ("word", "freq_target", "freq_reference", "rate_target", "rate_reference",
                   "g2", "p_value", "log_ratio", "pct_diff")
COLLOCATE_COLUMNS = ("word", "collocate", "position", "freq", "freq_collocate", "pmi",
                     "log_likelihood")
_LETTERS = re.compile(r"[^\W\d_]+(?:[-'.][^\W\d_]+)*\.?")


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
    text = lexicons.read_text("stopwords_en.txt")
    return _parse_words(text)


def _parse_words(text: str) -> frozenset[str]:
    return frozenset(w for line in text.splitlines()
                     if (w := normalize(line.split("#", 1)[0].strip().lower())))


def load_stopwords(stopwords: bool | str | Iterable[str] | None = True) -> frozenset[str]:
    """Stopwords: ``True`` = the built-in ``lexicons/stopwords_en.txt``, ``False``/``None`` =
    none, a path = a file with one word per line (``#`` comments), or an iterable of words."""
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


def words(doc: Any) -> list[str]:
    """The words of one document, in order (see the module docstring)."""
    text = doc.text
    out = []
    for a, b in _scan.doc_tokens(doc).spans:
        word = normalize(text[a:b]).lower()
        if _LETTERS.fullmatch(word):
            out.append(word)
    return out


def keyness(corpus: Iterable[Any], *, by: str, group: str, reference: str | None = None,
            min_freq: int = 5, stopwords: bool | str | Iterable[str] | None = False,
            zero: float = 0.5, date_from: str | None = None,
            date_to: str | None = None) -> pd.DataFrame:
    """Keywords of the documents whose ``by`` value is ``group`` against ``reference``.

    ``by`` is a document field, ``meta`` key or period as in
    :func:`toolkit.analysis.framing.frame_counts`; ``reference=None`` compares with every other
    document (those without a ``by`` value included). Words with ``freq_target +
    freq_reference < min_freq`` are left out, as are ``stopwords`` (see :func:`load_stopwords`);
    both totals count all words, stopwords included.

    Columns (``KEYNESS_COLUMNS``): word, freq_target, freq_reference, rate_target,
    rate_reference (per 1,000 words), g2, p_value, log_ratio, pct_diff (signs: positive =
    overused in the target). Sorted by g2 descending, then word.
    """
    import pandas as pd

    if not isinstance(min_freq, int) or min_freq < 1:
        raise ParameterError(f"min_freq={min_freq!r} must be a whole number >= 1")
    target, ref = _split_counts(corpus, by, str(group), reference, date_from, date_to)
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


def _split_counts(corpus: Iterable[Any], by: str, group: str, reference: str | None,
                  date_from: str | None, date_to: str | None) -> tuple[Counter, Counter]:
    if not isinstance(by, str) or not by:
        raise ParameterError("keyness needs by=COLUMN", hint="e.g. by='outlet'")
    target: Counter[str] = Counter()
    ref: Counter[str] = Counter()
    for doc in _scan.documents(corpus, date_from, date_to):
        value = _scan.group_value(doc, by)
        if value == group:
            target.update(words(doc))
        elif reference is None or value == str(reference):
            ref.update(words(doc))
    for name, counts, shown in (("group", target, group), ("reference", ref, reference)):
        if not counts:
            raise ParameterError(f"no words in the {name} ({by}={shown!r})" if shown is not None
                                 else f"no words outside {by}={group!r} to compare with",
                                 hint=f"check the {by} values of the corpus")
    return target, ref


def _pairs_with(found: list[str], key: str, window: int) -> Iterator[tuple[str, str]]:
    """The ordered pairs a window of ``window`` words makes (as NLTK's bigram finder counts
    them), keeping only those with ``key``: scoring a pair needs no other pair counts."""
    for i, word in enumerate(found):
        if word != key:
            continue
        yield from ((key, other) for other in found[i + 1:i + window])
        yield from ((other, key) for other in found[max(0, i - window + 1):i] if other != key)


def collocates(corpus: Iterable[Any], word: str, *, window: int = 5, min_freq: int = 2,
               stopwords: bool | str | Iterable[str] | None = False,
               date_from: str | None = None, date_to: str | None = None) -> pd.DataFrame:
    """Words that occur near ``word`` within ``window`` words (NLTK's bigram finder).

    Windows stay inside one document; NLTK's ``BigramAssocMeasures`` give PMI and the
    log-likelihood ratio. Pairs seen fewer than ``min_freq`` times and ``stopwords`` collocates
    are left out.

    Columns (``COLLOCATE_COLUMNS``): word, collocate, position (``right`` when the collocate
    follows ``word``, ``left`` when it precedes it), freq (pair count), freq_collocate (the
    collocate's word count), pmi, log_likelihood. Sorted by log_likelihood descending, then
    collocate and position.
    """
    import pandas as pd
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
    from nltk.probability import FreqDist

    if not isinstance(window, int) or window < 2:
        raise ParameterError(f"window={window!r} must be a whole number >= 2")
    key = normalize(word.strip().lower())
    stop = load_stopwords(stopwords) - {key}
    word_fd, pair_fd = FreqDist(), FreqDist()
    for doc in _scan.documents(corpus, date_from, date_to):
        found = words(doc)
        word_fd.update(found)
        pair_fd.update(_pairs_with(found, key, window))
    finder = BigramCollocationFinder(word_fd, pair_fd, window_size=window)
    finder.apply_freq_filter(min_freq)
    finder.apply_ngram_filter(lambda w1, w2: key not in (w1, w2) or w1 == w2)
    finder.apply_word_filter(lambda w: w in stop)
    measures = BigramAssocMeasures()
    pmi = dict(finder.score_ngrams(measures.pmi))
    rows = []
    for (w1, w2), ll in finder.score_ngrams(measures.likelihood_ratio):
        other, position = (w2, "right") if w1 == key else (w1, "left")
        rows.append((key, other, position, pair_fd[(w1, w2)], word_fd[other], pmi[(w1, w2)], ll))
    rows.sort(key=lambda r: (-r[6], r[1], r[2]))
    return pd.DataFrame(rows, columns=list(COLLOCATE_COLUMNS))
