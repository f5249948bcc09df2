"""Canonical speaker ids of one document's drafts.

Mentions are resolved in the order they occur (a draft without a mention counts at its cue): a
draft with an antecedent shares its speaker, the others go through the document's
:class:`~toolkit.attribution.speakers.mentions.Resolver`. A common-noun speaker in the headline
then takes the body's speaker id with the same head noun. An "I" that speaks outside any
quotation and any other attribution's content is the writer of the piece (an opinion column, a
first-person report): :data:`AUTHOR`.
"""

from __future__ import annotations

from collections import Counter

from toolkit.attribution.drafts import Draft, mention_position
from toolkit.attribution.speakers import Resolved, Resolver
from toolkit.attribution.speakers.quoted import ContentIndex
from toolkit.attribution.text import TextView

__all__ = ["AUTHOR", "canonicalize_speakers"]

_UNNAMED = " (unnamed)"  # the suffix of an id for an unnamed speaker
AUTHOR = Resolved("author" + _UNNAMED, "role", None, "-")


def canonicalize_speakers(view: TextView, drafts: list[Draft]) -> None:
    """Set ``resolved`` on every draft."""
    resolver = Resolver(view.text)
    for d in sorted(drafts, key=mention_position):
        if d.antecedent is not None and d.antecedent.resolved is not None:
            d.resolved = resolver.add(d.antecedent.resolved, mention_position(d))
        else:
            d.resolved = resolver.resolve(d.head, d.context, mention_position(d))
    _headline_speakers(view, drafts)
    _writer(view, drafts)


def _writer(view: TextView, drafts: list[Draft]) -> None:
    """``"Okay," I said, attempting to regroup.``: a first-person singular speaker outside
    quotation marks and outside every other draft's content is the piece's writer. (Inside a
    quotation or a reported content, "I" is that speech's speaker; see
    :func:`~toolkit.attribution.speakers.quoted_first_person`.)"""
    index = None
    for k, d in enumerate(drafts):
        if d.speaker_start is None or d.head.strip().lower() != "i" \
                or d.resolved is None or d.resolved.speaker is not None \
                or view.quotes.index_at(d.speaker_start) is not None:
            continue
        index = index or ContentIndex(drafts)
        if index.innermost(d.speaker_start, d.speaker_start + 1, skip=k) is None:
            d.resolved = AUTHOR
    if index is None:
        return
    # what continues the writer's speech (a floating quote, "adding") is theirs; an antecedent
    # comes before the draft that continues it
    for d in sorted(drafts, key=mention_position):
        if d.antecedent is not None and d.antecedent.resolved is AUTHOR \
                and d.resolved is not None and d.resolved.speaker is None:
            d.resolved = AUTHOR

def _headline_speakers(view: TextView, drafts: list[Draft]) -> None:
    """``Leaked report says …`` / ``Water council offers …`` in the headline: a common-noun
    speaker (lower-case head noun) takes the body's speaker id with the same head noun
    ("report", "Regional Water Council"), the most frequent one."""
    body: Counter[tuple[str, str]] = Counter()
    for d in drafts:
        r = d.resolved
        if r is not None and r.speaker and d.cue_start >= view.headline_end \
                and r.type in ("organization", "person") and not r.speaker.endswith(_UNNAMED):
            body[(_head_noun(r.speaker), r.speaker)] += 1
    if not body:
        return
    for d in drafts:
        r = d.resolved
        if r is None or not r.speaker or d.cue_start >= view.headline_end or d.antecedent is not None:
            continue
        words = r.speaker.removesuffix(_UNNAMED).split()
        if len(words) < 2 and not r.speaker.endswith(_UNNAMED) or not words[-1].islower() \
                or r.type not in ("organization", "person"):
            continue
        options = [(n, key[1]) for key, n in body.items() if key[0] == words[-1]]
        if options:
            speaker = max(options)[1]
            kind = next(x.resolved.type for x in drafts if x.resolved is not None
                        and x.resolved.speaker == speaker)
            d.resolved = Resolved(speaker, kind, None, r.gender)


def _head_noun(name: str) -> str:
    """The noun heading an organization or person id, lower case: the word before "of" in
    ``Ministry of Transport``, else the last word (``Regional Water Council``)."""
    words = name.split()
    if "of" in words[1:]:
        return words[words.index("of", 1) - 1].lower()
    return words[-1].lower()
