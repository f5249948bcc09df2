"""What a count of attributions counts: one definition for every table, figure and headline
number of a report, so that totals agree wherever the same thing is counted.

An **attribution** is a statement an article credits to a source: a *direct* quote (in quotation
marks), an *indirect* one (a paraphrase: "she said that..."), a *mixed* one (a paraphrase with a
quoted fragment) or a *floating* quote (a quoted sentence without a reporting verb of its own that
continues the previous quote of the same speaker; it counts under that quote's verb).
Attributions of thoughts (*cognitive*: "she believes") and of what a non-human source shows
(*evidential*: "polls suggest") are found less reliably; they are counted apart and never mixed
into the counts above.

>>> counted = counted_attributions(base.quotes)        # the rows every report table counts
>>> attribution_counts(base.quotes, base.documents).describe()
'16 documents, 413 attributions (86 direct, 258 indirect, 62 mixed, 7 floating); counted apart: 8 cognitive, 13 evidential'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COUNTED_KINDS", "SEPARATE_KINDS", "NO_VERB", "ATTRIBUTION_DEFINITION",
           "AttributionCounts", "counted_attributions", "attribution_counts", "first_hand",
           "first_hand_mask", "speech_rows"]

COUNTED_KINDS = ("direct", "indirect", "mixed", "floating")
SEPARATE_KINDS = ("cognitive", "evidential")
# The verb of a counted attribution that has none and continues no earlier quote.
NO_VERB = "(no verb)"
ATTRIBUTION_DEFINITION = (
    "An attribution is a statement an article credits to a source: a direct quote (in quotation "
    "marks), an indirect one (a paraphrase), a mixed one (a paraphrase with a quoted fragment) or "
    "a floating quote (a quoted sentence that continues the previous quote of the same speaker "
    "and counts under that quote's reporting verb). Attributions of thoughts (cognitive: "
    "\u201cbelieves\u201d) and of evidence (evidential: \u201cpolls suggest\u201d) are counted "
    "apart.")


@dataclass(frozen=True)
class AttributionCounts:
    """How many documents and attributions a report counts, by kind, and how many cognitive
    and evidential attributions it counts apart."""

    n_documents: int
    n_attributions: int
    by_kind: Mapping[str, int] = field(default_factory=dict)
    apart: Mapping[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """One line: ``16 documents, 413 attributions (86 direct, ...); counted apart: ...``."""
        kinds = ", ".join(f"{self.by_kind.get(k, 0):,} {k}" for k in COUNTED_KINDS)
        apart = ", ".join(f"{self.apart.get(k, 0):,} {k}" for k in SEPARATE_KINDS)
        return (f"{_plural(self.n_documents, 'document')}, "
                f"{_plural(self.n_attributions, 'attribution')} ({kinds}); "
                f"counted apart: {apart}")


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _check(quotes: pd.DataFrame) -> None:
    missing = {"doc_id", "kind", "speaker", "cue_lemma", "verb_category"} - set(quotes.columns)
    if missing:
        raise ParameterError(f"quotes table lacks column(s) {', '.join(sorted(missing))}",
                             hint="pass the table returned by toolkit.attribution.attribute(...)")


def first_hand(quotes: pd.DataFrame, *, include_embedded: bool = False) -> pd.DataFrame:
    """The rows that are first-hand voices: an attribution reported inside another one's words
    (``embedded``: "promised" in ``Merrill says Machado promised to stay``) is left out unless
    ``include_embedded``. A table without an ``embedded`` column is returned whole."""
    if include_embedded or "embedded" not in quotes.columns:
        return quotes
    return quotes[first_hand_mask(quotes)]


def first_hand_mask(quotes: pd.DataFrame, *, include_embedded: bool = False) -> pd.Series:
    """True for the rows of :func:`first_hand`: to combine with other tests before a single
    selection of a large table."""
    if include_embedded or "embedded" not in quotes.columns:
        import pandas as pd

        return pd.Series(True, index=quotes.index)
    return ~quotes["embedded"].fillna(False).astype(bool)


def speech_rows(quotes: pd.DataFrame, kinds: Sequence[str], *, required: Iterable[str],
                include_embedded: bool = False) -> pd.DataFrame:
    """A copy of the first-hand rows of ``quotes`` whose ``kind`` is one of ``kinds``, after
    checking that the table has the ``required`` columns (a :class:`ParameterError` naming the
    missing ones otherwise)."""
    missing = set(required) - set(quotes.columns)
    if missing:
        raise ParameterError(f"quotes table lacks column(s) {', '.join(sorted(missing))}",
                             hint="pass the table returned by toolkit.attribution.attribute(...)")
    keep = quotes["kind"].isin(list(kinds)) & first_hand_mask(
        quotes, include_embedded=include_embedded)
    # One selection (a new frame: changing it leaves ``quotes`` as it is), not one per test.
    return quotes[keep]


def counted_attributions(quotes: pd.DataFrame, *,
                         include_embedded: bool = False) -> pd.DataFrame:
    """The attributions a report counts (kinds :data:`COUNTED_KINDS`), in the input's order.

    A floating quote takes the ``cue_lemma`` and ``verb_category`` of the closest earlier
    attribution of the same speaker in the same document that has a verb (by ``content_start``
    when present, else by row order); one with no such quote gets :data:`NO_VERB`. So every
    counted attribution has a verb, and a verb table over them has the same total as a speaker
    table. Embedded attributions are left out unless ``include_embedded`` (see
    :func:`first_hand`). The input is not modified.
    """
    _check(quotes)
    quotes = first_hand(quotes, include_embedded=include_embedded)
    counted = quotes[quotes["kind"].isin(list(COUNTED_KINDS))].copy()
    if counted.empty:
        return counted
    import pandas as pd

    # Plain lists, not one cell at a time: a corpus has hundreds of thousands of rows.
    lemmas = counted["cue_lemma"].astype(object).tolist()
    categories = counted["verb_category"].astype(object).tolist()
    doc_ids = [str(v) for v in counted["doc_id"].astype(object).tolist()]
    speakers = counted["speaker"].astype(object).tolist()
    rows = list(range(len(counted)))
    if "content_start" in counted.columns:
        starts = counted["content_start"].astype(object).tolist()
        rows.sort(key=lambda i: (doc_ids[i], _position(starts[i])))
    last: dict[tuple[str, str], tuple[object, object]] = {}
    for i in rows:
        speaker = speakers[i]
        key = (doc_ids[i], "" if _missing(speaker) else str(speaker))
        lemma = lemmas[i]
        if not _missing(lemma):
            last[key] = (lemma, categories[i])
            continue
        inherited = last.get(key)
        lemmas[i], categories[i] = inherited if inherited is not None else (NO_VERB, NO_VERB)
    counted["cue_lemma"] = pd.Series(lemmas, index=counted.index, dtype=object)
    counted["verb_category"] = pd.Series(categories, index=counted.index, dtype=object)
    return counted


def _missing(value: object) -> bool:
    """None, NaN, pandas' NA or NaT: a cell with no value (an attribution without content has
    no ``content_start``). Called once per row: no import here."""
    return value is None or (isinstance(value, float) and value != value) \
        or type(value).__name__ in _MISSING_TYPES


_MISSING_TYPES = frozenset({"NAType", "NaTType"})


def _position(value: object) -> float:
    return float("inf") if _missing(value) else float(value)


def attribution_counts(quotes: pd.DataFrame, documents: pd.DataFrame, *,
                       include_embedded: bool = False) -> AttributionCounts:
    """Documents, counted attributions by kind, and the cognitive and evidential attributions
    counted apart; embedded attributions are left out unless ``include_embedded``."""
    _check(quotes)
    quotes = first_hand(quotes, include_embedded=include_embedded)
    kinds = quotes["kind"].value_counts()
    by_kind = {k: int(kinds.get(k, 0)) for k in COUNTED_KINDS}
    apart = {k: int(kinds.get(k, 0)) for k in SEPARATE_KINDS}
    return AttributionCounts(len(documents), sum(by_kind.values()), by_kind, apart)
