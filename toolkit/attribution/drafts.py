"""An attribution while the rules build it, and what became of a cue match.

A :class:`Draft` holds offsets into the document text (cue, speaker mention, content and the
pieces of a content split around its cue) and the mention's head and context strings; the rules fill it in step by step. A rule that decides against
a cue returns a :class:`CueOutcome` saying why.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from enum import Enum

from toolkit.attribution.speakers import Resolved
from toolkit.attribution.verb_lexicon import CueEntry

__all__ = ["CueOutcome", "Draft", "Rejection", "mark_embedded", "mention_position"]


class CueOutcome(Enum):
    """What became of one cue match: an attribution, or why it is none."""

    ACCEPTED = "accepted"
    UNKNOWN_FORM = "the matched form is not in the lexicon"
    IGNORED_SPAN = "in excluded boilerplate or inside a quotation"
    NOT_A_SPEAKER_LABEL = "the word before the colon is no speaker"
    SOURCE_MID_SENTENCE = "a source phrase that does not open its sentence"
    CAPITALIZED = "capitalized cue that neither opens a sentence nor sits in a title-case headline"
    AFTER_MARKUP = "right after markup"
    NOUN_USE = "the cue form is a noun here"
    PLURAL_SUBJECT = "the cue form is a plural noun subject here"
    MODIFIER_USE = "the cue form modifies a noun here"
    OTHER_SENSE = "the cue form has a sense other than speech here"
    NO_INFINITIVE_GOVERNOR = "infinitive cue without a governing verb"
    BARE_PARTICIPLE = "-ing form that opens no participle clause"
    INTRANSITIVE_USE = "intransitive cue followed by a preposition"
    BY_MEANS = "the cue is done by an action (replied by recalling ...), not in words"
    NO_TOPIC = "speak or talk without a topic (about, of, out, up, on) after it"
    SUBJECT_CANNOT_SPEAK = "the subject is a participle phrase that cannot speak"
    THING_SUBJECT = "passive cue whose subject is a thing"
    HEADLINE_MODIFIER = "headline word modifying a noun-like cue form"
    INTRODUCES_COLON_QUOTE = "a thought or evidence cue in a clause that introduces a quotation after a colon"
    CITED_BY_MAIN_CLAUSE = "an opening participle clause citing a source for the main clause's own cue"
    NO_SPEAKER = "no source after the cue"
    NO_SPEAKER_OR_QUOTE = "neither a speaker nor a quotation"
    QUOTATION_NEEDED = "the cue attributes only with a quotation"
    FIRST_OR_SECOND_PERSON = "a first- or second-person thought"
    NO_CONTENT = "no content"
    OVERLAPS_PREVIOUS = "overlaps the previous attribution"
    INSIDE_SPEAKER = "a noun inside the previous attribution's speaker"
    INSIDE_CONTENT = "a thought, evidence or position cue inside another attribution's content"


@dataclass
class Draft:
    """An attribution before speaker canonicalization (mutable while the rules build it)."""

    cue_start: int
    cue_end: int
    entry: CueEntry | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    head: str = ""
    context: str = ""
    content_start: int | None = None
    content_end: int | None = None
    kind: str = "indirect"
    paragraph: int = 0
    sentence: int = 0
    content_spans: tuple[tuple[int, int], ...] = ()
    # reported inside another attribution's words (see ``mark_embedded``)
    embedded: bool = False
    antecedent: Draft | None = field(default=None, repr=False)
    resolved: Resolved | None = field(default=None, repr=False)
    # the rule path, ``cue:lexicon(say)`` …, recorded only when an extraction is explained
    steps: list[str] | None = field(default=None, repr=False)

    def set_speaker(self, text: str, start: int, end: int) -> None:
        """The speaker mention is ``text[start:end]``, which is also its head."""
        self.speaker_start, self.speaker_end = start, end
        self.head = text[start:end]


@dataclass(frozen=True)
class Rejection:
    """A cue match that became no attribution: where, which rule looked at it, and why."""

    cue_start: int
    cue_end: int
    rule: str
    outcome: CueOutcome


def mention_position(draft: Draft) -> int:
    """Where the speaker is mentioned: the mention, or the cue when there is none."""
    return draft.speaker_start if draft.speaker_start is not None else draft.cue_start


# Kinds whose content is the speaker's words, so that a cue inside it is reported second-hand.
_HOST_KINDS = ("indirect", "mixed", "direct")


def mark_embedded(drafts: list[Draft]) -> None:
    """Mark every draft whose cue lies inside another attribution's content as embedded.

    The other attribution is an indirect or mixed one of the same sentence (``Merrill says
    Machado promised to stay``), or a direct quotation (``“The mayor promised us a pool,” Laan
    said``); its content stays whole. One sweep over the drafts in cue order with the content
    pieces open at each cue, so the work grows with the number of drafts, not its square.
    """
    pieces = sorted((start, end, number)
                    for number, draft in enumerate(drafts) if draft.kind in _HOST_KINDS
                    for start, end in draft.content_spans)
    order = sorted(range(len(drafts)), key=lambda n: drafts[n].cue_start)
    open_pieces: list[tuple[int, int]] = []  # (end, host number), smallest end first
    next_piece = 0
    for number in order:
        draft = drafts[number]
        cue = draft.cue_start
        while next_piece < len(pieces) and pieces[next_piece][0] <= cue:
            start, end, host = pieces[next_piece]
            heapq.heappush(open_pieces, (end, host))
            next_piece += 1
        while open_pieces and open_pieces[0][0] <= cue:
            heapq.heappop(open_pieces)
        draft.embedded = any(_hosts(drafts[host], draft) for _, host in open_pieces
                             if host != number)


def _hosts(host: Draft, draft: Draft) -> bool:
    if host.kind == "direct":
        return True
    return (host.paragraph, host.sentence) == (draft.paragraph, draft.sentence)
