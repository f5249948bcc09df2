"""The exercises of tutorial 01 (the corpus): the load report, what cleaning left out, and
character offsets."""

from __future__ import annotations

from typing import Any

from toolkit.teaching.checking import (
    Unusable,
    as_count,
    as_text,
    exercise,
    is_table,
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
    records = sample().report()
    expected = sum(r.status != "ok" for r in records)
    got = as_count(answer)
    if got == expected:
        return True, None
    if got == len(records):
        return False, "that is every input file; count only those whose status is not 'ok'"
    if got == len(records) - expected:
        return False, "that is the number of 'ok' documents; the question asks for the others"
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
    spans = _repeated_headline_spans()
    expected = {norm(x.reason) for x in spans}
    if hasattr(answer, "reason") and not is_table(answer):
        answer = answer.reason
    got = norm(as_text(answer, "reason"))
    if expected and got in expected:
        return True, None
    doc = sample().get(sample_doc_id(_DUP_DOC))
    others = {norm(x.reason) for x in doc.cleaned.excluded} - expected
    if got in others:
        return False, ("that reason belongs to another excluded line of this article; pick "
                       "the rows whose text repeats the headline")
    return False, None


def _first_sentence_after_headline() -> tuple[tuple[int, int], Any]:
    from toolkit.corpus.segment import segment

    doc = sample().get(sample_doc_id(_OFFSET_DOC))
    seg = segment(doc.text, excluded=doc.excluded)
    headline_end = seg.paragraphs[0][1]
    span = next(s for s in seg.sentences if s[0] >= headline_end)
    return span, doc


@exercise("corpus-offsets", "01_corpus",
          "Give the character offsets (start, end) of the first sentence after the headline "
          "of the 2026-03-09 Harbor Ledger article.",
          "segment(doc.text, excluded=doc.excluded).sentences is a list of (start, end) "
          "pairs; the headline is sentence 0")
def _corpus_offsets(answer: Any) -> tuple[bool, str | None]:
    (start, end), doc = _first_sentence_after_headline()
    if isinstance(answer, str):
        if norm(answer) == norm(doc.text[start:end]):
            return False, "that is the sentence's text; the question asks for its offsets " \
                          "(start, end), two whole numbers"
        raise Unusable("give the offsets as a pair of whole numbers: (start, end)")
    try:
        got = tuple(int(v) for v in answer)
    except (TypeError, ValueError):
        raise Unusable("give the offsets as a pair of whole numbers: (start, end)") from None
    if len(got) != 2:
        raise Unusable("give exactly two numbers: (start, end)")
    if got == (start, end):
        return True, None
    in_body = doc.cleaned.to_body(start)
    if in_body is not None and got == (in_body, in_body + end - start):
        return False, ("those offsets index doc.body, the cleaned view; offsets in the toolkit "
                       "index doc.text, the text exactly as read from the file")
    if got[1] - got[0] == end - start:
        return False, "right length, wrong place: is this the first sentence after the headline?"
    return False, None
