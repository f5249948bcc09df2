"""The exercises of tutorial 01 (the corpus): the load report, what cleaning left out, and
character offsets."""

from __future__ import annotations

from functools import cache
from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_text,
    exercise,
    norm,
    sample,
    sample_doc_id,
)

__all__: list[str] = []

_DUP_DOC = "2026-05-28_valdoria-wire"
_OFFSET_DOC = "2026-03-09_harbor-ledger"


@exercise("corpus-not-ok", "01_corpus",
          "How many input files did the loader skip or mark as duplicate?",
          "look at the status column of corpus.summary(): count the rows whose status is "
          "not 'ok'")
def _corpus_not_ok(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    records = sample().report()
    expected = sum(r.status != "ok" for r in records)
    n_ok = len(records) - expected
    if isinstance(answer, pd.DataFrame) and "status" in answer.columns \
            and (answer["status"] == "ok").any():
        if len(answer) == len(records):
            return False, "that is the whole summary; keep only the rows whose status is not 'ok'"
        raise Unusable("the table still has rows whose status is 'ok'; keep only the others")
    if isinstance(answer, pd.DataFrame) and "status" in answer.columns:
        answer = len(answer)
    got = as_count(answer, counts_hint="that is one count per status (value_counts): add up "
                                       "the counts of the statuses that are not 'ok'")
    if got == expected:
        return True, None
    if got == len(records):
        return False, "that is every input file; count only those whose status is not 'ok'"
    if got == n_ok:
        return False, ("that is the number of 'ok' documents (len(corpus) counts those too); "
                       "the question asks for the others")
    return False, None


def _repeated_headline_spans() -> list[Any]:
    from toolkit.corpus.clean import normalize_line

    doc = sample().get(sample_doc_id(_DUP_DOC))
    key = normalize_line(doc.title or doc.text.splitlines()[0])
    return [x for x in doc.cleaned.excluded if normalize_line(doc.text[x.start:x.end]) == key]


@exercise("corpus-excluded-reason", "01_corpus",
          "The 2026-05-28 Valdoria Wire story repeats its headline on lines 2 and 3. What "
          "reason does the cleaner give for leaving those lines out?",
          "use excluded_lines(corpus) (or doc.cleaned.excluded) and read the reason column "
          "of the rows whose text is the headline")
def _corpus_excluded_reason(answer: Any) -> tuple[bool, str | None]:
    import pandas as pd

    doc = sample().get(sample_doc_id(_DUP_DOC))
    spans = _repeated_headline_spans()
    expected = {norm(x.reason) for x in spans}
    if hasattr(answer, "reason") and not isinstance(answer, pd.DataFrame | pd.Series):
        answer = answer.reason
    if isinstance(answer, pd.DataFrame) and "doc_id" in answer.columns \
            and (answer["doc_id"] != doc.doc_id).any():
        raise Unusable("that table has lines of other articles too; keep the rows of the "
                       "2026-05-28 Valdoria Wire article whose text is the headline")
    got = norm(as_text(answer, "reason",
                       many="those lines have different reasons; keep only the rows whose "
                            "text repeats the headline"))
    if got in expected:
        return True, None
    if got == norm(doc.title or ""):
        return False, ("that is the text of the excluded line; the question asks for the "
                       "reason the cleaner gives (the reason column)")
    if got in {norm(x.reason) for x in doc.cleaned.excluded}:
        return False, ("that reason belongs to another excluded line of this article; pick "
                       "the rows whose text repeats the headline")
    if got in {"duplicate", "skipped", "ok"}:
        return False, (f"{got!r} is the status of a whole file in the load report; the "
                       "cleaner gives each line it leaves out a reason of its own, in the "
                       "reason column of excluded_lines(corpus)")
    return False, None


@cache
def _sentences(doc_id: str) -> tuple[tuple[int, int], ...]:
    from toolkit.corpus.segment import segment

    doc = sample().get(doc_id)
    return tuple(segment(doc.text, excluded=doc.excluded).sentences)


def _first_sentence_after_headline() -> tuple[tuple[int, int], Any]:
    from toolkit.corpus.segment import segment

    doc = sample().get(sample_doc_id(_OFFSET_DOC))
    seg = segment(doc.text, excluded=doc.excluded)
    headline_end = seg.paragraphs[0][1]
    span = next(s for s in seg.sentences if s[0] >= headline_end)
    return span, doc


def _as_offsets(answer: Any) -> tuple[int, ...]:
    import pandas as pd

    if isinstance(answer, pd.DataFrame) and {"start", "end"} <= set(answer.columns):
        if len(answer) != 1:
            raise Unusable("that is a table of several spans; the answer is one (start, end)")
        answer = answer.iloc[0]
    if isinstance(answer, pd.Series) and {"start", "end"} <= set(answer.index):
        answer = (answer["start"], answer["end"])
    try:
        return tuple(int(v) for v in answer)
    except (TypeError, ValueError):
        raise Unusable("give the offsets as a pair of whole numbers: (start, end)") from None


@exercise("corpus-offsets", "01_corpus",
          "Give the character offsets (start, end) of the first sentence after the headline "
          "of the 2026-03-09 Harbor Ledger article.",
          "get the article with corpus.get('2026-03-09_harbor-ledger'); then "
          "segment(doc.text, excluded=doc.excluded).sentences is a list of (start, end) "
          "pairs, and the headline is sentence 0")
def _corpus_offsets(answer: Any) -> tuple[bool, str | None]:
    (start, end), doc = _first_sentence_after_headline()
    if isinstance(answer, str):
        if norm(answer) == norm(doc.text[start:end]):
            return False, ("that is the sentence's text; the question asks for its offsets "
                           "(start, end), two whole numbers")
        raise Unusable("give the offsets as a pair of whole numbers: (start, end)")
    got = _as_offsets(answer)
    if len(got) != 2:
        raise Unusable("give exactly two numbers: (start, end)")
    if got == (start, end):
        return True, None
    in_body = doc.cleaned.to_body(start)
    if in_body is not None and got == (in_body, in_body + end - start):
        return False, ("those offsets index doc.body, the cleaned view; offsets in the toolkit "
                       "index doc.text, the text exactly as read from the file")
    if got == _sentences(doc.doc_id)[0]:
        return False, ("that is the headline (sentence 0); the question asks for the sentence "
                       "after it")
    if any((x.start, x.end) == got for x in doc.cleaned.excluded):
        return False, (f"that is the {doc.text[got[0]:got[1]]!r} line, which the cleaner left "
                       "out: segment with excluded=doc.excluded so it is not a sentence")
    first = next(iter(sample())).doc_id
    for other in sample().ids():
        if other != doc.doc_id and got in _sentences(other):
            where = " (the notebook's doc is that article)" if other == first else ""
            return False, (f"those are the offsets of a sentence of another article, "
                           f"{other}{where}; get the Harbor Ledger article first: "
                           "corpus.get('2026-03-09_harbor-ledger')")
    if got[1] - got[0] == end - start:
        return False, "right length, wrong place: is this the first sentence after the headline?"
    return False, None
