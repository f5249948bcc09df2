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
from bisect import bisect_left, bisect_right
from functools import lru_cache

from toolkit.attribution.speakers.mentions import organization_id, without_possessive
from toolkit.attribution.speakers.terms import speaker_terms
from toolkit.attribution.word_classes import (
    DISCOURSE_MARKERS,
    MONTHS,
    NAME_DETERMINERS,
    NOT_FIRST_NAMES,
    NOT_SPEAKER_STARTS,
    PRONOUN_GENDERS,
    SPEAKER_NAME_FUNCTION_WORDS,
    TIME_WORDS,
)
from toolkit.attribution.words import is_ly_adverb

__all__ = ["full_name", "known_person", "named_after_class_noun", "named_body",
           "named_with_title", "role_holder", "shorter_full_name", "title_before",
           "titled_holder"]

_ORG_NAME = r"[A-Z][\w’'.-]*"
# one word before ", the <role>" that names no one (``in May, the spokesman``, ``Instead, the
# senator``)
_NOT_HOLDERS = MONTHS | TIME_WORDS | DISCOURSE_MARKERS | frozenset({"may"})
_NAME_PATTERN = r"(?:[A-Z]\.\s)*[A-Z][\w’'-]+(?:\s(?:[A-Z]\.\s)*[A-Z][\w’'-]+){0,2}"


def full_name(surname: str, text: str, *, before: int) -> str | None:
    """Nearest fuller name ending in ``surname`` in ``text`` (preceding ``before`` first)."""
    found = _index(text).full_names(surname)
    if not found:
        return None
    k = bisect_right(found, (before, "\uffff"))
    return found[k - 1][1] if k else found[0][1]


def shorter_full_name(name: str, text: str) -> str | None:
    """A fuller name the text gives elsewhere that ends ``name`` and is shorter than it: the
    person in a title-case headline's ``Conservative Icon Morton Blackwell`` is the body's
    ``Morton Blackwell``. The longest such name; None when there is none."""
    words = name.split()
    if len(words) < 3:
        return None
    forms = {form for _, form in _index(text).full_names(without_possessive(words[-1]))}
    for k in range(1, len(words) - 1):
        tail = " ".join(words[k:])
        if tail in forms:
            return tail
    return None


def role_holder(text: str, role: str, *, position: int) -> str | None:
    """``the council's chair``: the person the document names in apposition with that role
    ("J. K. Lindqvist, the council's chair", "Its chair, J. K. Lindqvist"), nearest before
    ``position`` first; a match whose description holds the role's qualifiers ("council") wins."""
    noun = role.split()[-1] if role.split() else ""
    if not noun or noun.endswith("s") and not noun.endswith("ss"):
        return None
    found = _index(text).role_holders(role)
    if not found:
        return None
    starts = found[max(found)]  # the names whose description holds most qualifiers
    k = bisect_left(starts, (position, ""))
    return starts[k - 1][1] if k else starts[0][1]


def named_body(text: str, noun: str, *, position: int) -> str | None:
    """Name of the organization whose name is headed by ``noun`` (capitalized) nearest before
    ``position`` (else the first after it): ``Regional Water Council``, ``Ministry of Water and
    Energy``."""
    found = _index(text).bodies(noun)
    if not found:
        return None
    k = bisect_left(found, (position, ""))
    return found[k - 1][1] if k else found[0][1]


def titled_holder(text: str, titles: list[str], *, position: int) -> str | None:
    """The name written after one of ``titles`` ("President", "Sen.") nearest before ``position``
    ("President Ana Lund" -> "Ana Lund"), else None."""
    found = sorted(hit for title in titles for hit in _index(text).titled(title))
    k = bisect_left(found, (position, ""))
    return found[k - 1][1] if k else None


def named_with_title(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` with a title or honorific somewhere ("Ms. Kessel", "Sen.
    Vell")?"""
    titles = speaker_terms().titles
    return any(before.lower() in titles for before in _index(text).preceding(word))


def title_before(word: str, text: str) -> str | None:
    """A capitalized title the text writes right before ``word`` ("President Lund" -> "President"),
    the alphabetically first of several; None when there is none."""
    titles = speaker_terms().titles
    found = sorted(before for before in _index(text).preceding(word)
                   if before[:1].isupper() and before.lower() in titles)
    return found[0] if found else None


def known_person(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` as a person (a fuller name or a title before it)?"""
    word = without_possessive(word)
    if full_name(word, text, before=len(text)) is not None:
        return True
    titles = speaker_terms().titles
    return any(before[:1].isupper() and before.lower() in titles
               for before in _index(text).preceding(word))


def named_after_class_noun(name: str, text: str) -> bool:
    """``the consultancy Kestrel Hydro``, ``the company Acme Works``: an institution noun in
    apposition before the name makes it an organization."""
    return any(named == name or named.startswith(name + " ") for named in _class_named(text))


@lru_cache(maxsize=4)
def _class_named(text: str) -> frozenset[str]:
    bodies = "|".join(sorted(speaker_terms().bodies))
    pattern = rf"\b(?:the|a|an)\s(?:[a-z]+\s)?(?:{bodies})\s([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)"
    return frozenset(re.findall(pattern, text))


_TOKEN = re.compile(r"\S+")
_WORD_END = re.compile(r"\w(?!\w)")
_SPACED_WORD = re.compile(r"(?<!\S)\w+")
_LEADING_WORD = re.compile(r"\w+")
# Words looked up in a text by a scan of their own before all its words are indexed at once: a
# few scans cost less than the index, and the index keeps the work linear in the text's length
# when there are many.
_SCANS_BEFORE_INDEX = 16


_CLOSING_QUOTE = re.compile(r"[,.]?(?:”|\"|''|’)")


def _quoted_term(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a whole quotation, a term the writer quotes (``put the location as
    ''Wilayat Twitter,''``) rather than a person's name?"""
    return text[max(0, start - 2):start].endswith(("“", '"', "''", "‘")) \
        and _CLOSING_QUOTE.match(text, end) is not None


def _is_word_char(text: str, i: int) -> bool:
    """Is ``text[i]`` a character ``\\w`` matches (False outside the text)?"""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _may_end_name_start(text: str, p: int) -> bool:
    """Can a first name or initials (``[A-Z]. `` or ``Word `` where the word starts with neither
    a lower-case letter a-z, a digit nor ``_``) end right before ``p``? (True when unsure: a word
    longer than 64 characters.)"""
    if p < 2 or text[p - 1] != " ":
        return False
    if text[p - 2] == ".":
        return p >= 3 and "A" <= text[p - 3] <= "Z"
    start = p - 2
    while start >= 0 and _is_word_char(text, start):
        if p - start > 64:
            return True
        start -= 1
    return start < p - 2 and text[start + 1] not in "abcdefghijklmnopqrstuvwxyz0123456789_"


def _spaced_word_starts(text: str, word: str) -> list[int]:
    """The starts of the matches of ``(?<!\\S)\\w+`` in ``text`` that are ``word``."""
    if _LEADING_WORD.fullmatch(word) is None:
        return []
    found = []
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if (p == 0 or text[p - 1].isspace()) and not _is_word_char(text, p + n):
            found.append(p)
        p = text.find(word, p + 1)
    return found


def _tokens_before(text: str, word: str) -> set[str]:
    """The tokens (runs of non-space characters) that stand right before a token starting with
    ``word`` as a whole word, as :meth:`_TextIndex.preceding` finds them with its index."""
    if not word or not _is_word_char(word, len(word) - 1) or any(c.isspace() for c in word):
        return set()
    found = set()
    n = len(word)
    p = text.find(word)
    while p >= 0:
        if p and text[p - 1].isspace() and not _is_word_char(text, p + n):
            end = p - 1
            while end >= 0 and text[end].isspace():
                end -= 1
            start = end
            while start >= 0 and not text[start].isspace():
                start -= 1
            if end >= 0:
                found.add(text[start + 1:end + 1])
        p = text.find(word, p + 1)
    return found


# How far a name pattern's match reaches before and after the looked-up word it contains.
_FULL_NAME_REACH = (100, 2)
_ROLE_REACH = (400, 400)


class _TextIndex:
    """What the name helpers look up in one text, found once per text and cached by word, so
    that a document's speaker work is linear in its length rather than in length times
    mentions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._full: dict[str, list[tuple[int, str]]] = {}
        self._roles: dict[str, dict[int, list[tuple[int, str]]]] = {}
        self._bodies: dict[str, list[tuple[int, str]]] = {}
        self._preceding: dict[str, list[tuple[str, str]]] | None = None
        self._preceding_found: dict[str, set[str]] = {}
        self._titled: dict[str, list[tuple[int, str]]] = {}
        self._word_starts: dict[str, list[int]] | None = None
        self._scanned_starts: dict[str, list[int]] = {}

    def _starts(self, word: str) -> list[int]:
        """Starts of the whole words ``word`` that follow white space (or open the text)."""
        if self._word_starts is None:
            found = self._scanned_starts.get(word)
            if found is not None:
                return found
            if len(self._scanned_starts) < _SCANS_BEFORE_INDEX:
                found = self._scanned_starts[word] = _spaced_word_starts(self.text, word)
                return found
            table: dict[str, list[int]] = {}
            for m in _SPACED_WORD.finditer(self.text):
                table.setdefault(m.group(), []).append(m.start())
            self._word_starts = table
        return self._word_starts.get(word, [])

    def _finditer_around(self, pattern: re.Pattern[str], literal: str,
                         reach: tuple[int, int]) -> list[re.Match[str]]:
        """``pattern.finditer(text)`` for a pattern whose every match holds ``literal`` after
        white space, at most ``reach[0]`` characters after the match start and ending at most
        ``reach[1]`` characters after the literal ends: only the text around the literal's
        occurrences is searched, so that looking up many words is not a scan of the whole text
        per word."""
        word = _LEADING_WORD.match(literal)
        if word is None:
            return list(pattern.finditer(self.text))
        text, before, after = self.text, reach[0], len(literal) + reach[1]
        found: list[re.Match[str]] = []
        last_end = 0
        for p in self._starts(word.group()):
            if p < last_end or not text.startswith(literal, p):
                continue
            pos, end = max(last_end, p - before), min(len(text), p + after + 1)
            while pos <= p:
                m = pattern.search(text, pos, end)
                if m is None or m.start() > p:
                    break
                m = pattern.match(text, m.start())
                if m is None or m.end() >= end and end < len(text):
                    break
                found.append(m)
                last_end = pos = m.end() if m.end() > m.start() else m.end() + 1
        return found

    def preceding(self, word: str) -> set[str]:
        """The tokens that stand right before a token starting with ``word`` (whole word)."""
        found = self._preceding_found.get(word)
        if found is not None:
            return found
        if self._preceding is None and len(self._preceding_found) < _SCANS_BEFORE_INDEX:
            found = self._preceding_found[word] = _tokens_before(self.text, word)
            return found
        if self._preceding is None:
            # each token once, under its first word ("U.S." under "U"), with the token before
            table: dict[str, list[tuple[str, str]]] = {}
            previous = None
            for m in _TOKEN.finditer(self.text):
                token = m.group()
                if previous is not None:
                    end = _WORD_END.search(token)
                    if end is not None:
                        table.setdefault(token[:end.end()], []).append((token, previous))
                previous = token
            self._preceding = table
        found = set()
        first = _WORD_END.search(word)
        if first is not None:
            n = len(word)
            for token, previous in self._preceding.get(word[:first.end()], ()):
                if token.startswith(word) and _WORD_END.match(token, n - 1) is not None:
                    found.add(previous)
        self._preceding_found[word] = found
        return found

    def titled(self, title: str) -> list[tuple[int, str]]:
        """``(start, name)`` of each name written after the capitalized ``title``."""
        found = self._titled.get(title)
        if found is None and title not in self.text:  # every match holds the title
            found = self._titled[title] = []
        if found is None:
            pattern = re.compile(rf"(?<![\w.]){re.escape(title)}\s+(?P<name>{_NAME_PATTERN})")
            found = []
            for m in pattern.finditer(self.text):
                name = [without_possessive(w) for w in m.group("name").split()]
                if name and not any(w.lower() in NOT_FIRST_NAMES
                                              or w.lower() in speaker_terms().titles
                                              for w in name):
                    found.append((m.start(), " ".join(name)))
            self._titled[title] = found
        return found

    def _may_have_full_name(self, surname: str) -> bool:
        """False when no occurrence of ``surname`` has what :meth:`full_names`'s pattern needs
        right before it: an initial and a space (``J. ``) or a space after a word that does not
        start with a lower-case letter, a digit or ``_`` (``Ana ``)."""
        word = _LEADING_WORD.match(surname)
        if word is None:
            return True
        text = self.text
        return any(text.startswith(surname, p) and _may_end_name_start(text, p)
                   for p in self._starts(word.group()))

    def full_names(self, surname: str) -> list[tuple[int, str]]:
        """``(start, full name)`` of each fuller name ending in ``surname``, in text order."""
        found = self._full.get(surname)
        if found is None and not self._may_have_full_name(surname):
            found = self._full[surname] = []  # and no pattern compiled for nothing
        if found is None:
            pattern = re.compile(r"\b((?:[A-Z]\. ){1,3}|[^\W\d_a-z][^\W\d_A-Z]+ (?:[A-Z]\. )?)"
                                 + re.escape(surname) + r"\b")
            titles = speaker_terms().titles
            found = []
            for m in self._finditer_around(pattern, surname, _FULL_NAME_REACH):
                first = m.group(1).split()[0].lower()
                if first not in titles and first not in NOT_FIRST_NAMES \
                        and not _quoted_term(self.text, m.start(), m.end()):
                    found.append((m.start(), m.group(1) + surname))
            self._full[surname] = found
        return found

    def role_holders(self, role: str) -> dict[int, list[tuple[int, str]]]:
        """Named holders of ``role`` by how many of its qualifiers their description holds:
        ``{score: [(start, name), ...]}`` in text order."""
        found = self._roles.get(role)
        if found is None and role.split()[-1] not in self.text:  # every match holds the noun
            found = self._roles[role] = {}
        if found is None:
            found = {}
            words = role.split()
            noun = words[-1]
            qualifiers = [without_possessive(w).lower() for w in words[:-1]]
            terms = speaker_terms()
            titles = terms.titles
            patterns = [re.compile(rf"(?P<name>{_NAME_PATTERN}),\s+(?P<desc>(?:[Tt]he|[Ii]ts|"
                                   rf"[\w’'.-]+[’']s?)\s(?:[\w’'.-]+\s){{0,4}}?){re.escape(noun)}\b"
                                   rf"(?![’'])")]
            if noun + "," in self.text:  # what the name after the role needs
                patterns.append(re.compile(rf"(?P<desc>\b(?:[Tt]he|[Ii]ts)\s(?:[\w’'.-]+\s)"
                                           rf"{{0,4}}?){re.escape(noun)},\s+(?P<name>{_NAME_PATTERN})"))
            for pattern in patterns:
                for m in self._finditer_around(pattern, noun, _ROLE_REACH):
                    name = m.group("name").split()
                    while name and name[0].lower() in titles:
                        name = name[1:]
                    if not name or any(w.lower() in NOT_FIRST_NAMES
                                       or w.lower() in NOT_SPEAKER_STARTS
                                       or w.lower() in PRONOUN_GENDERS
                                       or w.lower() in terms.orgs
                                       or w.lower() in terms.bodies for w in name) \
                            or len(name) == 1 and (name[0].lower() in _NOT_HOLDERS
                                                   or is_ly_adverb(name[0])):
                        continue  # not a person ("the State Department, the candidate for",
                        # "in May, the spokesman said", "Instead, the senator")
                    desc = m.group("desc").lower()
                    score = sum(q in desc for q in qualifiers)
                    found.setdefault(score, []).append((m.start(), " ".join(name)))
            for starts in found.values():
                starts.sort()
            self._roles[role] = found
        return found

    def bodies(self, noun: str) -> list[tuple[int, str]]:
        """``(start, organization id)`` of each name of two words or more headed by ``noun``, in
        text order."""
        found = self._bodies.get(noun)
        if found is None and noun.capitalize() not in self.text:  # every match holds it
            found = self._bodies[noun] = []
        if found is None:
            pattern = re.compile(rf"(?:{_ORG_NAME}\s+){{0,4}}{re.escape(noun.capitalize())}\b"
                                 rf"(?:\s+of\s+(?:the\s+)?{_ORG_NAME}"
                                 rf"(?:\s+(?:and|&)\s+{_ORG_NAME}|\s+{_ORG_NAME})*)?")
            terms = speaker_terms()
            found = []
            for m in pattern.finditer(self.text):
                words = m.group().split()
                while words and (words[0].lower() in NAME_DETERMINERS
                                 or words[0].lower() in SPEAKER_NAME_FUNCTION_WORDS):
                    words = words[1:]
                if len(words) >= 2:  # the noun alone ("The Post") names no organization
                    found.append((m.start(), organization_id(words, terms)))
            self._bodies[noun] = found
        return found


@lru_cache(maxsize=4)
def _index(text: str) -> _TextIndex:
    return _TextIndex(text)
