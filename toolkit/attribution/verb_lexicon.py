"""Reporting-verb lexicon: loading, validation and the compiled cue pattern."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from toolkit import lexicons
from toolkit.errors import InputError, LexiconError

__all__ = ["CATEGORIES", "KINDS", "CueEntry", "VerbLexicon", "cue_noun_forms", "default_verb_lexicon", "load_verb_lexicon"]

CATEGORIES = frozenset({
    "neutral", "factive", "nonfactive", "concessive", "directive", "conflictual", "predictive",
    "cognitive", "evidential", "supportive",
})
KINDS = frozenset({"speech", "cognitive", "evidential"})
DEFAULT_PATH = lexicons.path("reporting_verbs.tsv")
NOUN_FORMS_PATH = DEFAULT_PATH.with_name("cue_nouns.txt")
_COLUMNS = ("lemma", "category", "kind", "forms")


@dataclass(frozen=True)
class CueEntry:
    """One surface form of a reporting verb."""

    form: str
    lemma: str
    category: str
    kind: str


@dataclass(frozen=True)
class VerbLexicon:
    """Reporting verbs keyed by lower-case surface form, with one compiled matcher."""

    entries: dict[str, CueEntry]
    pattern: re.Pattern[str] = field(repr=False)
    source: str = ""

    def lookup(self, form: str) -> CueEntry | None:
        """Entry of a surface form (case- and whitespace-insensitive), or None."""
        return self.entries.get(" ".join(form.lower().split()))


def _inflections(lemma: str) -> list[str]:
    """Surface forms of a (possibly phrasal) verb lemma, generated with lemminflect."""
    from lemminflect import getAllInflections, getAllInflectionsOOV

    head, _, rest = lemma.partition(" ")
    table = getAllInflections(head, upos="VERB") or getAllInflectionsOOV(head, upos="VERB")
    heads = sorted({form for forms in table.values() for form in forms} | {head})
    return [f"{h} {rest}".strip() for h in heads]


def _parse_row(cells: list[str], *, path: str, line: int) -> list[CueEntry]:
    if len(cells) < 3:
        raise LexiconError("expected columns lemma, category, kind[, forms]", path=path, line=line,
                           hint="separate columns with a tab")
    lemma, category, kind = (c.strip().lower() for c in cells[:3])
    if category not in CATEGORIES:
        raise LexiconError(f"unknown category {category!r}", path=path, line=line,
                           hint="use one of " + ", ".join(sorted(CATEGORIES)))
    if kind not in KINDS:
        raise LexiconError(f"unknown kind {kind!r}", path=path, line=line,
                           hint="use one of " + ", ".join(sorted(KINDS)))
    forms = [f.strip().lower() for f in cells[3].split(",")] if len(cells) > 3 else []
    forms = [f for f in forms if f] or _inflections(lemma)
    return [CueEntry(" ".join(f.split()), lemma, category, kind) for f in forms]


def _compile(forms: list[str]) -> re.Pattern[str]:
    """Lower-case forms, and capitalized ones for sentence starts; whitespace-tolerant.

    The forms are merged into a prefix tree so that the regex engine walks shared prefixes
    once instead of trying every form in turn (same matches as a longest-first alternation,
    many times faster on long texts).
    """
    variants = set(forms) | {f[:1].upper() + f[1:] for f in forms}
    return re.compile(rf"(?<![\w’'-])(?:{_trie_pattern(variants)})(?![\w-])")


def _trie_pattern(words: set[str]) -> str:
    """A regex matching exactly ``words``, longer continuations tried first; a space in a
    word matches any run of white space."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie, root=True)


def _trie_node(node: dict, *, root: bool = False) -> str:
    # A run of nodes with one branch each and no word ending in them is written as it is.
    chain = []
    while not root and len(node) == 1 and "" not in node:
        ((char, node),) = node.items()
        chain.append(_escaped(char))
    ends_here = "" in node
    # At the root, a capital letter and its lower-case twin that lead to the same words
    # ("Said", "said") become one branch [Ss]: the same matches, half the pattern to compile.
    # The branches start with different characters, so at most one can match at a position
    # and their order does not matter.
    twins = _twins(node) if root else set()
    branches = [_escaped(char) + _trie_node(node[char])
                for char in sorted(k for k in node if k)
                if char not in twins and not ("a" <= char <= "z" and char.upper() in twins)]
    branches += [f"[{upper}{upper.lower()}]" + _trie_node(node[upper]) for upper in sorted(twins)]
    head = "".join(chain)
    if not branches:
        return head
    if len(branches) == 1 and not ends_here:
        return head + branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return head + group + "?" if ends_here else head + group


_ESCAPED: dict[str, str] = {}


def _escaped(char: str) -> str:
    """``char`` in a pattern: itself, escaped where it means something; a space matches any run
    of white space."""
    found = _ESCAPED.get(char)
    if found is None:
        found = _ESCAPED[char] = r"\s+" if char == " " else re.escape(char)
    return found


def _twins(node: dict) -> set[str]:
    """The capital ASCII letters of ``node``'s branches whose lower-case letter has the same
    branch; each stands for itself and its lower-case twin."""
    return {char for char in node if "A" <= char <= "Z" and node.get(char.lower()) == node[char]}


def parse_verb_lexicon(text: str, *, source: str = "<string>") -> VerbLexicon:
    """Build a lexicon from TSV text (``#`` comments, optional header row)."""
    entries: dict[str, CueEntry] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if tuple(c.strip().lower() for c in cells[:3]) == _COLUMNS[:3]:
            continue
        for entry in _parse_row(cells, path=source, line=number):
            entries.setdefault(entry.form, entry)
    if not entries:
        raise LexiconError("the lexicon has no entries", path=source,
                           hint="add rows: lemma<TAB>category<TAB>kind[<TAB>forms]")
    return VerbLexicon(entries, _compile(list(entries)), source)


def load_verb_lexicon(path: str | Path) -> VerbLexicon:
    """Read a reporting-verb lexicon file (layout of ``lexicons/reporting_verbs.tsv``)."""
    try:
        text = lexicons.read_file(path, what="reporting-verb lexicon")
    except OSError as exc:
        raise InputError(f"cannot read lexicon: {exc.strerror}", path=str(path),
                         hint="pass the path of a TSV lexicon file") from exc
    _check_lemmas(text, source=str(path))
    return parse_verb_lexicon(text, source=str(path))


def _check_lemmas(text: str, *, source: str) -> None:
    """A lexicon file's rows must start with a lemma (an empty one names no verb)."""
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip() and not raw.lstrip().startswith("#") and not raw.split("\t")[0].strip():
            raise LexiconError("empty lemma", path=source, line=number,
                               hint="write the verb in the first column, or remove the row")


@lru_cache(maxsize=1)
def default_verb_lexicon() -> VerbLexicon:
    """The lexicon shipped with the toolkit (read once per process)."""
    return load_verb_lexicon(DEFAULT_PATH)


@lru_cache(maxsize=1)
def cue_noun_forms() -> frozenset[str]:
    """Cue forms that are also nouns (``lexicons/cue_nouns.txt``): not cues after a noun phrase's start."""
    words = set()
    for line in NOUN_FORMS_PATH.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)
