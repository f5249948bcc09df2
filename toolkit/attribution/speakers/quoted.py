"""First-person speakers inside reported speech.

``"I told them we would wait," Ana Lund said.``: the "I" and "we" that speak inside a quotation
are its speaker, so an attribution whose speaker is a first-person pronoun within the content of
another attribution takes that attribution's speaker. An "I" outside any quotation is the writer of
the piece (see :mod:`toolkit.attribution.canonical_speakers`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from toolkit.attribution.word_classes import FIRST_PERSON

if TYPE_CHECKING:
    from toolkit.attribution.records import Attribution

__all__ = ["quoted_first_person"]

_LOOK_BACK = 20  # contents that start before a mention checked for one that holds it


def quoted_first_person(records: Sequence[Attribution]) -> list[Attribution]:
    """``records`` of one document with each first-person speaker inside another attribution's
    content given that attribution's speaker (the innermost content that holds the mention)."""
    out = list(records)
    holders = sorted((r.content_start, r.content_end, k) for k, r in enumerate(out)
                     if r.content_start is not None and r.content_end is not None)
    starts = [h[0] for h in holders]
    for _ in range(2):  # a quotation inside a quotation takes the outer speaker once it has one
        changed = False
        for k, r in enumerate(out):
            if r.speaker is not None or r.speaker_start is None \
                    or (r.speaker_mention or "").strip().lower() not in FIRST_PERSON:
                continue
            best = None
            right = bisect_right(starts, r.speaker_start)
            for start, end, j in reversed(holders[max(0, right - _LOOK_BACK):right]):
                if j != k and start <= r.speaker_start and r.speaker_end <= end \
                        and out[j].speaker is not None \
                        and (best is None or end - start < best[1] - best[0]):
                    best = (start, end, j)
            if best is not None:
                holder = out[best[2]]
                out[k] = replace(r, speaker=holder.speaker, speaker_type=holder.speaker_type,
                                 speaker_title=holder.speaker_title,
                                 speaker_age=holder.speaker_age)
                changed = True
        if not changed:
            break
    return out
