"""Text with marked spans, as HTML for notebooks and as plain text for terminals.

A :class:`Mark` is a ``[start, end)`` span of a document's text with a role: ``speaker``,
``cue`` and ``content`` of an attribution, a KWIC ``match``, or ``excluded`` boilerplate. The
offsets are used exactly as given, so the marked characters are ``text[start:end]``: what a
reader sees highlighted is what the toolkit extracted.

Every character of the text is HTML-escaped; only the markup this module writes reaches the
page. Styles are inline, so the HTML looks the same in JupyterLab, in nbconvert pages and in a
browser opening a saved file. Marks may overlap or nest (a match inside a quotation): each run of
characters carries every role that covers it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from toolkit.errors import ParameterError

__all__ = ["ROLES", "ROLE_LABELS", "Mark", "attribution_marks", "enclosing", "highlight_html",
           "highlight_text", "legend_html", "runs"]

ROLES = ("speaker", "cue", "content", "match", "excluded")
ROLE_LABELS = {"speaker": "speaker", "cue": "reporting cue", "content": "reported content",
               "match": "match", "excluded": "boilerplate (left out)"}
# Inline CSS per role, written after a neutral base (a <mark> is yellow by default). When roles
# overlap, later declarations win: _PRECEDENCE runs from weakest to strongest.
_BASE = "background:transparent;color:inherit;padding:0"
_STYLE = {
    "content": "background:#fff3b0",
    "speaker": "background:#cfe6ff;font-weight:600",
    "cue": "background:#ffc9c9;text-decoration:underline",
    "match": "outline:2px solid #e8590c;outline-offset:0",
    "excluded": "color:#999",
}
_PRECEDENCE = ("excluded", "content", "speaker", "cue", "match")
_TEXT_MARKERS = {"speaker": ("[[", "]]"), "cue": ("<<", ">>"), "content": ("{{", "}}"),
                 "match": ("**", "**"), "excluded": ("", "")}


@dataclass(frozen=True)
class Mark:
    """A span of text with a role (one of :data:`ROLES`)."""

    start: int
    end: int
    role: str


def _check(marks: Iterable[Mark], length: int) -> list[Mark]:
    checked = []
    for mark in marks:
        if mark.role not in ROLES:
            raise ParameterError(f"unknown mark role {mark.role!r}", hint=f"use one of {ROLES}")
        if not 0 <= mark.start <= mark.end <= length:
            raise ParameterError(f"mark {mark.role} [{mark.start}, {mark.end}) lies outside the "
                                 f"text of {length} characters",
                                 hint="offsets must index the document text exactly as read")
        if mark.end > mark.start:
            checked.append(mark)
    return checked


def runs(text: str, marks: Iterable[Mark], *, start: int = 0,
         end: int | None = None) -> list[tuple[int, int, frozenset[str]]]:
    """``text[start:end]`` cut where any mark begins or ends: ``(a, b, roles)`` runs in order,
    ``roles`` being the roles of the marks covering ``[a, b)`` (empty for plain text)."""
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ParameterError(f"window [{start}, {end}) lies outside the text of {len(text)} "
                             "characters")
    inside = [m for m in _check(marks, len(text)) if m.start < end and m.end > start]
    inner = {max(start, min(end, p)) for m in inside for p in (m.start, m.end)}
    cuts = sorted({start, end} | inner)
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        roles = frozenset(m.role for m in inside if m.start <= a and b <= m.end)
        out.append((a, b, roles))
    return out


def _style(roles: frozenset[str]) -> str:
    return ";".join([_BASE, *(_STYLE[r] for r in _PRECEDENCE if r in roles)])


def highlight_html(text: str, marks: Iterable[Mark], *, start: int = 0,
                   end: int | None = None) -> str:
    """``text[start:end]`` as escaped HTML with each marked run in a ``<mark>`` element.

    A run's ``data-roles`` attribute lists its roles (``"content cue"``) and its ``title`` names
    them for a tooltip. White space is kept as written (``white-space: pre-wrap``), so paragraph
    breaks show.
    """
    parts = []
    for a, b, roles in runs(text, marks, start=start, end=end):
        chunk = html.escape(text[a:b])
        if not roles:
            parts.append(chunk)
            continue
        ordered = [r for r in ROLES if r in roles]
        title = ", ".join(ROLE_LABELS[r] for r in ordered)
        parts.append(f'<mark data-roles="{" ".join(ordered)}" title="{html.escape(title)}" '
                     f'style="{_style(roles)}">{chunk}</mark>')
    return ('<div class="tk-text" style="white-space:pre-wrap;line-height:1.5;'
            f'font-family:inherit">{"".join(parts)}</div>')


def highlight_text(text: str, marks: Iterable[Mark], *, start: int = 0,
                   end: int | None = None) -> str:
    """``text[start:end]`` with plain-text markers for a terminal: ``[[speaker]]``,
    ``<<cue>>``, ``{{content}}``, ``**match**``. Line breaks become spaces."""
    parts = []
    open_roles: list[str] = []
    for a, b, roles in runs(text, marks, start=start, end=end):
        for role in reversed([r for r in open_roles if r not in roles]):
            parts.append(_TEXT_MARKERS[role][1])
            open_roles.remove(role)
        for role in (r for r in ROLES if r in roles and r not in open_roles):
            parts.append(_TEXT_MARKERS[role][0])
            open_roles.append(role)
        parts.append(" ".join(text[a:b].split("\n")))
    parts.extend(_TEXT_MARKERS[role][1] for role in reversed(open_roles))
    return "".join(parts)


def _get(record: Mapping[str, Any] | Any, name: str) -> Any:
    """A field of a record, dict, table row or named tuple; None when missing, NaN or NA."""
    value = record.get(name) if isinstance(record, Mapping) else getattr(record, name, None)
    try:
        return None if value is None or bool(value != value) else value
    except TypeError:  # pandas' NA has no truth value
        return None


def attribution_marks(record: Mapping[str, Any] | Any) -> list[Mark]:
    """The speaker, cue and content marks of one attribution (an
    :class:`~toolkit.attribution.Attribution`, a row of its table or a dict with the
    ``*_start``/``*_end`` fields); missing spans are left out."""
    marks = []
    for role in ("speaker", "cue", "content"):
        a, b = _get(record, f"{role}_start"), _get(record, f"{role}_end")
        if a is not None and b is not None:
            marks.append(Mark(int(a), int(b), role))
    return marks


def enclosing(units: Sequence[tuple[int, int]], marks: Sequence[Mark]) -> tuple[int, int]:
    """The smallest run of consecutive ``units`` (sentence or paragraph spans, in text order)
    that holds every mark; the marks' own extent where no unit overlaps them."""
    if not marks:
        raise ParameterError("no marks to enclose")
    lo = min(m.start for m in marks)
    hi = max(m.end for m in marks)
    touching = [(a, b) for a, b in units if a < max(hi, lo + 1) and b > lo]
    if not touching:
        return lo, hi
    return min(lo, touching[0][0]), max(hi, touching[-1][1])


def legend_html(roles: Sequence[str] = ("speaker", "cue", "content")) -> str:
    """A one-line key to the colours of ``roles``."""
    items = " ".join(f'<mark style="{_style(frozenset([r]))};padding:0 4px">'
                     f"{html.escape(ROLE_LABELS[r])}</mark>" for r in roles)
    return f'<div class="tk-legend" style="margin:4px 0">{items}</div>'
