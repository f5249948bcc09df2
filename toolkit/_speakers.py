"""Speaker mentions: titles, types, gender cues, and canonical ids within a document."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Mention", "Resolved", "Resolver", "SpeakerTerms", "describe", "speaker_terms"]

TERMS_PATH = Path(__file__).resolve().parent / "lexicons" / "speaker_terms.tsv"
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o",
            "who": "r", "which": "r", "i": "x", "we": "x", "you": "x"}
_DETERMINERS = frozenset("the a an this that these those his her their its our some many several".split())
_NAME_TOKEN = re.compile(r"[A-Z][\w’'.-]*|[a-z]{1,3}-[A-Z][\w’'-]*|(?:de|van|von|bin|al|da|la|le)$")
_PRONOUN_WINDOW = 6
_POSSESSIVE = re.compile(r"[’']s?$")
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


@lru_cache(maxsize=1)
def speaker_terms() -> SpeakerTerms:
    """The speaker-term lists shipped with the toolkit (read once per process)."""
    table: dict[str, dict[str, str]] = {"title": {}, "role": {}, "anonymous": {}, "org": {},
                                        "first": {}}
    for raw in TERMS_PATH.read_text(encoding="utf-8").splitlines():
        cells = raw.split("\t")
        if raw.startswith("#") or len(cells) < 3 or cells[1] not in table:
            continue
        table[cells[1]][cells[0]] = cells[2]
    return SpeakerTerms(table["title"], table["role"], frozenset(table["anonymous"]),
                        frozenset(table["org"]), table["first"])


@dataclass(frozen=True)
class Mention:
    """What a speaker mention says about its speaker."""

    name: str
    title: str | None
    type: str  # person | organization | anonymous | pronoun | role
    gender: str  # m | f | p (plural) | o (non-person) | - (unknown) | x (first/second person)


def _words(text: str) -> list[str]:
    return text.replace("\n", " ").split()


def _strip_determiner(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _split_title(words: list[str], terms: SpeakerTerms) -> tuple[list[str], list[str]]:
    """Split the trailing capitalized name from what precedes it (the title)."""
    start = len(words)
    while start > 0 and _NAME_TOKEN.match(words[start - 1]):
        start -= 1
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


def describe(text: str, *, context: str = "") -> Mention:
    """Classify a speaker head (``text``); ``context`` is the rest of the mention (apposition)."""
    terms = speaker_terms()
    words = [w.strip(",()") for w in _words(text)]
    words = [w for w in words if w]
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return Mention(words[0].lower(), None, "pronoun", PRONOUNS[words[0].lower()])
    core = _strip_determiner(words)
    if not core:
        return Mention(text.strip(), None, "role", "-")
    lowered = [w.lower().rstrip("’'s") if _POSSESSIVE.search(w) else w.lower() for w in core]
    head = lowered[-1]
    if len(core) < len(words) and not core[0][:1].isupper():
        head = next((w for w, x in zip(lowered, core, strict=True) if not x[:1].isupper()), head)
    if head in terms.anonymous or (words[0].lower() in ("a", "an") and head in terms.roles):
        return Mention(" ".join(core), None, "anonymous", "p" if head.endswith("s") else "-")
    if not core[-1][:1].isupper() or (len(core) < len(words) and not core[0][:1].isupper()):
        plural = head.endswith("s") and not head.endswith("ss")
        if head not in terms.roles:
            return Mention(" ".join(core), None, "organization", "p" if plural else "o")
        return Mention(" ".join(core), None, "role", "p" if plural else terms.roles[head])
    title, name = _split_title(core, terms)
    name = [_POSSESSIVE.sub("", w) if w.endswith(("’s", "'s", "’", "'")) else w for w in name]
    is_org = (words[0].lower() == "the" or any(w.lower() in terms.orgs for w in name)
              or (len(name) == 1 and name[0].isupper() and len(name[0]) > 1))
    if is_org:
        return Mention(" ".join(core), None, "organization", "o")
    title_text = " ".join(title) or None
    if context and not title_text:
        title_text = " ".join(_strip_determiner(_words(context.strip(" ,")))) or None
    return Mention(" ".join(name), title_text, "person", _person_gender(title, name, terms))


def _full_name(surname: str, text: str, before: int) -> str | None:
    """Nearest fuller name ending in ``surname`` in ``text`` (preceding ``before`` first)."""
    pattern = re.compile(r"\b([A-Z][a-z]+ (?:[A-Z]\. )?)" + re.escape(surname) + r"\b")
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
        return candidate.type == "person" and candidate.gender in (gender, "-")
    if gender == "p":
        return candidate.type in ("organization", "anonymous", "role") and candidate.gender in ("p", "o")
    if gender == "o":
        return candidate.type == "organization"
    return False


class Resolver:
    """Canonical speakers for the mentions of one document, fed in text order.

    Names merge on their surname ("Putin" -> "Vladimir Putin"); pronouns take the nearest earlier
    speaker of compatible gender and number, and stay unresolved when there is none.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.history: list[Resolved] = []
        self.names: dict[str, Resolved] = {}

    def add(self, resolved: Resolved) -> Resolved:
        """Record a speaker known by other means (an antecedent)."""
        self.history.append(resolved)
        return resolved

    def resolve(self, head: str, context: str, position: int) -> Resolved:
        """Canonical speaker of the mention ``head`` (apposition ``context``) at ``position``."""
        if not head.strip():
            return self.add(Resolved(None, "unresolved", None, "-"))
        mention = describe(head, context=context)
        if mention.type == "pronoun":
            return self.add(_resolve_pronoun(mention.gender, self.history))
        if mention.type != "person":
            kind = "person" if mention.type == "role" else mention.type
            return self.add(Resolved(mention.name, kind, mention.title, mention.gender))
        return self.add(_resolve_name(mention, self.text, position, self.names))


def _resolve_pronoun(gender: str, earlier: list[Resolved]) -> Resolved:
    """Nearest earlier compatible speaker; a known matching gender beats an unknown one."""
    recent = [c for c in reversed(earlier[-_PRONOUN_WINDOW:]) if c.speaker is not None and _compatible(gender, c)]
    for candidate in recent:
        if candidate.gender == gender:
            return candidate
    if recent:
        return recent[0]
    return Resolved(None, "unresolved", None, gender)


def _resolve_name(mention: Mention, text: str, position: int, names: dict[str, Resolved]) -> Resolved:
    parts = mention.name.split()
    surname = parts[-1].rstrip("’'s") if parts else mention.name
    known = names.get(surname)
    if len(parts) == 1:
        full = _full_name(surname, text, position) if known is None else known.speaker
        name = full or mention.name
    else:
        name = mention.name
    gender = mention.gender
    if gender == "-" and known is not None:
        gender = known.gender
    if gender == "-":
        gender = speaker_terms().first_names.get(name.split()[0].lower(), "-")
    title = mention.title or (known.title if known else None)
    resolved = Resolved(name, "person", title, gender)
    if known is None or len(name.split()) >= len((known.speaker or "").split()):
        names[surname] = resolved
    return resolved
