"""Names a document gives its speakers, found in the document text.

* the nearest fuller name ending in a surname ("Ramos" -> "Elena Ramos"); initials and a surname
  ("J. K. Lindqvist") are a full person name;
* the person named in apposition with a singular role ("J. K. Lindqvist, the council's chair");
* the named organization headed by an institution noun ("the ministry" -> "Ministry of Water and
  Energy");
* whether a word is named as a person (a fuller name or a title before it), and whether a name
  follows an institution noun ("the consultancy Kestrel Hydro", an organization).
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.attribution.speakers.mentions import (
    _DETERMINERS,
    _FUNCTION_WORDS,
    _NOT_SPEAKER_STARTS,
    PRONOUNS,
    organization_id,
    without_possessive,
)
from toolkit.attribution.speakers.terms import speaker_terms

__all__ = ["full_name", "known_person", "named_after_class_noun", "named_body",
           "named_with_title", "role_holder"]

_ORG_NAME = r"[A-Z][\w’'.-]*"
_NOT_FIRST_NAMES = frozenset("""the a an and but or because when if as while since after before by
in on at for with from to of that this then so although though during than until former
new""".split())
_NAME_PATTERN = r"(?:[A-Z]\.\s)*[A-Z][\w’'-]+(?:\s(?:[A-Z]\.\s)*[A-Z][\w’'-]+){0,2}"


def full_name(surname: str, text: str, *, before: int) -> str | None:
    """Nearest fuller name ending in ``surname`` in ``text`` (preceding ``before`` first)."""
    pattern = re.compile(r"\b((?:[A-Z]\. ){1,3}|[^\W\d_a-z][^\W\d_A-Z]+ (?:[A-Z]\. )?)"
                         + re.escape(surname) + r"\b")
    best = None
    for m in pattern.finditer(text):
        first = m.group(1).split()[0].lower()
        if first in speaker_terms().titles or first in _NOT_FIRST_NAMES:
            continue
        if m.start() > before and best is not None:
            break
        best = (m.group(1) + surname)
    return best


def role_holder(text: str, role: str, *, position: int) -> str | None:
    """``the council's chair``: the person the document names in apposition with that role
    ("J. K. Lindqvist, the council's chair", "Its chair, J. K. Lindqvist"), nearest before
    ``position`` first; a match whose description holds the role's qualifiers ("council") wins."""
    words = role.split()
    noun = words[-1]
    qualifiers = [without_possessive(w).lower() for w in words[:-1]]
    if noun.endswith("s") and not noun.endswith("ss"):
        return None
    after = re.compile(rf"(?P<name>{_NAME_PATTERN}),\s+(?P<desc>(?:[Tt]he|[Ii]ts|[\w’'.-]+[’']s?)\s"
                       rf"(?:[\w’'.-]+\s){{0,4}}?){re.escape(noun)}\b")
    before = re.compile(rf"(?P<desc>\b(?:[Tt]he|[Ii]ts)\s(?:[\w’'.-]+\s){{0,4}}?)"
                        rf"{re.escape(noun)},\s+(?P<name>{_NAME_PATTERN})")
    found: list[tuple[int, int, str]] = []
    for pattern in (after, before):
        for m in pattern.finditer(text):
            name = m.group("name").split()
            titles = speaker_terms().titles
            while name and name[0].lower() in titles:
                name = name[1:]
            if not name or any(w.lower() in _NOT_FIRST_NAMES or w.lower() in _NOT_SPEAKER_STARTS
                               or w.lower() in PRONOUNS for w in name):
                continue
            desc = m.group("desc").lower()
            score = sum(q in desc for q in qualifiers)
            nearness = -abs(m.start() - position) if m.start() < position else -10**9 + m.start()
            found.append((score, nearness, " ".join(name)))
    if not found:
        return None
    return max(found)[2]


def named_body(text: str, noun: str, *, position: int) -> str | None:
    """Name of the organization whose name is headed by ``noun`` (capitalized) nearest before
    ``position`` (else the first after it): ``Regional Water Council``, ``Ministry of Water and
    Energy``."""
    pattern = re.compile(rf"(?:{_ORG_NAME}\s+){{0,4}}{noun.capitalize()}\b"
                         rf"(?:\s+of\s+(?:the\s+)?{_ORG_NAME}"
                         rf"(?:\s+(?:and|&)\s+{_ORG_NAME}|\s+{_ORG_NAME})*)?")
    best = None
    for m in pattern.finditer(text):
        if m.start() >= position and best is not None:
            break
        best = m
        if m.start() >= position:
            break
    if best is None:
        return None
    words = best.group().split()
    terms = speaker_terms()
    while words and (words[0].lower() in _DETERMINERS or words[0].lower() in _FUNCTION_WORDS):
        words = words[1:]
    if len(words) < 2:
        return None
    return organization_id(words, terms)


def named_with_title(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` with a title or honorific somewhere ("Ms. Kessel", "Sen.
    Vell")?"""
    titles = speaker_terms().titles
    for m in re.finditer(r"(\S+)\s+" + re.escape(word) + r"\b", text):
        if m.group(1).lower() in titles:
            return True
    return False


def known_person(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` as a person (a fuller name or a title before it)?"""
    word = without_possessive(word)
    if full_name(word, text, before=len(text)) is not None:
        return True
    titles = speaker_terms().titles
    return any(m.group(1)[:1].isupper() and m.group(1).lower() in titles
               for m in re.finditer(r"(\S+)\s+" + re.escape(word) + r"\b", text))


def named_after_class_noun(name: str, text: str) -> bool:
    """``the consultancy Kestrel Hydro``, ``the company Acme Works``: an institution noun in
    apposition before the name makes it an organization."""
    return any(named == name or named.startswith(name + " ") for named in _class_named(text))


@lru_cache(maxsize=4)
def _class_named(text: str) -> frozenset[str]:
    bodies = "|".join(sorted(speaker_terms().bodies))
    pattern = rf"\b(?:the|a|an)\s(?:[a-z]+\s)?(?:{bodies})\s([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)"
    return frozenset(re.findall(pattern, text))
