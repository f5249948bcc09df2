"""What one speaker mention says: its name, title, type and gender cue.

:func:`describe` reads a speaker head on its own, without the rest of the document:

* persons are named without their titles ("Foreign Minister Elena Ramos" -> "Elena Ramos", title
  "Foreign Minister"); the gender cue comes from a title or honorific, else from the first-name
  list, and is a heuristic, never a fact about a person;
* phrases headed by an anonymous-source noun ("a senior official who spoke on condition of
  anonymity", "sources familiar with the talks") are anonymous, with the phrase up to its clause as
  id; a quantifier before a prepositional phrase is the head of a vague group ("Some in Valdoria"
  -> "some in Valdoria", anonymous);
* organization names of the form "Ministry of X and Y" are kept whole, without a leading possessive
  or adjective ("Valdorian Ministry of Water and Energy" -> "Ministry of Water and Energy");
* common nouns are organizations or roles, pronouns are pronouns, and a mention that cannot be a
  speaker (a lone determiner, "There are") is typed ``none``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.attribution.speakers.terms import SpeakerTerms, speaker_terms
from toolkit.attribution.word_classes import (
    ANONYMOUS_ID_STOPS,
    COUNT_WORDS,
    COURTESY_TITLES,
    GROUP_PREPOSITIONS,
    ING_TITLE_ADJECTIVES,
    NAME_DETERMINERS,
    NOT_SPEAKER_STARTS,
    NOT_TITLE_STARTS,
    POSSESSIVE_DETERMINERS,
    POSTMODIFIER_OPENERS,
    PRONOUN_GENDERS,
    QUANTIFIERS,
    SPEAKER_NAME_FUNCTION_WORDS,
    TITLE_CLAUSE_WORDS,
    TITLE_VERBS,
)

__all__ = ["GROUP", "MEMBER", "Mention", "apposition_title", "describe", "is_common_plural",
           "noun_phrase", "organization_id", "person_gender", "without_possessive"]

_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*|[a-z]{1,3}-[A-Z][\w’'-]*|(?:de|van|von|bin|al|da|la|le)$")
_POSSESSIVE = re.compile(r"[’']s?$")


# ``Mention.head`` of a group written like a name ("Senate Republicans") and of one member of a
# group ("a Utah Republican"): typed person here, as the names they look like; the resolver types
# them group and role.
GROUP = "(group)"
MEMBER = "(member)"


@dataclass(frozen=True)
class Mention:
    """What a speaker mention says about its speaker."""

    name: str
    title: str | None
    type: str  # person | organization | anonymous | pronoun | role | none (not a speaker)
    gender: str  # m | f | p (plural) | o (non-person) | - (unknown) | x (first/second person)
    head: str = ""  # head noun of an anonymous mention ("official"), for "the official" later
    age: int | None = None  # an age given in apposition ("Elena Ramos, 61")


def _words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


def _strip_determiner(words: list[str]) -> list[str]:
    while words and words[0].lower() in NAME_DETERMINERS:
        words = words[1:]
    return words


def without_possessive(word: str) -> str:
    """``Dascu’s`` / ``Dascu's`` / ``Ramos’`` -> the name (both apostrophes)."""
    return _POSSESSIVE.sub("", word) if word.endswith(("’s", "'s", "’", "'")) else word


def is_common_plural(word: str) -> bool:
    """A capitalized plural that may be a common noun opening a sentence (``Commuters``,
    ``Reviewers``): one word, capital first letter only, ending in "s" but not "ss"."""
    return word.isalpha() and word[:1].isupper() and word[1:].islower() and word.endswith("s") \
        and not word.endswith("ss")


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


def person_gender(title: list[str], name: list[str], terms: SpeakerTerms) -> str:
    for word in title:
        gender = terms.titles.get(word.lower()) or terms.roles.get(word.lower())
        if gender in ("m", "f"):
            return gender
    if len(name) > 1:
        return terms.first_names.get(name[0].lower(), "-")
    return "-"


def _head_index(core: list[str]) -> int:
    """Index of the head noun: the last word before a post-modifier ("who", "with", "from", a
    participle such as "released" in "a report released by the ministry")."""
    for k in range(1, len(core)):
        if core[k].lower() in POSTMODIFIER_OPENERS \
                or core[k].islower() and core[k].endswith("ed") and k + 1 < len(core) \
                and core[k + 1].lower() in ("by", "in", "on", "at", "to"):
            return k - 1
    return len(core) - 1


def _anonymous_id(core: list[str], terms: SpeakerTerms) -> str:
    """``sources familiar with the talks``, ``senior Riverlands Union official``: no clause
    after."""
    end = next((k for k in range(1, len(core)) if core[k].lower() in ANONYMOUS_ID_STOPS), len(core))
    words = list(core[:end])
    first = words[0].lower()
    if first in terms.anonymous or first in terms.roles or first in COUNT_WORDS:
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


def _around_a_person(core: list[str], terms: SpeakerTerms) -> Mention | None:
    """``Advisers to Mr. Lund``, ``Aides to President Obama``: a group around a person, the
    phrase its id (``advisers to Mr. Lund``), not the person named in it; None for other
    phrases."""
    if len(core) < 3 or core[1].lower() not in ("to", "for", "of"):
        return None
    noun = without_possessive(core[0]).lower()
    person = core[2].lower() in COURTESY_TITLES or core[2].lower().rstrip(".") in terms.titles
    if noun in terms.groups and (person or core[1].lower() != "of"):
        return Mention(" ".join([noun, *core[1:]]), None, "person", "-", GROUP)
    return None


def organization_id(words: list[str], terms: SpeakerTerms) -> str:
    """Organization id: ``Valdoria's Ministry of Water and Energy`` -> ``Ministry of Water and
    Energy``.

    A name of the form "<org noun> of X (and Y)" starts at its org noun; otherwise a leading
    possessive ("Valdoria's Health Ministry") is dropped when a capitalized name follows it.
    """
    for k in range(len(words) - 2):
        if words[k + 1] == "of" and words[k][:1].isupper() \
                and words[k].lower() in terms.orgs | terms.bodies:
            return " ".join(words[k:])
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("’s", "'s")) and k + 1 < len(words) and words[k + 1][:1].isupper():
            return " ".join(words[k + 1:])
    return " ".join([*words[:-1], without_possessive(words[-1])]) if words else ""


def describe(text: str, *, context: str = "") -> Mention:
    """Classify a speaker head (``text``); ``context`` is the rest of the mention (apposition).

    Person ids are names without titles ("Elena Ramos"; the title goes to ``title``). Phrases
    headed by an anonymous-source noun ("a senior official who spoke on condition of anonymity",
    "sources familiar with the talks") are ``anonymous`` with the phrase up to its clause as id.
    Type ``none`` marks a mention that cannot be a speaker (a lone determiner, "There are").
    """
    terms = speaker_terms()
    text = _PARTY_AFTER_NAME.sub("", text)  # ``Sen. Elizabeth Warren (D-Mass.)``
    clause = text.split(",")[0] if "," in text else text
    words = [w.strip(",()") for w in _words(text)]
    words = [w for w in words if w]
    if len(words) == 1 and words[0].lower() in PRONOUN_GENDERS:
        return Mention(words[0].lower(), None, "pronoun", PRONOUN_GENDERS[words[0].lower()])
    if len(words) == 1 and words[0].lower() in QUANTIFIERS:
        # ``Some say …``, ``Many argue …``: an unnamed group of sources
        return Mention(words[0].lower(), None, "anonymous", "p", words[0].lower())
    if len(words) > 2 and (words[0].lower() in POSSESSIVE_DETERMINERS or words[0].lower() == "her") \
            and not words[1][:1].isupper() and words[-1][:1].isupper():
        # ``his colleague David French``, ``His campaign chairman Paul Manafort``: the person
        # named after the relation
        named = describe(" ".join(words[1:]), context=context)
        if named.type == "person" and named.head not in (GROUP, MEMBER) and named.title:
            return named
    if not words or words[0].lower() in NOT_SPEAKER_STARTS and len(words) > 1:
        return Mention(text.strip(), None, "none", "-")
    core = _strip_determiner(words)
    if core and len(core) < len(words) and core[0].lower() in GROUP_PREPOSITIONS:
        # ``Some in Valdoria``: the quantifier is the head (a vague group); a prepositional phrase
        # after an article ("the in Valdoria") is no noun phrase
        quantifier = words[len(words) - len(core) - 1].lower()
        if quantifier in QUANTIFIERS:
            return Mention(" ".join([quantifier, *core]), None, "anonymous", "p", quantifier)
        return Mention(text.strip(), None, "none", "-")
    if not core or len(core) == 1 and core[0].lower() in SPEAKER_NAME_FUNCTION_WORDS:
        return Mention(text.strip(), None, "none", "-")
    if len(core) >= 3 and core[0].lower() in COUNT_WORDS and core[1].lower() == "of":
        core = _strip_determiner(core[2:]) or core
    around = _around_a_person(core, terms)
    if around is not None:
        return around
    owned = _name_after_possessive(core, terms)
    if owned is not None:
        # ``CNN's Dana Bash``, ``Trump's campaign manager Corey Lewandowski``: the possessive
        # phrase describes the person named after it
        title, name = core[:owned], core[owned:]
        return Mention(" ".join(name), noun_phrase(title) or " ".join(title), "person",
                       person_gender(title, name, terms))
    lowered = [without_possessive(w).lower() for w in core]
    h = _head_index(core)
    head = lowered[h]
    if head not in terms.anonymous and head not in terms.roles:
        # a role or source noun before the head; one written with a capital inside the phrase is
        # part of a name (``Mr. King``, ``Paul Singer``)
        head = next((w for k, w in enumerate(lowered[:h])
                     if (w in terms.anonymous or w in terms.roles)
                     and (k == 0 or not core[k][:1].isupper())), head)
    if len(core) < len(words) and not core[0][:1].isupper() and head not in terms.roles \
            and head not in terms.anonymous:
        head = next((w for w, x in zip(lowered[:h + 1], core, strict=False)
                     if not x[:1].isupper()), head)
    if head in terms.anonymous or (words[0].lower() in ("a", "an") and head in terms.roles):
        clause_words = _strip_determiner([w for w in _words(clause) if w.strip(",()")])
        if len(clause_words) >= 3 and clause_words[0].lower() in COUNT_WORDS \
                and clause_words[1].lower() == "of":
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
    name = [without_possessive(w) for w in name]
    lead = [without_possessive(w).lower() for w in title]
    org_lead = any(w in terms.orgs for w in lead) \
        and not any(w in terms.titles or w in terms.roles for w in lead)
    is_org = (words[0].lower() == "the" or org_lead or any(w.lower() in terms.orgs for w in name)
              or (len(name) == 1 and name[0].isupper() and len(name[0]) > 1))
    if is_org:
        return Mention(organization_id(core, terms), None, "organization", "o")
    if name and without_possessive(name[-1]).lower() in terms.groups:
        # ``numerous fellow Democrats``, ``Senate Republicans``: a group written like a name,
        # named by its noun and the capitalized words right before it
        group = [*name[:-1], terms.groups[without_possessive(name[-1]).lower()]]
        return Mention(" ".join(group), None, "person", "-", GROUP)
    if name and without_possessive(name[-1]).lower() + "s" in terms.groups:
        return Mention(" ".join(name), None, "person", "-", MEMBER)  # ``a Utah Republican``
    title_text = noun_phrase(title)
    age = None
    if context:
        age, apposition = apposition_title(context)
        title_text = title_text or apposition
    return Mention(" ".join(name), title_text, "person", person_gender(title, name, terms),
                   age=age)


_PARTY_AFTER_NAME = re.compile(r"(?<=\w)\s*\([^()]{1,20}\)\s*$")
_POSSESSIVE_END = ("'s", "’s", "s'", "s’")


def _name_after_possessive(core: list[str], terms: SpeakerTerms) -> int | None:
    """Index of a personal name of two or three capitalized words that ends the phrase after a
    possessive (``CNN's Dana Bash``, ``The Washington Post's Robert Costa``), None when there is
    none or the words after the possessive name an organization (``Russia's Foreign Ministry``)."""
    owner = max((i for i, w in enumerate(core[:-2]) if w.endswith(_POSSESSIVE_END)), default=None)
    if owner is None:
        return None
    k = len(core)
    while k > owner + 1 and core[k - 1][:1].isupper() and k > len(core) - 3:
        k -= 1
    run = core[k:]
    if len(run) < 2 or any(w.lower() in terms.orgs or w.lower() in terms.bodies
                           or w.lower() in terms.titles or w.lower() in terms.roles
                           or not w.replace(".", "").replace("-", "").replace("'", "").isalpha()
                           for w in run):
        return None
    return k


_AGE = re.compile(r"(?:aged?\s+)?(\d{1,3})")
_TITLE_WORDS = 10


def apposition_title(context: str) -> tuple[int | None, str | None]:
    """The age and the title an apposition gives a name: ``61`` -> (61, None); ``the harbour
    minister`` -> (None, "harbour minister").

    A title is a noun phrase: a relative clause ("who ..."), a participle phrase ("suggesting that
    ..."), a prepositional phrase ("against ...") or a verb is none, and a noun phrase runs up to
    the first relative word or verb ("a lawyer who ..." -> "lawyer").
    """
    parts = [part.strip() for part in context.strip(" ,;").split(",")]
    age = None
    if parts and (m := _AGE.fullmatch(parts[0])) and 0 < int(m.group(1)) < 125:
        age = int(m.group(1))
        parts = parts[1:]
    return age, noun_phrase(_strip_determiner(_words(parts[0])) if parts else [])


def noun_phrase(words: list[str]) -> str | None:
    """The words as a title, up to the first relative word or verb; None when they are no noun
    phrase (a clause, a participle or prepositional phrase, a number, a lone function word)."""
    kept: list[str] = []
    for word in words:
        low = word.lower().strip("“”\"’'()")
        if low in TITLE_CLAUSE_WORDS or low in TITLE_VERBS or not low:
            break
        kept.append(word)
    if not kept or len(kept) > _TITLE_WORDS:
        return None
    first = kept[0].lower()
    if first in NOT_TITLE_STARTS or first.isdigit() or first.endswith("ly") \
            or not first[:1].isalpha():
        return None
    if any(w.endswith("ing") and w.islower() and w not in ING_TITLE_ADJECTIVES for w in kept):
        return None
    if kept[-1].lower() in NOT_TITLE_STARTS | NAME_DETERMINERS or kept[-1] in ("-", "—", "–"):
        return None
    if any(_GLUED.search(w) for w in kept):
        return None  # ``BushASSOCIATED PRESSOhio Gov.``: a caption run into the text
    return " ".join(kept)


# words run together without a space ("BushASSOCIATED", "PRESSOhio"), unlike "McConnell"
_GLUED = re.compile(r"[a-z][A-Z]{2,}|[A-Z]{3,}[a-z]")
