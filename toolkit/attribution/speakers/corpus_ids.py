"""Speaker ids across documents: a reduce over every document's attributions.

One person is one id whatever the form a document writes:

* full names compare on their given name and surname: middle names and initials ("Donald J.
  Trump", "Hillary Rodham Clinton") and suffixes ("Jr.") do not count, and a nickname counts as
  its given name ("Joe Biden", "Joseph R. Biden"; the list is ``nicknames.tsv``); when the corpus
  writes two different middle names or initials with one name ("George W. Bush", "George H. W.
  Bush") they are two people, and the form without a middle stays as it is;
* words before a name that cannot be a given name (a headline's "Maybe Trump", "Billionaire
  Donald Trump", a lower-case word) are not part of it; a middle name and surname alone
  ("Rodham Clinton") are the person the corpus names with them;
* the id is the most frequent form of the person's name (fewest words, then alphabetical, on a
  tie), so it is deterministic;
* a lone name ("Putin", "Clinton") is the only person of the corpus with that surname; when two
  people share it, the one whose gender cue (from a title, "Mrs.") agrees with the mention's
  when exactly one does, or the one the corpus writes with the mention's title more than twice
  as often as all others together; otherwise the lone name stays as it is. A lone name that a
  document typed as an organization for want of a person cue becomes a person only so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from toolkit import lexicons
from toolkit.attribution.speakers.terms import speaker_terms
from toolkit.attribution.word_classes import (
    COURTESY_TITLES,
    NAME_DETERMINERS,
    NAME_SUFFIXES,
    SPEAKER_NAME_FUNCTION_WORDS,
)

if TYPE_CHECKING:
    from toolkit.attribution.records import Attribution

__all__ = ["NICKNAMES_FILE", "Form", "corpus_speakers", "lower_words", "merge_speakers", "name_key",
           "nicknames", "speaker_forms", "speaker_ids"]

NICKNAMES_FILE = "nicknames.tsv"
_NAMED = ("person", "organization")
_WORD = re.compile(r"[A-Za-z]+")
_PARTY_STATE = re.compile(r"\(?[DRI]-[A-Z][\w.]*\)?,?")  # "(D-Vt.)", "I-Vt."


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """Nickname -> given name, lower case (``nicknames.tsv``)."""
    table = {}
    for raw in lexicons.read_text(NICKNAMES_FILE).splitlines()[1:]:
        cells = raw.split("\t")
        if raw.startswith("#") or len(cells) < 2 or cells[0] == "nickname":
            continue
        table[cells[0].strip().lower()] = cells[1].strip().lower()
    return table


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    terms = speaker_terms()
    stopwords = {line.strip().lower() for line in lexicons.read_text("stopwords_en.txt").splitlines()
                 if line.strip() and not line.startswith("#")}
    return frozenset(stopwords | NAME_DETERMINERS | SPEAKER_NAME_FUNCTION_WORDS | terms.titles.keys()
                     | terms.offices | terms.orgs | terms.roles.keys() | terms.groups.keys()
                     | terms.bodies | terms.anonymous)


def _is_initial(word: str) -> bool:
    """``J.``, ``H.W.``, ``R``: one or more single letters."""
    letters = word.replace(".", "")
    return bool(letters) and letters.isalpha() and letters.isupper() and \
        (len(letters) == 1 or "." in word)


def _name_words(name: str) -> list[str]:
    """The words of a person name, without leading words that cannot start one and suffixes."""
    words = name.split()
    while len(words) > 1 and (words[-1].lower().strip(",") in NAME_SUFFIXES
                              or _PARTY_STATE.fullmatch(words[-1])):
        words = words[:-1]
    while len(words) > 1 and (not words[0][:1].isupper()
                              or words[0].lower() in _not_given_names()):
        words = words[1:]
    return words


def name_key(name: str) -> tuple[str, str, str] | None:
    """``(given name, surname, middle initials)`` of a full person name, None for a lone name:
    ``Joseph R. Biden`` -> ("joseph", "biden", "R"), ``Hillary Rodham Clinton`` -> ("hillary",
    "clinton", "R")."""
    words = _name_words(name)
    if len(words) < 2 or _is_initial(words[0]):
        return None
    first = words[0].lower()
    middle = "".join(w.replace(".", "")[:1] if not _is_initial(w) else w.replace(".", "")
                     for w in words[1:-1])
    return nicknames().get(first, first), words[-1].lower(), middle.upper()


def lower_words(contents: Iterable[str | None]) -> frozenset[str]:
    """The words ``contents`` (reported contents of a corpus) write in lower case."""
    words: set[str] = set()
    for content in contents:
        if content:
            words.update(w for w in _WORD.findall(content) if w.islower())
    return frozenset(words)


def _gender_of_title(title: str | None) -> str:
    if not title:
        return "-"
    terms = speaker_terms()
    for word in title.split():
        gender = terms.titles.get(word.lower()) or terms.roles.get(word.lower())
        if gender in ("m", "f"):
            return gender
    return "-"


class _Person:
    """One person of the corpus: the forms of the name, titles and gender cues seen with it."""

    def __init__(self) -> None:
        self.forms: Counter[str] = Counter()
        self.titles: Counter[str] = Counter()
        self.genders: Counter[str] = Counter()

    def canonical(self) -> str:
        return min(self.forms, key=lambda f: (-self.forms[f], len(f.split()), f))

    def gender(self) -> str:
        """The gender of the given name when it has one (a pronoun resolved to the wrong person
        in one article does not change Michelle Obama's), else the cues seen most."""
        first = self.canonical().split()[0].lower()
        known = speaker_terms().first_names.get(first, "-")
        if known in ("m", "f") or not self.genders:
            return known
        return self.genders.most_common(1)[0][0]


# One speaker form of a corpus: (speaker, speaker_type, speaker_title, how many attributions).
Form = tuple[str | None, str, str | None, int]


def _people(forms: list[Form], lower: frozenset[str]
            ) -> tuple[dict[str, str], dict[str, list[_Person]]]:
    """Map each full person name of the corpus to its id; the people by surname. ``forms`` are
    in the order the corpus first writes them; ``lower`` is :func:`lower_words` of its
    contents."""
    groups: dict[tuple[str, str], dict[str, _Person]] = defaultdict(dict)
    keyed: dict[str, tuple[str, str, str]] = {}
    for speaker, speaker_type, _, _ in forms:
        if speaker_type != "person" or not speaker or speaker in keyed:
            continue
        key = name_key(speaker)
        if key is not None:
            keyed[speaker] = key
    middles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for given, surname, middle in keyed.values():
        if middle:
            middles[(given, surname)].add(middle)
    # a middle name and surname alone ("Rodham Clinton"): the person named with them
    middle_names = {(w[1].lower(), w[2].lower()): keyed[name] for name in sorted(keyed)
                    if len(w := _name_words(name)) == 3 and not _is_initial(w[1])}
    rekeyed = set()
    for name, (given, surname, middle) in list(keyed.items()):
        if not middle and (given, surname) not in middles and (given, surname) in middle_names:
            keyed[name] = middle_names[(given, surname)]
            rekeyed.add(name)
    # a name after words that are no given name ("Front-runner Hillary Rodham Clinton", "More
    # Offensive Things Donald Trump"): the shortest tail that is a name of the corpus
    givens_named = {(g, s) for name, (g, s, _) in keyed.items() if name not in rekeyed}
    for name in sorted(keyed):
        words = _name_words(name)
        for k in range(1, len(words) - 1):
            given = words[k].lower()
            pair = (nicknames().get(given, given), words[-1].lower())
            if pair in givens_named and not _is_initial(words[k]):
                tail = " ".join(words[k:])
                keyed[name] = name_key(tail) or keyed[name]
                break
    # ``Bashing Trump`` beside ``Donald Trump``: a word the corpus writes in lower case and no
    # list knows as a given name does not start a name when a given name shares the surname
    known_given = speaker_terms().first_names.keys() | nicknames().keys() | set(nicknames().values())
    givens: dict[str, set[str]] = defaultdict(set)
    for given, surname, _ in keyed.values():
        givens[surname].add(given)
    for name in list(keyed):
        given, surname, _ = keyed[name]
        word = _name_words(name)[0].lower()
        if word in lower and word not in known_given and len(givens[surname]) > 1 \
                and nicknames().get(word, word) == given:
            del keyed[name]
    person_of: dict[str, _Person] = {}
    for name, (given, surname, middle) in keyed.items():
        known = middles.get((given, surname), set())
        if len(known) > 1 and not middle:
            person = groups[(name, "")].setdefault("", _Person())  # ambiguous: kept apart
        else:
            person = groups[(given, surname)].setdefault(middle if len(known) > 1 else "",
                                                         _Person())
        person_of[name] = person
    for speaker, _, title, count in forms:
        person = person_of.get(speaker) if speaker else None
        if person is None:
            continue
        person.forms[" ".join(_name_words(speaker))] += count
        if title:
            person.titles[title.lower()] += count
        gender = _gender_of_title(title)
        if gender != "-":
            person.genders[gender] += count
    ids = {name: person.canonical() for name, person in person_of.items()}
    by_surname: dict[str, list[_Person]] = defaultdict(list)
    seen: set[int] = set()
    for person in person_of.values():
        if id(person) not in seen:
            seen.add(id(person))
            by_surname[person.canonical().split()[-1].lower()].append(person)
    return ids, by_surname


def _lone(name: str, title: str | None, people: list[_Person]) -> str | None:
    """The person a lone name stands for, None when the corpus has no single one."""
    if len(people) == 1:
        return people[0].canonical()
    gender = _gender_of_title(title)
    if gender != "-":
        people = [p for p in people if p.gender() == gender] \
            or [p for p in people if p.gender() == "-"]
    if title and title.lower() not in COURTESY_TITLES:
        titled = sorted(people, key=lambda p: -p.titles[title.lower()])
        if titled and titled[0].titles[title.lower()] > 2 * sum(p.titles[title.lower()]
                                                                 for p in titled[1:]):
            people = titled[:1]  # the person the corpus writes with that title, by far
    return people[0].canonical() if len(people) == 1 else None


def speaker_forms(records: Iterable[Attribution]) -> list[Form]:
    """The :data:`Form` of every speaker form of ``records``, in the order they first come."""
    counts: Counter[tuple[str | None, str, str | None]] = Counter(
        (r.speaker, r.speaker_type, r.speaker_title) for r in records)
    return [(*form, count) for form, count in counts.items()]


def speaker_ids(forms: list[Form], lower: frozenset[str]
                ) -> dict[tuple[str | None, str, str | None], tuple[str, str]]:
    """The corpus-wide ``(speaker, speaker_type)`` of each speaker form that changes (see the
    module docstring): ``forms`` as :func:`speaker_forms` gives them, ``lower`` the
    :func:`lower_words` of the corpus's contents. A form not in the result stays as it is."""
    ids, by_surname = _people(forms, lower)
    changed = {}
    for speaker, speaker_type, title, _ in forms:
        if not speaker or speaker_type not in _NAMED or not speaker[:1].isupper():
            continue
        new = ids.get(speaker) if speaker_type == "person" else None
        if new is None:
            words = _name_words(speaker)
            if len(words) == 1 and (len(speaker.split()) == 1 or speaker_type == "person"):
                new = _lone(speaker, title, by_surname.get(words[0].lower(), []))
        if new is not None and (new != speaker or speaker_type != "person"):
            changed[(speaker, speaker_type, title)] = (new, "person")
    return changed


def merge_speakers(records: Iterable[Attribution]) -> list[Attribution]:
    """``records`` with corpus-wide person ids (see the module docstring), in the same order."""
    records = list(records)
    changed = speaker_ids(speaker_forms(records), lower_words(r.content for r in records))
    merged = []
    for r in records:
        new = changed.get((r.speaker, r.speaker_type, r.speaker_title))
        merged.append(r if new is None else replace(r, speaker=new[0], speaker_type=new[1]))
    return merged


def corpus_speakers(records: Iterable[Attribution]) -> dict[str, str]:
    """Map each speaker id that :func:`merge_speakers` changes the same way wherever it stands to
    its corpus-wide person id (a lone name shared by two people is left out)."""
    records = list(records)
    changes: dict[str, set[str]] = defaultdict(set)
    for old, new in zip(records, merge_speakers(records), strict=True):
        if old.speaker and new.speaker != old.speaker:
            changes[old.speaker].add(new.speaker)
        elif old.speaker:
            changes[old.speaker].add(old.speaker)
    return {old: next(iter(new)) for old, new in changes.items()
            if len(new) == 1 and next(iter(new)) != old}
