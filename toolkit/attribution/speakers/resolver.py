"""Canonical speakers within one document: names, pronouns and role nouns to earlier speakers.

Canonical ids within one document:

* persons are full names without titles ("Elena Ramos"); a lone surname takes the fuller name the
  document gives it; a lone name with no first name, title or person cue is an organization
  (countries, places and companies speak through such names);
* a role noun of an organization with a determiner ("the ministry said", "the council") takes the id
  of the organization of that kind the document names, nearest before the mention first
  ("Valdoria's Ministry of Water and Energy" ... "the ministry" -> "Ministry of Water and Energy");
  when the document names none, or the determiner is a possessive ("her government"), the id is the
  noun followed by ``(unnamed)`` ("ministry (unnamed)"), typed organization;
* common-noun ids are lower case: a capitalized first word that only opens a sentence or a headline
  ("Critics say", "Analysts said") is lowered when the speaker terms list it or the document uses it
  in lower case; a headline's common-noun speaker ("Leaked report says") takes the body's speaker
  id with the same head noun ("report");
* a singular role with a determiner or possessive ("the council's chair") takes the person the
  document names in apposition with that role ("J. K. Lindqvist, the council's chair");
* a capitalized name after an institution noun ("the consultancy Kestrel Hydro") is an organization;
* a definite anonymous mention ("the official") is the earlier anonymous source with that noun.

Pronouns take the subject of the previous sentence when it names a person and no speaker was
mentioned since, else the nearest earlier compatible speaker. Gender is a heuristic cue, never a
fact about a person: it comes from titles and honorifics anywhere in the document ("Ms. Ramos"),
from pronouns already resolved to the person, and last from the first-name list.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from toolkit.attribution.speakers.mentions import (
    GROUP,
    MEMBER,
    Mention,
    describe,
    is_common_plural,
    person_gender,
    without_possessive,
)
from toolkit.attribution.speakers.names import (
    full_name,
    known_person,
    named_after_class_noun,
    named_body,
    named_with_title,
    role_holder,
    shorter_full_name,
    title_before,
    titled_holder,
)
from toolkit.attribution.speakers.terms import speaker_terms
from toolkit.attribution.word_classes import (
    COURTESY_TITLES,
    FINITE_AUXILIARIES,
    GROUP_QUANTIFIERS,
    ISSUED_DOCUMENTS,
    MONTHS,
    NAME_DETERMINERS,
    NOT_FIRST_NAMES,
    PRONOUN_GENDERS,
    RELATIVE_PRONOUNS,
    SPEAKER_NAME_FUNCTION_WORDS,
    SUBORDINATORS,
    TIME_LEADS,
    TIME_WORDS,
    TITLE_ABBREVIATIONS,
)

__all__ = ["Resolved", "Resolver", "group_id"]

_PRONOUN_WINDOW = 6
# how far back "the statement" looks for the sentence that last named a statement
_ISSUER_REACH = 3000
# ``President Obama released a statement``, ``the Holocaust Museum issued a brief statement``:
# the name before a verb of issuing issues the document
_ISSUING = r"(?:issued|released|put\s+out|sent|posted|published|provided|circulated|tweeted)"
_ISSUER_BEFORE = re.compile(
    r"((?:[A-Z][\w’'.&/-]*\s+){0,4}[A-Z][\w’'.&/-]*)\s+(?:[a-z]+ly\s+)?" + _ISSUING
    + r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}\Z")
# ``a separate statement issued by the Sanders campaign``: the agent after the document
_ISSUER_AFTER = re.compile(
    r"\w*\s+(?:\w+\s+)?" + _ISSUING + r"\s+by\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'.&/-]*\s+){0,4}(?:[A-Z][\w’'.&/-]*|campaign|office|committee))")
_ISSUED_IN = re.compile(r"\b[Ii]n\s+(?:a|an|the|its|his|her|their)\s+(?:[a-z]+\s+)?\Z")
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z]\.\s+)*([A-Z][\w’'-]+"
                        r"(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'-]+){0,2})")
# Where a match of _HONORIFIC can start (every one starts "Mr", "Ms" or "Mi"); finding these
# first and trying the pattern there alone is much faster than trying it everywhere.
_HONORIFIC_START = re.compile(r"M[rsi]")
_UNNAMED = " (unnamed)"
_RUN_LOOK_BACK = 40  # capitalized runs looked at before a pronoun
_WORDS_AFTER = re.compile(r"(?:[ \t]+[\w’'-]+){1,4}")
_NAME_RUN = re.compile(r"(?:(?:[A-Z][\w’'.-]*|[A-Z]\.)(?:[ \t]+of)?[ \t]+){0,3}"
                       r"[A-Z][\w’'-]*[\w]")  # "Secretary of State Ana Lund" whole
_NAME_BEFORE = re.compile(r"(?P<name>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*\w)\s*[,—–-]*\s*$")
_PLACE = re.compile(r"\b(?:[Ii]n|[Ff]rom|[Aa]cross|[Tt]hroughout)\s+([A-Z][\w’'-]+)")
_SENTENCE_BREAK = re.compile(r"(?:[.!?][”\"’']*\s+|\n\s*)(?=[“\"]?[A-Z])")
# ``Researchers at the University of Tarn used …``: a sentence opening with a plural noun (and a
# phrase after it) as its subject, then a verb
_PLURAL_SUBJECT = re.compile(
    r"(?:(?:The|Some|Many|Most|Several)\s+)?(?P<noun>[A-Z]?[a-z]+[^s\W]s)\b"
    r"(?:\s+(?:at|of|from|in|with|for)\s+[^,.;:“”\"]{1,60}?)?"
    r"(?=\s+(?:[a-z]+ed|have|had|were|are|say|said|found|used|took|made|saw|spent)\b)")
# a sentence that is a quotation up to a trailing cue (``“We'll see,” she said``)
_QUOTE_ONLY = re.compile(r"\s*[“\"][^“”\"]*[”\"],?\s*")
# a capitalized word after "the" (``the Ledger``)
_AFTER_THE = re.compile(r"\b[Tt]he ([A-Z][\w’'-]*)\b")
# a sentence opening with a subordinate clause (``When I asked the mayor …, he told me``), and a
# role noun after "the" in it
SUBORDINATE_OPENING = re.compile(
    r"[“\"]?(?:" + "|".join(sorted(w.capitalize() for w in SUBORDINATORS)) + r")\s")
_THE_NOUN = re.compile(r"\b[Tt]he\s+([a-z]+)\b")
# ``The health minister is due to …``: a sentence opening with a role noun as its subject
_ROLE_SUBJECT = re.compile(r"(?:The|A|An|Its|Their)\s+(?P<role>(?:[a-z]+\s+){0,2}(?P<noun>[a-z]+))"
                           r"(?=\s+(?:is|was|has|had|will|would|said|says|[a-z]+ed)\b)")
_SUBJECT = re.compile(r"(?:[A-Z][^,.;:!?“”\"]{0,40},\s+)?"
                      r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,2})"
                      r"(?=,|\s+[a-z])")


@dataclass(frozen=True)
class Resolved:
    """Canonical speaker of one mention."""

    speaker: str | None
    type: str
    title: str | None
    gender: str
    age: int | None = None


def _compatible(gender: str, candidate: Resolved) -> bool:
    if gender in ("m", "f"):
        return candidate.type in ("person", "anonymous", "role") \
            and candidate.gender in (gender, "-")
    if gender == "p":
        return candidate.type in ("organization", "anonymous", "group") \
            and candidate.gender in ("p", "o")
    if gender == "o":
        return candidate.type == "organization"
    return False


def _honorifics(text: str) -> Iterator[re.Match[str]]:
    """``_HONORIFIC.finditer(text)``, the pattern tried only where a match can start."""
    pos = 0
    for start in _HONORIFIC_START.finditer(text):
        if start.start() >= pos:
            match = _HONORIFIC.match(text, start.start())
            if match is not None:
                yield match
                pos = match.end()


# a share or count opening a subject (``About four in 10``, ``60 percent of the``, ``Half of``,
# ``A majority of``, ``Two-thirds of``, ``More than 200``); what follows names the group
_APPROXIMATE = (r"(?:(?:about|around|over|under|nearly|almost|roughly|just|only|some|more than|"
                r"fewer than|less than|at least)\s+)?")
_PERCENT = r"\d[\d.,]*\s*(?:%|percent|per cent)"
_IN_EVERY = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out of)\s+"
             r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)")
_SHARE = re.compile(
    _APPROXIMATE + r"(?:" + _IN_EVERY + r"\s+"
    r"|(?:" + _PERCENT + r"|half|a third|a quarter|a fifth|[a-z]+-(?:thirds|quarters|fifths)"
    r"|(?:a|the) (?:majority|minority|plurality)|majorities|most|many|some|all|none|dozens|hundreds"
    r"|thousands|millions|scores)\s+of\s+(?:the\s+|these\s+|those\s+)?"
    r"|\d[\d,]*\s+(?=(?!percent\b|per cent\b)[a-z]))",
    re.IGNORECASE)
# a share with no group after it (``51 percent said``, ``three in 10``): the poll's respondents
_BARE_SHARE = re.compile(_APPROXIMATE + r"(?:" + _PERCENT + r"|" + _IN_EVERY + r")", re.IGNORECASE)
# ``poll released in late August``, ``report released by the ministry on Wednesday``: the
# participle after a document noun and a time after it are not part of the document's id
_DOCUMENT_MODIFIER = re.compile(
    r"\b(poll|survey|study|report|analysis|review|audit|memo|letter|statement|paper|data)\s+"
    r"(?:released|published|conducted|issued|commissioned|carried out|made public|taken)\s*")
_TRAILING_TIME = re.compile(
    r"\s+(?:in|" + "|".join(sorted(TIME_LEADS)) + r")\s+(?:(?:early|late|mid)\s+)?(?:"
    + "|".join(sorted(TIME_WORDS | MONTHS | {"may"})) + r"|\d{4})\s*$", re.IGNORECASE)


def _document_id(head: str) -> str:
    """``a poll released in late August`` -> ``a poll``; ``a report released by the ministry on
    Wednesday`` -> ``a report by the ministry``: a document's id keeps its noun and its source."""
    m = _DOCUMENT_MODIFIER.search(head)
    if m is None:
        return head
    rest = _TRAILING_TIME.sub("", head[m.end():])
    rest = rest if rest.startswith(("by ", "from ", "of ", "in ")) else ""
    return (head[:m.end(1)] + (" " + rest if rest else "")).strip()


_NOT_A_GROUP = frozenset({"you", "them", "us", "those", "these", "which", "whom", "it"})
# a relative clause whose subject follows it (``his poisoning, which he blamed on …``)
OBJECT_RELATIVE = re.compile(r",\s*(?:which|that|whom)\s+\Z")
_RELATIVE_CLAUSE = re.compile(r"\s(?:who|whom|whose|that|which)\s")
# a person called by their age: ``the 31-year-old``, ``a 21-year-old student``
_AGED = re.compile(r"(?P<determiner>[Tt]he|[Aa]n?)\s+(?P<age>\d{1,3})-year-old\b(?P<rest>.*)", re.DOTALL)
# a plural common noun (with up to two words before it) and a place adjunct after it
_PLACE_AFTER_PLURAL = re.compile(
    r"(?P<group>(?:[A-Za-z]+\s){0,2}[A-Za-z]*[a-z](?<!s)s)\s+(?:in|across|around|throughout|outside"
    r"|at(?=\s+(?:the|a|an|this|that|their|its)\s+[a-z]))\s")


class Resolver:
    """Canonical speakers for the mentions of one document, fed in text order.

    Names merge on their surname ("Putin" -> "Vladimir Putin"); pronouns take the subject of the
    previous sentence when it names a person mentioned after the last speaker, else the nearest
    earlier speaker of compatible gender and number, and stay unresolved when there is none.
    Gender evidence from the document (honorifics, pronouns already resolved) overrides an
    unknown gender from the first-name list.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.history: list[Resolved] = []
        # speakers with their mention positions, in position order
        self.placed: list[tuple[int, int, Resolved]] = []
        self.names: dict[str, Resolved] = {}
        self.anonymous: dict[str, Resolved] = {}
        self.genders: dict[str, str] = {}
        self.holders: dict[str, Resolved] = {}  # role noun -> latest person titled with it
        self.last_position = -1
        self._name_runs: list[tuple[int, str]] | None = None
        self._group_words: list[tuple[int, str]] | None = None
        self._places: frozenset[str] | None = None
        self._the_names: frozenset[str] | None = None
        for m in _honorifics(text):
            gender = speaker_terms().titles.get(m.group(1).lower(), "-")
            if gender in ("m", "f"):
                name = [without_possessive(w) for w in m.group(2).split()]
                self.genders.setdefault(name[-1], gender)  # "Mr. Dario Lune": Lune
                self.genders.setdefault(" ".join(name), gender)

    def add(self, resolved: Resolved, position: int | None = None) -> Resolved:
        """Record a speaker known by other means (an antecedent)."""
        self.history.append(resolved)
        if resolved.type == "person" and resolved.title:
            noun = resolved.title.split()[-1].lower()
            self.holders[TITLE_ABBREVIATIONS.get(noun, noun)] = resolved
        if position is not None:
            self.last_position = max(self.last_position, position)
            insort(self.placed, (position, len(self.placed), resolved))
        return resolved

    def gender_of(self, candidate: Resolved) -> str:
        """Gender of a resolved speaker, document evidence first."""
        if candidate.type != "person" or not candidate.speaker:
            return candidate.gender
        evidence = self.genders.get(candidate.speaker) \
            or self.genders.get(candidate.speaker.split()[-1])
        return evidence or candidate.gender

    def resolve(self, head: str, context: str, position: int) -> Resolved:
        """Canonical speaker of the mention ``head`` (apposition ``context``) at ``position``."""
        if head.strip().lower() in ("the", "a", "an"):
            head = self._noun_after(head.strip(), position)
        head = _before_finite(head)
        relative = _RELATIVE_CLAUSE.search(head)
        if relative is not None and head[:relative.start()].strip() \
                and head[:relative.start()].split()[-1].lower() not in _NOT_A_GROUP | {"those"}:
            # ``Reviewers who tried it``, ``residents who live near the plant``: the noun phrase
            # the relative clause restricts (a lone plural opening the sentence is a common noun)
            head = head[:relative.start()]
            word = head.strip()
            if is_common_plural(word) and word.lower() not in speaker_terms().groups:
                head = word.lower()
        place = _PLACE_AFTER_PLURAL.match(head)
        if place is not None:
            # ``Workers in Marden (and across the valley)``: the plural noun is the group, the
            # place only says where its members are
            head = place.group("group")
            words = head.split()
            if is_common_plural(words[-1].capitalize()) \
                    and all(w.islower() for w in words[1:]) \
                    and head.lower() not in speaker_terms().groups:
                head = head.lower()  # ``Workers``, ``Political observers`` opening the sentence
        if not head.strip():
            return self.add(Resolved(None, "unresolved", None, "-"), position)
        head = _common_case(head, self.text)
        member = self._described_member(head)
        if member is not None:
            return self.add(member, position)
        if _BARE_SHARE.fullmatch(head.strip()):
            head = "respondents"  # ``51 percent said``: the share of a poll's respondents
        share = _SHARE.match(head)
        if share is not None and head[share.end():].strip() \
                and head[share.end():].split()[0].lower() not in _NOT_A_GROUP:
            # ``About four in 10 voters``, ``60 percent of the respondents``: the group polled
            head = head[share.end():]
            relative = _RELATIVE_CLAUSE.search(head)
            if relative is not None:
                head = head[:relative.start()]  # ``Half of the residents who took part``
        aged = _AGED.fullmatch(head.strip())
        if aged is not None:
            resolved = self._aged(aged)
            if resolved is not None:
                return self.add(resolved, position)
            head = f"the {aged.group('rest').strip()}"  # ``the 57-year-old scientist``: a role
        mention = describe(head, context=context)
        if mention.type == "pronoun":
            if mention.gender == "r":
                return self.add(self._relative(position), position)
            resolved = self._previous_subject(mention.gender, position) \
                if mention.gender != "p" else self._previous_group(position)
            if resolved is None and OBJECT_RELATIVE.search(self.text, max(0, position - 12),
                                                            position):
                # ``… Navalny after his poisoning, which he blamed on the Kremlin``: the person
                # the sentence names before the relative clause
                resolved = self._named_in_sentence(mention.gender, position)
            if resolved is None:
                resolved = self._pronoun(mention.gender)
            if resolved.speaker is None:
                resolved = self._named_before(mention.gender, position) or resolved
            if resolved.speaker is None:
                resolved = self._role_in_opening_clause(mention.gender, position) or resolved
            if mention.gender in ("m", "f") and resolved.type == "person" and resolved.speaker:
                self.genders.setdefault(resolved.speaker, mention.gender)
            return self.add(resolved, position)
        if mention.type == "none":
            return self.add(Resolved(None, "unresolved", None, "-"), position)
        if mention.type == "anonymous":
            return self.add(self._anonymous(mention, head), position)
        if mention.type == "organization" and mention.name.lower() in speaker_terms().bodies \
                and mention.name.islower():
            return self.add(self._body(mention.name, head, position), position)
        if mention.type == "role" \
                and head.split()[0].lower() in {"the", "its"} | _possessive_start(head):
            named = role_holder(self.text, mention.name, position=position)
            if named is not None:
                resolved = self._name(Mention(named, mention.name, "person", "-"), position)
                if resolved.type == "person":
                    return self.add(resolved, position)
        if mention.head == GROUP:
            return self.add(Resolved(group_id(mention.name.split()), "group", None, "p"), position)
        if mention.head == MEMBER:
            return self.add(Resolved(mention.name + _UNNAMED, "role", None, "-"), position)
        if mention.type == "role":
            return self.add(self._role(mention, position), position)
        if mention.type == "organization" and " " not in mention.name \
                and mention.name[:1].isupper() and mention.name.lower() in speaker_terms().orgs:
            # ``The Post`` in a document that names "The Washington Post"
            named = named_body(self.text, mention.name.lower(), position=position)
            if named and " " in named:
                return self.add(Resolved(named, "organization", None, "o"), position)
        if mention.type == "organization" and mention.gender == "p" and mention.name.islower() \
                and mention.name.split()[-1] not in speaker_terms().orgs:
            # ``workers``, ``the respondents``: a plural common noun names people as a group
            return self.add(Resolved(group_id(mention.name.split()), "group", None, "p"), position)
        if mention.type == "organization" and mention.name in ISSUED_DOCUMENTS \
                and head.split()[0].lower() in ("the", "this", "that"):
            issuer = self._issuer(mention.name, position)
            if issuer is not None:
                return self.add(issuer, position)
        if mention.type != "person":
            name = _document_id(mention.name) if mention.type == "organization" else mention.name
            return self.add(Resolved(name, mention.type, mention.title, mention.gender), position)
        return self.add(self._name(mention, position), position)

    def _name(self, mention: Mention, position: int) -> Resolved:
        resolved = _resolve_name(mention, self.text, position, self.names)
        if resolved.type == "person" and resolved.gender == "-":
            gender = self.gender_of(resolved)
            if gender != "-":
                resolved = Resolved(resolved.speaker, resolved.type, resolved.title, gender,
                                    resolved.age)
        return resolved

    def _aged(self, aged: re.Match[str]) -> Resolved | None:
        """``The 31-year-old added``: the person last quoted, called by their age; when the last
        speaker is no person, no one, or (None) the noun after the age (``the 57-year-old
        scientist``: a role). ``a 21-year-old student said``: someone unnamed."""
        age = int(aged.group("age"))
        rest = " ".join(aged.group("rest").split())
        if aged.group("determiner").lower() == "the":
            last = next((c for c in reversed(self.history[-_PRONOUN_WINDOW:])
                         if c.speaker is not None), None)
            if last is not None and last.type == "person":
                return last
            return None if rest else Resolved(None, "unresolved", None, "-")
        return Resolved(f"{age}-year-old{' ' + rest if rest else ''}", "anonymous", None, "-", age)

    def _pronoun(self, gender: str) -> Resolved:
        """Nearest earlier speaker of compatible gender and number (document evidence counts)."""
        for candidate in reversed(self.history[-_PRONOUN_WINDOW:]):
            if candidate.speaker is None:
                continue
            known = Resolved(candidate.speaker, candidate.type, candidate.title,
                             self.gender_of(candidate))
            if _compatible(gender, known):
                return candidate
        for candidate in reversed(self.history[-_PRONOUN_WINDOW:]):
            if candidate.speaker is not None:
                # ``Brandt said … He added``: a lone name the text gave no person cue
                return self._lone_name_person(candidate, gender) \
                    or Resolved(None, "unresolved", None, gender)
        return Resolved(None, "unresolved", None, gender)

    def _lone_name_person(self, candidate: Resolved, gender: str) -> Resolved | None:
        """``Okonjo spoke for an hour. He said …``: a lone capitalized name taken for an
        organization (no first name or title in the text) is a person when he or she takes it
        up; None for other candidates or a word that names organizations."""
        name = candidate.speaker or ""
        if gender not in ("m", "f") or candidate.type != "organization" or " " in name \
                or not name[:1].isupper() or name.isupper() or not name.isalpha():
            return None
        terms = speaker_terms()
        low = name.lower()
        if low in terms.orgs or low in terms.bodies or low in terms.groups \
                or low in terms.titles or low in NOT_FIRST_NAMES or name in self._place_words() \
                or self._after_the(name):
            return None  # ``the Ledger``: a name written with "the" is no person's
        self.genders.setdefault(name, gender)
        return Resolved(name, "person", None, gender)

    def _after_the(self, name: str) -> bool:
        """Does the text write the one-word ``name`` after "the" (``the Ledger``)? The words it
        writes so are found once per document."""
        if self._the_names is None:
            self._the_names = frozenset(_AFTER_THE.findall(self.text))
        return name in self._the_names

    def _place_words(self) -> frozenset[str]:
        """Capitalized words the text writes after "in", "from", "across" (``in Ostmark``):
        places, found once per document."""
        if self._places is None:
            self._places = frozenset(_PLACE.findall(self.text))
        return self._places

    def _noun_after(self, article: str, position: int) -> str:
        """A mention that is only an article (``The``): the article with the words the text
        writes after it up to a speaker noun of the lexicon ("The harbour minister", "A
        spokeswoman"); the article alone when no such noun comes within a few words."""
        terms = speaker_terms()
        nouns = terms.roles.keys() | terms.anonymous | terms.groups.keys() | terms.bodies
        words = _WORDS_AFTER.match(self.text, position + len(article))
        if words is None:
            return article
        kept = []
        for word in words.group().split():
            kept.append(word)
            if word.lower() in nouns:
                return " ".join([article, *kept])
            if word.lower() in FINITE_AUXILIARIES or word.lower() in SPEAKER_NAME_FUNCTION_WORDS:
                break
        return article

    def _relative(self, position: int) -> Resolved:
        """``Gov. Ana Lund, who said …``: a relative pronoun stands for the name right before
        it."""
        m = _NAME_BEFORE.search(self.text, max(0, position - 120), position)
        if m is not None:
            mention = describe(_leading_stopwords(m.group("name")))
            if mention.type == "person":
                resolved = self._name(mention, m.start("name"))
                if resolved.type == "person":
                    return resolved
        return Resolved(None, "unresolved", None, "r")

    def _named_before(self, gender: str, position: int) -> Resolved | None:
        """He/she with no earlier speaker to take: the nearest person the text names in this or
        the previous paragraph whose gender cue (honorific, title, pronoun already resolved or
        first name) agrees; a person without a gender cue is passed over."""
        if gender == "p":
            return self._group_before(position)
        if gender not in ("m", "f"):
            return None
        start = self._paragraph_start(self._paragraph_start(position) - 1)
        return self._person_named_before(position, start, (gender,), look_back=_RUN_LOOK_BACK)

    def _person_named_before(self, position: int, start: int, genders: tuple[str, ...], *,
                             look_back: int | None = None) -> Resolved | None:
        """The nearest person the text names between ``start`` and ``position`` (among the last
        ``look_back`` capitalized runs) whose gender, by the document's evidence, is one of
        ``genders``."""
        runs = self._runs()
        right = bisect_left(runs, (position,))
        stop = -1 if look_back is None else max(-1, right - 1 - look_back)
        for k in range(right - 1, stop, -1):
            at, words = runs[k]
            if at < start:
                break
            mention = describe(words)
            if mention.type != "person" or not mention.name or at + len(words) > position:
                continue
            resolved = _resolve_name(mention, self.text, at, dict(self.names))
            if resolved.type == "person" and self.gender_of(resolved) in genders:
                return resolved
        return None

    def _described_member(self, head: str) -> Resolved | None:
        """``the Utah Republican``, ``the Democrat``: a definite description by party or camp
        takes up the latest person speaker (``Jason Chaffetz … the Utah Republican asks``);
        None for other mentions or when no person spoke before."""
        words = head.split()
        if len(words) < 2 or words[0].lower() != "the" \
                or words[-1].lower() + "s" not in speaker_terms().groups \
                or not all(w[:1].isupper() for w in words[1:]):
            return None
        for candidate in reversed(self.history[-_PRONOUN_WINDOW:]):
            if candidate.type == "person" and candidate.speaker:
                return candidate
        return None

    def _named_in_sentence(self, gender: str, position: int) -> Resolved | None:
        """The nearest person named earlier in the sentence holding ``position`` whose gender
        cue, if the text gives one, agrees with he/she."""
        if gender not in ("m", "f"):
            return None
        start = max([m.end() for m in _SENTENCE_BREAK.finditer(
            self.text, max(0, position - 400), position)], default=max(0, position - 400))
        return self._person_named_before(position, start, (gender, "-"))

    def _group_before(self, position: int) -> Resolved | None:
        """They with no earlier speaker to take: the nearest group noun ("Republicans",
        "economists") the text writes before it in this or the previous paragraph."""
        if self._group_words is None:
            groups = speaker_terms().groups
            pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(groups)))
                                 + r")(?![\w’'-])", re.IGNORECASE)
            self._group_words = [(m.start(), groups[m.group().lower()])
                                 for m in pattern.finditer(self.text)]
        k = bisect_left(self._group_words, (position,))
        if k == 0:
            return None
        start, noun = self._group_words[k - 1]
        if start < self._paragraph_start(self._paragraph_start(position) - 1):
            return None
        return Resolved(group_id([noun]), "group", None, "p")

    def _runs(self) -> list[tuple[int, str]]:
        """Capitalized word runs of the text (possible names), found once per document."""
        if self._name_runs is None:
            self._name_runs = [(m.start() + len(m.group()) - len(name), name)
                               for m in _NAME_RUN.finditer(self.text)
                               if (name := _leading_stopwords(m.group()))]
        return self._name_runs

    def _paragraph_start(self, position: int) -> int:
        return self.text.rfind("\n\n", 0, max(0, position)) + 1 if position > 0 else 0

    def _previous_subject(self, gender: str, position: int) -> Resolved | None:
        """``Petar Lisac, 58, has decided to … He expects …``: a sentence-initial he/she takes the
        person named as subject of the previous sentence (a later he/she, the subject of its own
        sentence) when no speaker was mentioned since."""
        if gender not in ("m", "f") or position <= 0:
            return None
        starts = self._sentence_starts(position, 600)
        if position <= 600 and self.text[:1].isupper():
            starts.insert(0, 0)  # the document's first sentence
        if not starts:
            return None
        opens = not self.text[starts[-1]:position].strip(" “\"") \
            or _QUOTE_ONLY.fullmatch(self.text, starts[-1], position) is not None
        if not opens:
            # ``Brănescu has sold two cows, and she expects …``: the subject of this sentence
            m = _SUBJECT.match(self.text, starts[-1], position)
        elif len(starts) >= 2:
            m = _SUBJECT.match(self.text, starts[-2], starts[-1])
        else:
            return None
        role = _ROLE_SUBJECT.match(self.text, starts[-2] if opens else starts[-1], position)
        if role is not None:
            # ``The health minister is due to visit … She has promised``: a role noun as subject
            return self._role_subject(role, gender)
        if m is None or m.start("name") <= self.last_position:
            return None
        words = m.group("name").split()
        terms = speaker_terms()
        while len(words) > 1 and words[0].lower().rstrip(".") in terms.titles:
            words = words[1:]  # ``Mayor Ingrid Halvorsen arrived late. She said``
        if words[-1].endswith(("’s", "'s", "’", "'")) or any(
                w.lower() in terms.titles or w.lower() in terms.orgs or w.lower() in terms.bodies
                or w.lower() in NOT_FIRST_NAMES or w.lower() in PRONOUN_GENDERS for w in words):
            return None
        mention = Mention(" ".join(words), None, "person", person_gender([], words, terms))
        resolved = self._name(mention, m.start("name"))
        if resolved.type == "organization" and opens:
            resolved = self._lone_name_person(resolved, gender) or resolved
        if resolved.type != "person" or not _compatible(
                gender, Resolved(resolved.speaker, "person", None, self.gender_of(resolved))):
            return None
        return resolved

    def _sentence_starts(self, position: int, reach: int) -> list[int]:
        """Where the sentences that begin in the ``reach`` characters up to ``position`` start."""
        return [m.end() for m in _SENTENCE_BREAK.finditer(self.text, max(0, position - reach),
                                                          position + 1) if m.end() <= position]

    def _issuer(self, noun: str, position: int) -> Resolved | None:
        """``the statement`` (``noun``) at ``position``: in the sentence that last wrote the noun
        before it, the document named as a source there (``the congressional report said``,
        ``according to a Quinnipiac University poll``), else the source that spoke "in" it
        (``Boistard said in a statement``, ``In a letter, the council said``); None otherwise."""
        start = max(0, position - _ISSUER_REACH)
        found = [m.start() for m in re.finditer(r"\b" + re.escape(noun) + r"\b",
                                                self.text[start:position], re.IGNORECASE)]
        if not found:
            return None
        at = start + found[-1]
        issued = _ISSUED_IN.search(self.text, max(0, at - 40), at) is not None
        breaks = self._sentence_starts(at, 600)
        first = breaks[-1] if breaks else max(0, at - 600)
        after = _SENTENCE_BREAK.search(self.text, at, position)
        end = after.end() if after is not None else position
        before = _ISSUER_BEFORE.search(self.text, max(0, at - 120), at)
        after = _ISSUER_AFTER.match(self.text, at)
        named = before or after
        if named is not None:
            run = _leading_stopwords(named.group(1))
            if run:
                the = self.text[max(0, named.start(1) - 4):named.start(1)].lower() == "the "
                return self._named_issuer(("the " if the else "") + run, named.start(1))
        best: tuple[tuple[bool, int], Resolved] | None = None
        lo = bisect_left(self.placed, (first,))
        hi = bisect_left(self.placed, (end,))
        for place, _, resolved in self.placed[lo:hi]:
            if resolved.speaker is None \
                    or resolved.type not in ("person", "organization") \
                    or resolved.speaker.lower() == noun:
                continue
            if not _names_a_source(resolved.speaker, self.text, place):
                continue  # ``a new poll``, ``half``, a headline's ``Secret audit``
            named = noun in resolved.speaker.lower().split()
            if not named and not issued:
                continue
            key = (not named, abs(place - at))
            if best is None or key < best[0]:
                best = (key, resolved)
        return best[1] if best is not None else None

    def _named_issuer(self, run: str, position: int) -> Resolved | None:
        """The speaker a capitalized ``run`` names as the issuer of a document: a speaker already
        met whose id ends in its last word, else the person or organization it describes."""
        words = run.split()
        last = without_possessive(words[-1])
        for _, _, resolved in reversed(self.placed[-_PRONOUN_WINDOW * 20:]):
            if resolved.speaker and resolved.type in ("person", "organization") \
                    and resolved.speaker.split()[-1] == last:
                return resolved
        mention = describe(run)
        if mention.type == "person" and mention.head not in (GROUP, MEMBER) \
                and words[0] != "the":
            return self._name(mention, position)
        if mention.type == "organization" and mention.name[:1].isupper():
            return Resolved(mention.name, "organization", None, "o")
        return None

    def _previous_group(self, position: int) -> Resolved | None:
        """``Researchers at the University of Tarn used satellite data. They found …``: a
        sentence-initial "they" takes the plural noun the previous sentence opens with, when no
        speaker was mentioned since."""
        breaks = self._sentence_starts(position, 600)
        if len(breaks) < 2 or self.text[breaks[-1]:position].strip(" “\""):
            return None
        m = _PLURAL_SUBJECT.match(self.text, breaks[-2], breaks[-1])
        if m is None or m.start("noun") <= self.last_position:
            return None
        noun = m.group("noun").lower()
        terms = speaker_terms()
        if noun in terms.orgs or noun in terms.bodies or noun in _NOT_A_GROUP:
            return None
        return Resolved(group_id([noun]), "group", None, "p")

    def _role_in_opening_clause(self, gender: str, position: int) -> Resolved | None:
        """``When I asked the mayor about the surplus, he told me …``: a he/she opening the main
        clause after a subordinate clause takes the role that clause names last."""
        if gender not in ("m", "f"):
            return None
        breaks = self._sentence_starts(position, 300)
        start = breaks[-1] if breaks else max(0, position - 300)
        opening = self.text[start:position]
        if not SUBORDINATE_OPENING.match(opening) or not opening.rstrip().endswith(","):
            return None
        roles = speaker_terms().roles
        for m in reversed(list(_THE_NOUN.finditer(opening))):
            holder = roles.get(m.group(1))
            if holder in ("-", gender):
                return self._role_antecedent(m.group(1), holder, start + m.start(1))
        return None

    def _role_subject(self, role: re.Match[str], gender: str) -> Resolved | None:
        """The role (``health minister``) a sentence opens with, as the antecedent of a he/she
        (its holder when the document names one), when it is mentioned after the last speaker
        and its gender agrees; None otherwise."""
        noun = role.group("noun")
        holder_gender = speaker_terms().roles.get(noun)
        if role.start("role") <= self.last_position or holder_gender is None \
                or holder_gender not in ("-", gender):
            return None
        return self._role_antecedent(role.group("role"), holder_gender, role.start("role"))

    def _role_antecedent(self, role: str, gender: str, position: int) -> Resolved | None:
        """The role (``health minister``) at ``position`` as a pronoun's antecedent: its holder
        when the document names one, else the unnamed role; None when it resolves to neither."""
        resolved = self._role(Mention(role, None, "role", gender), position)
        return resolved if resolved.type in ("person", "role") else None

    def _body(self, noun: str, head: str, position: int) -> Resolved:
        """``the ministry``: the organization of that kind the document names, else ``ministry
        (unnamed)``."""
        first = head.split()[0].lower() if head.split() else ""
        if first in ("the", "this", "that"):
            name = named_body(self.text, noun, position=position)
            if name is not None:
                return Resolved(name, "organization", None, "o")
        return Resolved(noun + _UNNAMED, "organization", None, "p" if noun.endswith("s") else "o")

    def _role(self, mention: Mention, position: int) -> Resolved:
        """A role noun: plural, a group ("critics", "Republicans"); singular, the latest person
        the document titles with it ("President Ana Lund" ... "the president"), else the role
        followed by ``(unnamed)``."""
        words = mention.name.split()
        if mention.gender == "p":
            return Resolved(group_id(words), "group", None, "p")
        noun = without_possessive(words[-1]).lower() if words else ""
        if len(words) == 1 and noun in speaker_terms().titles:
            titles = [noun.capitalize(), *(t.capitalize() for t, n in TITLE_ABBREVIATIONS.items()
                                           if n == noun)]
            named = titled_holder(self.text, titles, position=position)
            if named is not None:
                resolved = self._name(Mention(named, noun.capitalize(), "person", "-"), position)
                if resolved.type == "person":
                    return resolved
            if noun in self.holders:
                return self.holders[noun]
        return Resolved(mention.name + _UNNAMED, "role", None, mention.gender)

    def _anonymous(self, mention: Mention, head: str) -> Resolved:
        """``the official`` / ``one of the sources``: the earlier anonymous source with that
        noun."""
        stem = mention.head
        first = head.split()[0].lower() if head.split() else ""
        earlier = self.anonymous.get(stem)
        if earlier is not None and (first == "the" or mention.name.split()[0] == mention.head
                                    and head.lower().startswith(("one of", "two of", "some of"))):
            return earlier
        words = mention.name.split()
        if mention.gender == "p" and words and words[-1].lower() in speaker_terms().groups \
                and all(w.lower() in GROUP_QUANTIFIERS for w in words[:-1]):
            return Resolved(group_id(words), "group", None, "p")
        resolved = Resolved(mention.name, "anonymous", None, mention.gender)
        self.anonymous[stem] = resolved
        return resolved


def group_id(words: list[str]) -> str:
    """Id of a group: without a leading quantifier, group nouns in the case the speaker terms
    give them (``some republicans`` -> ``Republicans``)."""
    while len(words) > 1 and words[0].lower() in GROUP_QUANTIFIERS:
        words = words[1:]
    groups = speaker_terms().groups
    return " ".join(groups.get(w.lower(), w) for w in words)


def _names_a_source(speaker: str, text: str, place: int) -> bool:
    """Does ``speaker`` (met at ``place``) hold a name (``Harbour Institute poll``, ``PPIC
    poll``), not only a capital that opens a sentence or a headline (``Secret audit says``)?"""
    words = speaker.split()
    capitals = [k for k, w in enumerate(words) if w[:1].isupper()]
    if not capitals:
        return False
    if capitals != [0] or (words[0].isupper() and len(words[0]) > 1):
        return True
    start = max(0, place - 20)  # a few characters are enough: the text before is never copied
    before = text[start:place].rstrip(" \t“\"")
    while not before and start > 0:
        start = max(0, start - 200)
        before = text[start:place].rstrip(" \t“\"")
    return not (not before or before.endswith(("\n", ".", "!", "?", ":")))


def _leading_stopwords(run: str) -> str:
    """``But Senator Lund`` -> ``Senator Lund``: a capitalized function word opening a sentence
    is no part of a name."""
    words = run.split()
    titles = speaker_terms().titles
    for k in range(len(words) - 2, -1, -1):  # "Monday. She": a sentence ends inside the run
        if words[k].endswith(".") and len(words[k]) > 2 and words[k].lower() not in titles:
            words = words[k + 1:]
            break
    while words and (words[0].lower() in SPEAKER_NAME_FUNCTION_WORDS or words[0].lower() in NAME_DETERMINERS
                     or words[0].lower() in PRONOUN_GENDERS or words[0].lower() in NOT_FIRST_NAMES):
        words = words[1:]
    return " ".join(words)


def _possessive_start(head: str) -> set[str]:
    """``council's chair``: a leading possessive common noun counts as a determiner."""
    first = head.split()[0] if head.split() else ""
    return {first.lower()} if first.endswith(("’s", "'s")) and first[:1].islower() else set()


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'])")
_ASCII_LOWER = re.compile(r"[a-z]+")
# Words looked up by a scan of their own before all the lower-case words of the text are listed
_SCANS_BEFORE_LISTING = 16


class _LowerWords:
    """The words a text writes in lower case (the matches of ``_LOWER_WORD``), for ``in``: the
    first few words asked about are looked for one by one (str.find), which costs less than
    listing every word; later ones are looked up in the list, so the work stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked: dict[str, bool] = {}
        self.words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is not None:
            return word in self.words
        found = self.asked.get(word)
        if found is None:
            if len(self.asked) >= _SCANS_BEFORE_LISTING:
                self.words = frozenset(_LOWER_WORD.findall(self.text))
                return word in self.words
            found = self.asked[word] = _writes(self.text, word)
        return found


def _writes(text: str, word: str) -> bool:
    """Is ``word`` a match of ``_LOWER_WORD`` in ``text``: a run of a-z that no word character,
    apostrophe or hyphen precedes and no word character or apostrophe follows?"""
    if _ASCII_LOWER.fullmatch(word) is None:
        return False
    n = len(word)
    p = text.find(word)
    while p >= 0:
        before = text[p - 1] if p else " "
        after = text[p + n] if p + n < len(text) else " "
        if not (before.isalnum() or before in "_’'-") and not (after.isalnum() or after in "_’'"):
            return True
        p = text.find(word, p + 1)
    return False


@lru_cache(maxsize=4)
def _lower_words(text: str) -> _LowerWords:
    """The words ``text`` writes in lower case."""
    return _LowerWords(text)


def _common_case(head: str, text: str) -> str:
    """Canonical ids of common nouns are lower case: a capitalized first word that only opens the
    sentence or the headline ("Critics say", "Leaked report says", "Analysts said") is lowered
    when the speaker terms list it or the document uses it in lower case, unless the document
    knows it as a person's name or a capitalized word follows it (a proper name)."""
    words = head.split()
    k = 0
    while k < len(words) and words[k].lower() in NAME_DETERMINERS:
        k += 1
    if k >= len(words):
        return head
    word = words[k]
    if not word[:1].isupper() or word.isupper() or not word.isalpha() \
            or k + 1 < len(words) and words[k + 1][:1].isupper():
        return head
    low = word.lower()
    terms = speaker_terms()
    if k + 2 < len(words) and words[k + 1] in ("of", "for") and words[k + 2][:1].isupper() \
            and (low in terms.orgs or low in terms.bodies):
        return head  # ``Ministry of Transport``: a proper name
    if low in PRONOUN_GENDERS or low in SPEAKER_NAME_FUNCTION_WORDS:
        return head
    if low in terms.groups:  # group nouns are never names ("Some Republicans said")
        return " ".join([*words[:k], low, *words[k + 1:]])
    nouns = terms.roles.keys() | terms.anonymous | terms.bodies
    common = low in nouns or low.endswith("s") and (low[:-1] in nouns or low[:-1] in terms.orgs) \
        or low in _lower_words(text)
    if not common or known_person(word, text):
        return head
    return " ".join([*words[:k], low, *words[k + 1:]])


# auxiliaries that are also first names or surnames
_NAME_AUXILIARIES = frozenset({"will", "may"})


def _before_finite(head: str) -> str:
    """A speaker id is a noun phrase: ``Valdoria had not yet`` -> ``Valdoria``; ``the government
    was examining`` -> ``the government``. A finite verb inside a relative clause ("officials who
    were briefed") stays; a relative pronoun that ends the head is left out."""
    words = head.split()
    if len(words) > 1 and words[-1].lower().strip(",") in RELATIVE_PRONOUNS:
        # ``a birther who has pledged``: the relative clause is the cue's; the noun is the speaker
        words = words[:-1]
        words[-1] = words[-1].rstrip(",")
        head = " ".join(words)
    for k, word in enumerate(words):
        low = word.lower().strip(",")
        if low in RELATIVE_PRONOUNS:
            return head
        if low in _NAME_AUXILIARIES and word[:1].isupper() and not word.isupper() and any(
                0 <= n < len(words) and words[n][:1].isupper() for n in (k - 1, k + 1)):
            continue  # ``Theresa May``, ``Will Ortega``: a name, not the verb
        if low in FINITE_AUXILIARIES and k > 0:
            return " ".join(words[:k])
        if low in FINITE_AUXILIARIES:
            return ""
    return head


_SURNAME_FIRST = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z]+-[a-z]+)\b")


@lru_cache(maxsize=2)
def _surname_first_names(text: str) -> dict[str, str]:
    """``{"Ban": "Ban Ki-moon"}``: names the text writes surname first, before a hyphenated
    given name (the first such name of each surname), found once per document."""
    found: dict[str, str] = {}
    for m in _SURNAME_FIRST.finditer(text):
        found.setdefault(m.group(1), f"{m.group(1)} {m.group(2)}")
    return found


def _resolve_name(mention: Mention, text: str, position: int,
                  names: dict[str, Resolved]) -> Resolved:
    """Person ids are full names; a lone name with no first name, title or person cue in the text
    is an organization (countries, places and companies speak through such names)."""
    parts = mention.name.split()
    if not parts:
        return Resolved(None, "unresolved", None, "-")
    surname = without_possessive(parts[-1])
    known = names.get(surname)
    if len(parts) == 1:
        full = full_name(surname, text, before=position) if known is None else known.speaker
        if full is None:
            # ``Ban`` in a text that names "Ban Ki-moon": a surname written before a hyphenated
            # given name (Korean names)
            full = _surname_first_names(text).get(surname)
        name = full or mention.name
        if full is None and mention.title is None and not named_with_title(surname, text) \
                and surname.lower() not in speaker_terms().first_names:
            # a first name alone ("Bob said", a source known by first name) is still a person
            return Resolved(name, "organization", None, "o")
    else:
        name = mention.name
        if mention.title is None and named_after_class_noun(name, text):
            return Resolved(name, "organization", None, "o")
        if len(parts) == 2 and parts[0].lower() not in speaker_terms().first_names:
            # ``Wasserman Schultz``: a two-word surname of "Debbie Wasserman Schultz"
            fuller = full_name(name, text, before=position)
            if fuller is not None and fuller.split()[0].lower() in speaker_terms().first_names:
                name = fuller
        if parts[0].lower() in _lower_words(text):
            # ``Conservative Icon Morton Blackwell`` (a title-case headline): the document
            # writes "conservative" in lower case, and names the person "Morton Blackwell"
            name = shorter_full_name(name, text) or name
    gender = mention.gender
    if gender == "-" and known is not None and known.speaker == name:
        gender = known.gender
    if gender == "-":
        gender = speaker_terms().first_names.get(name.split()[0].lower(), "-")
    title = mention.title
    if known is not None and known.speaker == name and known.title \
            and (title is None or title.lower() in COURTESY_TITLES):
        title = known.title
    if title is None and len(name.split()) == 1:
        title = title_before(surname, text)  # "President Lund" elsewhere in the text
    age = mention.age if mention.age is not None \
        else known.age if known is not None and known.speaker == name else None
    resolved = Resolved(name, "person", title, gender, age)
    if known is None or len(name.split()) >= len((known.speaker or "").split()):
        names[surname] = resolved
    return resolved
