"""Framing lexicons: named frames, each a list of terms, compiled once for fast matching.

A lexicon is read from one of three formats (see :func:`load_lexicon`):

YAML (``.yaml``/``.yml``), the toolkit's own format::

    name: my_frames
    version: "1.0"
    source: where the categories come from
    descriptions:            # optional, frame -> one line
      escalation: the dispute is getting worse
    frames:
      escalation:
        - escalat*                       # wildcard: any word starting with "escalat"
        - irreparable harm               # multiword term
        - {term: US, case: sensitive}    # matches "US" but not "us"

A plain mapping of frame -> list of terms (no ``frames:`` key) is accepted too.

LIWC dictionaries (``.dic``): a header of ``id<TAB>category`` lines between two ``%`` lines,
then one ``term<TAB>id [id ...]`` line per term.

CSV (``.csv``): columns ``term,frame`` with an optional third column ``case`` (``sensitive``);
a first row ``term,frame[,case]`` is read as a header.

Term rules, in every format: ``*`` may only end a term (``sanction*``); matching is
case-insensitive unless the term is marked case-sensitive; hyphens and spaces between words are
equivalent (``de-escalation`` matches "de-escalation" and "de escalation", see
:mod:`toolkit.analysis.framing.matcher`); curly and straight apostrophes are equivalent. Problems are reported as
:class:`~toolkit.errors.LexiconError` with the file and line.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from toolkit import lexicons
from toolkit.analysis.framing.formats import PARSERS, Parsed, Term, add_term, check_term
from toolkit.analysis.framing.matcher import Entry, Matcher, term_parts
from toolkit.errors import LexiconError

__all__ = ["Term", "Lexicon", "load_lexicon", "make_lexicon", "builtin_lexicons", "as_lexicon"]

_BUILTIN_DIR = lexicons.FOLDER
_SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".dic": "dic", ".csv": "csv"}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Frames (in file order) mapped to their terms (in file order), plus provenance."""

    name: str
    frames: Mapping[str, tuple[Term, ...]]
    version: str = ""
    source: str = ""
    descriptions: Mapping[str, str] = field(default_factory=dict)
    path: str | None = None
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "frames", MappingProxyType(dict(self.frames)))
        object.__setattr__(self, "descriptions", MappingProxyType(dict(self.descriptions)))
        object.__setattr__(self, "groups", MappingProxyType(
            {g: tuple(members) for g, members in self.groups.items()}))

    @property
    def frame_names(self) -> list[str]:
        return list(self.frames)

    def __len__(self) -> int:
        return sum(len(terms) for terms in self.frames.values())

    def __repr__(self) -> str:
        return (f"Lexicon({self.name!r}, version={self.version!r}, "
                f"{len(self.frames)} frames, {len(self)} terms)")

    def subset(self, frames: Iterable[str]) -> Lexicon:
        """A lexicon with only the named frames (in the order given)."""
        names = list(frames)
        unknown = [f for f in names if f not in self.frames]
        if unknown:
            raise LexiconError(f"no frame {unknown[0]!r} in lexicon {self.name!r}",
                               path=self.path, hint="frames: " + ", ".join(self.frames))
        return Lexicon(self.name, {f: self.frames[f] for f in names}, self.version, self.source,
                       {f: d for f, d in self.descriptions.items() if f in names}, self.path)

    def grouped(self) -> Lexicon:
        """A lexicon whose frames are this one's ``groups`` (e.g. conflict vs cooperation).

        Each group holds the terms of its frames in order; a term repeated across them is kept
        once.
        """
        if not self.groups:
            raise LexiconError(f"lexicon {self.name!r} defines no groups", path=self.path,
                               hint="add a 'groups:' mapping of group -> frames")
        frames = {}
        for group, members in self.groups.items():
            terms: dict[tuple, Term] = {}
            for frame in members:
                for term in self.frames[frame]:
                    terms.setdefault((term.pattern.lower(), term.case_sensitive), term)
            frames[group] = tuple(terms.values())
        return Lexicon(f"{self.name}:groups", frames, self.version, self.source, {}, self.path)

    @cached_property
    def matcher(self) -> Matcher:
        """The compiled matcher (built on first use, then reused)."""
        entries = []
        for frame, terms in self.frames.items():
            for term in terms:
                parts = term_parts(term.text)
                if not term.case_sensitive:
                    parts = tuple(p.lower() for p in parts)
                entries.append(Entry(parts, term.wildcard, term.case_sensitive, frame,
                                     term.pattern, len(entries)))
        return Matcher(entries)


def make_lexicon(frames: Mapping[str, Iterable[str | Mapping[str, str]]], *, name: str = "custom",
                 version: str = "", source: str = "",
                 descriptions: Mapping[str, str] | None = None) -> Lexicon:
    """Build a lexicon in code: frame -> terms (strings, or ``{"term": ..., "case": ...}``)."""
    parsed = Parsed()
    for frame, terms in frames.items():
        if isinstance(terms, str | bytes) or not isinstance(terms, Iterable):
            raise LexiconError(f"frame {frame!r} must map to a list of terms")
        parsed.frames.setdefault(str(frame), [])
        for raw in terms:
            if isinstance(raw, Mapping):
                term = check_term(raw.get("term"), case=raw.get("case"))
            else:
                term = check_term(raw)
            add_term(parsed, str(frame), term)
    return Lexicon(name, {f: tuple(t) for f, t in parsed.frames.items()}, version, source,
                   dict(descriptions or {}))


def builtin_lexicons() -> list[str]:
    """Names of the framing lexicons shipped in ``toolkit/lexicons``."""
    return sorted(p.stem for p in _BUILTIN_DIR.glob("*.yaml"))


def load_lexicon(path_or_name: str | os.PathLike[str], *, format: str | None = None) -> Lexicon:
    """Read a lexicon file, or a built-in lexicon by name (see :func:`builtin_lexicons`).

    ``format`` is ``yaml``, ``dic`` or ``csv``; by default it comes from the file suffix.
    """
    path = Path(path_or_name)
    if not path.is_file():
        if str(path_or_name) not in builtin_lexicons():
            raise LexiconError(f"no lexicon file or built-in lexicon named {str(path_or_name)!r}",
                               hint="built-in: " + ", ".join(builtin_lexicons()))
        path = _BUILTIN_DIR / f"{path_or_name}.yaml"
    kind = format or _SUFFIXES.get(path.suffix.lower())
    if kind not in ("yaml", "dic", "csv"):
        raise LexiconError("cannot tell the lexicon format", path=str(path),
                           hint="use a .yaml, .dic or .csv file, or pass format=")
    try:
        text = lexicons.read_file(path, what="framing lexicon")
    except OSError as exc:
        raise LexiconError(f"cannot read the lexicon: {exc.strerror or exc}", path=str(path),
                           hint="check the file's permissions") from None
    parsed = PARSERS[kind](text, str(path))
    return Lexicon(parsed.name or path.stem, {f: tuple(t) for f, t in parsed.frames.items()},
                   parsed.version, parsed.source, parsed.descriptions, str(path), parsed.groups)


def as_lexicon(value: Lexicon | str | os.PathLike[str]) -> Lexicon:
    """A lexicon given as an object, a built-in name or a file path."""
    return value if isinstance(value, Lexicon) else load_lexicon(value)
