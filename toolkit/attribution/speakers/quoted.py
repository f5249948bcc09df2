"""First-person speakers inside reported speech.

``"I told them we would wait," Ana Lund said.``: the "I" and "we" that speak inside a quotation
are its speaker, so an attribution whose speaker is a first-person pronoun within the content of
another attribution takes that attribution's speaker. An "I" outside any quotation is the writer of
the piece (see :mod:`toolkit.attribution.canonical_speakers`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from toolkit.attribution.word_classes import FIRST_PERSON

if TYPE_CHECKING:
    from toolkit.attribution.records import Attribution

__all__ = ["ContentIndex", "quoted_first_person"]

_LOOK_BACK = 20  # contents that start before a mention checked for one that holds it


class ContentIndex:
    """The contents of one document's attributions (any items with ``content_start`` and
    ``content_end``), sorted once, to find the innermost content that holds a span."""

    def __init__(self, items: Sequence[Any]) -> None:
        self._holders = sorted((r.content_start, r.content_end, k) for k, r in enumerate(items)
                               if r.content_start is not None and r.content_end is not None)
        self._starts = [h[0] for h in self._holders]

    def innermost(self, start: int, end: int, *, skip: int,
                  accept: Callable[[int], bool] = lambda _: True) -> int | None:
        """Index (in the items given) of the shortest content holding ``[start, end)``, other
        than item ``skip`` and among those ``accept`` takes; None when there is none. Only the
        contents that start at most ``_LOOK_BACK`` contents before ``start`` are looked at."""
        best = None
        right = bisect_right(self._starts, start)
        for c_start, c_end, j in reversed(self._holders[max(0, right - _LOOK_BACK):right]):
            if j != skip and c_start <= start and end <= c_end and accept(j) \
                    and (best is None or c_end - c_start < best[1] - best[0]):
                best = (c_start, c_end, j)
        return None if best is None else best[2]


def quoted_first_person(records: Sequence[Attribution]) -> list[Attribution]:
    """``records`` of one document with each first-person speaker inside another attribution's
    content given that attribution's speaker (the innermost content that holds the mention)."""
    out = list(records)
    index = ContentIndex(out)
    for _ in range(2):  # a quotation inside a quotation takes the outer speaker once it has one
        changed = False
        for k, r in enumerate(out):
            if r.speaker is not None or r.speaker_start is None \
                    or (r.speaker_mention or "").strip().lower() not in FIRST_PERSON:
                continue
            j = index.innermost(r.speaker_start, r.speaker_end, skip=k,
                                accept=lambda j: out[j].speaker is not None)
            if j is not None:
                holder = out[j]
                out[k] = replace(r, speaker=holder.speaker, speaker_type=holder.speaker_type,
                                 speaker_title=holder.speaker_title,
                                 speaker_age=holder.speaker_age)
                changed = True
        if not changed:
            break
    return out
