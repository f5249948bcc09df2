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


# what counting attributions reads of a quotes table
_COUNTED_COLUMNS = ("doc_id", "kind", "speaker", "cue_lemma", "verb_category")


def _require(quotes: pd.DataFrame, columns: Iterable[str]) -> None:
    """A :class:`ParameterError` naming the ``columns`` ``quotes`` lacks, if any."""
    missing = set(columns) - set(quotes.columns)
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
    _require(quotes, required)
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
    import numpy as np
    import pandas as pd

    from toolkit.analysis.grouping import row_order

    counted = speech_rows(quotes, COUNTED_KINDS, required=_COUNTED_COLUMNS,
                          include_embedded=include_embedded)
    lemma_missing = counted["cue_lemma"].isna().to_numpy()
    if not lemma_missing.any():
        return counted
    # Rows without a verb take the verb (and its category) of the closest earlier row of the
    # same document and speaker that has one, by content_start when present (rows without one
    # last), else in the table's order: a forward fill within each (document, speaker), done
    # on row numbers so that a lemma and its category always come from the same row.
    n = len(counted)
    doc_ids = counted["doc_id"].astype("str")
    order = None
    if "content_start" in counted.columns:
        starts = pd.to_numeric(counted["content_start"], errors="coerce").astype("float64")
        order = row_order(doc_ids, starts.fillna(np.inf).to_numpy())
    if order is None:
        order = np.arange(n)
    doc_codes = pd.factorize(doc_ids)[0]
    speaker_codes = pd.factorize(counted["speaker"].astype("str").fillna(""))[0]
    source = pd.Series(np.where(lemma_missing, np.nan, np.arange(n, dtype=np.float64))[order])
    filled = source.groupby([doc_codes[order], speaker_codes[order]], sort=False).ffill()
    taken = np.empty(n, dtype=np.float64)
    taken[order] = filled.to_numpy()
    missing = lemma_missing.nonzero()[0]
    sources = taken[missing]
    found = ~np.isnan(sources)
    # ``counted`` is a selection of its own: setting its columns leaves ``quotes`` as it was.
    for column in ("cue_lemma", "verb_category"):
        fill = np.full(len(missing), NO_VERB, dtype=object)
        fill[found] = counted[column].iloc[sources[found].astype(np.int64)].to_numpy(
            dtype=object, na_value=None)
        values = counted[column].copy()
        values.iloc[missing] = fill
        counted[column] = values
    return counted


def attribution_counts(quotes: pd.DataFrame, documents: pd.DataFrame, *,
                       include_embedded: bool = False) -> AttributionCounts:
    """Documents, counted attributions by kind, and the cognitive and evidential attributions
    counted apart; embedded attributions are left out unless ``include_embedded``."""
    _require(quotes, _COUNTED_COLUMNS)
    # The kinds of the first-hand rows, selected from the one column (not a copy of the table).
    kinds = quotes["kind"][first_hand_mask(quotes, include_embedded=include_embedded)
                           ].value_counts()
    by_kind = {k: int(kinds.get(k, 0)) for k in COUNTED_KINDS}
    apart = {k: int(kinds.get(k, 0)) for k in SEPARATE_KINDS}
    return AttributionCounts(len(documents), sum(by_kind.values()), by_kind, apart)
