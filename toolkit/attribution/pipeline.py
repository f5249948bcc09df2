"""Attribution of reported speech: who said what, with which reporting verb.

``extract`` is a pure function of a document's text: it finds every reporting cue (reporting verb,
"according to", a colon after a name), the speaker mention and the reported content, all with
character offsets into the original text, and gives each speaker a canonical id that is shared by
every mention of the same source in the document. ``attribute`` runs it over a corpus and merges
speaker ids across documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from toolkit.attribution.drafts import Draft, Rejection
from toolkit.attribution.extractor import extract_drafts
from toolkit.attribution.records import Attribution, RejectedCue, to_frame
from toolkit.attribution.speakers import merge_speakers, quoted_first_person
from toolkit.attribution.verb_lexicon import VerbLexicon, default_verb_lexicon
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["attribute", "extract", "lookup_verb"]

def lookup_verb(form: str, *, lexicon: VerbLexicon | None = None):
    """The reporting-verb entry of a surface form ("insisted", "pointed out"): an object with
    ``form``, ``lemma``, ``category`` and ``kind``; None when the form is not a cue."""
    return (lexicon or default_verb_lexicon()).lookup(form)


def _record(draft: Draft, text: str, doc_id: str | None) -> Attribution:
    resolved = draft.resolved
    speaker = resolved.speaker if resolved is not None else None
    speaker_type = resolved.type if resolved is not None and speaker is not None else "unresolved"
    has_speaker = draft.speaker_start is not None
    has_content = draft.content_start is not None
    entry = draft.entry
    return Attribution(
        doc_id=doc_id,
        speaker=speaker,
        speaker_type=speaker_type,
        speaker_mention=text[draft.speaker_start:draft.speaker_end] if has_speaker else None,
        speaker_start=draft.speaker_start,
        speaker_end=draft.speaker_end,
        cue=text[draft.cue_start:draft.cue_end],
        cue_lemma=entry.lemma if entry is not None else None,
        cue_start=draft.cue_start,
        cue_end=draft.cue_end,
        content=text[draft.content_start:draft.content_end] if has_content else None,
        content_start=draft.content_start,
        content_end=draft.content_end,
        kind=draft.kind,
        verb_category=entry.category if entry is not None else None,
        speaker_title=resolved.title if resolved is not None and speaker is not None else None,
        speaker_age=resolved.age if resolved is not None and speaker is not None else None,
        paragraph=draft.paragraph,
        sentence=draft.sentence,
        content_spans=draft.content_spans,
        explain=tuple(draft.steps) if draft.steps is not None else None,
        embedded=draft.embedded,
    )


def _rejected(rejection: Rejection, text: str, doc_id: str | None) -> RejectedCue:
    outcome = rejection.outcome
    return RejectedCue(doc_id=doc_id, cue=text[rejection.cue_start:rejection.cue_end],
                       cue_start=rejection.cue_start, cue_end=rejection.cue_end,
                       rule=rejection.rule, reason=outcome.name.lower(), reason_text=outcome.value)


def _check_excluded(excluded: Iterable[Sequence[int]]) -> tuple[tuple[int, int], ...]:
    spans = []
    for span in excluded:
        if len(span) != 2:
            raise ParameterError(f"excluded span {span!r} is not a (start, end) pair",
                                 hint="pass a sequence of (start, end) offsets")
        spans.append((int(span[0]), int(span[1])))
    return tuple(spans)


def extract(text: str, *, doc_id: str | None = None, lexicon: VerbLexicon | None = None,
            excluded: Iterable[Sequence[int]] = (),
            explain: bool = False) -> list[Attribution] | list[Attribution | RejectedCue]:
    """Attributions of one document, in text order.

    ``lexicon`` defaults to the shipped reporting-verb lexicon (see :func:`~toolkit.attribution.verb_lexicon.load_verb_lexicon`);
    ``excluded`` holds ``(start, end)`` spans of boilerplate to ignore. Pure: no I/O beyond the
    first read of the shipped lexicon, inputs are not modified.

    With ``explain`` every attribution carries its rule path in ``explain``, and the candidate
    cues that became no attribution are listed too, as :class:`RejectedCue` records with the
    reason, all in order of their cue offsets.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be str, not {type(text).__name__}",
                             hint="decode the document first")
    drafts, rejections = extract_drafts(text, lexicon or default_verb_lexicon(),
                                        _check_excluded(excluded), explain=explain)
    records = quoted_first_person([_record(d, text, doc_id) for d in drafts])
    if not explain:
        return records
    listed: list[Attribution | RejectedCue] = records
    listed += [_rejected(r, text, doc_id) for r in rejections]
    listed.sort(key=lambda r: (r.cue_start, r.cue_end))
    return listed


def _doc_fields(document: Any) -> tuple[str | None, str, tuple[tuple[int, int], ...]]:
    if isinstance(document, str):
        return None, document, ()
    if isinstance(document, tuple) and len(document) == 2:
        return str(document[0]), document[1], ()
    doc_id = getattr(document, "doc_id", None)
    text = getattr(document, "text", None)
    if not isinstance(text, str):
        raise ParameterError(f"cannot read a text from {type(document).__name__}",
                             hint="pass Documents, (doc_id, text) pairs or strings")
    excluded = getattr(document, "excluded", ()) or ()
    return doc_id, text, _check_excluded(excluded)


def attribute(documents: Iterable[Any], *, lexicon: VerbLexicon | None = None,
              as_frame: bool = False) -> list[Attribution] | pd.DataFrame:
    """Attributions of a corpus with corpus-wide speaker ids.

    ``documents`` is a corpus (an iterable of objects with ``doc_id`` and ``text``, and optional
    ``excluded`` spans), ``(doc_id, text)`` pairs or plain strings. Per-document extraction is
    followed by a reduce that gives each person one id across the corpus (see
    :func:`~toolkit.attribution.speakers.merge_speakers`).
    """
    records: list[Attribution] = []
    for number, document in enumerate(documents):
        doc_id, text, excluded = _doc_fields(document)
        records.extend(extract(text, doc_id=doc_id if doc_id is not None else str(number),
                               lexicon=lexicon, excluded=excluded))
    merged = merge_speakers(records)
    return to_frame(merged) if as_frame else merged
