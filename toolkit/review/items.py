"""One review item as a reader sees it: the sentence(s) around the attribution with the speaker,
cue and content highlighted (HTML for notebooks, markers for terminals), and corrections typed
as words located back to exact offsets."""

from __future__ import annotations

import html
import re
from typing import Any

from toolkit.errors import ParameterError
from toolkit.highlight import Mark, enclosing, highlight_html, highlight_text, legend_html
from toolkit.review.store import Review, Span, is_missing

__all__ = ["corrected_spans", "item_facts", "item_html", "item_text", "item_window", "locate"]


def _marks(spans: dict[str, Span | None]) -> list[Mark]:
    return [Mark(a, b, role) for role, span in spans.items() if span for a, b in [span]]


def item_window(text: str, spans: dict[str, Span | None]) -> tuple[int, int]:
    """The sentence(s) that hold every span of the item."""
    from toolkit.corpus.segment import sentences

    marks = _marks(spans)
    if not marks:
        raise ParameterError("the item has no span to show")
    return enclosing(sentences(text), marks)


def item_facts(review: Review, item: int) -> dict[str, Any]:
    """What the system said about ``item``: speaker id and type, kind, verb category, cue
    lemma, the stratum columns, the document id and the decision so far (None)."""
    row = review.item(item)
    decision = review.decisions().get(int(item))
    facts = {"item": int(item), "of": len(review.sample), "doc_id": row["doc_id"],
             "speaker": row["speaker"], "speaker_type": row["speaker_type"],
             "kind": row["kind"], "verb_category": row["verb_category"],
             "cue_lemma": row["cue_lemma"]}
    facts.update({c: row[c] for c in review.settings["by"] if c not in facts})
    facts["decision"] = decision.verdict if decision else None
    return facts


def _shown_spans(review: Review, item: int, spans: dict[str, Span | None] | None
                 ) -> dict[str, Span | None]:
    if spans is not None:
        return spans
    decision = review.decisions().get(int(item))
    if decision is not None and decision.verdict == "corrected":
        return decision.spans()
    return review.system_spans(item)


def _plain(value: Any) -> str:
    return "-" if is_missing(value) else str(value)


def item_html(review: Review, item: int, *, spans: dict[str, Span | None] | None = None) -> str:
    """``item`` as HTML: its facts and its sentence(s) with the spans highlighted (``spans``
    overrides the system's, as while correcting; a corrected item shows its corrected spans).
    All text is escaped."""
    shown = _shown_spans(review, item, spans)
    text = review.text(review.item(item)["doc_id"])
    start, end = item_window(text, shown)
    facts = item_facts(review, item)
    rows = "".join(f"<tr><th style='text-align:left;padding-right:8px'>{html.escape(k)}</th>"
                   f"<td style='text-align:left'>{html.escape(_plain(v))}</td></tr>"
                   for k, v in facts.items() if k not in ("item", "of"))
    return (f'<div class="tk-review-item"><h4 style="margin:4px 0">Item {facts["item"]} of '
            f'{facts["of"]}</h4>{legend_html()}'
            f'<div style="border-left:3px solid #e8590c;padding:2px 8px;margin:6px 0">'
            f"{highlight_html(text, _marks(shown), start=start, end=end)}</div>"
            f'<table style="font-size:90%">{rows}</table></div>')


def item_text(review: Review, item: int, *, spans: dict[str, Span | None] | None = None) -> str:
    """``item`` for a terminal: a header, the sentence(s) with ``[[speaker]]``, ``<<cue>>`` and
    ``{{content}}`` markers, and each span on its own line."""
    shown = _shown_spans(review, item, spans)
    text = review.text(review.item(item)["doc_id"])
    start, end = item_window(text, shown)
    facts = item_facts(review, item)
    head = (f"item {facts['item']} of {facts['of']} | {facts['kind']} | "
            + " | ".join(_plain(facts[c]) for c in review.settings["by"] if c != "kind")
            + f" | {facts['doc_id']}")
    lines = [head, "", highlight_text(text, _marks(shown), start=start, end=end), ""]
    for role in ("speaker", "cue", "content"):
        span = shown[role]
        words = " ".join(text[span[0]:span[1]].split()) if span else "(none)"
        lines.append(f"  {role:<8} {words}")
    lines.append(f"  speaker id {_plain(facts['speaker'])} ({facts['speaker_type']}), "
                 f"verb category {_plain(facts['verb_category'])}")
    if facts["decision"]:
        lines.append(f"  decided: {facts['decision']}")
    return "\n".join(lines)


def locate(text: str, words: str, *, near: int, window: tuple[int, int]) -> Span:
    """The span of ``words`` in ``text[window]`` closest to offset ``near``: how a correction
    typed as words becomes exact offsets. Exact matches are preferred, then matches that ignore
    case; white space in ``words`` matches any run of white space."""
    wanted = words.strip()
    if not wanted:
        raise ParameterError("no words given", hint="type the words of the span as they appear")
    pattern = r"\s+".join(re.escape(part) for part in wanted.split())
    a, b = window
    for flags in (0, re.IGNORECASE):
        found = [m.span() for m in re.finditer(pattern, text[a:b], flags)]
        if found:
            s, e = min(found, key=lambda f: (abs(a + f[0] - near), f[0]))
            return a + s, a + e
    raise ParameterError(f"{wanted!r} does not occur in the sentence(s) shown",
                         hint="copy the words exactly as they appear in the text")


def corrected_spans(review: Review, item: int, *, speaker: str | None = None,
                    cue: str | None = None, content: str | None = None
                    ) -> dict[str, Span | None]:
    """The spans of ``item`` after corrections typed as words: for each role, None keeps the
    span shown, an empty string or ``-`` removes it, other words are located in the article
    (the occurrence closest to the cue)."""
    shown = _shown_spans(review, item, None)
    text = review.text(review.item(item)["doc_id"])
    near = (shown["cue"] or next(s for s in shown.values() if s))[0]
    out = dict(shown)
    for role, words in (("speaker", speaker), ("cue", cue), ("content", content)):
        if words is None:
            continue
        span = shown[role]
        if span and " ".join(words.split()) == " ".join(text[span[0]:span[1]].split()):
            continue
        out[role] = None if words.strip() in ("", "-") else \
            locate(text, words, near=near, window=(0, len(text)))
    return out
