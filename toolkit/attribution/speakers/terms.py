"""The speaker-term lexicon: titles, role nouns, anonymous-source nouns, organization words,
office and institution nouns, and first names with a gender cue (``speaker_terms.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from toolkit import lexicons

__all__ = ["TERMS_FILE", "SpeakerTerms", "speaker_terms"]

TERMS_FILE = "speaker_terms.tsv"


@dataclass(frozen=True)
class SpeakerTerms:
    """Titles, role nouns, anonymous-source nouns, organization words, first names and group
    nouns."""

    titles: dict[str, str]
    roles: dict[str, str]
    anonymous: frozenset[str]
    orgs: frozenset[str]
    first_names: dict[str, str]
    offices: frozenset[str] = frozenset()
    bodies: frozenset[str] = frozenset()
    groups: dict[str, str] = field(default_factory=dict)  # lower case -> id ("Republicans")


@lru_cache(maxsize=1)
def speaker_terms() -> SpeakerTerms:
    """The speaker-term lists shipped with the toolkit (read once per process).

    Each row is ``term<TAB>type<TAB>gender``; ``#`` comments and rows of an unknown type are
    skipped.
    """
    table: dict[str, dict[str, str]] = {"title": {}, "role": {}, "anonymous": {}, "org": {},
                                        "first": {}, "office": {}, "body": {},
                                        "group": {}}
    for raw in lexicons.read_text(TERMS_FILE).splitlines():
        cells = raw.split("\t")
        if raw.startswith("#") or len(cells) < 3 or cells[1] not in table:
            continue
        table[cells[1]][cells[0]] = cells[2]
    return SpeakerTerms(table["title"], table["role"], frozenset(table["anonymous"]),
                        frozenset(table["org"]), table["first"], frozenset(table["office"]),
                        frozenset(table["body"]),
                        {term.lower(): term for term in table["group"]})
