"""Speaker mentions: titles, types, gender cues, and canonical ids within a document.

Canonical ids within one document:

* persons are full names without titles ("Elena Ramos"); a lone surname takes the fuller name the
  document gives it;
* a role noun of an organization with a determiner ("the ministry said", "the council") takes the id
  of the organization of that kind the document names, nearest before the mention first
  ("Valdoria's Ministry of Water and Energy" ... "the ministry" -> "Ministry of Water and Energy");
  when the document names none, or the determiner is a possessive ("her government"), the id is the
  noun followed by ``(unnamed)`` ("ministry (unnamed)"), typed organization;
* organization names of the form "Ministry of X and Y" are kept whole, without a leading possessive
  or adjective ("Valdorian Ministry of Water and Energy" -> "Ministry of Water and Energy").
* common-noun ids are lower case: a capitalized first word that only opens a sentence or a headline
  ("Critics say", "Analysts said") is lowered when the speaker terms list it or the document uses it
  in lower case; a headline's common-noun speaker ("Leaked report says") takes the body's speaker
  id with the same head noun ("report");
* a singular role with a determiner or possessive ("the council's chair") takes the person the
  document names in apposition with that role ("J. K. Lindqvist, the council's chair"); initials
  and a surname ("J. K. Lindqvist") are a full person name;
* a capitalized name after an institution noun ("the consultancy Kestrel Hydro") is an organization;
* a quantifier before a prepositional phrase is the head of a vague group ("Some in Valdoria" ->
  "some in Valdoria", anonymous).

Pronouns take the subject of the previous sentence when it names a person and no speaker was
mentioned since, else the nearest earlier compatible speaker. Gender is a heuristic cue, never a
fact about a person: it comes from titles and honorifics anywhere in the document ("Ms. Ramos"),
from pronouns already resolved to the person, and last from the first-name list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from toolkit import lexicons

__all__ = ["Mention", "Resolved", "Resolver", "SpeakerTerms", "describe", "known_person", "speaker_terms"]

TERMS_PATH = lexicons.path("speaker_terms.tsv")
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o",
            "who": "r", "which": "r", "i": "x", "we": "x", "you": "x"}
_DETERMINERS = frozenset("the a an this that these those his her their its our some many several".split())
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*|[a-z]{1,3}-[A-Z][\w’'-]*|(?:de|van|von|bin|al|da|la|le)$")
_PRONOUN_WINDOW = 6
_POSSESSIVE = re.compile(r"[’']s?$")
_POSTMODIFIERS = frozenset("""who whom which that with from familiar close of in at on for
speaking according whose""".split())
_CLAUSE_STOPS = frozenset("who whom which whose that speaking spoke asked".split())
_COURTESY = frozenset("mr mr. mrs mrs. ms ms. miss".split())
_NUMBERS = frozenset("one two three four five several some many other another senior".split())
_NOT_SPEAKER_STARTS = frozenset("there here it".split())
_PREPOSITIONS = frozenset("in on at from with by for of about among across inside outside within".split())
_QUANTIFIERS = frozenset("some many several most few others".split())
_FUNCTION_WORDS = frozenset("""the a an this that these those and or but of to in on at by for with from
as if so than then there here which who whom whose what""".split())
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z]\.\s+)*([A-Z][\w’'-]+)")
_ORG_NAME = r"[A-Z][\w’'.-]*"
_OF_NAME = re.compile(rf"(?:{_ORG_NAME}\s+)*?(?P<head>{_ORG_NAME})\s+of\s+{_ORG_NAME}"
                      rf"(?:\s+(?:and|&)\s+{_ORG_NAME}|\s+{_ORG_NAME})*")
_UNNAMED = " (unnamed)"
_FINITE = frozenset("""has have had is are was were will would could can may might should must shall do does
did""".split())
_RELATIVE = frozenset("who whom which that whose".split())
_SENTENCE_BREAK = re.compile(r"(?:[.!?][”\"’']*\s+|\n\s*)(?=[“\"]?[A-Z])")
_SUBJECT = re.compile(r"(?:[A-Z][^,.;:!?“”\"]{0,40},\s+)?(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,2})"
                      r"(?=,|\s+[a-z])")
_NOT_FIRST_NAMES = frozenset("""the a an and but or because when if as while since after before by in on
at for with from to of that this then so although though during than until former new""".split())


@dataclass(frozen=True)
class SpeakerTerms:
    """Titles, role nouns, anonymous-source nouns, organization words and first names."""

    titles: dict[str, str]
    roles: dict[str, str]
    anonymous: frozenset[str]
    orgs: frozenset[str]
    first_names: dict[str, str]
    offices: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def speaker_terms() -> SpeakerTerms:
    """The speaker-term lists shipped with the toolkit (read once per process)."""
    table: dict[str, dict[str, str]] = {"title": {}, "role": {}, "anonymous": {}, "org": {},
                                        "first": {}, "office": {}, "body": {}}
    for raw in TERMS_PATH.read_text(encoding="utf-8").splitlines():
        cells = raw.split("\t")
        if raw.startswith("#") or len(cells) < 3 or cells[1] not in table:
            continue
        table[cells[1]][cells[0]] = cells[2]
    return SpeakerTerms(table["title"], table["role"], frozenset(table["anonymous"]),
                        frozenset(table["org"]), table["first"], frozenset(table["office"]),
                        frozenset(table["body"]))


@dataclass(frozen=True)
class Mention:
    """What a speaker mention says about its speaker."""

    name: str
    title: str | None
    type: str  # person | organization | anonymous | pronoun | role | none (not a speaker)
    gender: str  # m | f | p (plural) | o (non-person) | - (unknown) | x (first/second person)
    head: str = ""  # head noun of an anonymous mention ("official"), for "the official" later


def _words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


def _strip_determiner(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _unpossess(word: str) -> str:
    """``Dascu’s`` / ``Dascu's`` / ``Ramos’`` -> the name (both apostrophes)."""
    return _POSSESSIVE.sub("", word) if word.endswith(("’s", "'s", "’", "'")) else word


def _split_title(words: list[str], terms: SpeakerTerms) -> tuple[list[str], list[str]]:
    """Split the trailing capitalized name from what precedes it (the title).

    Inside the capitalized run, everything up to the last title word ("Minister", "Sen.") is the
    title, with the office words before it ("Foreign Minister", "Castenian Prime Minister").
    """
    start = len(words)
    while start > 0 and (_NAME_TOKEN.match(words[start - 1])
                         or words[start - 1] == "of" and start - 1 > 0 and start < len(words)):
        start -= 1
    while start < len(words) and words[start] == "of":
        start += 1
    last = None
    for k in range(start, len(words) - 1):
        low = words[k].lower().rstrip(",")
        if low in terms.titles or k > start and words[k - 1] == "of" and low in terms.offices:
            last = k
    if last is not None:
        cut = last + 1
        while cut < len(words) - 1 and words[cut] == "of":
            cut += 1
        if cut < len(words) and words[cut] != "of":
            return words[:cut], words[cut:]
    lead = 0
    while start + lead < len(words) - 1 and words[start + lead].lower().rstrip(",") in terms.titles:
        lead += 1
    cut = start + lead
    return words[:cut], words[cut:]


def _person_gender(title: list[str], name: list[str], terms: SpeakerTerms) -> str:
    for word in title:
        gender = terms.titles.get(word.lower()) or terms.roles.get(word.lower())
        if gender in ("m", "f"):
            return gender
    if len(name) > 1:
        return terms.first_names.get(name[0].lower(), "-")
    return "-"


def _head_index(core: list[str]) -> int:
    """Index of the head noun: the last word before a post-modifier ("who", "with", "from")."""
    for k in range(1, len(core)):
        if core[k].lower() in _POSTMODIFIERS:
            return k - 1
    return len(core) - 1


def _anonymous_id(core: list[str], terms: SpeakerTerms) -> str:
    """``sources familiar with the talks``, ``senior Riverlands Union official``: no clause after."""
    end = next((k for k in range(1, len(core)) if core[k].lower() in _CLAUSE_STOPS), len(core))
    words = list(core[:end])
    first = words[0].lower()
    if first in terms.anonymous or first in terms.roles or first in _NUMBERS:
        words[0] = first
    return " ".join(words)


def _is_person_of(core: list[str], terms: SpeakerTerms) -> list[str]:
    """``Foreign Minister Elena Ramos of Valdoria`` -> the part before "of" (a titled name)."""
    if "of" not in core:
        return core
    k = core.index("of")
    before = core[:k]
    if len(before) >= 2 and any(w.lower() in terms.titles for w in before[:-1]) \
            and before[-1][:1].isupper() and before[-1].lower() not in terms.orgs:
        title, name = _split_title(before, terms)
        if title and name and not any(w.lower() in terms.orgs for w in name):
            return before
    return core


def _org_id(words: list[str], terms: SpeakerTerms) -> str:
    """Organization id: ``Valdoria's Ministry of Water and Energy`` -> ``Ministry of Water and Energy``.

    A name of the form "<org noun> of X (and Y)" starts at its org noun; otherwise a leading
    possessive ("Valdoria's Health Ministry") is dropped when a capitalized name follows it.
    """
    for k in range(len(words) - 2):
        if words[k + 1] == "of" and words[k][:1].isupper() and words[k].lower() in terms.orgs | terms.bodies:
            return " ".join(words[k:])
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("’s", "'s")) and k + 1 < len(words) and words[k + 1][:1].isupper():
            return " ".join(words[k + 1:])
    return " ".join([*words[:-1], _unpossess(words[-1])]) if words else ""


def describe(text: str, *, context: str = "") -> Mention:
    """Classify a speaker head (``text``); ``context`` is the rest of the mention (apposition).

    Person ids are names without titles ("Elena Ramos"; the title goes to ``title``). Phrases
    headed by an anonymous-source noun ("a senior official who spoke on condition of anonymity",
    "sources familiar with the talks") are ``anonymous`` with the phrase up to its clause as id.
    Type ``none`` marks a mention that cannot be a speaker (a lone determiner, "There are").
    """
    terms = speaker_terms()
    clause = text.split(",")[0] if "," in text else text
    words = [w.strip(",()") for w in _words(text)]
    words = [w for w in words if w]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Mention(words[0].lower(), None, "pronoun", PRONOUNS[words[0].lower()])
    if not words or words[0].lower() in _NOT_SPEAKER_STARTS and len(words) > 1:
        return Mention(text.strip(), None, "none", "-")
    core = _strip_determiner(words)
    if core and len(core) < len(words) and core[0].lower() in _PREPOSITIONS:
        # ``Some in Valdoria``: the quantifier is the head (a vague group); a prepositional phrase
        # after an article ("the in Valdoria") is no noun phrase
        quantifier = words[len(words) - len(core) - 1].lower()
        if quantifier in _QUANTIFIERS:
            return Mention(" ".join([quantifier, *core]), None, "anonymous", "p", quantifier)
        return Mention(text.strip(), None, "none", "-")
    if not core or len(core) == 1 and core[0].lower() in _FUNCTION_WORDS:
        return Mention(text.strip(), None, "none", "-")
    if len(core) >= 3 and core[0].lower() in _NUMBERS and core[1].lower() == "of":
        core = _strip_determiner(core[2:]) or core
    lowered = [_unpossess(w).lower() for w in core]
    h = _head_index(core)
    head = lowered[h]
    if head not in terms.anonymous and head not in terms.roles:
        head = next((w for w in lowered[:h] if w in terms.anonymous or w in terms.roles), head)
    if len(core) < len(words) and not core[0][:1].isupper() and head not in terms.roles \
            and head not in terms.anonymous:
        head = next((w for w, x in zip(lowered[:h + 1], core, strict=False) if not x[:1].isupper()), head)
    if head in terms.anonymous or (words[0].lower() in ("a", "an") and head in terms.roles):
        clause_words = _strip_determiner([w for w in _words(clause) if w.strip(",()")])
        if len(clause_words) >= 3 and clause_words[0].lower() in _NUMBERS and clause_words[1].lower() == "of":
            clause_words = _strip_determiner(clause_words[2:]) or clause_words
        return Mention(_anonymous_id(clause_words or core, terms), None, "anonymous",
                       "p" if head.endswith("s") and not head.endswith("ss") else "-", head)
    if not core[h][:1].isupper() or (len(core) < len(words) and not core[0][:1].isupper()):
        plural = head.endswith("s") and not head.endswith("ss")
        if head not in terms.roles:
            return Mention(" ".join(core), None, "organization", "p" if plural else "o")
        return Mention(" ".join(core), None, "role", "p" if plural else terms.roles[head])
    core = _is_person_of(core, terms)
    title, name = _split_title(core, terms)
    name = [_unpossess(w) for w in name]
    lead = [_unpossess(w).lower() for w in title]
    org_lead = any(w in terms.orgs for w in lead) and not any(w in terms.titles or w in terms.roles for w in lead)
    is_org = (words[0].lower() == "the" or org_lead or any(w.lower() in terms.orgs for w in name)
              or (len(name) == 1 and name[0].isupper() and len(name[0]) > 1))
    if is_org:
        return Mention(_org_id(core, terms), None, "organization", "o")
    title_text = " ".join(title) or None
    if context and not title_text:
        title_text = " ".join(_strip_determiner(_words(context.strip(" ,")))) or None
    return Mention(" ".join(name), title_text, "person", _person_gender(title, name, terms))


def _full_name(surname: str, text: str, before: int) -> str | None:
    """Nearest fuller name ending in ``surname`` in ``text`` (preceding ``before`` first)."""
    pattern = re.compile(r"\b((?:[A-Z]\. ){1,3}|[^\W\d_a-z][^\W\d_A-Z]+ (?:[A-Z]\. )?)" + re.escape(surname) + r"\b")
    best = None
    for m in pattern.finditer(text):
        first = m.group(1).split()[0].lower()
        if first in speaker_terms().titles or first in _NOT_FIRST_NAMES:
            continue
        if m.start() > before and best is not None:
            break
        best = (m.group(1) + surname)
    return best


@dataclass(frozen=True)
class Resolved:
    """Canonical speaker of one mention."""

    speaker: str | None
    type: str
    title: str | None
    gender: str


def _compatible(gender: str, candidate: Resolved) -> bool:
    if gender in ("m", "f"):
        return candidate.type in ("person", "anonymous") and candidate.gender in (gender, "-")
    if gender == "p":
        return candidate.type in ("organization", "anonymous", "role") and candidate.gender in ("p", "o")
    if gender == "o":
        return candidate.type == "organization"
    return False


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
        self.names: dict[str, Resolved] = {}
        self.anonymous: dict[str, Resolved] = {}
        self.genders: dict[str, str] = {}
        self.last_position = -1
        for m in _HONORIFIC.finditer(text):
            gender = speaker_terms().titles.get(m.group(1).lower(), "-")
            if gender in ("m", "f"):
                self.genders.setdefault(_unpossess(m.group(2)), gender)

    def add(self, resolved: Resolved, position: int | None = None) -> Resolved:
        """Record a speaker known by other means (an antecedent)."""
        self.history.append(resolved)
        if position is not None:
            self.last_position = max(self.last_position, position)
        return resolved

    def gender_of(self, candidate: Resolved) -> str:
        """Gender of a resolved speaker, document evidence first."""
        if candidate.type != "person" or not candidate.speaker:
            return candidate.gender
        evidence = self.genders.get(candidate.speaker) or self.genders.get(candidate.speaker.split()[-1])
        return evidence or candidate.gender

    def resolve(self, head: str, context: str, position: int) -> Resolved:
        """Canonical speaker of the mention ``head`` (apposition ``context``) at ``position``."""
        head = _before_finite(head)
        if not head.strip():
            return self.add(Resolved(None, "unresolved", None, "-"), position)
        head = _common_case(head, self.text)
        mention = describe(head, context=context)
        if mention.type == "pronoun":
            resolved = self._previous_subject(mention.gender, position)
            if resolved is None:
                resolved = self._pronoun(mention.gender)
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
        if mention.type == "role" and head.split()[0].lower() in {"the", "its"} | _possessive_start(head):
            named = _named_role(self.text, mention.name, position)
            if named is not None:
                resolved = self._name(Mention(named, mention.name, "person", "-"), position)
                if resolved.type == "person":
                    return self.add(resolved, position)
        if mention.type != "person":
            kind = "person" if mention.type == "role" else mention.type
            return self.add(Resolved(mention.name, kind, mention.title, mention.gender), position)
        return self.add(self._name(mention, position), position)

    def _name(self, mention: Mention, position: int) -> Resolved:
        resolved = _resolve_name(mention, self.text, position, self.names)
        if resolved.type == "person" and resolved.gender == "-":
            gender = self.gender_of(resolved)
            if gender != "-":
                resolved = Resolved(resolved.speaker, resolved.type, resolved.title, gender)
        return resolved

    def _pronoun(self, gender: str) -> Resolved:
        """Nearest earlier speaker of compatible gender and number (document evidence counts)."""
        for candidate in reversed(self.history[-_PRONOUN_WINDOW:]):
            if candidate.speaker is None:
                continue
            known = Resolved(candidate.speaker, candidate.type, candidate.title, self.gender_of(candidate))
            if _compatible(gender, known):
                return candidate
        return Resolved(None, "unresolved", None, gender)

    def _previous_subject(self, gender: str, position: int) -> Resolved | None:
        """``Petar Lisac, 58, has decided to … He expects …``: a sentence-initial he/she takes the
        person named as subject of the previous sentence (a later he/she, the subject of its own
        sentence) when no speaker was mentioned since."""
        if gender not in ("m", "f") or position <= 0:
            return None
        starts = [m.end() for m in _SENTENCE_BREAK.finditer(self.text, max(0, position - 600), position + 1)]
        starts = [p for p in starts if p <= position]
        if not starts:
            return None
        if self.text[starts[-1]:position].strip(" “\""):
            # ``Brănescu has sold two cows, and she expects …``: the subject of this sentence
            m = _SUBJECT.match(self.text, starts[-1], position)
        elif len(starts) >= 2:
            m = _SUBJECT.match(self.text, starts[-2], starts[-1])
        else:
            return None
        if m is None or m.start("name") <= self.last_position:
            return None
        words = m.group("name").split()
        terms = speaker_terms()
        if words[-1].endswith(("’s", "'s", "’", "'")) or any(w.lower() in terms.titles or w.lower() in terms.orgs or w.lower() in terms.bodies
               or w.lower() in _NOT_FIRST_NAMES or w.lower() in PRONOUNS for w in words):
            return None
        mention = Mention(" ".join(words), None, "person", _person_gender([], words, terms))
        resolved = self._name(mention, m.start("name"))
        if resolved.type != "person" or not _compatible(gender, Resolved(resolved.speaker, "person", None,
                                                                          self.gender_of(resolved))):
            return None
        return resolved

    def _body(self, noun: str, head: str, position: int) -> Resolved:
        """``the ministry``: the organization of that kind the document names, else ``ministry (unnamed)``."""
        first = head.split()[0].lower() if head.split() else ""
        if first in ("the", "this", "that"):
            name = _named_body(self.text, noun, position)
            if name is not None:
                return Resolved(name, "organization", None, "o")
        return Resolved(noun + _UNNAMED, "organization", None, "p" if noun.endswith("s") else "o")

    def _anonymous(self, mention: Mention, head: str) -> Resolved:
        """``the official`` / ``one of the sources``: the earlier anonymous source with that noun."""
        stem = mention.head
        first = head.split()[0].lower() if head.split() else ""
        earlier = self.anonymous.get(stem)
        if earlier is not None and (first == "the" or mention.name.split()[0] == mention.head
                                    and head.lower().startswith(("one of", "two of", "some of"))):
            return earlier
        resolved = Resolved(mention.name, "anonymous", None, mention.gender)
        self.anonymous[stem] = resolved
        return resolved


def _possessive_start(head: str) -> set[str]:
    """``council's chair``: a leading possessive common noun counts as a determiner."""
    first = head.split()[0] if head.split() else ""
    return {first.lower()} if first.endswith(("’s", "'s")) and first[:1].islower() else set()


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """The words ``text`` writes in lower case."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z]+(?![\w’'])", text))


def _common_case(head: str, text: str) -> str:
    """Canonical ids of common nouns are lower case: a capitalized first word that only opens the
    sentence or the headline ("Critics say", "Leaked report says", "Analysts said") is lowered
    when the speaker terms list it or the document uses it in lower case, unless the document
    knows it as a person's name or a capitalized word follows it (a proper name)."""
    words = head.split()
    k = 0
    while k < len(words) and words[k].lower() in _DETERMINERS:
        k += 1
    if k >= len(words):
        return head
    word = words[k]
    if not word[:1].isupper() or word.isupper() or not word.isalpha() \
            or k + 1 < len(words) and words[k + 1][:1].isupper():
        return head
    low = word.lower()
    terms = speaker_terms()
    if low in PRONOUNS or low in _FUNCTION_WORDS:
        return head
    nouns = terms.roles.keys() | terms.anonymous | terms.bodies
    common = low in nouns or low.endswith("s") and (low[:-1] in nouns or low[:-1] in terms.orgs) \
        or low in _lower_words(text)
    if not common or known_person(word, text):
        return head
    return " ".join([*words[:k], low, *words[k + 1:]])


_NAME_PATTERN = r"(?:[A-Z]\.\s)*[A-Z][\w’'-]+(?:\s(?:[A-Z]\.\s)*[A-Z][\w’'-]+){0,2}"


def _named_role(text: str, role: str, position: int) -> str | None:
    """``the council's chair``: the person the document names in apposition with that role
    ("J. K. Lindqvist, the council's chair", "Its chair, J. K. Lindqvist"), nearest before
    ``position`` first; a match whose description holds the role's qualifiers ("council") wins."""
    words = role.split()
    noun = words[-1]
    qualifiers = [_unpossess(w).lower() for w in words[:-1]]
    if noun.endswith("s") and not noun.endswith("ss"):
        return None
    after = re.compile(rf"(?P<name>{_NAME_PATTERN}),\s+(?P<desc>(?:[Tt]he|[Ii]ts|[\w’'.-]+[’']s?)\s"
                       rf"(?:[\w’'.-]+\s){{0,4}}?){re.escape(noun)}\b")
    before = re.compile(rf"(?P<desc>\b(?:[Tt]he|[Ii]ts)\s(?:[\w’'.-]+\s){{0,4}}?){re.escape(noun)},\s+"
                        rf"(?P<name>{_NAME_PATTERN})")
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
            found.append((score, -abs(m.start() - position) if m.start() < position else -10**9 + m.start(),
                          " ".join(name)))
    if not found:
        return None
    return max(found)[2]


def _before_finite(head: str) -> str:
    """A speaker id is a noun phrase: ``Valdoria had not yet`` -> ``Valdoria``; ``the government
    was examining`` -> ``the government``. A finite verb inside a relative clause ("officials who
    were briefed") stays."""
    words = head.split()
    for k, word in enumerate(words):
        low = word.lower().strip(",")
        if low in _RELATIVE:
            return head
        if low in _FINITE and k > 0:
            return " ".join(words[:k])
        if low in _FINITE:
            return ""
    return head


def _named_body(text: str, noun: str, position: int) -> str | None:
    """Name of the organization whose name is headed by ``noun`` (capitalized) nearest before
    ``position`` (else the first after it): ``Regional Water Council``, ``Ministry of Water and Energy``."""
    pattern = re.compile(rf"(?:{_ORG_NAME}\s+){{0,4}}{noun.capitalize()}\b(?:\s+of\s+(?:the\s+)?{_ORG_NAME}"
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
    return _org_id(words, terms)


def _person_cue(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` with a title or honorific somewhere ("Ms. Kessel", "Sen. Vell")?"""
    titles = speaker_terms().titles
    for m in re.finditer(r"(\S+)\s+" + re.escape(word) + r"\b", text):
        if m.group(1).lower() in titles:
            return True
    return False


def known_person(word: str, text: str) -> bool:
    """Does ``text`` name ``word`` as a person (a fuller name or a title before it)?"""
    word = _unpossess(word)
    if _full_name(word, text, len(text)) is not None:
        return True
    titles = speaker_terms().titles
    return any(m.group(1)[:1].isupper() and m.group(1).lower() in titles
               for m in re.finditer(r"(\S+)\s+" + re.escape(word) + r"\b", text))


def _class_noun_before(name: str, text: str) -> bool:
    """``the consultancy Kestrel Hydro``, ``the company Acme Works``: an institution noun in
    apposition before the name makes it an organization."""
    return any(named == name or named.startswith(name + " ") for named in _class_named(text))


@lru_cache(maxsize=4)
def _class_named(text: str) -> frozenset[str]:
    bodies = "|".join(sorted(speaker_terms().bodies))
    pattern = rf"\b(?:the|a|an)\s(?:[a-z]+\s)?(?:{bodies})\s([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)*)"
    return frozenset(re.findall(pattern, text))


def _resolve_name(mention: Mention, text: str, position: int, names: dict[str, Resolved]) -> Resolved:
    """Person ids are full names; a lone name with no first name, title or person cue in the text
    is an organization (countries, places and companies speak through such names)."""
    parts = mention.name.split()
    if not parts:
        return Resolved(None, "unresolved", None, "-")
    surname = _unpossess(parts[-1])
    known = names.get(surname)
    if len(parts) == 1:
        full = _full_name(surname, text, position) if known is None else known.speaker
        name = full or mention.name
        if full is None and mention.title is None and not _person_cue(surname, text):
            return Resolved(name, "organization", None, "o")
    else:
        name = mention.name
        if mention.title is None and _class_noun_before(name, text):
            return Resolved(name, "organization", None, "o")
    gender = mention.gender
    if gender == "-" and known is not None:
        gender = known.gender
    if gender == "-":
        gender = speaker_terms().first_names.get(name.split()[0].lower(), "-")
    title = mention.title
    if known is not None and known.title and (title is None or title.lower() in _COURTESY):
        title = known.title
    resolved = Resolved(name, "person", title, gender)
    if known is None or len(name.split()) >= len((known.speaker or "").split()):
        names[surname] = resolved
    return resolved
