"""Attribution of reported speech: who said what, with which reporting verb.

``extract`` is a pure function of a document's text: it finds every reporting cue (reporting verb,
"according to", a colon after a name), the speaker mention and the reported content, all with
character offsets into the original text, and gives each speaker a canonical id that is shared by
every mention of the same source in the document. ``attribute`` runs it over a corpus and merges
speaker ids across documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit._attrib import Draft, extract_drafts
from toolkit._lexicon import Lexicon, default_lexicon
from toolkit._lexicon import load_lexicon as _load_lexicon
from toolkit.errors import ParameterError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Attribution", "COLUMNS", "Lexicon", "attribute", "corpus_speakers", "cued", "extract",
    "load_lexicon", "lookup_verb", "to_frame",
]

KINDS = ("direct", "indirect", "mixed", "floating", "cognitive", "evidential")
SPEAKER_TYPES = ("person", "organization", "anonymous", "unresolved")


@dataclass(frozen=True)
class Attribution:
    """One attribution. Offsets index the original text (end exclusive); ``text[a:b] == field``.

    ``speaker`` is the canonical id (``None`` when unresolved); ``speaker_mention`` the words in
    the text (a pronoun stays a pronoun). Floating quotes have an empty ``cue`` at the quote start
    and no speaker offsets. ``kind`` is one of direct, indirect, mixed, floating, cognitive,
    evidential; ``verb_category`` is the lexicon category of the cue (None for floating quotes).
    """

    doc_id: str | None
    speaker: str | None
    speaker_type: str
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_lemma: str | None
    cue_start: int
    cue_end: int
    content: str | None
    content_start: int | None
    content_end: int | None
    kind: str
    verb_category: str | None
    speaker_title: str | None = None
    paragraph: int = 0
    sentence: int = 0


COLUMNS = tuple(f.name for f in fields(Attribution))


def lookup_verb(form: str, *, lexicon: Lexicon | None = None):
    """The reporting-verb entry of a surface form ("insisted", "pointed out"): an object with
    ``form``, ``lemma``, ``category`` and ``kind``; None when the form is not a cue."""
    return (lexicon or default_lexicon()).lookup(form)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a reporting-verb lexicon (TSV: lemma, category, kind[, forms]) to pass to ``extract``."""
    return _load_lexicon(path)


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
        paragraph=draft.paragraph,
        sentence=draft.sentence,
    )


def _check_excluded(excluded: Iterable[Sequence[int]]) -> tuple[tuple[int, int], ...]:
    spans = []
    for span in excluded:
        if len(span) != 2:
            raise ParameterError(f"excluded span {span!r} is not a (start, end) pair",
                                 hint="pass a sequence of (start, end) offsets")
        spans.append((int(span[0]), int(span[1])))
    return tuple(spans)


def extract(text: str, *, doc_id: str | None = None, lexicon: Lexicon | None = None,
            excluded: Iterable[Sequence[int]] = ()) -> list[Attribution]:
    """Attributions of one document, in text order.

    ``lexicon`` defaults to the shipped reporting-verb lexicon (see ``load_lexicon``);
    ``excluded`` holds ``(start, end)`` spans of boilerplate to ignore. Pure: no I/O beyond the
    first read of the shipped lexicon, inputs are not modified.
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be str, not {type(text).__name__}",
                             hint="decode the document first")
    drafts = extract_drafts(text, lexicon or default_lexicon(), _check_excluded(excluded))
    return [_record(d, text, doc_id) for d in drafts]


def to_frame(records: Iterable[Attribution]) -> pd.DataFrame:
    """Tidy table, one row per attribution, columns ``COLUMNS``, sorted by doc_id and cue_start."""
    import pandas as pd

    rows = [asdict(r) for r in records]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    frame = frame.sort_values(["doc_id", "cue_start", "cue_end"], kind="stable", na_position="first")
    for column in ("speaker_start", "speaker_end", "content_start", "content_end"):
        frame[column] = frame[column].astype("Int64")
    return frame.reset_index(drop=True)


def cued(records: Iterable[Attribution]) -> list[Attribution]:
    """Records that have a cue: floating continuations dropped.

    PolNeAR-style gold counts a cue-less quotation that continues a speaker's quote as part of
    the attribution before it, so scoring and the CLI's default output use this view.
    """
    return [r for r in records if r.kind != "floating"]


def _surname(name: str) -> str:
    return name.split()[-1].lower()


def corpus_speakers(records: Iterable[Attribution]) -> dict[str, str]:
    """Map each one-word speaker id to its corpus-wide person id.

    A one-word name ("Putin") becomes the corpus's full name with that surname ("Vladimir Putin")
    when exactly one full person name has it; full names are kept as they are. This includes
    one-word names a document typed as organizations for want of a person cue: a surname the
    corpus knows is a person's, anything else (a country, a place) stays an organization.
    """
    full: dict[str, Counter[str]] = defaultdict(Counter)
    singles: set[str] = set()
    for r in records:
        if r.speaker_type not in ("person", "organization") or not r.speaker or not r.speaker[:1].isupper():
            continue
        if " " in r.speaker:
            if r.speaker_type == "person" and r.speaker.split()[-1][:1].isupper():  # not "Energy analysts"
                full[_surname(r.speaker)][r.speaker] += 1
        else:
            singles.add(r.speaker)
    mapping = {}
    for name in singles:
        candidates = full.get(name.lower())
        if candidates and len(candidates) == 1:
            mapping[name] = next(iter(candidates))
    return mapping


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


def attribute(documents: Iterable[Any], *, lexicon: Lexicon | None = None,
              as_frame: bool = False) -> list[Attribution] | pd.DataFrame:
    """Attributions of a corpus with corpus-wide speaker ids.

    ``documents`` is a corpus (an iterable of objects with ``doc_id`` and ``text``, and optional
    ``excluded`` spans), ``(doc_id, text)`` pairs or plain strings. Per-document extraction is
    followed by a reduce that maps one-word person ids to the corpus's unambiguous full name.
    """
    records: list[Attribution] = []
    for number, document in enumerate(documents):
        doc_id, text, excluded = _doc_fields(document)
        records.extend(extract(text, doc_id=doc_id if doc_id is not None else str(number),
                               lexicon=lexicon, excluded=excluded))
    mapping = corpus_speakers(records)
    merged = [replace(r, speaker=mapping[r.speaker], speaker_type="person") if r.speaker in mapping else r
              for r in records]
    return to_frame(merged) if as_frame else merged
