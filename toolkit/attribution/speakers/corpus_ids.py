"""Speaker ids across documents: a reduce over every document's attributions."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from toolkit.attribution.records import Attribution

__all__ = ["corpus_speakers"]


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def corpus_speakers(records: Iterable[Attribution]) -> dict[str, str]:
    """Map each one-word speaker id to its corpus-wide person id.

    A one-word name ("Putin") becomes the corpus's full name with that surname ("Vladimir Putin")
    when exactly one full person name has it; full names are kept as they are. This includes
    one-word names a document typed as organizations for want of a person cue: a surname the
    corpus knows is a person's, anything else (a country, a place) stays an organization.
    """
    full: dict[str, Counter[str]] = defaultdict(Counter)
    singles: set[str] = set()
    for r in records:
        if r.speaker_type not in ("person", "organization") or not r.speaker or not r.speaker[:1].isupper():
            continue
        if " " in r.speaker:
            if r.speaker_type == "person" and r.speaker.split()[-1][:1].isupper():  # not "Energy analysts"
                full[_surname(r.speaker)][r.speaker] += 1
        else:
            singles.add(r.speaker)
    mapping = {}
    for name in singles:
        candidates = full.get(name.lower())
        if candidates and len(candidates) == 1:
            mapping[name] = next(iter(candidates))
    return mapping
