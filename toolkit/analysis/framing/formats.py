"""Reading framing lexicons from YAML, LIWC ``.dic`` and CSV text, with file and line in errors."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from toolkit.analysis.framing.matcher import term_parts
from toolkit.errors import LexiconError

__all__ = ["PARSERS", "Parsed", "Term", "add_term", "check_term", "parse_csv", "parse_dic", "parse_yaml"]

_META_KEYS = ("name", "version", "source", "descriptions", "groups", "frames")
_DIC_ENTRY = re.compile(r"^(.*?)\s+(\S+(?:\s+\S+)*)$")


@dataclass(frozen=True)
class Term:
    """One lexicon entry. ``text`` is the term without its trailing ``*``."""

    text: str
    wildcard: bool = False
    case_sensitive: bool = False
    line: int | None = None

    @property
    def pattern(self) -> str:
        """The term as written in a lexicon file (``sanction*``)."""
        return self.text + "*" if self.wildcard else self.text


@dataclass
class Parsed:
    """What a lexicon file holds, before it becomes a :class:`toolkit.analysis.framing.lexicon.Lexicon`."""

    frames: dict[str, list[Term]] = field(default_factory=dict)
    name: str = ""
    version: str = ""
    source: str = ""
    descriptions: dict[str, str] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    seen: dict[tuple, int | None] = field(default_factory=dict)


def check_term(raw: object, *, case: str | None = None, path: str | None = None,
               line: int | None = None) -> Term:
    """Validate one term as written; raise :class:`LexiconError` if it is unusable."""
    if not isinstance(raw, str):
        raise LexiconError(f"term must be text, not {type(raw).__name__}", path=path, line=line)
    text = " ".join(raw.split())
    if not text or text == "*":
        raise LexiconError("empty term", path=path, line=line, hint="remove the entry")
    wildcard = text.endswith("*")
    stem = text[:-1] if wildcard else text
    if "*" in stem or stem != stem.rstrip():
        raise LexiconError(f"bad wildcard in {raw!r}: '*' may only end a term, right after a "
                           "letter", path=path, line=line, hint="write e.g. 'sanction*'")
    if not term_parts(stem):
        raise LexiconError(f"term {raw!r} has no word in it", path=path, line=line)
    if case not in (None, "sensitive", "insensitive"):
        raise LexiconError(f"case must be 'sensitive' or 'insensitive', not {case!r}",
                           path=path, line=line)
    return Term(stem, wildcard, case == "sensitive", line)


def add_term(parsed: Parsed, frame: str, term: Term, *, path: str | None = None) -> None:
    """Append ``term`` to its frame unless it repeats a term of the same frame."""
    parts = term_parts(term.text)
    if not term.case_sensitive:
        parts = tuple(p.lower() for p in parts)
    key = (frame, parts, term.wildcard, term.case_sensitive)
    if key in parsed.seen:
        first = parsed.seen[key]
        where = f" (first on line {first})" if first is not None else ""
        raise LexiconError(f"duplicate term {term.pattern!r} in frame {frame!r}{where}",
                           path=path, line=term.line, hint="remove one of them")
    parsed.seen[key] = term.line
    parsed.frames.setdefault(frame, []).append(term)


# -- YAML ---------------------------------------------------------------------------------------


def parse_yaml(text: str, path: str) -> Parsed:
    """The toolkit's YAML format (see :mod:`toolkit.analysis.framing.lexicon`); reads nodes to keep line numbers."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(f"not valid YAML: {getattr(exc, 'problem', exc)}", path=path,
                           line=mark.line + 1 if mark else None) from None
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError("a lexicon must be a mapping of frame -> list of terms", path=path,
                           line=_line(root), hint="see the format in toolkit.analysis.framing.lexicon")
    parsed = Parsed()
    top = _pairs(root, path)
    if "frames" not in top:
        _frames(root, parsed, path)
        return parsed
    group_node = None
    for key, (key_node, value) in top.items():
        if key not in _META_KEYS:
            raise LexiconError(f"unknown key {key!r}", path=path, line=_line(key_node),
                               hint="use " + ", ".join(_META_KEYS))
        if key == "frames":
            _frames(value, parsed, path)
        elif key == "groups":
            group_node = value
        elif key == "descriptions":
            parsed.descriptions = {k: _scalar(v, path) for k, (_, v) in _pairs(value, path).items()}
        else:
            setattr(parsed, key, _scalar(value, path))
    if group_node is not None:
        parsed.groups = _groups(group_node, parsed, path)
    return parsed


def _groups(node, parsed: Parsed, path: str) -> dict[str, list[str]]:
    """``groups``: name -> list of frames; every frame must exist."""
    import yaml

    groups = {}
    for name, (key_node, value) in _pairs(node, path).items():
        if not isinstance(value, yaml.SequenceNode):
            raise LexiconError(f"group {name!r} must be a list of frames", path=path,
                               line=_line(key_node))
        members = [_scalar(v, path) for v in value.value]
        unknown = [m for m in members if m not in parsed.frames]
        if unknown:
            raise LexiconError(f"group {name!r} names unknown frame {unknown[0]!r}", path=path,
                               line=_line(value), hint="frames: " + ", ".join(parsed.frames))
        groups[name] = members
    return groups


def _line(node) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _scalar(node, path: str) -> str:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        raise LexiconError("expected a single value", path=path, line=_line(node))
    return node.value


def _pairs(node, path: str) -> dict:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        raise LexiconError("expected a mapping", path=path, line=_line(node))
    out: dict = {}
    for key_node, value in node.value:
        key = _scalar(key_node, path).strip()
        if not key or key in out:
            problem = "empty key" if not key else f"{key!r} appears twice"
            raise LexiconError(problem, path=path, line=_line(key_node))
        out[key] = (key_node, value)
    return out


def _frames(node, parsed: Parsed, path: str) -> None:
    import yaml

    for frame, (key_node, value) in _pairs(node, path).items():
        if not isinstance(value, yaml.SequenceNode):
            raise LexiconError(f"frame {frame!r} must be a list of terms", path=path,
                               line=_line(value) if value.value not in ("", None) else
                               _line(key_node), hint="write one '- term' per line")
        parsed.frames.setdefault(frame, [])
        for item in value.value:
            add_term(parsed, frame, _yaml_term(item, path), path=path)


def _yaml_term(node, path: str) -> Term:
    import yaml

    line = _line(node)
    if isinstance(node, yaml.MappingNode):
        fields = {k: _scalar(v, path) for k, (_, v) in _pairs(node, path).items()}
        extra = set(fields) - {"term", "case"}
        if extra or "term" not in fields:
            raise LexiconError("a term mapping needs 'term' and may have 'case', nothing else",
                               path=path, line=line, hint='e.g. {term: "US", case: sensitive}')
        return check_term(fields["term"], case=fields.get("case"), path=path, line=line)
    if not isinstance(node, yaml.ScalarNode):
        raise LexiconError("a term must be text or {term: ..., case: ...}", path=path, line=line)
    return check_term(node.value, path=path, line=line)


# -- LIWC .dic ----------------------------------------------------------------------------------


def parse_dic(text: str, path: str) -> Parsed:
    """A LIWC-style dictionary: ``%`` / ``id<TAB>category`` lines / ``%`` / ``term<TAB>ids``."""
    parsed = Parsed()
    categories: dict[str, str] = {}
    state = "start"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line == "%":
            if state == "entries":
                raise LexiconError("a third '%' line", path=path, line=number)
            state = "header" if state == "start" else "entries"
        elif state == "start":
            raise LexiconError("a .dic file must start with a '%' line", path=path, line=number)
        elif state == "header":
            _dic_category(line, categories, path, number)
            parsed.frames.setdefault(categories[line.split()[0]], [])
        else:
            _dic_entry(raw, categories, parsed, path, number)
    if state != "entries":
        raise LexiconError("the category header is not closed by a second '%' line", path=path)
    parsed.source = f"LIWC-format dictionary {path}"
    return parsed


def _dic_category(line: str, categories: dict[str, str], path: str, number: int) -> None:
    fields = line.split(None, 1)
    if len(fields) != 2:
        raise LexiconError("expected 'id<TAB>category' in the header", path=path, line=number)
    cid, name = fields[0], fields[1].strip()
    if cid in categories:
        raise LexiconError(f"category id {cid} defined twice", path=path, line=number)
    categories[cid] = name


def _dic_entry(raw: str, categories: dict[str, str], parsed: Parsed, path: str,
               number: int) -> None:
    term_text, _, ids_text = raw.partition("\t")
    if not ids_text:
        found = _DIC_ENTRY.match(raw.strip())
        term_text, ids_text = (found.group(1), found.group(2)) if found else (raw, "")
    ids = ids_text.split()
    if not ids:
        raise LexiconError(f"term {term_text.strip()!r} has no category id", path=path,
                           line=number, hint="write 'term<TAB>id'")
    term = check_term(term_text, path=path, line=number)
    for cid in ids:
        if cid not in categories:
            raise LexiconError(f"unknown category id {cid!r}", path=path, line=number,
                               hint="ids defined in the header: " + ", ".join(categories))
        add_term(parsed, categories[cid], term, path=path)


# -- CSV ----------------------------------------------------------------------------------------


def parse_csv(text: str, path: str) -> Parsed:
    """Rows ``term,frame[,case]``; an optional header row; ``#`` starts a comment line."""
    parsed = Parsed()
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        number = reader.line_num
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if number == 1 and [c.lower() for c in cells[:2]] == ["term", "frame"]:
            continue
        if len(cells) not in (2, 3) or not cells[1]:
            raise LexiconError("expected 'term,frame' or 'term,frame,case'", path=path,
                               line=number)
        case = cells[2] or None if len(cells) == 3 else None
        add_term(parsed, cells[1], check_term(cells[0], case=case, path=path, line=number),
                 path=path)
    return parsed


PARSERS: dict[str, Callable[[str, str], Parsed]] = {
    "yaml": parse_yaml, "dic": parse_dic, "csv": parse_csv}
