"""Floating quotations: quoted sentences without a cue that continue the previous speaker.

A quotation that opens its sentence, is not yet used by an attribution, and follows a direct or
mixed attribution in the same or the next paragraph continues that attribution's speaker. A
quotation opening the paragraph right after an indirect speech attribution that closes its own
paragraph continues it too (``Fraser says the system is designed for that.`` then a quoted
paragraph), and so does a quotation after an indirect speech attribution of its own paragraph. A
run of such quotations with only white space between them becomes one floating
draft.
"""

from __future__ import annotations

from bisect import bisect_right

from toolkit.attribution.drafts import Draft
from toolkit.attribution.text import Spans, TextView

__all__ = ["floating_quotes"]

_MIN_WORDS = 4  # shorter quotations are phrases, not quoted sentences


def _reach(draft: Draft) -> int:
    return max(draft.cue_end, draft.content_end or 0)


def _closes_indirect_paragraph(view: TextView, anchor: Draft, paragraph: int, q_start: int) -> bool:
    """Is ``anchor`` an indirect speech attribution with a speaker that ends the paragraph right
    before the one the quotation at ``q_start`` opens?"""
    if anchor.kind != "indirect" or anchor.speaker_start is None or anchor.entry is None \
            or anchor.entry.kind != "speech" \
            or paragraph != anchor.paragraph + 1 or view.paragraphs[paragraph][0] != q_start:
        return False
    sentence_end = view.sentences[anchor.sentence][1]
    return not view.text[sentence_end:view.paragraphs[anchor.paragraph][1]].strip()


def _indirect_in_paragraph(anchor: Draft, paragraph: int) -> bool:
    """Is ``anchor`` an indirect speech attribution with a speaker earlier in the quotation's
    own paragraph (``…, adding that the channels exist. “It is important to avoid …”``)?"""
    return anchor.kind == "indirect" and anchor.speaker_start is not None \
        and anchor.entry is not None and anchor.entry.kind == "speech" \
        and anchor.paragraph == paragraph


def floating_quotes(view: TextView, drafts: list[Draft], used_quotes: set[int]) -> list[Draft]:
    """Floating drafts (kind "floating", antecedent: the attribution they continue) for the
    quotations of ``view`` that neither ``used_quotes`` nor the contents of ``drafts`` hold."""
    text = view.text
    covered = Spans([(d.content_start, d.content_end) for d in drafts
                     if d.content_start is not None and d.content_end > d.content_start])
    ordered = sorted(drafts, key=_reach)
    ends = [_reach(d) for d in ordered]
    floating: list[Draft] = []
    for k, (q_start, q_end) in enumerate(view.quotes.spans):
        if k in used_quotes or covered.overlaps(q_start, q_end):
            continue
        sentence = view.sentence_at(q_start)
        if view.sentences[sentence][0] != q_start or len(text[q_start:q_end].split()) < _MIN_WORDS:
            continue
        if floating and not text[floating[-1].content_end:q_start].strip():
            floating[-1].content_end = q_end
            continue
        a = bisect_right(ends, q_start) - 1
        if a < 0:
            continue
        anchor = ordered[a]
        paragraph = view.sentence_paragraph[sentence]
        if paragraph - anchor.paragraph > 1:
            continue
        if anchor.kind not in ("direct", "mixed") and not _closes_indirect_paragraph(
                view, anchor, paragraph, q_start) and not _indirect_in_paragraph(anchor, paragraph):
            continue
        floating.append(Draft(q_start, q_start, None, content_start=q_start, content_end=q_end,
                              kind="floating", paragraph=paragraph, sentence=sentence,
                              antecedent=anchor))
    return floating
