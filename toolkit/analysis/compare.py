"""Compare the same table between two periods (or any two slices of a corpus): the period just
before a date range (:func:`previous_period`), one table side by side (:func:`compare`), and the
change in speakers' share of voice and frames' rates since the previous period
(:func:`change_from_previous_period`).
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

    from toolkit.analysis.base_tables import CorpusAnalysis
    from toolkit.analysis.framing.lexicon import Lexicon
    from toolkit.corpus import Document

__all__ = ["previous_period", "compare", "PeriodChange", "change_from_previous_period"]


def previous_period(date_from: str, date_to: str) -> tuple[str, str]:
    """The period of the same length that ends the day before ``date_from`` (ISO dates)."""
    try:
        start, end = _dt.date.fromisoformat(date_from), _dt.date.fromisoformat(date_to)
    except (TypeError, ValueError):
        raise ParameterError(f"need two ISO dates, got {date_from!r} and {date_to!r}",
                             hint="use YYYY-MM-DD") from None
    if start > end:
        raise ParameterError(f"date_from={date_from} is after date_to={date_to}")
    length = end - start
    prev_end = start - _dt.timedelta(days=1)
    return (prev_end - length).isoformat(), prev_end.isoformat()


def compare(current: pd.DataFrame, previous: pd.DataFrame, *, key: str | Sequence[str],
            value: str) -> pd.DataFrame:
    """``value`` in both tables side by side, with the change from previous to current.

    Columns: key..., ``VALUE_previous``, ``VALUE_current``, ``change`` (current - previous;
    a row missing from one table counts as 0 there). Sorted by the size of the change
    (largest first), then key.
    """
    keys = [key] if isinstance(key, str) else list(key)
    for name, table in (("current", current), ("previous", previous)):
        missing = [c for c in [*keys, value] if c not in table.columns]
        if missing:
            raise ParameterError(f"the {name} table lacks column(s) {', '.join(missing)}")
    left = previous[[*keys, value]].groupby(keys, sort=False)[value].sum()
    right = current[[*keys, value]].groupby(keys, sort=False)[value].sum()
    out = left.rename(f"{value}_previous").to_frame().join(
        right.rename(f"{value}_current"), how="outer").fillna(0).reset_index()
    out["change"] = out[f"{value}_current"] - out[f"{value}_previous"]
    out["_size"] = out["change"].abs()
    out = out.sort_values(["_size", *keys], ascending=[False] + [True] * len(keys), kind="stable")
    return out.drop(columns="_size").reset_index(drop=True)


@dataclass(frozen=True)
class PeriodChange:
    """What :func:`change_from_previous_period` returns.

    ``previous_from``/``previous_to``: the previous period; ``n_previous_documents``: the
    documents dated in it; ``speakers``: :func:`compare` of the speaker tables on ``share``;
    ``frames``: :func:`compare` of the frame counts on ``rate``.
    """

    date_from: str
    date_to: str
    previous_from: str
    previous_to: str
    n_previous_documents: int
    speakers: pd.DataFrame
    frames: pd.DataFrame

    @property
    def summary(self) -> str:
        """``"2026-04-01 to 2026-05-31 compared with 2026-01-30 to 2026-03-31 (7 documents)"``."""
        return (f"{self.date_from} to {self.date_to} compared with {self.previous_from} to "
                f"{self.previous_to} ({self.n_previous_documents} documents)")


def change_from_previous_period(corpus: Iterable[Document], *, date_from: str, date_to: str,
                                lexicon: Lexicon | str = "conflict_cooperation",
                                current: CorpusAnalysis | None = None,
                                cache: bool | str | os.PathLike[str] = False) -> PeriodChange:
    """How each speaker's share of voice and each frame's rate changed from the period of the
    same length just before [``date_from``, ``date_to``] (see :func:`previous_period`).

    ``corpus`` holds the documents of both periods (the whole corpus will do). ``current`` is
    the analysis of the documents dated in [``date_from``, ``date_to``] when the caller has it
    already; otherwise they are analysed here, as the previous period's are (over one worker
    process per core; ``cache`` reads and keeps results in the result store, see ``store`` in
    :func:`~toolkit.analysis.base_tables.analyze`). Speakers are compared on ``share`` of all
    attributions, frames of ``lexicon`` on ``rate`` (matches per 1,000 words); a speaker or frame
    absent from one period counts as 0 there.
    """
    from toolkit.analysis.base_tables import analyze, select
    from toolkit.analysis.framing.tables import frame_counts
    from toolkit.analysis.speakers import speaker_table

    previous_from, previous_to = previous_period(date_from, date_to)
    documents = list(corpus) if iter(corpus) is corpus else corpus
    now = select(documents, date_from=date_from, date_to=date_to)
    before = select(documents, date_from=previous_from, date_to=previous_to)
    # The share of voice does not count mentions: no mention pass.
    if current is None:
        current = analyze(now, store=cache, workers=None, quiet=True, mentions=False)
    previous = analyze(before, store=cache, workers=None, quiet=True, mentions=False)
    speakers = compare(speaker_table(current.quotes, current.documents),
                       speaker_table(previous.quotes, previous.documents),
                       key="speaker", value="share")
    frames = compare(frame_counts(now, lexicon, quotes=current.quotes),
                     frame_counts(before, lexicon, quotes=previous.quotes),
                     key="frame", value="rate")
    return PeriodChange(date_from=date_from, date_to=date_to, previous_from=previous_from,
                        previous_to=previous_to, n_previous_documents=len(before),
                        speakers=speakers, frames=frames)
