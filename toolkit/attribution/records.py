"""The attribution record every later step reads, and its tidy table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Attribution", "COLUMNS", "KINDS", "SPEAKER_TYPES", "RejectedCue", "cued", "to_frame"]

KINDS = ("direct", "indirect", "mixed", "floating", "cognitive", "evidential")
# person: a named person; organization: a named or unnamed body ("ministry (unnamed)");
# anonymous: an unnamed source ("a senior official"); group: a collective ("Republicans",
# "critics"); role: an office whose holder the document does not name ("president (unnamed)");
# unresolved: no speaker found (a pronoun with no antecedent).
SPEAKER_TYPES = ("person", "organization", "anonymous", "group", "role", "unresolved")


@dataclass(frozen=True)
class Attribution:
    """One attribution. Offsets index the original text (end exclusive); ``text[a:b] == field``.

    ``speaker`` is the canonical id (``None`` when unresolved); ``speaker_mention`` the words in
    the text (a pronoun stays a pronoun). Floating quotes have an empty ``cue`` at the quote start
    and no speaker offsets. ``kind`` is one of direct, indirect, mixed, floating, cognitive,
    evidential; ``verb_category`` is the lexicon category of the cue (None for floating quotes).
    ``speaker_title`` is a noun phrase ("harbour minister"), never a clause or an age; an age given
    in apposition ("Elena Ramos, 61") is ``speaker_age``.
    ``content_spans`` holds the ``(start, end)`` pieces of the content: one pair, or one per part
    of a quotation split around its cue and speaker (``“We will stay,” she said, “until the
    end.”``), so that neither is part of the content; ``content_start``/``content_end`` are the
    outer bounds. It is empty when there is no content. ``explain`` is the rule path that made
    the record (``cue:lexicon(say)``, ``speaker:left(apposition)``, …) when extraction was asked
    to explain itself, else None. ``embedded`` is true when the cue lies inside the content of
    another attribution: an indirect or mixed one of the same sentence (``Merrill says Machado
    promised to stay``: "promised" is Machado's speech as Merrill reports it) or a direct
    quotation; the outer record keeps its full content.
    """

    doc_id: str | None
    speaker: str | None
    speaker_type: str
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_lemma: str | None
    cue_start: int
    cue_end: int
    content: str | None
    content_start: int | None
    content_end: int | None
    kind: str
    verb_category: str | None
    speaker_title: str | None = None
    speaker_age: int | None = None
    paragraph: int = 0
    sentence: int = 0
    content_spans: tuple[tuple[int, int], ...] = ()
    explain: tuple[str, ...] | None = None
    embedded: bool = False


COLUMNS = tuple(f.name for f in fields(Attribution))


@dataclass(frozen=True)
class RejectedCue:
    """A candidate cue that became no attribution, listed by an explained extraction.

    ``rule`` is the cue rule that looked at it (``cue:lexicon(say)``, ``cue:colon``,
    ``cue:source phrase``); ``reason`` the name of its
    :class:`~toolkit.attribution.drafts.CueOutcome` in lower case (``no_speaker_or_quote``) and
    ``reason_text`` its description. ``kind`` is always ``rejected``.
    """

    doc_id: str | None
    cue: str
    cue_start: int
    cue_end: int
    rule: str
    reason: str
    reason_text: str
    kind: str = "rejected"


def to_frame(records: Iterable[Attribution]) -> pd.DataFrame:
    """Tidy table, one row per attribution, columns ``COLUMNS``, sorted by doc_id and cue_start."""
    import pandas as pd

    # Fields are read straight off each record: every value is already a plain value or a
    # tuple of them, so the recursive copy of dataclasses.asdict would only cost time.
    row = attrgetter(*COLUMNS)
    frame = pd.DataFrame([row(r) for r in records], columns=list(COLUMNS))
    frame = frame.sort_values(["doc_id", "cue_start", "cue_end"], kind="stable", na_position="first")
    for column in ("speaker_start", "speaker_end", "content_start", "content_end"):
        frame[column] = frame[column].astype("Int64")
    return frame.reset_index(drop=True)


def cued(records: Iterable[Attribution]) -> list[Attribution]:
    """Records that have a cue: floating continuations dropped.

    PolNeAR-style gold counts a cue-less quotation that continues a speaker's quote as part of
    the attribution before it; ``toolkit quotes --no-floating`` writes this view.
    """
    return [r for r in records if r.kind != "floating"]
